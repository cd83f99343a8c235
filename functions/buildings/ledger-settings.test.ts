import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApi, type TestApi } from '../test/harness.ts'
import { propertyFixtures } from '../test/property-fixtures.ts'

let api: TestApi
let fx: ReturnType<typeof propertyFixtures>
beforeAll(async () => {
  api = await createTestApi()
  fx = propertyFixtures(api)
})
afterAll(() => api.close())

describe('the fiscal year start month (ledger settings)', () => {
  it('is writable before postings, then refused only when it would move a posted entry to another year', async () => {
    const t = await api.tenant()
    const token = t.syndic.token
    const b = await fx.building(token, { total_units: 1, total_tantiemes: 1000 })
    await fx.unit(token, b.id, { unit_number: 'A', quota: 1000 })
    const path = `/api/v1/buildings/${b.id}/ledger/settings`
    expect((await api.request('GET', path, { token })).body).toMatchObject({ fiscal_year_start_month: 1 })
    const july = await api.request('PUT', path, { token, body: { fiscal_year_start_month: 7 } })
    expect(july.status, JSON.stringify(july.body)).toBe(200)
    expect((await api.request('GET', path, { token: t.accountant.token })).body).toMatchObject({
      fiscal_year_start_month: 7,
    })
    // An invoice of 10 February 2026 is in the fiscal year 2025 (July 2025 – June 2026).
    const e = await api.request('POST', '/api/v1/expenses', {
      token,
      body: {
        building_id: b.id,
        category: 'Insurance',
        description: 'Assurance',
        amount_cents: 120_000,
        expense_date: '2026-02-10',
      },
    })
    expect(e.status).toBe(201)
    const years = (await api.inspect.execute(
      sql`select distinct fiscal_year from ledger_entries where building_id = ${b.id}`,
    )) as { rows: { fiscal_year: number }[] }
    expect(years.rows.map((r) => r.fiscal_year)).toEqual([2025])
    // Back to calendar years would move it to 2026: refused, with the count.
    const refused = await api.request('PUT', path, { token, body: { fiscal_year_start_month: 1 } })
    expect(refused.status).toBe(409)
    expect(refused.body).toMatchObject({ code: 'fiscal_year_has_postings', params: { month: 1, entries: 1 } })
    // March keeps February 2026 in the year that started in March 2025: allowed.
    const march = await api.request('PUT', path, { token, body: { fiscal_year_start_month: 3 } })
    expect(march.status).toBe(200)
    expect((await api.request('PUT', path, { token, body: { fiscal_year_start_month: 13 } })).status).toBe(
      400,
    )
    expect(
      (await api.request('PUT', path, { token: t.owner.token, body: { fiscal_year_start_month: 2 } })).status,
    ).toBe(403)
    const other = await api.tenant()
    expect(
      (await api.request('PUT', path, { token: other.syndic.token, body: { fiscal_year_start_month: 2 } }))
        .status,
    ).toBe(404)
    const audit = (await api.inspect.execute(
      sql`select action, details->>'fiscalYearStartMonth' as m from audit_log where entity_id = ${b.id} and action = 'building.ledger_settings' order by id`,
    )) as { rows: { m: string }[] }
    expect(audit.rows.map((r) => r.m)).toEqual(['7', '3'])
  })
})
