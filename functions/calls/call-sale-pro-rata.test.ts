import { parseStructuredCommunication } from '@koprogo/domain'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApi, type TestApi } from '../test/harness.ts'
import { propertyFixtures } from '../test/property-fixtures.ts'

/**
 * Sale pro rata applied to calls for funds (issue #15 item 4, docs/finance.md "Sale pro rata on
 * calls for funds"): a provision call for Q1 2027 (90 days) of a lot sold on 15 February is split
 * between seller (1 Jan–14 Feb, 45 days) and buyer (15 Feb–31 Mar, 45 days), exact to the cent,
 * each with their own line and structured communication; the building's rule decides.
 */
let api: TestApi
let fx: ReturnType<typeof propertyFixtures>
beforeAll(async () => {
  api = await createTestApi()
  fx = propertyFixtures(api)
})
afterAll(() => api.close())

type Line = { owner_id: string; unit_number: string; amount_cents: number; communication: string }

async function world(rule?: 'invoice_date' | 'due_date') {
  const t = await api.tenant()
  const token = t.syndic.token
  const b = await fx.building(token, { total_units: 2, total_tantiemes: 1000 })
  const a = await fx.unit(token, b.id, { unit_number: 'A', quota: 600 })
  const bb = await fx.unit(token, b.id, { unit_number: 'B', quota: 400 })
  const [seller, buyer, other] = [await fx.owner(token), await fx.owner(token), await fx.owner(token)]
  for (const [unitId, ownerId] of [
    [a.id, seller.id],
    [bb.id, other.id],
  ] as const) {
    const linked = await api.request('POST', `/api/v1/units/${unitId}/owners`, {
      token,
      body: { owner_id: ownerId, ownership_share: 1, is_primary_contact: true, start_date: '2020-01-01' },
    })
    expect(linked.status, JSON.stringify(linked.body)).toBe(201)
  }
  const sold = await api.request('POST', `/api/v1/units/${a.id}/transfer`, {
    token,
    body: {
      deed_date: '2027-02-15',
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
  const account = await api.request('PUT', `/api/v1/buildings/${b.id}/bank-accounts/working_capital`, {
    token,
    body: { iban: 'BE68 5390 0754 7034', bic: 'GKCCBEBB', holder_name: 'ACP Les Tilleuls' },
  })
  expect(account.status, JSON.stringify(account.body)).toBe(200)
  const url = `/api/v1/buildings/${b.id}/budgets`
  const draft = await api.request('POST', url, {
    token,
    body: {
      fiscal_year: 2027,
      provision_periodicity: 'quarterly',
      reserve_contribution_cents: 0,
      lines: [{ category: 'Insurance', label: 'Assurance', amount_cents: 400_004 }],
    },
  })
  expect(draft.status, JSON.stringify(draft.body)).toBe(201)
  const approved = await api.request('POST', `${url}/${(draft.body as { id: string }).id}/approve`, {
    token,
    body: { resolution_reference: 'AG 2026-11-20, point 3', approved_on: '2026-11-20' },
  })
  expect(approved.status, JSON.stringify(approved.body)).toBe(200)
  // Issued on 1 February (the seller holds the lot), due on 1 March (the buyer does).
  const call = await api.request('POST', `/api/v1/buildings/${b.id}/calls`, {
    token,
    body: {
      kind: 'provision',
      label: 'Provisions T1 2027',
      issue_date: '2027-02-01',
      due_date: '2027-03-01',
      period: 1,
    },
  })
  expect(call.status, JSON.stringify(call.body)).toBe(201)
  const lines = (call.body as { lines: Line[] }).lines
  const of = (ownerId: string) => lines.filter((l) => l.owner_id === ownerId).map((l) => l.amount_cents)
  return { lines, total: (call.body as { total_cents: number }).total_cents, seller, buyer, other, of }
}

describe('a lot sold inside the period of a call for funds', () => {
  it('splits the lot’s line between seller and buyer by days, exact to the cent, each with their own communication', async () => {
    const { lines, total, seller, buyer, other, of } = await world()
    // Q1 = 400,004 / 4 = 100,001; lot A 600/1000 = 60,000.6 → 60,001; lot B 40,000.
    // 60,001 × 45/90 = 30,000.5 each: the odd cent to the seller (the earlier holder).
    expect(of(seller.id)).toEqual([30_001])
    expect(of(buyer.id)).toEqual([30_000])
    expect(of(other.id)).toEqual([40_000])
    expect(total).toBe(100_001)
    expect(lines.reduce((s, l) => s + l.amount_cents, 0)).toBe(100_001)
    const comms = lines.map((l) => l.communication)
    expect(new Set(comms).size).toBe(3)
    for (const c of comms) expect(parseStructuredCommunication(c).ok).toBe(true)
  })

  it('under invoice_date the recipient on the issue date bears it all; under due_date the one on the due date', async () => {
    const byIssue = await world('invoice_date')
    expect(byIssue.of(byIssue.seller.id)).toEqual([60_001])
    expect(byIssue.of(byIssue.buyer.id)).toEqual([])
    const byDue = await world('due_date')
    expect(byDue.of(byDue.seller.id)).toEqual([])
    expect(byDue.of(byDue.buyer.id)).toEqual([60_001])
  })
})
