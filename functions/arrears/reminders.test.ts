import { writeCoda } from '@koprogo/domain/bank-testing'
import { sql } from 'drizzle-orm'
import { extractText, getDocumentProxy } from 'unpdf'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runDueJobs } from '../_shared/jobs/runner.ts'
import { createTestApi, type TestApi } from '../test/harness.ts'
import { propertyFixtures } from '../test/property-fixtures.ts'

let api: TestApi
let fx: ReturnType<typeof propertyFixtures>
beforeAll(async () => {
  api = await createTestApi()
  fx = propertyFixtures(api)
})
afterAll(() => api.close())

type Reminder = {
  id: string
  owner_id: string
  kind: string
  step: number
  outstanding_cents: number
  interest_cents: number
  fee_cents: number
  total_cents: number
  delivery: string
  lines: {
    line_id: string
    communication: string
    outstanding_cents: number
    interest_cents: number
    interest_from: string | null
    interest_to: string | null
  }[]
}

async function link(token: string, unitId: string, ownerId: string) {
  const res = await api.request('POST', `/api/v1/units/${unitId}/owners`, {
    token,
    body: { owner_id: ownerId, ownership_share: 1, is_primary_contact: true, start_date: '2020-01-01' },
  })
  expect(res.status, JSON.stringify(res.body)).toBe(201)
}

/** Lots A 600 (o1, e-mail consent, nl) and B 400 (o2, no e-mail); a reserve call of €1,000.00 due 2026-01-31. */
async function setup() {
  const t = await api.tenant()
  const token = t.syndic.token
  const b = await fx.building(token, { total_units: 2, total_tantiemes: 1000 })
  const a = await fx.unit(token, b.id, { unit_number: 'A', quota: 600 })
  const bb = await fx.unit(token, b.id, { unit_number: 'B', quota: 400 })
  const o1 = await fx.owner(token, {
    email_consent: true,
    email_consent_date: '2024-01-01',
    preferred_language: 'nl',
  })
  const o2 = await fx.owner(token, { email: null })
  await link(token, a.id, o1.id)
  await link(token, bb.id, o2.id)
  const acc = await api.request('PUT', `/api/v1/buildings/${b.id}/bank-accounts/reserve`, {
    token,
    body: { iban: 'BE71 0961 2345 6769', holder_name: 'ACP Les Tilleuls' },
  })
  expect(acc.status, JSON.stringify(acc.body)).toBe(200)
  const call = await api.request('POST', `/api/v1/buildings/${b.id}/calls`, {
    token,
    body: {
      kind: 'reserve',
      label: 'Réserve 2026',
      issue_date: '2026-01-01',
      due_date: '2026-01-31',
      amount_cents: 100_000,
    },
  })
  expect(call.status, JSON.stringify(call.body)).toBe(201)
  const lines = (call.body as { lines: { id: string; owner_id: string; communication_digits: string }[] })
    .lines
  const lineOf = (ownerId: string) => lines.find((l) => l.owner_id === ownerId) as (typeof lines)[number]
  return { t, token, b, o1, o2, lineOf }
}

const run = (token: string, buildingId: string, asOf?: string) =>
  api.request('POST', `/api/v1/buildings/${buildingId}/reminders/run`, {
    token,
    body: asOf ? { as_of: asOf } : {},
  })

const settings = (token: string, buildingId: string, body: Record<string, unknown>) =>
  api.request('PUT', `/api/v1/buildings/${buildingId}/arrears-settings`, { token, body })

