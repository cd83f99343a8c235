import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApi, type TestApi } from '../test/harness.ts'
import { propertyFixtures } from '../test/property-fixtures.ts'

/**
 * A payment spanning both funds (issue #15, docs/finance.md "A payment spanning both funds"): the
 * bank account the money reached is debited for all of it; the part settling the other fund's
 * lines is transferred between the two bank accounts, to the cent. The response carries the
 * allocated lines with their structured communication.
 */
let api: TestApi
let fx: ReturnType<typeof propertyFixtures>
beforeAll(async () => {
  api = await createTestApi()
  fx = propertyFixtures(api)
})
afterAll(() => api.close())

type Line = { id: string; owner_id: string; amount_cents: number; communication: string }

describe('a payment spanning the working capital and the reserve', () => {
  it('posts the whole amount to the bank it reached and transfers the other fund’s part, to the cent', async () => {
    const t = await api.tenant()
    const token = t.syndic.token
    const b = await fx.building(token, { total_units: 1, total_tantiemes: 1000 })
    const unit = await fx.unit(token, b.id, { unit_number: 'A', quota: 1000 })
    const owner = await fx.owner(token)
    const linked = await api.request('POST', `/api/v1/units/${unit.id}/owners`, {
      token,
      body: { owner_id: owner.id, ownership_share: 1, is_primary_contact: true, start_date: '2020-01-01' },
    })
    expect(linked.status).toBe(201)
    for (const [purpose, iban] of [
      ['working_capital', 'BE68 5390 0754 7034'],
      ['reserve', 'BE71 0961 2345 6769'],
    ] as const) {
      const res = await api.request('PUT', `/api/v1/buildings/${b.id}/bank-accounts/${purpose}`, {
        token,
        body: { iban, holder_name: 'ACP' },
      })
      expect(res.status).toBe(200)
    }
    const budgets = `/api/v1/buildings/${b.id}/budgets`
    const draft = await api.request('POST', budgets, {
      token,
      body: {
        fiscal_year: 2027,
        provision_periodicity: 'quarterly',
        reserve_contribution_cents: 0,
        lines: [{ category: 'Insurance', label: 'Assurance', amount_cents: 400_001 }],
      },
    })
    await api.request('POST', `${budgets}/${(draft.body as { id: string }).id}/approve`, {
      token,
      body: { resolution_reference: 'AG', approved_on: '2026-11-20' },
    })
    const call = async (body: Record<string, unknown>) => {
      const res = await api.request('POST', `/api/v1/buildings/${b.id}/calls`, { token, body })
      expect(res.status, JSON.stringify(res.body)).toBe(201)
      return (res.body as { lines: Line[] }).lines[0] as Line
    }
    const provision = await call({ kind: 'provision', label: 'T1', due_date: '2027-01-01', period: 1 })
    const reserve = await call({
      kind: 'reserve',
      label: 'Réserve',
      due_date: '2027-01-15',
      amount_cents: 12_345,
    })
    expect(provision.amount_cents).toBe(100_001)
    // One transfer to the working-capital account pays both lines and 1.00 more.
    const paid = await api.request('POST', `/api/v1/buildings/${b.id}/payments`, {
      token,
      body: {
        owner_id: owner.id,
        amount_cents: 100_001 + 12_345 + 100,
        payment_date: '2027-01-10',
        communication: provision.communication,
        account: 'working_capital',
      },
    })
    expect(paid.status, JSON.stringify(paid.body)).toBe(201)
    expect(paid.body).toMatchObject({
      account: 'working_capital',
      credit_cents: 100,
      transfer: { to_account: 'reserve', amount_cents: 12_345 },
      allocations: [
        {
          line_id: provision.id,
          amount_cents: 100_001,
          communication: provision.communication,
          account: 'working_capital',
        },
        {
          line_id: reserve.id,
          amount_cents: 12_345,
          communication: reserve.communication,
          account: 'reserve',
        },
      ],
    })
    const id = (paid.body as { id: string }).id
    const lines = (await api.inspect.execute(
      sql`select e.label, l.account, l.debit_cents::int as d, l.credit_cents::int as c
          from ledger_lines l join ledger_entries e on e.id = l.entry_id
          where e.source_id = ${id} order by e.created_at, e.label, l.position`,
    )) as { rows: { label: string; account: string; d: number; c: number }[] }
    expect(lines.rows.map((r) => [r.account, r.d, r.c])).toEqual([
      ['550', 112_446, 0],
      ['410', 0, 112_446],
      ['551', 12_345, 0],
      ['550', 0, 12_345],
    ])
    // Each bank account holds its fund's money: 550 = the provision + the credit, 551 = the reserve.
    const banks = (await api.inspect.execute(
      sql`select account, sum(debit_cents - credit_cents)::int as balance from ledger_lines
          where building_id = ${b.id} and account in ('550', '551') group by account order by account`,
    )) as { rows: { account: string; balance: number }[] }
    expect(banks.rows).toEqual([
      { account: '550', balance: 100_101 },
      { account: '551', balance: 12_345 },
    ])
  })
})
