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

/**
 * Art. 3.86 §3: the yearly reserve contribution may not be below 5 % of the PREVIOUS year's
 * ordinary charges. A new building has no previous year: the base is 0, the minimum 0, so a first
 * budget with no reserve (or any reserve) is approved without a waiver; from the second year on the
 * minimum follows the first year's booked charges (docs/finance.md "The reserve fund").
 */
describe('the 5 % reserve rule without a previous year', () => {
  it('a new building’s first budget with a 0 reserve is approved (minimum 0); the next year’s minimum is 5 % of the first year’s charges', async () => {
    const t = await api.tenant()
    const token = t.syndic.token
    const b = await fx.building(token, { total_units: 1, total_tantiemes: 1000 })
    await fx.unit(token, b.id, { unit_number: 'A', quota: 1000 })
    const budgets = `/api/v1/buildings/${b.id}/budgets`
    const decision = { resolution_reference: 'AG constitutive', approved_on: '2026-01-15' }
    const first = await api.request('POST', budgets, {
      token,
      body: {
        fiscal_year: 2026,
        lines: [{ category: 'Insurance', amount_cents: 1_200_000 }],
        reserve_contribution_cents: 0,
      },
    })
    expect(first.status, JSON.stringify(first.body)).toBe(201)
    const approved = await api.request('POST', `${budgets}/${(first.body as { id: string }).id}/approve`, {
      token,
      body: decision,
    })
    expect(approved.status, JSON.stringify(approved.body)).toBe(200)
    expect(approved.body).toMatchObject({ status: 'approved', reserve_minimum_cents: 0 })
    // First year's ordinary charges: 10,000.01 → next year's minimum 500.01 (rounded up).
    await api.request('POST', '/api/v1/expenses', {
      token,
      body: {
        building_id: b.id,
        category: 'Insurance',
        description: 'Assurance',
        amount_cents: 1_000_001,
        expense_date: '2026-01-20',
      },
    })
    const second = await api.request('POST', budgets, {
      token,
      body: { fiscal_year: 2027, lines: [], reserve_contribution_cents: 0 },
    })
    const refused = await api.request('POST', `${budgets}/${(second.body as { id: string }).id}/approve`, {
      token,
      body: { ...decision, approved_on: '2027-01-15' },
    })
    expect(refused.status).toBe(409)
    expect(refused.body).toMatchObject({ code: 'reserve_contribution_too_low' })
    expect(JSON.stringify(refused.body.params)).toContain('500.01')
  })
})
