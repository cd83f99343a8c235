import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApi, type TestApi } from '../test/harness.ts'
import { propertyFixtures } from '../test/property-fixtures.ts'

/**
 * Owner charges read the distribution frozen when the expense was approved, with its key (issue
 * #15 item 2, ADR 0037): changing a lot's quota afterwards does not change what an owner was
 * charged, and an expense under a key charges only the key's lots.
 */
let api: TestApi
let fx: ReturnType<typeof propertyFixtures>
beforeAll(async () => {
  api = await createTestApi()
  fx = propertyFixtures(api)
})
afterAll(() => api.close())

type Line = { expense_id: string; amount_cents: number }

describe('owner charges from the frozen distribution', () => {
  it('a quota changed after approval leaves the owner’s charges as approved; a keyed expense charges the key’s lots only', async () => {
    const t = await api.tenant()
    const token = t.syndic.token
    const building = await fx.building(token, { total_units: 2, total_tantiemes: 1000 })
    const a = await fx.unit(token, building.id, { unit_number: 'A', quota: 400 })
    const b = await fx.unit(token, building.id, { unit_number: 'B', quota: 400 })
    const [o1, o2] = [await fx.owner(token), await fx.owner(token)]
    for (const [unit, owner] of [
      [a, o1],
      [b, o2],
    ] as const) {
      const res = await api.request('POST', `/api/v1/units/${unit.id}/owners`, {
        token,
        body: { owner_id: owner.id, ownership_share: 1, is_primary_contact: true, start_date: '2020-01-01' },
      })
      expect(res.status).toBe(201)
    }
    const key = await api.request('POST', `/api/v1/buildings/${building.id}/distribution-keys`, {
      token,
      body: { name: 'Jardin B', kind: 'subset', members: [{ unit_id: b.id, weight: 1 }] },
    })
    expect(key.status, JSON.stringify(key.body)).toBe(201)
    const expense = async (amountCents: number, keyId?: string) => {
      const res = await api.request('POST', '/api/v1/expenses', {
        token,
        body: {
          building_id: building.id,
          category: 'Maintenance',
          description: 'Entretien',
          amount_cents: amountCents,
          expense_date: '2026-02-01',
          ...(keyId ? { distribution_key_id: keyId } : {}),
        },
      })
      expect(res.status, JSON.stringify(res.body)).toBe(201)
      return (res.body as { id: string }).id
    }
    const general = await expense(100_000)
    const keyed = await expense(30_000, (key.body as { id: string }).id)
    const charges = async (ownerId: string) => {
      const res = await api.request('GET', `/api/v1/owners/${ownerId}/charges?per_page=100&page=1`, { token })
      expect(res.status, JSON.stringify(res.body)).toBe(200)
      const lines = (res.body.data as Line[]).map((l) => [l.expense_id, l.amount_cents])
      return { lines, total: res.body.totals.total_cents as number }
    }
    const before1 = await charges(o1.id)
    const before2 = await charges(o2.id)
    // 1000.00 over 400/1000: 400.00 each (200 tantièmes unallocated); the garden key: B only.
    expect(before1).toEqual({ lines: [[general, 40_000]], total: 40_000 })
    expect(before2.total).toBe(40_000 + 30_000)
    expect(new Map(before2.lines as [string, number][])).toEqual(
      new Map([
        [general, 40_000],
        [keyed, 30_000],
      ]),
    )
    const changed = await api.request('PUT', `/api/v1/units/${a.id}`, { token, body: { quota: 600 } })
    expect(changed.status, JSON.stringify(changed.body)).toBe(200)
    expect(await charges(o1.id)).toEqual(before1)
    expect(await charges(o2.id)).toEqual(before2)
    // The expense's distribution (frozen) agrees with the charges.
    const dist = await api.request('GET', `/api/v1/expenses/${general}/distribution`, { token })
    const partA = (dist.body.units as { unit_id: string; amount_cents: number }[]).find(
      (u) => u.unit_id === a.id,
    )
    expect(partA?.amount_cents).toBe(40_000)
  })
})
