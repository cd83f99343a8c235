import { writeCoda } from '@koprogo/domain/bank-testing'
import { sql } from 'drizzle-orm'
import { extractText, getDocumentProxy } from 'unpdf'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runDueJobs } from '../../_shared/jobs/runner.ts'
import { createTestApi, type TestApi } from '../harness.ts'
import { propertyFixtures } from '../property-fixtures.ts'

/*
 * Issue #16, the end-to-end scenario of a year (ADR 0040): a budget approved, calls for funds
 * issued, owners' payments (matching, partial, over-), the year closed, and every owner's
 * statement and the annual accounts checked TO THE CENT against a computation made here, from
 * the scenario's own inputs, with this file's own largest-remainder split — not the product's
 * code. Then the closed year refuses a posting (domain 409 and database trigger).
 */

let api: TestApi
let fx: ReturnType<typeof propertyFixtures>
beforeAll(async () => {
  api = await createTestApi()
  fx = propertyFixtures(api)
})
afterAll(() => api.close())

const YEAR = 2025

/** Largest remainder, written again for the test: floors, then the missing cents to the largest remainders (ties: list order). */
function split(amount: number, weights: readonly number[]): number[] {
  const total = weights.reduce((s, w) => s + w, 0)
  const exact = weights.map((w) => (amount * w) / total)
  const parts = exact.map((x) => Math.floor(x))
  let missing = amount - parts.reduce((s, p) => s + p, 0)
  const order = exact.map((x, i) => ({ r: x - Math.floor(x), i })).sort((a, b) => b.r - a.r || a.i - b.i)
  for (const { i } of order) {
    if (missing === 0) break
    parts[i] = (parts[i] ?? 0) + 1
    missing--
  }
  return parts
}

/** An annual amount cut in n periods, the odd cents on the first periods. */
function periods(amount: number, n: number): number[] {
  const base = Math.floor(amount / n)
  return Array.from({ length: n }, (_, i) => base + (i < amount - base * n ? 1 : 0))
}

const LOTS = ['A', 'B', 'C'] as const
type Lot = (typeof LOTS)[number]
const QUOTA: Record<Lot, number> = { A: 300, B: 300, C: 400 }
/** The lift key: the ground floor (C) does not use the lift. */
const LIFT: Record<Lot, number> = { A: 2, B: 1, C: 0 }
const byKey = (key: Record<Lot, number>, amount: number): Record<Lot, number> => {
  const parts = split(
    amount,
    LOTS.map((l) => key[l]),
  )
  return { A: parts[0] ?? 0, B: parts[1] ?? 0, C: parts[2] ?? 0 }
}
const add = (a: Record<Lot, number>, b: Record<Lot, number>): Record<Lot, number> => ({
  A: a.A + b.A,
  B: a.B + b.B,
  C: a.C + b.C,
})
const ZERO: Record<Lot, number> = { A: 0, B: 0, C: 0 }

const BUDGET = { insurance: 300_000, lift: 100_001 }
const EXPENSES = [
  { category: 'Insurance', amount: 310_000, date: '2025-02-10', key: 'general' },
  { category: 'Maintenance', amount: 90_001, date: '2025-03-15', key: 'lift' },
  { category: 'Works', amount: 50_000, date: '2025-06-01', key: 'general' },
  { category: 'Cleaning', amount: 100_001, date: '2025-09-30', key: 'general' },
] as const
const RESERVE_CALL = 40_000
/** Anne reads Dutch and consented to e-mail; Bernard and Claire get paper (Claire in German). */
const CONTACT: Record<Lot, Record<string, unknown>> = {
  A: { email_consent: true, email_consent_date: '2024-01-01', preferred_language: 'nl' },
  B: {},
  C: { preferred_language: 'de' },
}
/** "1 234,56" as the PDFs print euros in nl/de/fr (narrow spaces read as spaces). */
const euros = (cents: number) =>
  `${Math.floor(cents / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ' ')},${String(cents % 100).padStart(2, '0')}`

