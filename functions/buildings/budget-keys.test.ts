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

async function auditActions(entityId: string): Promise<string[]> {
  const r = (await api.inspect.execute(
    sql`select action from audit_log where entity_id = ${entityId} order by id`,
  )) as { rows: { action: string }[] }
  return r.rows.map((row) => row.action)
}

/** Two ground-floor flats, two upper flats and two cellars (quote-parts of 1000), each owned. */
async function building() {
  const t = await api.tenant()
  const token = t.syndic.token
  const b = await fx.building(token, { total_units: 6, total_tantiemes: 1000 })
  const spec = [
    ['0A', 200, 0, 'Apartment'],
    ['0B', 200, 0, 'Apartment'],
    ['3A', 250, 3, 'Apartment'],
    ['3B', 250, 3, 'Apartment'],
    ['C1', 50, -1, 'Cellar'],
    ['C2', 50, -1, 'Cellar'],
  ] as const
  const units: Record<string, string> = {}
  for (const [number, quota, floor, type] of spec) {
    const u = await fx.unit(token, b.id, { unit_number: number, quota, floor, unit_type: type })
    const o = await fx.owner(token)
    const res = await api.request('POST', `/api/v1/units/${u.id}/owners`, {
      token,
      body: { owner_id: o.id, ownership_share: 1, is_primary_contact: true, start_date: '2020-01-01' },
    })
    expect(res.status, JSON.stringify(res.body)).toBe(201)
    units[number] = u.id
  }
  return { t, token, building: b, units }
}

const keysOf = (buildingId: string) => `/api/v1/buildings/${buildingId}/distribution-keys`
const budgetsOf = (buildingId: string) => `/api/v1/buildings/${buildingId}/budgets`