describe('reminders and late interest (issue #16 item 4)', () => {
  it('the ladder: friendly at due + 15, never twice, a paid line stops, a partly paid one goes on with interest and fee', async () => {
    const { token, b, o1, o2, lineOf } = await setup()
    // Interest and a fee need their basis.
    const refused = await settings(token, b.id, {
      steps: [
        { kind: 'friendly', days_after_due: 15 },
        { kind: 'firm', days_after_due: 30 },
        { kind: 'formal_notice', days_after_due: 60 },
      ],
      reminder_fee_cents: 500,
      interest_enabled: true,
    })
    expect(refused.status).toBe(400)
    expect(JSON.stringify(refused.body)).toContain('basis')
    const saved = await settings(token, b.id, {
      steps: [
        { kind: 'friendly', days_after_due: 15 },
        { kind: 'firm', days_after_due: 30 },
        { kind: 'formal_notice', days_after_due: 60 },
      ],
      reminder_fee_cents: 500,
      fee_basis: 'statutes',
      fee_basis_ref: 'Statuts art. 25',
      interest_enabled: true,
      interest_basis: 'statutes',
      interest_basis_ref: 'Statuts art. 24',
    })
    expect(saved.status, JSON.stringify(saved.body)).toBe(200)
    expect(saved.body).toMatchObject({ version: 1, interest_enabled: true })

    expect((await run(token, b.id, '2026-02-14')).body.reminders).toEqual([])
    const first = await run(token, b.id, '2026-02-15')
    expect(first.status, JSON.stringify(first.body)).toBe(200)
    const friendly = first.body.reminders as Reminder[]
    expect(friendly.map((r) => [r.owner_id, r.kind, r.delivery]).sort()).toEqual(
      [
        [o1.id, 'friendly', 'email'],
        [o2.id, 'friendly', 'post'],
      ].sort(),
    )
    // o1 owes 60 000 for 15 days at 4.50 % (2026): 60 000 × 0.045 × 15/365 = 110.96 → 111; no fee on a first reminder.
    const r1 = friendly.find((r) => r.owner_id === o1.id) as Reminder
    expect(r1).toMatchObject({
      outstanding_cents: 60_000,
      interest_cents: 111,
      fee_cents: 0,
      total_cents: 60_111,
    })
    expect(r1.lines[0]).toMatchObject({ interest_from: '2026-01-31', interest_to: '2026-02-15' })
    // The same day again: nothing (never the same step twice).
    expect((await run(token, b.id, '2026-02-15')).body.reminders).toEqual([])

    // o1 pays in full; o2 pays half.
    for (const [owner, amount] of [
      [o1.id, 60_000],
      [o2.id, 20_000],
    ] as const) {
      const paid = await api.request('POST', `/api/v1/buildings/${b.id}/payments`, {
        token,
        body: {
          amount_cents: amount,
          payment_date: '2026-02-20',
          communication: lineOf(owner).communication_digits,
        },
      })
      expect(paid.status, JSON.stringify(paid.body)).toBe(201)
    }
    const second = (await run(token, b.id, '2026-03-02')).body.reminders as Reminder[]
    expect(second).toHaveLength(1)
    // o2: the 20 000 still owed, the fee of the second step, and the interest weighted by the
    // payment's date: on the 40 000 line due 2026-01-31, the 20 000 paid on 02-20 bore 20 days
    // and the 20 000 still owed bears 30 days to 03-02, at 4.50 % on 365 days:
    //   20 000 × 0.045 × 20/365 = 49.3150…  +  20 000 × 0.045 × 30/365 = 73.9726…  = 123.2876… → 123
    // (rounded once for the line), minus the 74 charged by the first reminder = 49.
    // (On the balance at the run alone it was 20 000 × 0.045 × 15/365 = 36.99 → 37.)
    expect(second[0]).toMatchObject({
      owner_id: o2.id,
      kind: 'firm',
      outstanding_cents: 20_000,
      interest_cents: 49,
      fee_cents: 500,
    })
    expect(second[0]?.lines[0]).toMatchObject({ interest_from: '2026-02-15', interest_to: '2026-03-02' })

    // The books: 410 of o2 debited by interest + fee, 750 and 740 credited; the owner account agrees.
    const tb = await api.request('GET', `/api/v1/buildings/${b.id}/ledger/trial-balance?fiscal_year=2026`, {
      token,
    })
    expect(tb.status, JSON.stringify(tb.body)).toBe(200)
    const credit = (code: string) =>
      (tb.body.rows as { account: string; credit_cents: number }[]).find((a) => a.account === code)
        ?.credit_cents ?? 0
    // o2's first reminder: 40 000 × 0.045 × 15/365 = 73.97 → 74.
    expect(friendly.find((r) => r.owner_id === o2.id)?.interest_cents).toBe(74)
    expect(credit('750')).toBe(111 + 74 + 49)
    expect(credit('740')).toBe(500)
    const account = await api.request('GET', `/api/v1/owners/${o2.id}/account?building_id=${b.id}`, { token })
    const acc = account.body.buildings[0]
    expect(acc.charges_cents).toBe(74 + 49 + 500)
    // Σ interest charged on o2's line = its interest accrued to 03-02, rounded once: 123.
    expect(74 + (second[0]?.interest_cents ?? 0)).toBe(123)
    expect(acc.balance_cents).toBe(acc.ledger_balance_cents)
    expect(acc.balance_cents).toBe(40_000 - 20_000 + acc.charges_cents)

    const list = await api.request('GET', `/api/v1/buildings/${b.id}/reminders`, { token })
    expect(list.status).toBe(200)
    expect(list.body.data).toHaveLength(3)
  })

  it('a partial payment from the bank bears interest up to its value date, not its booking date', async () => {
    const { token, b, o2, lineOf } = await setup()
    const saved = await settings(token, b.id, {
      steps: [
        { kind: 'friendly', days_after_due: 15 },
        { kind: 'firm', days_after_due: 30 },
      ],
      interest_enabled: true,
      interest_basis: 'assembly',
      interest_basis_ref: 'AG 2025-05-12, point 9',
    })
    expect(saved.status, JSON.stringify(saved.body)).toBe(200)
    // o2 pays 20 000 of their 40 000 (due 2026-01-31) by transfer: value date 02-10, booked 02-12.
    const coda = writeCoda([
      {
        iban: 'BE71096123456769',
        statementNumber: 1,
        oldBalanceCents: 0,
        newBalanceCents: 20_000,
        oldBalanceDate: '2026-02-11',
        newBalanceDate: '2026-02-12',
        movements: [
          {
            sequence: 1,
            amountCents: 20_000,
            valueDate: '2026-02-10',
            bookingDate: '2026-02-12',
            bankReference: 'VAL-1',
            counterpartyIban: 'BE62510007547061',
            counterpartyName: 'Owner Two',
            structuredCommunication: lineOf(o2.id).communication_digits,
          },
        ],
      },
    ])
    const form = new FormData()
    form.set('file', new Blob([coda]), 'statement.cod')
    const imported = await api.request('POST', `/api/v1/buildings/${b.id}/bank-statements`, {
      token,
      rawBody: form,
    })
    expect(imported.status, JSON.stringify(imported.body)).toBe(201)
    const first = (await run(token, b.id, '2026-02-15')).body.reminders as Reminder[]
    const r2 = first.find((r) => r.owner_id === o2.id) as Reminder
    // 20 000 paid with value 02-10: 10 days; 20 000 still owed: 15 days; 4.50 % on 365 days:
    //   20 000 × 0.045 × 10/365 = 24.6575…  +  20 000 × 0.045 × 15/365 = 36.9863…  = 61.6438… → 62.
    // (Dated by the booking day, 02-12: 29.59… + 36.99… = 66.58… → 67; on the whole 40 000: 74.)
    expect(r2).toMatchObject({ outstanding_cents: 20_000, interest_cents: 62, fee_cents: 0 })
    expect(r2.lines[0]).toMatchObject({ interest_from: '2026-01-31', interest_to: '2026-02-15' })
  })

  it('no interest when neither the statutes nor the assembly allow it; the formal notice goes by registered post', async () => {
    const { token, b, o1 } = await setup()
    const steps = [
      { kind: 'friendly', days_after_due: 15 },
      { kind: 'formal_notice', days_after_due: 30 },
    ]
    expect((await settings(token, b.id, { steps })).status).toBe(200)
    const first = (await run(token, b.id, '2026-03-01')).body.reminders as Reminder[]
    expect(first.every((r) => r.interest_cents === 0 && r.fee_cents === 0 && r.kind === 'friendly')).toBe(
      true,
    )
    // Spacing kept for a ladder started late: the next step 15 days after the first, not at once.
    expect((await run(token, b.id, '2026-03-15')).body.reminders).toEqual([])
    const notice = (await run(token, b.id, '2026-03-16')).body.reminders as Reminder[]
    expect(notice.map((r) => [r.kind, r.delivery])).toEqual([
      ['formal_notice', 'registered'],
      ['formal_notice', 'registered'],
    ])
    const tb = await api.request('GET', `/api/v1/buildings/${b.id}/ledger/trial-balance?fiscal_year=2026`, {
      token,
    })
    expect(
      (tb.body.rows as { account: string }[]).some((a) => a.account === '750' || a.account === '740'),
    ).toBe(false)
    expect(o1.id).toBeTruthy()
  })

  it('the owner portal: an owner reads their own reminders, not another owner’s (404); others are refused or do not see it', async () => {
    const { t, token, b, o1, o2 } = await setup()
    await run(token, b.id, '2026-02-20')
    const linked = await api.request('PUT', `/api/v1/owners/${o1.id}/link-user`, {
      token,
      body: { user_id: t.owner.id },
    })
    expect(linked.status, JSON.stringify(linked.body)).toBe(200)
    const mine = await api.request('GET', '/api/v1/owners/me/reminders', { token: t.owner.token })
    expect(mine.status, JSON.stringify(mine.body)).toBe(200)
    expect((mine.body.data as Reminder[]).map((r) => r.owner_id)).toEqual([o1.id])
    expect(
      (await api.request('GET', `/api/v1/owners/${o2.id}/reminders`, { token: t.owner.token })).status,
    ).toBe(404)
    // An owner may not run or list the building's reminders; an accountant may list but not run.
    expect((await run(t.owner.token, b.id, '2026-02-20')).status).toBe(403)
    expect((await run(t.accountant.token, b.id, '2026-02-20')).status).toBe(403)
    expect(
      (await api.request('GET', `/api/v1/buildings/${b.id}/reminders`, { token: t.accountant.token })).status,
    ).toBe(200)
    // Another tenant's building is a 404.
    const other = await api.tenant()
    expect((await run(other.syndic.token, b.id)).status).toBe(404)
    expect(
      (await api.request('GET', `/api/v1/buildings/${b.id}/reminders`, { token: other.syndic.token })).status,
    ).toBe(404)
    // Never a day after today.
    expect((await run(token, b.id, '2999-01-01')).status).toBe(400)
  })

  it('the legal rate table: published rates, an organization override, a year without a rate stops the interest', async () => {
    const { token, b } = await setup()
    const rates = await api.request('GET', `/api/v1/buildings/${b.id}/legal-interest-rates`, { token })
    expect(rates.status).toBe(200)
    expect(rates.body.data).toContainEqual(
      expect.objectContaining({ year: 2024, rate_bp: 575, origin: 'published' }),
    )
    const set = await api.request('PUT', `/api/v1/buildings/${b.id}/legal-interest-rates/2026`, {
      token,
      body: { rate_bp: 800, source: 'Statuts art. 24: 8 %' },
    })
    expect(set.status, JSON.stringify(set.body)).toBe(200)
    const after = await api.request('GET', `/api/v1/buildings/${b.id}/legal-interest-rates`, { token })
    expect(after.body.data).toContainEqual(
      expect.objectContaining({ year: 2026, rate_bp: 800, origin: 'organization' }),
    )
    // Only a superadmin sets the platform's table.
    const t = await api.tenant()
    const platform = await api.request('PUT', '/api/v1/admin/legal-interest-rates/2027', {
      token: t.syndic.token,
      body: { rate_bp: 400, source: 'MB' },
    })
    expect(platform.status).toBe(403)
  })
})

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

