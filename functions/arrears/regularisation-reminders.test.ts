import { extractText, getDocumentProxy } from 'unpdf'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { runDueJobs } from '../_shared/jobs/runner.ts'
import { createTestApi, type TestApi } from '../test/harness.ts'
import { propertyFixtures } from '../test/property-fixtures.ts'

let api: TestApi
let fx: ReturnType<typeof propertyFixtures>
beforeAll(async () => {
  api = await createTestApi()
  fx = propertyFixtures(api)
})
afterAll(() => {
  vi.useRealTimers()
  return api.close()
})

type ReminderLine = {
  line_id: string
  label: string
  communication: string
  outstanding_cents: number
  interest_cents: number
}
type Reminder = {
  id: string
  owner_id: string
  kind: string
  outstanding_cents: number
  interest_cents: number
  lines: ReminderLine[]
}

async function pdfText(token: string, documentId: string) {
  const file = await api.app.request(`/api/v1/documents/${documentId}/download`, {
    headers: { authorization: `Bearer ${token}` },
  })
  expect(file.status).toBe(200)
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(await file.arrayBuffer())), {
    mergePages: true,
  })
  return text.replace(/[\u00a0\u202f]/g, ' ')
}

describe('the unpaid year-end regularisation on the reminder ladder (issue #16 item 4)', () => {
  it('close → regularisation unpaid → a reminder letter names it, with interest → a payment with its communication clears it; the 410 carries it once', async () => {
    const t = await api.tenant()
    const token = t.syndic.token
    const b = await fx.building(token, { total_units: 2, total_tantiemes: 1000 })
    const ua = await fx.unit(token, b.id, { unit_number: 'A', quota: 600 })
    const ub = await fx.unit(token, b.id, { unit_number: 'B', quota: 400 })
    const o1 = await fx.owner(token, { email: null })
    // o2 reads Dutch: their letter names the regularisation in Dutch, not in the stored French.
    const o2 = await fx.owner(token, { email: null, preferred_language: 'nl' })
    for (const [unit, owner] of [
      [ua.id, o1.id],
      [ub.id, o2.id],
    ] as const) {
      const res = await api.request('POST', `/api/v1/units/${unit}/owners`, {
        token,
        body: { owner_id: owner, ownership_share: 1, is_primary_contact: true, start_date: '2020-01-01' },
      })
      expect(res.status, JSON.stringify(res.body)).toBe(201)
    }
    const acc = await api.request('PUT', `/api/v1/buildings/${b.id}/bank-accounts/working_capital`, {
      token,
      body: { iban: 'BE68 5390 0754 7034', holder_name: 'ACP Les Tilleuls' },
    })
    expect(acc.status, JSON.stringify(acc.body)).toBe(200)
    // 2025: one invoice of 100 000 over the quote-parts, no provision called: the regularisations
    // are A 60 000 (o1) and B 40 000 (o2) to pay.
    const expense = await api.request('POST', '/api/v1/expenses', {
      token,
      body: {
        building_id: b.id,
        category: 'Maintenance',
        description: 'Entretien 2025',
        amount_cents: 100_000,
        expense_date: '2025-03-10',
      },
    })
    expect(expense.status, JSON.stringify(expense.body)).toBe(201)
    const saved = await api.request('PUT', `/api/v1/buildings/${b.id}/arrears-settings`, {
      token,
      body: {
        steps: [
          { kind: 'friendly', days_after_due: 15 },
          { kind: 'firm', days_after_due: 30 },
        ],
        interest_enabled: true,
        interest_basis: 'statutes',
        interest_basis_ref: 'Statuts art. 24',
      },
    })
    expect(saved.status, JSON.stringify(saved.body)).toBe(200)
    expect(saved.body.regularisation_term_days).toBe(30)

    // The syndic closes 2025 on 20 January 2026 (the clock is set back for the close only).
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(new Date('2026-01-20T09:00:00Z'))
    const closed = await api.request('POST', `/api/v1/buildings/${b.id}/fiscal-years/2025/close`, { token })
    vi.useRealTimers()
    expect(closed.status, JSON.stringify(closed.body)).toBe(201)
    const regOf = (body: { data: { owner_id: string; regularisation_cents: number }[] }, owner: string) =>
      body.data.find((s) => s.owner_id === owner)?.regularisation_cents
    expect([regOf(closed.body, o1.id), regOf(closed.body, o2.id)]).toEqual([60_000, 40_000])

    // The due item: posted on 2026-01-01 (the 410), due 30 days after the statement (2026-01-20).
    const account = async (owner: string) => {
      const res = await api.request('GET', `/api/v1/owners/${owner}/account?building_id=${b.id}`, { token })
      expect(res.status, JSON.stringify(res.body)).toBe(200)
      return res.body.buildings[0]
    }
    const before = await account(o2.id)
    expect(before.regularisations).toEqual([
      expect.objectContaining({
        fiscal_year: 2025,
        amount_cents: 40_000,
        date: '2026-01-01',
        due_date: '2026-02-19',
        outstanding_cents: 40_000,
        line_id: expect.any(String),
      }),
    ])
    const line = before.lines.find((l: { id: string }) => l.id === before.regularisations[0].line_id)
    expect(line).toMatchObject({ kind: 'regularisation', amount_cents: 40_000, due_date: '2026-02-19' })
    // Counted once: not as a call, as the regularisation; the account equals the 410 balance.
    expect(before).toMatchObject({ called_cents: 0, regularisation_cents: 40_000, balance_cents: 40_000 })
    expect(before.ledger_balance_cents).toBe(40_000)

    // Not chased before due + 15; on 2026-03-06 the friendly reminder names the regularisation.
    const run = (asOf: string) =>
      api.request('POST', `/api/v1/buildings/${b.id}/reminders/run`, { token, body: { as_of: asOf } })
    expect((await run('2026-03-05')).body.reminders).toEqual([])
    const first = await run('2026-03-06')
    expect(first.status, JSON.stringify(first.body)).toBe(200)
    const r2 = (first.body.reminders as Reminder[]).find((r) => r.owner_id === o2.id) as Reminder
    // 40 000 for 15 days after 2026-02-19 at 4.50 % (2026, 365 days): 73.97… → 74.
    expect(r2).toMatchObject({ kind: 'friendly', outstanding_cents: 40_000, interest_cents: 74 })
    expect(r2.lines).toEqual([
      expect.objectContaining({ line_id: line.id, label: 'Regularisatie 2025', outstanding_cents: 40_000 }),
    ])
    // The French owner's reminder keeps the French label.
    const r1 = (first.body.reminders as Reminder[]).find((r) => r.owner_id === o1.id) as Reminder
    expect(r1.lines.map((l) => l.label)).toEqual(['Régularisation 2025'])
    while ((await runDueJobs(api.runtime)) > 0) {}
    const letter = await pdfText(token, r2.id)
    expect(letter).toContain('Regularisatie 2025')
    expect(letter).not.toContain('Régularisation')
    expect(letter).toContain(line.communication)

    // o2 pays the regularisation with its communication: allocated to it, it is cleared.
    const paid = await api.request('POST', `/api/v1/buildings/${b.id}/payments`, {
      token,
      body: { amount_cents: 40_074, payment_date: '2026-03-10', communication: line.communication_digits },
    })
    expect(paid.status, JSON.stringify(paid.body)).toBe(201)
    expect(paid.body.allocations).toEqual([
      expect.objectContaining({ line_id: line.id, amount_cents: 40_000 }),
    ])
    const after = await account(o2.id)
    expect(after.regularisations[0]).toMatchObject({ outstanding_cents: 0, overdue: false })
    // 40 000 + 74 interest − 40 074 paid = 0, in the account and in the books.
    expect(after).toMatchObject({ balance_cents: 0, ledger_balance_cents: 0, charges_cents: 74 })
    // The firm step: o1 (still owing) gets it, o2 (paid) is not chased any more.
    const second = (await run('2026-03-21')).body.reminders as Reminder[]
    expect(second.map((r) => [r.owner_id, r.kind])).toEqual([[o1.id, 'firm']])
    const o1Account = await account(o1.id)
    expect(o1Account.balance_cents).toBe(o1Account.ledger_balance_cents)
  })
})
