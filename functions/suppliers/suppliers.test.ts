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

// 0123.456.749: 01234567 mod 97 = 48, 97 − 48 = 49 (the check digits).
const ROOFER = {
  name: 'Toitures Dupont SRL',
  enterprise_number: 'BE 0123.456.749',
  vat_number: 'be0123456749',
  iban: 'BE68 5390 0754 7034',
  address: 'Rue du Toit 1, 1000 Bruxelles',
  language: 'fr',
}

async function auditActions(entityId: string): Promise<string[]> {
  const r = (await api.inspect.execute(
    sql`select action from audit_log where entity_id = ${entityId} order by id`,
  )) as { rows: { action: string }[] }
  return r.rows.map((row) => row.action)
}

describe('suppliers as records', () => {
  it('a syndic records, lists, reads, changes and deletes a supplier; numbers are normalized and every write audited', async () => {
    const t = await api.tenant()
    const created = await api.request('POST', '/api/v1/suppliers', { token: t.syndic.token, body: ROOFER })
    expect(created.status, JSON.stringify(created.body)).toBe(201)
    const s = created.body as Record<string, unknown>
    expect(s).toMatchObject({
      name: 'Toitures Dupont SRL',
      enterprise_number: '0123.456.749',
      vat_number: 'BE0123456749',
      iban: 'BE68539007547034',
      language: 'fr',
      version: 1,
      organization_id: t.org.id,
    })
    const list = await api.request('GET', '/api/v1/suppliers?search=dupont', { token: t.accountant.token })
    expect(list.status).toBe(200)
    expect((list.body as { data: { id: string }[] }).data.map((x) => x.id)).toEqual([s.id])
    const put = await api.request('PUT', `/api/v1/suppliers/${s.id}`, {
      token: t.accountant.token,
      body: { ...ROOFER, name: 'Toitures Dupont & Fils SRL', version: 1 },
    })
    expect(put.status, JSON.stringify(put.body)).toBe(200)
    expect(put.body).toMatchObject({ name: 'Toitures Dupont & Fils SRL', version: 2 })
    const stale = await api.request('PUT', `/api/v1/suppliers/${s.id}`, {
      token: t.syndic.token,
      body: { ...ROOFER, version: 1 },
    })
    expect(stale.status).toBe(409)
    const del = await api.request('DELETE', `/api/v1/suppliers/${s.id}`, { token: t.syndic.token })
    expect(del.status).toBe(204)
    expect(await auditActions(String(s.id))).toEqual([
      'supplier.create',
      'supplier.update',
      'supplier.delete',
    ])
  })

  it('refuses a wrong enterprise number (mod 97), a bad IBAN and a Belgian VAT number that is not the enterprise number, all at once', async () => {
    const t = await api.tenant()
    const res = await api.request('POST', '/api/v1/suppliers', {
      token: t.syndic.token,
      body: { name: 'X', enterprise_number: '0123.456.748', iban: 'BE68539007547035', vat_number: 'BE0999' },
    })
    expect(res.status).toBe(400)
    const paths = ((res.body as { errors?: { path: string }[] }).errors ?? []).map((i) => i.path).sort()
    expect(paths).toEqual(['enterprise_number', 'iban', 'vat_number'])
    const mismatch = await api.request('POST', '/api/v1/suppliers', {
      token: t.syndic.token,
      body: { name: 'Y', enterprise_number: '0123.456.749', vat_number: 'BE0403170701' },
    })
    expect(mismatch.status).toBe(400)
  })

  it('another tenant’s supplier is a 404; an owner is refused', async () => {
    const a = await api.tenant()
    const b = await api.tenant()
    const created = await api.request('POST', '/api/v1/suppliers', { token: a.syndic.token, body: ROOFER })
    const id = (created.body as { id: string }).id
    for (const [method, path] of [
      ['GET', `/api/v1/suppliers/${id}`],
      ['GET', `/api/v1/suppliers/${id}/account`],
      ['DELETE', `/api/v1/suppliers/${id}`],
    ] as const) {
      const res = await api.request(method, path, { token: b.syndic.token })
      expect(res.status, `${method} ${path}`).toBe(404)
    }
    const put = await api.request('PUT', `/api/v1/suppliers/${id}`, { token: b.syndic.token, body: ROOFER })
    expect(put.status).toBe(404)
    const list = await api.request('GET', '/api/v1/suppliers', { token: b.syndic.token })
    expect((list.body as { data: unknown[] }).data).toEqual([])
    expect((await api.request('GET', '/api/v1/suppliers', { token: a.owner.token })).status).toBe(403)
    expect((await api.request('GET', `/api/v1/suppliers/${id}`, { token: a.owner.token })).status).toBe(403)
  })

  it('an expense naming a supplier keeps the v1 free-text fields filled, its 440 lines carry the supplier, and the supplier’s account shows invoice and payment', async () => {
    const t = await api.tenant()
    const token = t.syndic.token
    const b = await fx.building(token, { total_units: 1, total_tantiemes: 1000 })
    await fx.unit(token, b.id, { unit_number: 'A', quota: 1000 })
    const s = (await api.request('POST', '/api/v1/suppliers', { token, body: ROOFER })).body as { id: string }
    const other = await api.tenant()
    const foreign = (
      (await api.request('POST', '/api/v1/suppliers', { token: other.syndic.token, body: ROOFER })).body as {
        id: string
      }
    ).id
    const refused = await api.request('POST', '/api/v1/expenses', {
      token,
      body: {
        building_id: b.id,
        category: 'Repairs',
        description: 'Roof',
        amount_cents: 121000,
        expense_date: '2026-02-10',
        supplier_id: foreign,
      },
    })
    expect(refused.status).toBe(400)
    const res = await api.request('POST', '/api/v1/expenses', {
      token,
      body: {
        building_id: b.id,
        category: 'Repairs',
        description: 'Roof',
        amount_cents: 121000,
        expense_date: '2026-02-10',
        supplier_id: s.id,
      },
    })
    expect(res.status, JSON.stringify(res.body)).toBe(201)
    const e = res.body as Record<string, unknown>
    // v1 readers: the free-text fields are there, filled from the record.
    expect(e).toMatchObject({
      supplier: 'Toitures Dupont SRL',
      supplier_enterprise_number: '0123.456.749',
      supplier_iban: 'BE68539007547034',
      supplier_id: s.id,
      amount: 1210,
    })
    const paid = await api.request('PUT', `/api/v1/expenses/${e.id}/mark-paid`, {
      token,
      body: { paid_date: '2026-03-01' },
    })
    expect(paid.status, JSON.stringify(paid.body)).toBe(200)
    const lines = (await api.inspect.execute(
      sql`select supplier_id, debit_cents, credit_cents from ledger_lines where account = '440' and building_id = ${b.id} order by debit_cents`,
    )) as { rows: { supplier_id: string | null; debit_cents: string; credit_cents: string }[] }
    expect(lines.rows.map((r) => [r.supplier_id, Number(r.debit_cents), Number(r.credit_cents)])).toEqual([
      [s.id, 0, 121000],
      [s.id, 121000, 0],
    ])
    const account = await api.request('GET', `/api/v1/suppliers/${s.id}/account`, {
      token: t.accountant.token,
    })
    expect(account.status).toBe(200)
    expect(account.body).toMatchObject({ credit_cents: 121000, debit_cents: 121000, balance_cents: 0 })
    const acc = account.body as { lines: { running_balance_cents: number; date: string }[] }
    expect(acc.lines.map((l) => [l.date, l.running_balance_cents])).toEqual([
      ['2026-02-10', 121000],
      ['2026-03-01', 0],
    ])
    // A supplier an expense names stays.
    const del = await api.request('DELETE', `/api/v1/suppliers/${s.id}`, { token })
    expect(del.status).toBe(409)
    expect((del.body as { code: string }).code).toBe('supplier_in_use')
  })
})
