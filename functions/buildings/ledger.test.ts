import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApi, type TestApi } from '../test/harness.ts'
import { propertyFixtures } from '../test/property-fixtures.ts'

/*
 * Issue #15 items 1-2 through the API: every money event posts its entry in the same transaction;
 * the books are read by syndic and accountant; the tables are append-only and balanced.
 */

let api: TestApi
let fx: ReturnType<typeof propertyFixtures>
beforeAll(async () => {
  api = await createTestApi()
  fx = propertyFixtures(api)
})
afterAll(() => api.close())

type Body = Record<string, unknown>
type Row = { account: string; debit_cents: number; credit_cents: number; balance_cents: number }

async function setup() {
  const t = await api.tenant()
  const building = await fx.building(t.syndic.token)
  const a1 = await fx.unit(t.syndic.token, building.id, { quota: 600 })
  const a2 = await fx.unit(t.syndic.token, building.id, { quota: 400 })
  const post = async (path: string, body: Body = {}, status = 200) => {
    const res = await api.request('POST', `/api/v1${path}`, { token: t.syndic.token, body })
    expect(res.status, JSON.stringify(res.body)).toBe(status)
    return res.body
  }
  const expense = (over: Body = {}) =>
    post(
      '/expenses',
      {
        building_id: building.id,
        category: 'Maintenance',
        description: 'Lift maintenance',
        amount_cents: 12_100,
        expense_date: '2026-02-10',
        supplier: 'Ascenseurs SA',
        ...over,
      },
      201,
    )
  const books = async (path: string, token = t.syndic.token) =>
    api.request('GET', `/api/v1/buildings/${building.id}/ledger${path}`, { token })
  return { ...t, building, units: { a1, a2 }, post, expense, books }
}

/** The database's message of a refused statement (drizzle wraps it; the driver's is the cause). */
async function failureOf(run: () => Promise<unknown>): Promise<string> {
  try {
    await run()
  } catch (e) {
    const error = e as { message?: string; cause?: { message?: string } }
    return `${error.message ?? ''} ${error.cause?.message ?? ''}`
  }
  return 'no error'
}

const balances = (rows: Row[]) => Object.fromEntries(rows.map((r) => [r.account, r.balance_cents]))