describe('issue #16 scenario: a year of a building, closed and checked to the cent', () => {
  it('budget → calls → payments → close: statements and annual accounts equal an independent computation; the closed year refuses postings', async () => {
    const t = await api.tenant()
    const token = t.syndic.token
    const b = await fx.building(token, { total_units: 3, total_tantiemes: 1000 })
    const units: Record<Lot, string> = { A: '', B: '', C: '' }
    const owners: Record<Lot, string> = { A: '', B: '', C: '' }
    const emails: Record<Lot, string> = { A: '', B: '', C: '' }
    const names: Record<Lot, string> = { A: 'Anne', B: 'Bernard', C: 'Claire' }
    for (const lot of LOTS) {
      units[lot] = (await fx.unit(token, b.id, { unit_number: lot, quota: QUOTA[lot] })).id
      const created = await fx.owner(token, { first_name: names[lot], last_name: 'Test', ...CONTACT[lot] })
      owners[lot] = created.id
      emails[lot] = created.email
      const res = await api.request('POST', `/api/v1/units/${units[lot]}/owners`, {
        token,
        body: {
          owner_id: owners[lot],
          ownership_share: 1,
          is_primary_contact: true,
          start_date: '2020-01-01',
        },
      })
      expect(res.status, JSON.stringify(res.body)).toBe(201)
    }
    for (const [purpose, iban] of [
      ['working_capital', 'BE68 5390 0754 7034'],
      ['reserve', 'BE71 0961 2345 6769'],
    ] as const) {
      const res = await api.request('PUT', `/api/v1/buildings/${b.id}/bank-accounts/${purpose}`, {
        token,
        body: { iban, holder_name: 'ACP Résidence Europe' },
      })
      expect(res.status, JSON.stringify(res.body)).toBe(200)
    }
    const key = await api.request('POST', `/api/v1/buildings/${b.id}/distribution-keys`, {
      token,
      body: {
        name: 'Ascenseur',
        kind: 'custom',
        statutory: true,
        members: [
          { unit_id: units.A, weight: LIFT.A },
          { unit_id: units.B, weight: LIFT.B },
        ],
      },
    })
    expect(key.status, JSON.stringify(key.body)).toBe(201)
    const liftKeyId = (key.body as { id: string }).id

    // 1. The budget of 2025, approved by the assembly.
    const draft = await api.request('POST', `/api/v1/buildings/${b.id}/budgets`, {
      token,
      body: {
        fiscal_year: YEAR,
        provision_periodicity: 'quarterly',
        reserve_contribution_cents: 0,
        lines: [
          { category: 'Insurance', label: 'Assurance incendie', amount_cents: BUDGET.insurance },
          {
            category: 'Maintenance',
            label: 'Entretien ascenseur',
            amount_cents: BUDGET.lift,
            distribution_key_id: liftKeyId,
          },
        ],
      },
    })
    expect(draft.status, JSON.stringify(draft.body)).toBe(201)
    const approved = await api.request(
      'POST',
      `/api/v1/buildings/${b.id}/budgets/${(draft.body as { id: string }).id}/approve`,
      { token, body: { resolution_reference: 'AG 2024-11-20, point 3', approved_on: '2024-11-20' } },
    )
    expect(approved.status, JSON.stringify(approved.body)).toBe(200)

    // 2. Four quarterly provision calls and one reserve call.
    type Line = {
      id: string
      owner_id: string
      amount_cents: number
      communication: string
      communication_digits: string
    }
    const calls: { kind: string; lines: Line[] }[] = []
    for (const [q, issueDate] of ['2025-01-02', '2025-04-01', '2025-07-01', '2025-10-01'].entries()) {
      const res = await api.request('POST', `/api/v1/buildings/${b.id}/calls`, {
        token,
        body: {
          kind: 'provision',
          label: `Provisions T${q + 1}`,
          issue_date: issueDate,
          due_date: issueDate.replace(/-0[12]$/, '-15'),
          period: q + 1,
          fiscal_year: YEAR,
        },
      })
      expect(res.status, JSON.stringify(res.body)).toBe(201)
      calls.push({ kind: 'provision', lines: (res.body as { lines: Line[] }).lines })
    }
    const reserve = await api.request('POST', `/api/v1/buildings/${b.id}/calls`, {
      token,
      body: {
        kind: 'reserve',
        label: 'Fonds de réserve 2025',
        issue_date: '2025-01-02',
        due_date: '2025-01-31',
        amount_cents: RESERVE_CALL,
      },
    })
    expect(reserve.status, JSON.stringify(reserve.body)).toBe(201)
    calls.push({ kind: 'reserve', lines: (reserve.body as { lines: Line[] }).lines })

    // The independent computation of what each owner was called.
    const lotOf = (ownerId: string) => LOTS.find((l) => owners[l] === ownerId) as Lot
    const insuranceQ = periods(BUDGET.insurance, 4)
    const liftQ = periods(BUDGET.lift, 4)
    let provisions = ZERO
    for (let q = 0; q < 4; q++) {
      const expected = add(byKey(QUOTA, insuranceQ[q] ?? 0), byKey(LIFT, liftQ[q] ?? 0))
      const got = { ...ZERO }
      for (const l of calls[q]?.lines ?? []) got[lotOf(l.owner_id)] += l.amount_cents
      expect(got, `provisions Q${q + 1}`).toEqual(expected)
      provisions = add(provisions, expected)
    }
    const reserveParts = byKey(QUOTA, RESERVE_CALL)

    // 3. The year's invoices (approved at creation; v1 has no draft).
    let ordinary = ZERO
    let extraordinary = ZERO
    for (const e of EXPENSES) {
      const res = await api.request('POST', '/api/v1/expenses', {
        token,
        body: {
          building_id: b.id,
          category: e.category,
          description: `${e.category} ${e.date}`,
          amount_cents: e.amount,
          expense_date: e.date,
          ...(e.key === 'lift' ? { distribution_key_id: liftKeyId } : {}),
        },
      })
      expect(res.status, JSON.stringify(res.body)).toBe(201)
      const parts = byKey(e.key === 'lift' ? LIFT : QUOTA, e.amount)
      if (e.category === 'Works') extraordinary = add(extraordinary, parts)
      else ordinary = add(ordinary, parts)
    }
    // 4. Payments. The bank's CODA statement (Febelfin CODA 2.x) of the working-capital account:
    // Anne pays her Q1 line exactly (matched by its communication), Bernard part of his Q1 line,
    // Claire more than she owes (a credit), and someone unknown pays without a communication.
    const pay = async (body: Record<string, unknown>) => {
      const res = await api.request('POST', `/api/v1/buildings/${b.id}/payments`, { token, body })
      expect(res.status, JSON.stringify(res.body)).toBe(201)
    }
    const q1 = (lot: Lot) => calls[0]?.lines.find((l) => l.owner_id === owners[lot]) as Line
    const coda = writeCoda([
      {
        iban: 'BE68539007547034',
        statementNumber: 1,
        oldBalanceCents: 0,
        newBalanceCents: q1('A').amount_cents + 20_000 + 1_234 + 150_000,
        oldBalanceDate: '2025-01-01',
        newBalanceDate: '2025-02-01',
        movements: [
          ['A', q1('A').amount_cents, '2025-01-10', 'BE62510007547061'],
          ['B', 20_000, '2025-01-20', 'NL91ABNA0417164300'],
          [null, 1_234, '2025-01-25', 'BE09000000000057'],
          ['C', 150_000, '2025-02-01', 'BE43068999999501'],
        ].map(([lot, amountCents, date, iban], i) => ({
          sequence: i + 1,
          amountCents: amountCents as number,
          valueDate: date as string,
          bookingDate: date as string,
          bankReference: `REF-${i + 1}`,
          counterpartyIban: iban as string,
          counterpartyName: lot ? names[lot as Lot] : 'Unknown',
          ...(lot
            ? { structuredCommunication: q1(lot as Lot).communication_digits }
            : { freeText: 'cotisation' }),
        })),
      },
    ])
    const upload = () => {
      const form = new FormData()
      form.set('file', new Blob([coda]), 'statement-2025-001.cod')
      return api.request('POST', `/api/v1/buildings/${b.id}/bank-statements`, { token, rawBody: form })
    }
    const imported = await upload()
    expect(imported.status, JSON.stringify(imported.body)).toBe(201)
    expect(imported.body).toMatchObject({
      statements: [{ movements_created: 4, movements_already_imported: 0 }],
      matched: { communication: 3 },
      unmatched: 1,
    })
    // The same file again (a duplicate download): nothing is created twice.
    const again2 = await upload()
    expect(again2.status, JSON.stringify(again2.body)).toBeLessThan(300)
    expect(again2.body).toMatchObject({
      statements: [{ movements_created: 0, movements_already_imported: 4 }],
    })
    // Anne pays her other lines by hand with their communications.
    let annePaid = q1('A').amount_cents
    let anneReserve = 0
    for (const call of calls) {
      for (const l of call.lines.filter((x) => x.owner_id === owners.A && x.id !== q1('A').id)) {
        await pay({
          amount_cents: l.amount_cents,
          payment_date: '2025-01-10',
          communication: l.communication,
        })
        annePaid += l.amount_cents
        if (call.kind === 'reserve') anneReserve += l.amount_cents
      }
    }
    // 4b. Reminders on 20 February (the default ladder, no interest nor fee: the statutes allow
    // none here): only Bernard is late (Q1 part paid, reserve unpaid).
    const ladder = await api.request('PUT', `/api/v1/buildings/${b.id}/arrears-settings`, {
      token,
      body: {
        steps: [
          { kind: 'friendly', days_after_due: 15 },
          { kind: 'firm', days_after_due: 30 },
          { kind: 'formal_notice', days_after_due: 60 },
        ],
        reminder_fee_cents: 0,
        interest_enabled: false,
      },
    })
    expect(ladder.status, JSON.stringify(ladder.body)).toBe(200)
    const reminders = await api.request('POST', `/api/v1/buildings/${b.id}/reminders/run`, {
      token,
      body: { as_of: '2025-02-20' },
    })
    expect(reminders.status, JSON.stringify(reminders.body)).toBe(200)
    expect(
      (reminders.body as { reminders: { owner_id: string; kind: string }[] }).reminders.map((r) => [
        lotOf(r.owner_id),
        r.kind,
      ]),
    ).toEqual([['B', 'friendly']])
    await pay({ owner_id: owners.B, amount_cents: 80_000, payment_date: '2025-03-01' })
    const paid: Record<Lot, number> = { A: annePaid, B: 100_000, C: 150_000 }
    // Bernard's March payment names no line: it settles his oldest lines first — the rest of Q1
    // (due 15 Jan), then the reserve line (due 31 Jan) before Q2 (15 Apr). It reached the
    // working-capital account, so its reserve part is transferred to the reserve account the same
    // day (a payment spanning both funds, ADR 0037). Claire's overpayment is a credit: her Q1 line
    // is named by its communication and the rest stays on her account (no transfer).
    const bernardReserve = Math.min(reserveParts.B, Math.max(0, paid.B - q1('B').amount_cents))
    const reserveReceived = anneReserve + bernardReserve

    // 5. Not before the year's end, not by the accountant, not another tenant's.
    const accountantClose = await api.request(
      'POST',
      `/api/v1/buildings/${b.id}/fiscal-years/${YEAR}/close`,
      {
        token: t.accountant.token,
      },
    )
    expect(accountantClose.status).toBe(403)
    const other = await api.tenant()
    expect(
      (
        await api.request('POST', `/api/v1/buildings/${b.id}/fiscal-years/${YEAR}/close`, {
          token: other.syndic.token,
        })
      ).status,
    ).toBe(404)
    const tooEarly = await api.request('POST', `/api/v1/buildings/${b.id}/fiscal-years/2026/close`, { token })
    expect(tooEarly.status).toBe(409)
    expect(tooEarly.body).toMatchObject({ code: 'fiscal_year_not_ended' })

    // 6. The close.
    const closed = await api.request('POST', `/api/v1/buildings/${b.id}/fiscal-years/${YEAR}/close`, {
      token,
    })
    expect(closed.status, JSON.stringify(closed.body)).toBe(201)
    type Statement = {
      owner_id: string
      charges_cents: number
      provisions_cents: number
      regularisation_cents: number
      extraordinary_cents: number
      charges_by_key: { key_id: string | null; amount_cents: number }[]
    }
    const body = closed.body as {
      closing: {
        regularisation_date: string
        regularisation_net_cents: number
        ordinary_charges_cents: number
      }
      data: Statement[]
    }
    expect(body.closing.regularisation_date).toBe('2026-01-01')
    const expectedNet = LOTS.reduce((s, l) => s + ordinary[l] - provisions[l], 0)
    expect(body.closing.regularisation_net_cents).toBe(expectedNet)
    expect(body.closing.ordinary_charges_cents).toBe(
      EXPENSES.filter((e) => e.category !== 'Works').reduce((s, e) => s + e.amount, 0),
    )
    for (const lot of LOTS) {
      const s = body.data.find((x) => x.owner_id === owners[lot]) as Statement
      const liftPart = byKey(LIFT, 90_001)[lot]
      expect(s, lot).toMatchObject({
        charges_cents: ordinary[lot],
        provisions_cents: provisions[lot],
        regularisation_cents: ordinary[lot] - provisions[lot],
        extraordinary_cents: extraordinary[lot],
      })
      expect(s.charges_by_key.find((k) => k.key_id === liftKeyId)?.amount_cents ?? 0, lot).toBe(liftPart)
      expect(s.charges_by_key.find((k) => k.key_id === null)?.amount_cents, lot).toBe(
        ordinary[lot] - liftPart,
      )
    }

    // 6b. Each statement is a PDF in the owner's language, addressed to them; Anne's is e-mailed
    // (once, even when the jobs run again), the others are on paper.
    while ((await runDueJobs(api.runtime)) > 0) {}
    const listed = await api.request('GET', `/api/v1/buildings/${b.id}/fiscal-years/${YEAR}/statements`, {
      token,
    })
    const rows = (
      listed.body as {
        data: (Statement & {
          id: string
          document_id: string | null
          delivery: string
          emailed_at: string | null
        })[]
      }
    ).data
    expect(rows.every((r) => r.document_id === r.id)).toBe(true)
    expect(
      Object.fromEntries(rows.map((r) => [lotOf(r.owner_id), [r.delivery, r.emailed_at !== null]])),
    ).toEqual({
      A: ['email', true],
      B: ['post', false],
      C: ['post', false],
    })
    for (const [lot, title] of [
      ['A', 'Afrekening van de lasten 2025'],
      ['C', 'Nebenkostenabrechnung 2025'],
    ] as const) {
      const row = rows.find((r) => r.owner_id === owners[lot]) as { document_id: string }
      const file = await api.app.request(`/api/v1/documents/${row.document_id}/download`, {
        headers: { authorization: `Bearer ${token}` },
      })
      expect(file.status).toBe(200)
      const { text } = await extractText(await getDocumentProxy(new Uint8Array(await file.arrayBuffer())), {
        mergePages: true,
      })
      const page = text.replace(/[\u00a0\u202f]/g, ' ')
      expect(page).toContain(title)
      expect(page).toContain(euros(ordinary[lot] - provisions[lot]))
      expect(page).toContain(euros(provisions[lot]))
    }
    while ((await runDueJobs(api.runtime)) > 0) {}
    // Anne's own mails only: captured_mail is platform-wide, and a database another file (or an
    // earlier run) used holds statements of other tenants with the same subject.
    const mails = (await api.inspect.execute(
      sql`select to_address from captured_mail
          where subject like ${'Afrekening van de lasten 2025:%'} and to_address = ${emails.A}`,
    )) as unknown as { rows: { to_address: string }[] }
    expect(mails.rows).toHaveLength(1)

    // 7. Each owner's account: called − paid in 2025, plus the regularisation posted on 1 Jan 2026.
    const carried = { ...ZERO }
    for (const lot of LOTS) {
      const account = await api.request('GET', `/api/v1/owners/${owners[lot]}/account`, { token })
      expect(account.status).toBe(200)
      const called = provisions[lot] + reserveParts[lot]
      const regularisation = ordinary[lot] - provisions[lot]
      const ledger = (
        account.body as {
          buildings: {
            ledger_balance_cents: number
            balance_cents: number
            regularisation_cents: number
            regularisations: { fiscal_year: number; amount_cents: number; date: string; due_date: string }[]
          }[]
        }
      ).buildings[0]
      expect(ledger?.ledger_balance_cents, lot).toBe(called - paid[lot] + regularisation)
      // The account lists the regularisation as its own line (issue #15 item 7), so its balance
      // is the 410's: what the close posted is visible to the owner, not only in the books. To pay,
      // it is a due item (issue #16 item 4): due 30 days (the default term) after the statement,
      // i.e. after today's close, since the close is later than the regularisation date.
      expect(ledger?.regularisations, lot).toEqual([
        expect.objectContaining({
          fiscal_year: YEAR,
          amount_cents: regularisation,
          date: '2026-01-01',
          due_date: new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10),
          line_id: expect.any(String),
        }),
      ])
      expect(ledger?.regularisation_cents, lot).toBe(regularisation)
      expect(ledger?.balance_cents, lot).toBe(ledger?.ledger_balance_cents)
      carried[lot] = called - paid[lot] + regularisation
    }
    const jan = await api.request('GET', `/api/v1/buildings/${b.id}/ledger/accounts/140?fiscal_year=2026`, {
      token,
    })
    expect((jan.body as { balance_cents: number }).balance_cents).toBe(-expectedNet)

    // 8. The annual accounts, to the cent.
    const acc = await api.request('GET', `/api/v1/buildings/${b.id}/fiscal-years/${YEAR}/accounts`, { token })
    expect(acc.status, JSON.stringify(acc.body)).toBe(200)
    const a = acc.body as {
      closed: boolean
      income: { account: string; amount_cents: number }[]
      charges: { account: string; amount_cents: number }[]
      total_income_cents: number
      total_charges_cents: number
      result_cents: number
      by_category: {
        category: string
        budget_cents: number
        actual_cents: number
        difference_cents: number
      }[]
      by_key: { key_id: string | null; amount_cents: number }[]
      balance_sheet: {
        assets: { account: string; amount_cents: number }[]
        liabilities: { account: string; amount_cents: number }[]
        total_assets_cents: number
        total_liabilities_cents: number
        result_not_carried_cents: number
      }
      reserve_fund: {
        called_cents: number
        received_cents: number
        paid_out_cents: number
        bank_balance_cents: number
      }
    }
    const provisionsTotal = BUDGET.insurance + BUDGET.lift
    const totalCharges = EXPENSES.reduce((s, e) => s + e.amount, 0)
    const totalPaid = paid.A + paid.B + paid.C
    expect(a.closed).toBe(true)
    expect(a.income).toEqual([
      { account: '700', name: expect.any(String), amount_cents: provisionsTotal },
      { account: '701', name: expect.any(String), amount_cents: RESERVE_CALL },
    ])
    expect(a.charges.map((c) => [c.account, c.amount_cents])).toEqual([
      ['610', 90_001],
      ['614', 310_000],
      ['615', 100_001],
      ['616', 50_000],
    ])
    expect(a.total_income_cents).toBe(provisionsTotal + RESERVE_CALL)
    expect(a.total_charges_cents).toBe(totalCharges)
    expect(a.result_cents).toBe(provisionsTotal + RESERVE_CALL - totalCharges)
    expect(a.by_category).toEqual([
      {
        category: 'Cleaning',
        ordinary: true,
        budget_cents: 0,
        actual_cents: 100_001,
        difference_cents: 100_001,
      },
      {
        category: 'Insurance',
        ordinary: true,
        budget_cents: 300_000,
        actual_cents: 310_000,
        difference_cents: 10_000,
      },
      {
        category: 'Maintenance',
        ordinary: true,
        budget_cents: 100_001,
        actual_cents: 90_001,
        difference_cents: -10_000,
      },
      { category: 'Works', ordinary: false, budget_cents: 0, actual_cents: 50_000, difference_cents: 50_000 },
    ])
    expect(a.by_key.map((k) => [k.key_id, k.amount_cents])).toEqual([
      [null, 410_001],
      [liftKeyId, 90_001],
    ])
    // Balance sheet on 31 Dec 2025: owners owe called − paid, the banks hold what was paid
    // (the reserve lines' payments on the reserve account), suppliers are owed every invoice.
    expect(a.balance_sheet.assets.map((x) => [x.account, x.amount_cents])).toEqual([
      ['410', provisionsTotal + RESERVE_CALL - totalPaid],
      ['550', totalPaid - reserveReceived],
      ['551', reserveReceived],
    ])
    expect(a.balance_sheet.liabilities.map((x) => [x.account, x.amount_cents])).toEqual([
      ['440', totalCharges],
    ])
    expect(a.balance_sheet.total_assets_cents).toBe(a.balance_sheet.total_liabilities_cents + a.result_cents)
    expect(a.balance_sheet.result_not_carried_cents).toBe(a.result_cents)
    expect(a.reserve_fund).toEqual({
      called_cents: RESERVE_CALL,
      received_cents: reserveReceived,
      paid_out_cents: 0,
      bank_balance_cents: reserveReceived,
    })

    // 9. The closed year is frozen: an invoice dated in it is refused (409), the corrections go
    // to 2026; closing it again is refused; the database refuses a line written behind the API.
    const late = await api.request('POST', '/api/v1/expenses', {
      token,
      body: {
        building_id: b.id,
        category: 'Repairs',
        description: 'Late invoice',
        amount_cents: 5_000,
        expense_date: '2025-12-20',
      },
    })
    expect(late.status, JSON.stringify(late.body)).toBe(409)
    expect(late.body).toMatchObject({ code: 'fiscal_year_closed' })
    const lateBackdated = await api.request('POST', `/api/v1/buildings/${b.id}/payments`, {
      token,
      body: { owner_id: owners.B, amount_cents: 1_000, payment_date: '2025-12-31' },
    })
    expect(lateBackdated.status).toBe(409)
    const next = await api.request('POST', '/api/v1/expenses', {
      token,
      body: {
        building_id: b.id,
        category: 'Repairs',
        description: 'Late invoice, booked in 2026',
        amount_cents: 5_000,
        expense_date: '2026-01-05',
      },
    })
    expect(next.status).toBe(201)
    const again = await api.request('POST', `/api/v1/buildings/${b.id}/fiscal-years/${YEAR}/close`, { token })
    expect(again.status).toBe(409)
    expect(again.body).toMatchObject({ code: 'fiscal_year_already_closed' })
    const behindTheApi = await api.inspect
      .execute(
        sql`insert into ledger_entries (id, organization_id, building_id, fiscal_year, journal, entry_date, label, source_kind, source_id, total_cents)
            values (gen_random_uuid(), ${t.org.id}, ${b.id}, ${YEAR}, 'miscellaneous', '2025-12-31', 'behind the API', 'test', 'x', 1)`,
      )
      .then(
        () => 'inserted',
        (e: Error & { cause?: Error }) => `${e.message} ${e.cause?.message ?? ''}`,
      )
    expect(behindTheApi).toMatch(/fiscal year 2025 of building .* is closed/)
    // Nothing of the refused writes is in 2025's books.
    const tb = await api.request(
      'GET',
      `/api/v1/buildings/${b.id}/ledger/trial-balance?fiscal_year=${YEAR}`,
      { token },
    )
    expect((tb.body as { total_debit_cents: number }).total_debit_cents).toBeGreaterThan(0)
    const statements = await api.request('GET', `/api/v1/buildings/${b.id}/fiscal-years/${YEAR}/statements`, {
      token,
    })
    expect((statements.body as { data: Statement[] }).data.map((s) => s.regularisation_cents).sort()).toEqual(
      LOTS.map((l) => ordinary[l] - provisions[l]).sort(),
    )

    // 10. The first call of 2026 carries the balance (the regularisation included) on paper: each
    // letter prints the owner's balance brought forward above the call's amount (issue #15 item 7).
    const call2026 = await api.request('POST', `/api/v1/buildings/${b.id}/calls`, {
      token,
      body: {
        kind: 'reserve',
        label: 'Fonds de réserve 2026',
        issue_date: '2026-01-05',
        due_date: '2026-01-31',
        amount_cents: RESERVE_CALL,
      },
    })
    expect(call2026.status, JSON.stringify(call2026.body)).toBe(201)
    while ((await runDueJobs(api.runtime)) > 0) {}
    for (const [lot, owed, credit] of [
      ['A', 'nog te betalen', 'in uw voordeel'],
      ['C', 'noch zu zahlen', 'zu Ihren Gunsten'],
    ] as const) {
      const line = (call2026.body as { lines: Line[] }).lines.find((l) => l.owner_id === owners[lot]) as Line
      const file = await api.app.request(`/api/v1/documents/${line.id}/download`, {
        headers: { authorization: `Bearer ${token}` },
      })
      expect(file.status, lot).toBe(200)
      const { text } = await extractText(await getDocumentProxy(new Uint8Array(await file.arrayBuffer())), {
        mergePages: true,
      })
      const page = text.replace(/[\u00a0\u202f]/g, ' ').replace(/\s+/g, ' ')
      expect(carried[lot], lot).not.toBe(0)
      expect(page, lot).toContain(`${euros(Math.abs(carried[lot]))} € ${carried[lot] > 0 ? owed : credit}`)
      expect(page, lot).toContain(euros(line.amount_cents))
      // And the account still adds up to the books with the new call on it.
      const account = await api.request('GET', `/api/v1/owners/${owners[lot]}/account`, { token })
      const after = (account.body as { buildings: { balance_cents: number; ledger_balance_cents: number }[] })
        .buildings[0]
      expect(after?.balance_cents, lot).toBe(carried[lot] + line.amount_cents)
      expect(after?.balance_cents, lot).toBe(after?.ledger_balance_cents)
    }
  })
})
