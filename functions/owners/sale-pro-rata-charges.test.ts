import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApi, type TestApi } from '../test/harness.ts'
import { propertyFixtures } from '../test/property-fixtures.ts'

/**
 * Sale pro rata applied (issue #15, docs/finance.md "Sale in the middle of a period"): a January
 * insurance invoice covering the year is not all the seller's. Seller and buyer each get their
 * days' share of the lot's part, exact to the cent (largest remainder), in the frozen split and so
 * in their charges; the building's rule `invoice_date` charges the owner on the invoice date.
 */
let api: TestApi
let fx: ReturnType<typeof propertyFixtures>
beforeAll(async () => {
  api = await createTestApi()
  fx = propertyFixtures(api)
})
afterAll(() => api.close())

async function world(rule?: 'invoice_date') {
  const t = await api.tenant()
  const token = t.syndic.token
  const b = await fx.building(token, { total_units: 2, total_tantiemes: 1000 })
  const a = await fx.unit(token, b.id, { unit_number: 'A', quota: 600 })
  await fx.unit(token, b.id, { unit_number: 'B', quota: 400 })
  const [seller, buyer] = [await fx.owner(token), await fx.owner(token)]
  const linked = await api.request('POST', `/api/v1/units/${a.id}/owners`, {
    token,
    body: { owner_id: seller.id, ownership_share: 1, is_primary_contact: true, start_date: '2020-01-01' },
  })
  expect(linked.status).toBe(201)
  // Deed on 1 April 2026: the seller holds 90 days of 2026 (Jan 31 + Feb 28 + Mar 31), the buyer 275.
  const sold = await api.request('POST', `/api/v1/units/${a.id}/transfer`, {
    token,
    body: {
      deed_date: '2026-04-01',
      buyers: [{ owner_id: buyer.id, ownership_share: 1, is_primary_contact: true }],
    },
  })
  expect(sold.status, JSON.stringify(sold.body)).toBe(200)
  if (rule) {
    const set = await api.request('PUT', `/api/v1/buildings/${b.id}/finance-settings`, {
      token,
      body: { sale_split_rule: rule },
    })
    expect(set.status, JSON.stringify(set.body)).toBe(200)
  }
  const e = await api.request('POST', '/api/v1/expenses', {
    token,
    body: {
      building_id: b.id,
      category: 'Insurance',
      description: 'Assurance incendie 2026',
      amount_cents: 365_001,
      expense_date: '2026-01-10',
      period_start: '2026-01-01',
      period_end: '2026-12-31',
    },
  })
  expect(e.status, JSON.stringify(e.body)).toBe(201)
  const charge = async (ownerId: string) => {
    const res = await api.request('GET', `/api/v1/owners/${ownerId}/charges?page=1&per_page=100`, { token })
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    return res.body.totals.total_cents as number
  }
  return { token, expenseId: (e.body as { id: string }).id, a, seller, buyer, charge }
}

describe('a sale in the middle of the charge’s period', () => {
  it('splits the lot’s part between seller and buyer by days, exact to the cent', async () => {
    const { token, expenseId, a, seller, buyer, charge } = await world()
    // Lot A: 600/1000 of 3,650.01 = 2,190.006 → 2,190.01 (largest remainder over A and B).
    const dist = await api.request('GET', `/api/v1/expenses/${expenseId}/distribution`, { token })
    const unitA = (
      dist.body.units as {
        unit_id: string
        amount_cents: number
        owners: { owner_id: string; amount_cents: number }[]
      }[]
    ).find((u) => u.unit_id === a.id)
    expect(unitA?.amount_cents).toBe(219_001)
    // 219,001 × 90/365 = 54,000.2466 → 54,000; × 275/365 = 165,000.7534 → 165,001 (largest remainder).
    const parts = new Map(unitA?.owners.map((o) => [o.owner_id, o.amount_cents]))
    expect(parts.get(seller.id)).toBe(54_000)
    expect(parts.get(buyer.id)).toBe(165_001)
    expect(await charge(seller.id)).toBe(54_000)
    expect(await charge(buyer.id)).toBe(165_001)
  })

  it('under the invoice_date rule the owner on the invoice date bears it all', async () => {
    const { charge, seller, buyer } = await world('invoice_date')
    expect(await charge(seller.id)).toBe(219_001)
    expect(await charge(buyer.id)).toBe(0)
  })
})
