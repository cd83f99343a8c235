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

describe('PATCH /expenses/{id}: a draft is edited, an approved expense is corrected', () => {
  it('edits a draft in place (audited, nothing posted), then refuses once approved, pointing to the correction', async () => {
    const t = await api.tenant()
    const token = t.syndic.token
    const b = await fx.building(token, { total_units: 1, total_tantiemes: 1000 })
    await fx.unit(token, b.id, { unit_number: 'A', quota: 1000 })
    const created = await api.request('POST', '/api/v1/expenses', {
      token,
      body: {
        building_id: b.id,
        category: 'Repairs',
        description: 'Porte',
        amount_excl_vat_cents: 10_000,
        vat_rate: 21,
        expense_date: '2026-02-10',
        draft: true,
      },
    })
    expect(created.status, JSON.stringify(created.body)).toBe(201)
    const id = (created.body as { id: string }).id
    expect(created.body).toMatchObject({ status: 'draft', amount_cents: 12_100, version: 1 })
    const edited = await api.request('PATCH', `/api/v1/expenses/${id}`, {
      token: t.accountant.token,
      body: { description: 'Porte du garage', amount_excl_vat_cents: 20_000, vat_rate: 6, version: 1 },
    })
    expect(edited.status, JSON.stringify(edited.body)).toBe(200)
    expect(edited.body).toMatchObject({
      status: 'draft',
      description: 'Porte du garage',
      amount_cents: 21_200,
      vat_cents: 1_200,
      category: 'Repairs',
      expense_date: '2026-02-10',
      version: 2,
    })
    const posted = (await api.inspect.execute(
      sql`select count(*)::int as n from ledger_entries where source_id = ${id}`,
    )) as { rows: { n: number }[] }
    expect(posted.rows[0]?.n).toBe(0)
    const audit = (await api.inspect.execute(
      sql`select action from audit_log where entity_id = ${id} order by id`,
    )) as { rows: { action: string }[] }
    expect(audit.rows.map((r) => r.action)).toEqual(['expense.create', 'expense.draft_edit'])
    const stale = await api.request('PATCH', `/api/v1/expenses/${id}`, { token, body: { version: 1 } })
    expect(stale.status).toBe(409)
    expect((await api.request('POST', `/api/v1/expenses/${id}/approve`, { token })).status).toBe(200)
    const refused = await api.request('PATCH', `/api/v1/expenses/${id}`, {
      token,
      body: { description: 'Trop tard' },
    })
    expect(refused.status).toBe(409)
    expect(refused.body).toMatchObject({ code: 'expense_not_draft' })
    expect(String((refused.body as { detail: string }).detail)).toContain('corrections')
  })

  it('another tenant’s draft is a 404', async () => {
    const a = await api.tenant()
    const other = await api.tenant()
    const b = await fx.building(a.syndic.token, { total_units: 1, total_tantiemes: 1000 })
    const created = await api.request('POST', '/api/v1/expenses', {
      token: a.syndic.token,
      body: {
        building_id: b.id,
        category: 'Repairs',
        description: 'Porte',
        amount_cents: 100,
        expense_date: '2026-02-10',
        draft: true,
      },
    })
    const res = await api.request('PATCH', `/api/v1/expenses/${(created.body as { id: string }).id}`, {
      token: other.syndic.token,
      body: { description: 'x' },
    })
    expect(res.status).toBe(404)
  })
})