describe('distribution keys', () => {
  it('lift maintenance under the lift key is charged to the upper floors only, never to cellars', async () => {
    const { token, building: b, units } = await building()
    const key = await api.request('POST', keysOf(b.id), {
      token,
      body: {
        name: 'Ascenseur',
        kind: 'custom',
        statutory: true,
        members: [
          { unit_id: units['3A'], weight: 3 },
          { unit_id: units['3B'], weight: 3 },
          { unit_id: units['0A'], weight: 1 },
        ],
      },
    })
    expect(key.status, JSON.stringify(key.body)).toBe(201)
    const keyId = (key.body as { id: string }).id
    const expense = await api.request('POST', '/api/v1/expenses', {
      token,
      body: {
        building_id: b.id,
        category: 'Maintenance',
        description: 'Entretien ascenseur',
        amount_cents: 70_001,
        expense_date: '2026-02-01',
        distribution_key_id: keyId,
      },
    })
    expect(expense.status, JSON.stringify(expense.body)).toBe(201)
    const e = expense.body as { id: string; distribution_key_id: string | null }
    expect(e.distribution_key_id).toBe(keyId)
    const d = await api.request('GET', `/api/v1/expenses/${e.id}/distribution`, { token })
    expect(d.status, JSON.stringify(d.body)).toBe(200)
    const parts = new Map(
      (d.body as { units: { unit_id: string; amount_cents: number }[] }).units.map((u) => [
        u.unit_id,
        u.amount_cents,
      ]),
    )
    expect(parts.get(units.C1 as string) ?? 0).toBe(0)
    expect(parts.get(units.C2 as string) ?? 0).toBe(0)
    expect(parts.get(units['0B'] as string) ?? 0).toBe(0)
    expect([
      parts.get(units['3A'] as string),
      parts.get(units['3B'] as string),
      parts.get(units['0A'] as string),
    ]).toEqual([30_001, 30_000, 10_000])
    expect([...parts.values()].reduce((a, b) => a + b, 0)).toBe(70_001)
    expect(await auditActions(keyId)).toEqual(['distribution_key.create'])
  })

  it('an expense without a key keeps the general quote-parts; a key of another building is refused', async () => {
    const one = await building()
    const other = await fx.building(one.token)
    const otherUnit = await fx.unit(one.token, other.id)
    const foreignKey = await api.request('POST', keysOf(other.id), {
      token: one.token,
      body: { name: 'Parking', kind: 'subset', members: [{ unit_id: otherUnit.id, weight: null }] },
    })
    expect(foreignKey.status).toBe(201)
    const refused = await api.request('POST', '/api/v1/expenses', {
      token: one.token,
      body: {
        building_id: one.building.id,
        category: 'Maintenance',
        description: 'x',
        amount_cents: 100,
        expense_date: '2026-02-01',
        distribution_key_id: (foreignKey.body as { id: string }).id,
      },
    })
    expect(refused.status).toBe(400)
    expect(JSON.stringify(refused.body)).toContain('distribution_key_id')
    const plain = await api.request('POST', '/api/v1/expenses', {
      token: one.token,
      body: {
        building_id: one.building.id,
        category: 'Insurance',
        description: 'x',
        amount_cents: 100_000,
        expense_date: '2026-02-01',
      },
    })
    expect(plain.status).toBe(201)
    expect((plain.body as { distribution_key_id: null }).distribution_key_id).toBeNull()
    const d = await api.request('GET', `/api/v1/expenses/${(plain.body as { id: string }).id}/distribution`, {
      token: one.token,
    })
    const cellar = (d.body as { units: { unit_id: string; amount_cents: number }[] }).units.find(
      (u) => u.unit_id === one.units.C1,
    )
    expect(cellar?.amount_cents).toBe(5_000)
  })

  it('a key’s lots change only with the assembly resolution; a used key cannot be deleted; roles and tenants', async () => {
    const { t, token, building: b, units } = await building()
    const created = await api.request('POST', keysOf(b.id), {
      token,
      body: { name: 'Escalier A', kind: 'subset', members: [{ unit_id: units['0A'], weight: null }] },
    })
    const key = created.body as { id: string; version: number }
    const url = `${keysOf(b.id)}/${key.id}`
    const members = [
      { unit_id: units['0A'], weight: null },
      { unit_id: units['3A'], weight: null },
    ]
    const undecided = await api.request('PUT', url, {
      token,
      body: { name: 'Escalier A', kind: 'subset', members },
    })
    expect(undecided.status).toBe(400)
    expect(JSON.stringify(undecided.body)).toContain('resolution')
    const decided = await api.request('PUT', url, {
      token,
      body: {
        name: 'Escalier A',
        kind: 'subset',
        members,
        resolution_reference: 'AG 2026-03-10, point 7',
        version: 1,
      },
    })
    expect(decided.status, JSON.stringify(decided.body)).toBe(200)
    expect(decided.body).toMatchObject({ resolution_reference: 'AG 2026-03-10, point 7', version: 2 })
    const renamed = await api.request('PUT', url, {
      token,
      body: { name: 'Cage A', kind: 'subset', members },
    })
    expect(renamed.status).toBe(200)
    expect(renamed.body).toMatchObject({ name: 'Cage A', resolution_reference: 'AG 2026-03-10, point 7' })
    // The accountant reads, may not write.
    expect((await api.request('GET', keysOf(b.id), { token: t.accountant.token })).status).toBe(200)
    expect((await api.request('DELETE', url, { token: t.accountant.token })).status).toBe(403)
    // Another tenant's syndic: every route is a 404.
    const stranger = await api.tenant()
    for (const [method, path] of [
      ['GET', keysOf(b.id)],
      ['GET', url],
      ['DELETE', url],
    ] as const) {
      expect(
        (await api.request(method, path, { token: stranger.syndic.token })).status,
        `${method} ${path}`,
      ).toBe(404)
    }
    expect(
      (
        await api.request('POST', keysOf(b.id), {
          token: stranger.syndic.token,
          body: { name: 'X', kind: 'general' },
        })
      ).status,
    ).toBe(404)
    // Used by a budget line → 409; unused → 204.
    const budget = await api.request('POST', budgetsOf(b.id), {
      token,
      body: {
        fiscal_year: 2026,
        lines: [{ category: 'Cleaning', distribution_key_id: key.id, amount_cents: 1_000 }],
      },
    })
    expect(budget.status, JSON.stringify(budget.body)).toBe(201)
    const inUse = await api.request('DELETE', url, { token })
    expect(inUse.status).toBe(409)
    expect(inUse.body).toMatchObject({ error: expect.any(String) })
    expect(await auditActions(key.id)).toEqual([
      'distribution_key.create',
      'distribution_key.update',
      'distribution_key.update',
    ])
  })
})