describe('the books through the API', () => {
  it('posts approval, payment, cancellation and correction; the trial balance is zero-sum', async () => {
    const t = await setup()
    // v1: approved and posted at once; then paid to the supplier.
    const paid = await t.expense()
    const paidRes = await api.request('PUT', `/api/v1/expenses/${paid.id}/mark-paid`, {
      token: t.syndic.token,
      body: { paid_date: '2026-03-01' },
    })
    expect(paidRes.body).toMatchObject({ status: 'paid', payment_status: 'Paid' })
    // A draft, approved later, with VAT and a supplier identity.
    const draft = await t.expense({
      draft: true,
      category: 'Repairs',
      amount_cents: undefined,
      amount_excl_vat_cents: 50_000,
      vat_rate: 6,
      supplier_enterprise_number: 'BE 0123.456.749',
      supplier_iban: 'BE68 5390 0754 7034',
    })
    expect(draft).toMatchObject({
      status: 'draft',
      amount_cents: 53_000,
      amount_excl_vat_cents: 50_000,
      vat_rate: 6,
      vat_cents: 3_000,
      supplier_enterprise_number: '0123.456.749',
      supplier_iban: 'BE68539007547034',
      credit_note: false,
    })
    expect((await t.books('/trial-balance?fiscal_year=2026')).body.rows).toEqual([
      expect.objectContaining({ account: '440', balance_cents: 0 }),
      expect.objectContaining({ account: '550', balance_cents: -12_100 }),
      expect.objectContaining({ account: '610', balance_cents: 12_100 }),
    ])
    expect(await t.post(`/expenses/${draft.id}/approve`)).toMatchObject({ status: 'approved' })
    // Cancelled after approval: reversed, not deleted.
    const wrong = await t.expense({ category: 'Cleaning', amount_cents: 9_999 })
    expect(await t.post(`/expenses/${wrong.id}/cancel`, { reason: 'duplicate' })).toMatchObject({
      status: 'cancelled',
      payment_status: 'Cancelled',
      cancel_reason: 'duplicate',
    })
    // Corrected: the original reversed and kept, the correction posted.
    const typo = await t.expense({ category: 'Insurance', amount_cents: 100_000 })
    const fixed = await t.post(
      `/expenses/${typo.id}/corrections`,
      {
        category: 'Insurance',
        description: 'Fire policy',
        amount_cents: 110_000,
        expense_date: '2026-02-10',
      },
      201,
    )
    expect(fixed).toMatchObject({ corrects_expense_id: typo.id, status: 'approved', amount_cents: 110_000 })
    const original = await api.request('GET', `/api/v1/expenses/${typo.id}`, { token: t.syndic.token })
    expect(original.body).toMatchObject({ status: 'cancelled', corrected_by_expense_id: fixed.id })
    // A credit note.
    await t.expense({ credit_note: true, amount_cents: -2_100, description: 'Refund lift' })

    const tb = await t.books('/trial-balance?fiscal_year=2026')
    expect(tb.status).toBe(200)
    expect(tb.body.balance_cents).toBe(0)
    expect(tb.body.total_debit_cents).toBe(tb.body.total_credit_cents)
    expect(balances(tb.body.rows)).toEqual({
      '440': -(53_000 + 110_000 - 2_100),
      '550': -12_100,
      '610': 12_100 - 2_100,
      '611': 53_000,
      '614': 110_000,
      '615': 0,
    })

    const insurance = await t.books('/accounts/614?fiscal_year=2026')
    expect(insurance.status).toBe(200)
    expect(
      insurance.body.lines.map((l: Body) => [
        l.journal,
        l.debit_cents,
        l.credit_cents,
        l.running_balance_cents,
      ]),
    ).toEqual([
      ['purchases', 100_000, 0, 100_000],
      ['purchases', 110_000, 0, 210_000],
      ['miscellaneous', 0, 100_000, 110_000],
    ])
    expect(insurance.body.balance_cents).toBe(110_000)

    const page1 = await t.books('/entries?fiscal_year=2026&per_page=3')
    expect(page1.status).toBe(200)
    expect(page1.body.pagination).toMatchObject({ total_items: 9, total_pages: 3, has_next: true })
    expect(page1.body.data).toHaveLength(3)
    for (const e of page1.body.data as { lines: Row[]; total_cents: number }[]) {
      const d = e.lines.reduce((s, l) => s + l.debit_cents, 0)
      expect(e.lines.reduce((s, l) => s + l.credit_cents, 0)).toBe(d)
      expect(d).toBe(e.total_cents)
    }
    const purchases = await t.books('/entries?fiscal_year=2026&journal=financial')
    expect(purchases.body.data.map((e: Body) => e.label)).toEqual(['Payment to Ascenseurs SA'])
    const audit = (await api.inspect.execute(
      sql`select action from audit_log where entity_id = ${typo.id} order by id`,
    )) as { rows: { action: string }[] }
    expect(audit.rows.map((r) => r.action)).toEqual(['expense.create', 'expense.approve', 'expense.correct'])
  })

  it('accountant and superadmin read the books; an owner gets 403; another tenant or an unknown building 404', async () => {
    const t = await setup()
    await t.expense()
    const other = await api.tenant()
    const superadmin = await api.user('superadmin', null)
    for (const path of ['/trial-balance', '/accounts/440', '/entries']) {
      expect((await t.books(path, t.accountant.token)).status, path).toBe(200)
      expect((await t.books(path, superadmin.token)).status, path).toBe(200)
      expect((await t.books(path, t.owner.token)).status, path).toBe(403)
      expect((await t.books(path, other.syndic.token)).status, path).toBe(404)
      expect(
        (
          await api.request('GET', `/api/v1/buildings/${other.syndic.id}/ledger${path}`, {
            token: t.syndic.token,
          })
        ).status,
      ).toBe(404)
    }
    expect((await t.books('/accounts/999')).status).toBe(404)
    expect((await t.books('/trial-balance?fiscal_year=abc')).status).toBe(400)
  })

  it('refuses an inconsistent VAT breakdown, a bad IBAN and a positive credit note, and books nothing', async () => {
    const t = await setup()
    const cases: [Body, string][] = [
      [{ amount_excl_vat_cents: 10_000, vat_rate: 21, vat_cents: 2_000, amount_cents: 12_000 }, 'vat_cents'],
      [{ amount_excl_vat_cents: 10_000, vat_rate: 21, amount_cents: 12_000 }, 'amount_cents'],
      [{ amount_excl_vat_cents: 10_000, vat_rate: 20 }, 'vat_rate'],
      [{ supplier_iban: 'BE68 5390 0754 7035' }, 'supplier_iban'],
      [{ supplier_enterprise_number: '0123.456.789' }, 'supplier_enterprise_number'],
      [{ credit_note: true, amount_cents: 500 }, 'amount_cents'],
    ]
    for (const [over, path] of cases) {
      const res = await api.request('POST', '/api/v1/expenses', {
        token: t.syndic.token,
        body: {
          building_id: t.building.id,
          category: 'Repairs',
          description: 'x',
          amount_cents: 12_100,
          expense_date: '2026-02-10',
          ...over,
        },
      })
      expect(res.status, JSON.stringify(over)).toBe(400)
      expect(
        res.body.errors.map((e: { path: string }) => e.path),
        JSON.stringify(over),
      ).toContain(path)
    }
    expect((await t.books('/entries?fiscal_year=2026')).body.pagination.total_items).toBe(0)
  })

  it('a paid expense cannot be cancelled (409); a draft cannot be paid (409)', async () => {
    const t = await setup()
    const e = await t.expense()
    await api.request('PUT', `/api/v1/expenses/${e.id}/mark-paid`, {
      token: t.syndic.token,
      body: { paid_date: '2026-03-01' },
    })
    const cancel = await api.request('POST', `/api/v1/expenses/${e.id}/cancel`, {
      token: t.syndic.token,
      body: {},
    })
    expect([cancel.status, cancel.body.code]).toEqual([409, 'expense_already_paid'])
    const d = await t.expense({ draft: true })
    const pay = await api.request('PUT', `/api/v1/expenses/${d.id}/mark-paid`, { token: t.syndic.token })
    expect([pay.status, pay.body.code]).toEqual([409, 'expense_not_approved'])
  })

  it('freezes the distribution at approval: a later quota change does not rewrite it', async () => {
    const t = await setup()
    const e = await t.expense({ amount_cents: 100_000 })
    const before = await api.request('GET', `/api/v1/expenses/${e.id}/distribution`, {
      token: t.syndic.token,
    })
    expect(before.body.units.map((u: Body) => u.amount_cents)).toEqual([60_000, 40_000])
    const res = await api.request('PUT', `/api/v1/units/${t.units.a1.id}`, {
      token: t.syndic.token,
      body: { quota: 500 },
    })
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    await api.request('PUT', `/api/v1/units/${t.units.a2.id}`, {
      token: t.syndic.token,
      body: { quota: 500 },
    })
    const after = await api.request('GET', `/api/v1/expenses/${e.id}/distribution`, { token: t.syndic.token })
    expect(after.body).toEqual(before.body)
    // A draft is split on the register of the day until it is approved.
    const d = await t.expense({ amount_cents: 100_000, draft: true })
    const live = await api.request('GET', `/api/v1/expenses/${d.id}/distribution`, { token: t.syndic.token })
    expect(live.body.units.map((u: Body) => u.amount_cents)).toEqual([50_000, 50_000])
  })
})

