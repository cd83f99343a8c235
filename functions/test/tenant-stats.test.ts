import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApi, type TestApi } from './harness.ts'
import { propertyFixtures } from './property-fixtures.ts'

/**
 * Counters never count another tenant's rows (docs/security.md): organization B's dashboard must
 * equal B's own rows counted in SQL, while A (sharing the database) holds many more of each.
 */
let api: TestApi
beforeAll(async () => {
  api = await createTestApi()
})
afterAll(() => api.close())

describe('stats are per tenant', () => {
  it("B's /stats/dashboard equals B's own counts, whatever A holds", async () => {
    const fx = propertyFixtures(api)
    const a = await api.tenant()
    for (let i = 0; i < 3; i++) {
      const b = await fx.building(a.syndic.token)
      await fx.unit(a.syndic.token, b.id)
      await fx.unit(a.syndic.token, b.id)
      await fx.owner(a.syndic.token)
    }
    const b = await api.tenant()
    const mine = await fx.ownerWithUnit(b.syndic.token, b.org.id)
    expect(mine.unit.id).toBeTruthy()

    const count = async (table: string, org: string) => {
      const r = (await api.inspect.execute(
        sql.raw(`select count(*)::int as n from "${table}" where organization_id = '${org}'`),
      )) as { rows: { n: number }[] }
      return r.rows[0]?.n ?? -1
    }
    const expected = {
      total_users: await count('users', b.org.id),
      total_buildings: await count('buildings', b.org.id),
      total_owners: await count('owners', b.org.id),
      total_units: await count('units', b.org.id),
      total_expenses: await count('expenses', b.org.id),
      total_meetings: await count('meetings', b.org.id),
    }
    expect(expected.total_buildings).toBe(1)
    for (const token of [b.syndic.token, b.accountant.token]) {
      const res = await api.request('GET', '/api/v1/stats/dashboard', { token })
      expect(res.status, res.text).toBe(200)
      expect(res.body).toMatchObject(expected)
      expect(res.body.total_organizations).toBeLessThanOrEqual(1)
    }
    // An owner user sees no platform counters (or only their own organization's).
    const owner = await api.request('GET', '/api/v1/stats/dashboard', { token: mine.user.token })
    if (owner.status === 200) expect(owner.body).toMatchObject({ total_buildings: expected.total_buildings })
    else expect(owner.status).toBe(403)
  })
})