describe('budgets', () => {
  it('approval refuses a reserve below 5 % of last year’s ordinary charges (with the arithmetic) unless a 4/5 waiver is recorded', async () => {
    const { t, token, building: b, units } = await building()
    // Last year's ordinary charges: 40 000.10 € (the Works invoice is extraordinary, not counted).
    for (const [category, cents] of [
      ['Maintenance', 3_000_010],
      ['Insurance', 1_000_000],
      ['Works', 9_999_999],
    ] as const) {
      const res = await api.request('POST', '/api/v1/expenses', {
        token,
        body: {
          building_id: b.id,
          category,
          description: 'x',
          amount_cents: cents,
          expense_date: '2025-06-01',
        },
      })
      expect(res.status).toBe(201)
    }
    const lift = await api.request('POST', keysOf(b.id), {
      token,
      body: {
        name: 'Ascenseur',
        kind: 'subset',
        members: [
          { unit_id: units['3A'], weight: null },
          { unit_id: units['3B'], weight: null },
        ],
      },
    })
    const liftId = (lift.body as { id: string }).id
    const draft = await api.request('POST', budgetsOf(b.id), {
      token,
      body: {
        fiscal_year: 2026,
        provision_periodicity: 'quarterly',
        lines: [
          { category: 'Insurance', label: 'Assurance incendie', amount_cents: 1_200_000 },
          {
            category: 'Maintenance',
            label: 'Entretien ascenseur',
            distribution_key_id: liftId,
            amount_cents: 300_000,
          },
        ],
        reserve_contribution_cents: 100_000,
      },
    })
    expect(draft.status, JSON.stringify(draft.body)).toBe(201)
    const budget = draft.body as { id: string; status: string; working_capital_cents: number }
    expect(budget).toMatchObject({ status: 'draft', working_capital_cents: 1_500_000 })
    const approveUrl = `${budgetsOf(b.id)}/${budget.id}/approve`
    const decision = { resolution_reference: 'AG 2026-03-10, point 4', approved_on: '2026-03-10' }
    expect(
      (await api.request('POST', approveUrl, { token: t.accountant.token, body: decision })).status,
    ).toBe(403)
    const refused = await api.request('POST', approveUrl, { token, body: decision })
    expect(refused.status).toBe(409)
    expect(refused.body).toMatchObject({ code: 'reserve_contribution_too_low' })
    expect(JSON.stringify(refused.body)).toContain('5 % × €40000.10 = €2000.01')
    // French caller: the same arithmetic in French.
    const fr = await api.request('POST', approveUrl, {
      token,
      body: decision,
      headers: { 'accept-language': 'fr' },
    })
    expect(JSON.stringify(fr.body)).toContain('fonds de réserve')

    // The assembly waived the minimum by four fifths: recorded on the draft, then approval passes.
    const put = await api.request('PUT', `${budgetsOf(b.id)}/${budget.id}`, {
      token,
      body: {
        fiscal_year: 2026,
        lines: [
          { category: 'Insurance', label: 'Assurance incendie', amount_cents: 1_200_000 },
          {
            category: 'Maintenance',
            label: 'Entretien ascenseur',
            distribution_key_id: liftId,
            amount_cents: 300_000,
          },
        ],
        reserve_contribution_cents: 100_000,
        reserve_waiver: { resolution_reference: 'AG 2026-03-10, point 5 (4/5)', decided_on: '2026-03-10' },
      },
    })
    expect(put.status, JSON.stringify(put.body)).toBe(200)
    const approved = await api.request('POST', approveUrl, { token, body: decision })
    expect(approved.status, JSON.stringify(approved.body)).toBe(200)
    expect(approved.body).toMatchObject({
      status: 'approved',
      previous_year_ordinary_charges_cents: 4_000_010,
      reserve_minimum_cents: 200_001,
      approval: { resolution_reference: 'AG 2026-03-10, point 4', approved_on: '2026-03-10' },
    })
    // Final: no edit, no second approved budget for the year.
    const edit = await api.request('PUT', `${budgetsOf(b.id)}/${budget.id}`, {
      token,
      body: { fiscal_year: 2026, lines: [] },
    })
    expect(edit.status).toBe(409)
    const second = await api.request('POST', budgetsOf(b.id), {
      token,
      body: { fiscal_year: 2026, lines: [], reserve_contribution_cents: 300_000 },
    })
    const secondApproval = await api.request(
      'POST',
      `${budgetsOf(b.id)}/${(second.body as { id: string }).id}/approve`,
      {
        token,
        body: decision,
      },
    )
    expect(secondApproval.status).toBe(409)
    expect(secondApproval.body).toMatchObject({ code: 'budget_year_already_approved' })

    // What calls for funds read.
    const read = await api.request('GET', `${budgetsOf(b.id)}/approved?fiscal_year=2026`, {
      token: t.accountant.token,
    })
    expect(read.status, JSON.stringify(read.body)).toBe(200)
    expect(read.body).toMatchObject({
      budget_id: budget.id,
      provision_periodicity: 'quarterly',
      working_capital_cents: 1_500_000,
      reserve_contribution_cents: 100_000,
      lines: [
        { category: 'Insurance', key: null, amount_cents: 1_200_000 },
        { category: 'Maintenance', distribution_key_id: liftId, key: { id: liftId, kind: 'subset' } },
      ],
    })
    expect((await api.request('GET', `${budgetsOf(b.id)}/approved?fiscal_year=2027`, { token })).status).toBe(
      404,
    )
    expect(await auditActions(budget.id)).toEqual(['budget.create', 'budget.update', 'budget.approve'])
  })

  it('a reserve at or above the minimum is approved without waiver; another tenant sees 404', async () => {
    const { token, building: b } = await building()
    const res = await api.request('POST', '/api/v1/expenses', {
      token,
      body: {
        building_id: b.id,
        category: 'Cleaning',
        description: 'x',
        amount_cents: 1_000_000,
        expense_date: '2025-12-31',
      },
    })
    expect(res.status).toBe(201)
    const draft = await api.request('POST', budgetsOf(b.id), {
      token,
      body: {
        fiscal_year: 2026,
        lines: [{ category: 'Cleaning', amount_cents: 1_000_000 }],
        reserve_contribution_cents: 50_000,
      },
    })
    const id = (draft.body as { id: string }).id
    const stranger = await api.tenant()
    for (const [method, path] of [
      ['GET', budgetsOf(b.id)],
      ['GET', `${budgetsOf(b.id)}/${id}`],
      ['GET', `${budgetsOf(b.id)}/approved?fiscal_year=2026`],
      ['DELETE', `${budgetsOf(b.id)}/${id}`],
      ['GET', `/api/v1/buildings/${b.id}/finance-settings`],
    ] as const) {
      expect(
        (await api.request(method, path, { token: stranger.syndic.token })).status,
        `${method} ${path}`,
      ).toBe(404)
    }
    const foreignApproval = await api.request('POST', `${budgetsOf(b.id)}/${id}/approve`, {
      token: stranger.syndic.token,
      body: { resolution_reference: 'x', approved_on: '2026-03-10' },
    })
    expect(foreignApproval.status).toBe(404)
    const ok = await api.request('POST', `${budgetsOf(b.id)}/${id}/approve`, {
      token,
      body: { resolution_reference: 'AG 2026', approved_on: '2026-03-10' },
    })
    expect(ok.status, JSON.stringify(ok.body)).toBe(200)
    expect(ok.body).toMatchObject({ reserve_minimum_cents: 50_000, reserve_waiver: null })
  })
})