describe('the database keeps the books append-only and balanced', () => {
  it('refuses to update or delete an entry or a line', async () => {
    const t = await setup()
    await t.expense()
    for (const statement of [
      sql`update ledger_lines set debit_cents = debit_cents + 1 where building_id = ${t.building.id}`,
      sql`delete from ledger_lines where building_id = ${t.building.id}`,
      sql`update ledger_entries set label = 'x' where building_id = ${t.building.id}`,
      sql`delete from ledger_entries where building_id = ${t.building.id}`,
    ]) {
      expect(await failureOf(() => api.inspect.execute(statement))).toMatch(/append-only/)
    }
  })

  it('refuses at commit an entry whose lines do not balance', async () => {
    const t = await setup()
    const entry = '01900000-0000-7000-8000-00000000e001'
    expect(
      await failureOf(() =>
        api.inspect.transaction(async (tx) => {
          await tx.execute(sql`insert into ledger_entries (id, organization_id, building_id, fiscal_year, journal, entry_date, label, source_kind, source_id, total_cents)
          values (${entry}, ${t.building.organization_id}, ${t.building.id}, 2026, 'miscellaneous', '2026-01-01', 'hand-made', 'test', 'x', 100)`)
          await tx.execute(sql`insert into ledger_lines (id, organization_id, entry_id, building_id, fiscal_year, position, account, debit_cents, credit_cents)
          values ('01900000-0000-7000-8000-00000000e002', ${t.building.organization_id}, ${entry}, ${t.building.id}, 2026, 0, '610', 100, 0),
                 ('01900000-0000-7000-8000-00000000e003', ${t.building.organization_id}, ${entry}, ${t.building.id}, 2026, 1, '440', 0, 99)`)
        }),
      ),
    ).toMatch(/does not balance/)
  })
})