describe('reminder letters (PDF in the owner language, e-mail through the outbox, postal list)', () => {
  it('renders each reminder as a document addressed to its owner, mails consenting owners once, posts the others and every formal notice', async () => {
    const { t, token, b, o1, o2 } = await setup()
    expect(
      (
        await settings(token, b.id, {
          steps: [
            { kind: 'friendly', days_after_due: 15 },
            { kind: 'formal_notice', days_after_due: 30 },
          ],
          interest_enabled: true,
          interest_basis: 'assembly',
          interest_basis_ref: 'AG 2025-05-12, point 9',
        })
      ).status,
    ).toBe(200)
    const first = await run(token, b.id, '2026-02-15')
    expect(first.body.job_id).toBeTruthy()
    while ((await runDueJobs(api.runtime)) > 0) {}
    const list = (await api.request('GET', `/api/v1/buildings/${b.id}/reminders`, { token })).body
      .data as (Reminder & {
      document_id: string | null
      emailed_at: string | null
    })[]
    expect(list.every((r) => r.document_id === r.id)).toBe(true)
    const r1 = list.find((r) => r.owner_id === o1.id) as (typeof list)[number]
    // o1 reads Dutch: the kind, the line, the interest with its basis, the total, the communication.
    const page = await pdfText(token, r1.id)
    expect(page).toContain('Herinnering')
    expect(page).toContain('Verwijlinteresten')
    expect(page).toContain('AG 2025-05-12, point 9')
    expect(page).toContain('15 dagen in 2026 aan 4,50 %')
    expect(page).toContain('601,11 €')
    expect(page).toContain(r1.lines[0]?.communication)
    // E-mailed once to the consenting owner, even after the jobs run again; o2 is on the postal list.
    expect(r1.emailed_at).not.toBeNull()
    while ((await runDueJobs(api.runtime)) > 0) {}
    const o1Email = (await api.request('GET', `/api/v1/owners/${o1.id}`, { token })).body.email
    const mails = (await api.inspect.execute(
      sql`select subject from captured_mail where to_address = ${o1Email} and subject like ${'Herinnering%'}`,
    )) as unknown as { rows: { subject: string }[] }
    expect(mails.rows.map((m) => m.subject)).toEqual([expect.stringContaining('Herinnering: 601,11')])
    const postal = await api.request('GET', `/api/v1/buildings/${b.id}/reminders/postal-list`, { token })
    expect(postal.status, JSON.stringify(postal.body)).toBe(200)
    expect(
      postal.body.data.map((l: { owner_id: string; registered: boolean }) => [l.owner_id, l.registered]),
    ).toEqual([[o2.id, false]])
    // The formal notice goes by registered post, to the consenting owner too.
    await run(token, b.id, '2026-03-02')
    while ((await runDueJobs(api.runtime)) > 0) {}
    const notices = await api.request(
      'GET',
      `/api/v1/buildings/${b.id}/reminders/postal-list?date=2026-03-02`,
      { token },
    )
    expect(
      notices.body.data
        .map((l: { owner_id: string; registered: boolean; kind: string }) => [
          l.owner_id,
          l.kind,
          l.registered,
        ])
        .sort(),
    ).toEqual(
      [
        [o1.id, 'formal_notice', true],
        [o2.id, 'formal_notice', true],
      ].sort(),
    )
    const o2Notice = notices.body.data.find((l: { owner_id: string }) => l.owner_id === o2.id)
    expect(await pdfText(token, o2Notice.document_id)).toContain('Mise en demeure')
    // The owner reads their own letter, not another owner's.
    await api.request('PUT', `/api/v1/owners/${o1.id}/link-user`, { token, body: { user_id: t.owner.id } })
    expect(await pdfText(t.owner.token, r1.id)).toContain('Herinnering')
    const foreign = await api.app.request(`/api/v1/documents/${o2Notice.document_id}/download`, {
      headers: { authorization: `Bearer ${t.owner.token}` },
    })
    expect(foreign.status).toBe(404)
  })
})