describe('a building with budgets or keys', () => {
  it('is kept like one with expenses (409, not a foreign-key failure)', async () => {
    const t = await api.tenant()
    const b = await fx.building(t.syndic.token)
    const draft = await api.request('POST', budgetsOf(b.id), {
      token: t.syndic.token,
      body: { fiscal_year: 2026, lines: [] },
    })
    expect(draft.status).toBe(201)
    const del = await api.request('DELETE', `/api/v1/buildings/${b.id}`, { token: t.syndic.token })
    expect(del.status).toBe(409)
    expect(del.body).toMatchObject({ code: 'building_has_records' })
  })
})

describe('sale mid-period', () => {
  it('splits by days from the deed date by default; the building may settle on the invoice date instead', async () => {
    const { t, token, building: b } = await building()
    const url = `/api/v1/buildings/${b.id}/sale-split?amount_cents=120000&period_start=2026-01-01&period_end=2026-12-31&deed_date=2026-04-01&invoice_date=2026-01-15`
    const byDays = await api.request('GET', url, { token: t.accountant.token })
    expect(byDays.status, JSON.stringify(byDays.body)).toBe(200)
    expect(byDays.body).toMatchObject({
      rule: 'days',
      seller_cents: 29_589,
      buyer_cents: 90_411,
      seller_days: 90,
    })
    const settings = `/api/v1/buildings/${b.id}/finance-settings`
    expect((await api.request('GET', settings, { token })).body).toMatchObject({
      sale_split_rule: 'days',
      version: 0,
    })
    expect(
      (
        await api.request('PUT', settings, {
          token: t.accountant.token,
          body: { sale_split_rule: 'invoice_date' },
        })
      ).status,
    ).toBe(403)
    const put = await api.request('PUT', settings, {
      token,
      body: { sale_split_rule: 'invoice_date', version: 0 },
    })
    expect(put.status, JSON.stringify(put.body)).toBe(200)
    expect(put.body).toMatchObject({ sale_split_rule: 'invoice_date', version: 1 })
    const byInvoice = await api.request('GET', url, { token })
    expect(byInvoice.body).toMatchObject({ rule: 'invoice_date', seller_cents: 120_000, buyer_cents: 0 })
    const stale = await api.request('PUT', settings, { token, body: { sale_split_rule: 'days', version: 0 } })
    expect(stale.status).toBe(409)
    expect(await auditActions(b.id)).toContain('building.finance_settings')
  })
})
