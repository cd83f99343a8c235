import { describe, expect, it } from 'vitest'
import { ACTORS, ORG_A, TestWorld } from '../governance/testing/test-world.ts'
import { getDashboardStats } from './get-dashboard-stats.use-case.ts'

describe('getDashboardStats', () => {
  it('gives a superadmin the platform-wide counters', async () => {
    const world = new TestWorld()
    const r = await getDashboardStats({ ctx: world.ctx(ACTORS.superadmin) })
    expect(r).toMatchObject({ ok: true, value: { totalOrganizations: 2 } })
    expect(world.stats.asked).toEqual([{ organizationId: null }])
  })

  it('gives syndics and accountants their own organization only', async () => {
    const world = new TestWorld()
    for (const actor of [ACTORS.syndicA, ACTORS.accountantA]) {
      expect(await getDashboardStats({ ctx: world.ctx(actor) })).toMatchObject({
        ok: true,
        value: { totalOrganizations: 1 },
      })
    }
    expect(world.stats.asked).toEqual([{ organizationId: ORG_A }, { organizationId: ORG_A }])
  })

  it('refuses owners with 403: the firm’s totals are management information', async () => {
    const world = new TestWorld()
    expect(await getDashboardStats({ ctx: world.ctx(ACTORS.ownerA) })).toMatchObject({
      ok: false,
      error: { kind: 'forbidden' },
    })
    expect(world.stats.asked).toEqual([])
  })

  it('refuses a non-superadmin without organization rather than counting the platform', async () => {
    const world = new TestWorld()
    const orphan = { ...ACTORS.syndicA, organizationId: null }
    expect(await getDashboardStats({ ctx: world.ctx(orphan) })).toMatchObject({
      ok: false,
      error: { kind: 'forbidden' },
    })
    expect(world.stats.asked).toEqual([])
  })
})