describe('the daily run by the job runner', () => {
  it('turning the daily run on runs the ladder now as the syndic and schedules the next morning; turned off, the chain stops', async () => {
    const { token, b } = await setup()
    const on = await settings(token, b.id, {
      steps: [{ kind: 'friendly', days_after_due: 15 }],
      daily_run: true,
    })
    expect(on.status, JSON.stringify(on.body)).toBe(200)
    expect(on.body.daily_run).toBe(true)
    while ((await runDueJobs(api.runtime)) > 0) {}
    // Today is long after 2026-01-31 + 15: both owners got their friendly reminder, with letters.
    const list = (await api.request('GET', `/api/v1/buildings/${b.id}/reminders`, { token })).body
      .data as (Reminder & {
      document_id: string | null
    })[]
    expect(list.map((r) => r.kind)).toEqual(['friendly', 'friendly'])
    expect(list.every((r) => r.document_id === r.id)).toBe(true)
    const pending = async () =>
      (
        (await api.inspect.execute(
          sql`select run_after from outbox where kind = 'arrears.run-reminders' and status = 'pending'
              and payload->>'buildingId' = ${b.id}`,
        )) as unknown as { rows: { run_after: string | Date }[] }
      ).rows
    const next = await pending()
    expect(next).toHaveLength(1)
    expect(new Date(next[0]?.run_after as string).getTime()).toBeGreaterThan(Date.now())
    // Off: the next job, made due now, stops the chain and sends nothing.
    const off = await settings(token, b.id, {
      steps: [{ kind: 'friendly', days_after_due: 15 }],
      daily_run: false,
      version: on.body.version,
    })
    expect(off.status).toBe(200)
    await api.inspect.execute(
      sql`update outbox set run_after = now() where kind = 'arrears.run-reminders' and payload->>'buildingId' = ${b.id}`,
    )
    while ((await runDueJobs(api.runtime)) > 0) {}
    expect(await pending()).toHaveLength(0)
    expect(
      (await api.request('GET', `/api/v1/buildings/${b.id}/reminders`, { token })).body.data,
    ).toHaveLength(2)
  })
})
