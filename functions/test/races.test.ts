import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApi, type TestApi } from './harness.ts'
import { propertyFixtures } from './property-fixtures.ts'

/**
 * Races and lost updates (docs/reliability.md). On PGlite requests are serialised by the single
 * connection, so these prove the logic; on Postgres (CI, TEST_DB=postgres) they run truly
 * concurrently on a pool of 10 and prove the conditional UPDATEs and row locks.
 */
const WRITERS = 8
let api: TestApi
let fx: ReturnType<typeof propertyFixtures>
beforeAll(async () => {
  api = await createTestApi()
  fx = propertyFixtures(api)
})
afterAll(() => api.close())

const statuses = (rs: { status: number }[]) => rs.map((r) => r.status).sort()

describe('concurrent PUTs with the same version: exactly one wins, the others get 409', () => {
  it('buildings', async () => {
    const { syndic } = await api.tenant()
    const b = await fx.building(syndic.token)
    const results = await Promise.all(
      Array.from({ length: WRITERS }, (_, i) =>
        api.request('PUT', `/api/v1/buildings/${b.id}`, {
          token: syndic.token,
          body: { name: `Writer ${i}` },
          headers: { 'if-match': String(b.version) },
        }),
      ),
    )
    expect(statuses(results)).toEqual([200, ...Array(WRITERS - 1).fill(409)])
    const winner = results.find((r) => r.status === 200)
    const now = await api.request('GET', `/api/v1/buildings/${b.id}`, { token: syndic.token })
    expect(now.body.version).toBe(b.version + 1)
    expect(now.body.name).toBe(winner?.body.name)
    for (const loser of results.filter((r) => r.status === 409))
      expect(loser.body.current_version).toBe(b.version + 1)
  })

  it('owners (version in the body)', async () => {
    const { syndic } = await api.tenant()
    const o = await fx.owner(syndic.token)
    const results = await Promise.all(
      Array.from({ length: WRITERS }, (_, i) =>
        api.request('PUT', `/api/v1/owners/${o.id}`, {
          token: syndic.token,
          body: { city: `City ${i}`, version: o.version },
        }),
      ),
    )
    expect(statuses(results)).toEqual([200, ...Array(WRITERS - 1).fill(409)])
  })

  it('units', async () => {
    const { syndic } = await api.tenant()
    const b = await fx.building(syndic.token)
    const u = await fx.unit(syndic.token, b.id)
    const results = await Promise.all(
      Array.from({ length: WRITERS }, (_, i) =>
        api.request('PUT', `/api/v1/units/${u.id}`, {
          token: syndic.token,
          body: { floor: i },
          headers: { 'if-match': `W/"${u.version}"` },
        }),
      ),
    )
    expect(statuses(results)).toEqual([200, ...Array(WRITERS - 1).fill(409)])
  })

  it('expenses: concurrent mark-paid with the same version', async () => {
    // Expenses are immutable once recorded; mark-paid is their one versioned write.
    const { syndic } = await api.tenant()
    const b = await fx.building(syndic.token)
    const e = await api.request('POST', '/api/v1/expenses', {
      token: syndic.token,
      body: {
        building_id: b.id,
        category: 'Maintenance',
        description: 'Entretien',
        amount: 100,
        expense_date: '2026-02-01',
      },
    })
    expect(e.status, e.text).toBe(201)
    const results = await Promise.all(
      Array.from({ length: WRITERS }, () =>
        api.request('PUT', `/api/v1/expenses/${e.body.id}/mark-paid`, {
          token: syndic.token,
          body: { paid_date: '2026-02-03' },
          headers: { 'if-match': String(e.body.version) },
        }),
      ),
    )
    expect(statuses(results)).toEqual([200, ...Array(WRITERS - 1).fill(409)])
  })
})

describe('concurrent ownership shares never exceed 100 % of a unit', () => {
  it(`${WRITERS} owners asking for 30 % each at once: three get in, the sum stays ≤ 1`, async () => {
    const { syndic, org } = await api.tenant()
    const b = await fx.building(syndic.token)
    const u = await fx.unit(syndic.token, b.id)
    const owners = await Promise.all(Array.from({ length: WRITERS }, () => fx.owner(syndic.token)))
    const results = await Promise.all(
      owners.map((o) =>
        api.request('POST', `/api/v1/units/${u.id}/owners`, {
          token: syndic.token,
          body: { owner_id: o.id, ownership_share: 0.3 },
        }),
      ),
    )
    const ok = results.filter((r) => r.status === 201 || r.status === 200)
    expect(ok).toHaveLength(3)
    for (const r of results) expect([200, 201, 409, 400]).toContain(r.status)
    const r = (await api.inspect.execute(sql`
      select coalesce(sum(share_ppm), 0)::int as ppm, count(*)::int as n from unit_ownerships
      where organization_id = ${org.id} and unit_id = ${u.id} and end_date is null`)) as {
      rows: { ppm: number; n: number }[]
    }
    expect(r.rows[0]).toEqual({ ppm: 900_000, n: 3 })
  })
})

describe('one Idempotency-Key replayed concurrently creates exactly one row', () => {
  const replay = async (path: string, token: string, body: unknown) => {
    const headers = { 'idempotency-key': `race-${crypto.randomUUID()}` }
    return Promise.all(
      Array.from({ length: WRITERS }, () => api.request('POST', path, { token, body, headers })),
    )
  }

  it('buildings', async () => {
    const { syndic, org } = await api.tenant()
    const name = `Idem ${crypto.randomUUID()}`
    const results = await replay('/api/v1/buildings', syndic.token, {
      name,
      address: 'Rue de la Loi 16',
      city: 'Bruxelles',
      postal_code: '1000',
      country: 'Belgium',
      total_units: 10,
      total_tantiemes: 1000,
    })
    expect(results.every((r) => r.status === 201 || r.status === 409)).toBe(true)
    const created = results.filter((r) => r.status === 201)
    expect(created.length).toBeGreaterThanOrEqual(1)
    expect(new Set(created.map((r) => r.body.id)).size).toBe(1)
    const rows = (await api.inspect.execute(
      sql`select count(*)::int as n from buildings where organization_id = ${org.id} and name = ${name}`,
    )) as { rows: { n: number }[] }
    expect(rows.rows[0]?.n).toBe(1)
    const audit = (await api.inspect.execute(
      sql`select count(*)::int as n from audit_log where organization_id = ${org.id} and entity_id = ${created[0]?.body.id}`,
    )) as { rows: { n: number }[] }
    expect(audit.rows[0]?.n).toBe(1)
  })

  it('expenses', async () => {
    const { syndic, org } = await api.tenant()
    const b = await fx.building(syndic.token)
    const description = `Idem ${crypto.randomUUID()}`
    const results = await replay('/api/v1/expenses', syndic.token, {
      building_id: b.id,
      category: 'Maintenance',
      description,
      amount: 100,
      expense_date: '2026-02-01',
    })
    expect(results.every((r) => r.status === 201 || r.status === 409)).toBe(true)
    const rows = (await api.inspect.execute(
      sql`select count(*)::int as n from expenses where organization_id = ${org.id} and description = ${description}`,
    )) as { rows: { n: number }[] }
    expect(rows.rows[0]?.n).toBe(1)
  })
})
