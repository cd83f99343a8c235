import { sql } from 'drizzle-orm'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  callLines,
  callsForFunds,
  fiscalYearClosings,
  ownerPayments,
  ownerStatements,
  paymentAllocations,
  reminders,
} from '../_shared/db/schema/index.ts'
import { uuidv7 } from '../_shared/ids.ts'
import { createTestApi, type TestApi } from '../test/harness.ts'
import { propertyFixtures } from '../test/property-fixtures.ts'

/*
 * The owner account a page at a time (issue #17 item 3, ADR 0048): the totals are the whole
 * history's whatever the page, the pages together are the whole history (each entry once), the
 * running balance continues from one page to the next, the lines' paid part (kept by the
 * database from the allocations) is their allocations' sum; another tenant's owner is a 404, an
 * owner reads only their own, an auditor only the audited building. Rows are inserted directly
 * (issuing calls through the API would render letters); dates are years away from today.
 */

let api: TestApi
let fx: ReturnType<typeof propertyFixtures>
let t: Awaited<ReturnType<TestApi['tenant']>>
let buildingId: string
let unitIds: string[]
let callNumber = 0

beforeAll(async () => {
  api = await createTestApi()
  fx = propertyFixtures(api)
  t = await api.tenant()
  const b = await fx.building(t.syndic.token, { total_units: 2, total_tantiemes: 1000 })
  buildingId = b.id
  unitIds = []
  for (const n of ['A1', 'A2'])
    unitIds.push((await fx.unit(t.syndic.token, b.id, { unit_number: n, quota: 500 })).id)
}, 120_000)
afterAll(() => api?.close())

/** Belgian structured communication: 10 digits and their mod-97 check (97 for 0). */
const communication = (payload: number) =>
  `${String(payload).padStart(10, '0')}${String(payload % 97 || 97).padStart(2, '0')}`

type History = {
  /** due date, amount */
  readonly lines: readonly { readonly due: string; readonly cents: number }[]
  /** date, amount, and what it pays on which line (index into lines) */
  readonly payments: readonly {
    readonly date: string
    readonly cents: number
    readonly pays: readonly { readonly line: number; readonly cents: number }[]
  }[]
  readonly reminders: readonly { readonly date: string; readonly interest: number; readonly fee: number }[]
  /** a closed year's regularisation; `item`: with its due item (a call line of kind regularisation) */
  readonly statements: readonly { readonly year: number; readonly cents: number; readonly item: boolean }[]
}

type Seeded = { ownerId: string; lineIds: string[]; itemLineIds: string[]; paymentIds: string[] }

/** Writes one owner's history in the building as the app would have (amounts, allocations, credit). */
async function seed(h: History, ownerId?: string): Promise<Seeded> {
  const owner = ownerId ?? (await fx.owner(t.syndic.token)).id
  const org = t.org.id
  const now = new Date()
  const call = (kind: string, due: string, label: string, budgetRef: string | null = null) => ({
    id: uuidv7(),
    organizationId: org,
    buildingId,
    number: ++callNumber,
    kind,
    label,
    issueDate: due,
    dueDate: due,
    totalCents: 1,
    budgetRef,
    account: 'working_capital',
    iban: 'BE68539007547034',
    bic: 'GKCCBEBB',
    holderName: 'ACP Résidence',
    createdAt: now,
    updatedAt: now,
  })
  const line = (callId: string, number: number, due: string, cents: number) => ({
    id: uuidv7(),
    organizationId: org,
    buildingId,
    callId,
    lineNumber: 1,
    unitId: unitIds[0] as string,
    unitNumber: 'A1',
    ownerId: owner,
    amountCents: cents,
    communication: communication(number * 1000 + 1),
    dueDate: due,
    delivery: 'post',
    createdAt: now,
  })
  const calls = h.lines.map((l, i) => call('provision', l.due, `Provision ${i + 1}`))
  const lines = h.lines.map((l, i) => {
    const c = calls[i] as (typeof calls)[number]
    return line(c.id, c.number, l.due, l.cents)
  })
  const payments = h.payments.map((p) => ({
    id: uuidv7(),
    organizationId: org,
    buildingId,
    ownerId: owner,
    amountCents: p.cents,
    paymentDate: p.date,
    communication: null,
    account: 'working_capital',
    creditCents: p.cents - p.pays.reduce((s, a) => s + a.cents, 0),
    createdAt: now,
  }))
  const allocations = h.payments.flatMap((p, i) =>
    p.pays.map((a) => ({
      id: uuidv7(),
      organizationId: org,
      paymentId: (payments[i] as { id: string }).id,
      lineId: (lines[a.line] as { id: string }).id,
      amountCents: a.cents,
    })),
  )
  const remind = h.reminders.map((r, i) => ({
    id: uuidv7(),
    organizationId: org,
    buildingId,
    ownerId: owner,
    step: i + 1,
    kind: 'friendly',
    reminderDate: r.date,
    outstandingCents: 1_000,
    interestCents: r.interest,
    feeCents: r.fee,
    delivery: 'post',
    createdAt: now,
  }))
  const itemLineIds: string[] = []
  // In order: the foreign keys (lines → calls, allocations → payments and lines).
  if (calls.length > 0) await api.inspect.insert(callsForFunds).values(calls)
  if (lines.length > 0) await api.inspect.insert(callLines).values(lines)
  if (payments.length > 0) await api.inspect.insert(ownerPayments).values(payments)
  if (allocations.length > 0) await api.inspect.insert(paymentAllocations).values(allocations)
  if (remind.length > 0) await api.inspect.insert(reminders).values(remind)
  for (const s of h.statements) {
    // One closing per owner and year: the test's owners share the building.
    const closingId = uuidv7()
    const date = `${s.year + 1}-01-01`
    await api.inspect.insert(fiscalYearClosings).values({
      id: closingId,
      organizationId: org,
      buildingId,
      fiscalYear: s.year * 1000 + (callNumber++ % 1000),
      periodFrom: `${s.year}-01-01`,
      periodTo: `${s.year}-12-31`,
      regularisationDate: date,
      ordinaryChargesCents: 0,
      extraordinaryChargesCents: 0,
      provisionsCents: 0,
      undistributedCents: 0,
      regularisationNetCents: s.cents,
      accounts: {},
    })
    await api.inspect.insert(ownerStatements).values({
      id: uuidv7(),
      organizationId: org,
      closingId,
      buildingId,
      fiscalYear: s.year,
      ownerId: owner,
      chargesByKey: {},
      chargesCents: 0,
      provisionsCents: 0,
      regularisationCents: s.cents,
      extraordinaryCents: 0,
      delivery: 'post',
    })
    if (s.item && s.cents > 0) {
      const c = call(
        'regularisation',
        `${s.year + 1}-02-01`,
        `Regularisation ${s.year}`,
        `closing:${closingId}`,
      )
      const l = line(c.id, c.number, c.dueDate, s.cents)
      await api.inspect.insert(callsForFunds).values(c)
      await api.inspect.insert(callLines).values(l)
      itemLineIds.push(l.id)
    }
  }
  return {
    ownerId: owner,
    lineIds: lines.map((l) => l.id),
    itemLineIds,
    paymentIds: payments.map((p) => p.id),
  }
}

type Entry = { kind: string; id: string; date: string; amount_cents: number; balance_cents: number }
type Line = {
  id: string
  amount_cents: number
  paid_cents: number
  outstanding_cents: number
  due_date: string
}
type BuildingAccount = {
  building_id: string
  balance_cents: number
  called_cents: number
  charges_cents: number
  paid_cents: number
  regularisation_cents: number
  due_now_cents: number
  next_due_date: string | null
  pagination: {
    current_page: number
    per_page: number
    entries_total: number
    lines_total: number
    payments_total: number
    open_lines_total: number
    total_pages: number
    has_next: boolean
  }
  entries: Entry[]
  lines: Line[]
  payments: { id: string; amount_cents: number }[]
  open_lines: Line[]
}

const TOTALS = [
  'balance_cents',
  'called_cents',
  'charges_cents',
  'paid_cents',
  'regularisation_cents',
  'due_now_cents',
  'next_due_date',
] as const

async function account(path: string, token: string, query: string): Promise<BuildingAccount> {
  const res = await api.request('GET', `/api/v1/owners/${path}/account?${query}`, { token })
  expect(res.status, JSON.stringify(res.body).slice(0, 300)).toBe(200)
  return (res.body as { buildings: BuildingAccount[] }).buildings.find(
    (b) => b.building_id === buildingId,
  ) as BuildingAccount
}

/** Every page of size `perPage`, in order; checks each page's totals against the first's. */
async function allPages(ownerId: string, perPage: number, token = t.syndic.token) {
  const first = await account(ownerId, token, `per_page=${perPage}`)
  const pages = [first]
  for (let p = 2; p <= first.pagination.total_pages; p++)
    pages.push(await account(ownerId, token, `page=${p}&per_page=${perPage}`))
  for (const page of pages) {
    for (const k of TOTALS) expect(page[k], k).toEqual(first[k])
    expect(page.entries.length).toBeLessThanOrEqual(perPage)
    expect(page.lines.length).toBeLessThanOrEqual(perPage)
    expect(page.payments.length).toBeLessThanOrEqual(perPage)
  }
  return {
    first,
    entries: pages.flatMap((p) => p.entries),
    lines: pages.flatMap((p) => p.lines),
    payments: pages.flatMap((p) => p.payments),
  }
}

/** What the history sums to, computed here from the rows written (the oracle). */
function expected(h: History) {
  const called = h.lines.reduce((s, l) => s + l.cents, 0)
  const paid = h.payments.reduce((s, p) => s + p.cents, 0)
  const charges = h.reminders.reduce((s, r) => s + r.interest + r.fee, 0)
  const regularisation = h.statements.reduce((s, r) => s + r.cents, 0)
  const linePaid = h.lines.map((_, i) =>
    h.payments.flatMap((p) => p.pays).reduce((s, a) => s + (a.line === i ? a.cents : 0), 0),
  )
  return {
    called,
    paid,
    charges,
    regularisation,
    balance: called + charges + regularisation - paid,
    entries:
      h.lines.length +
      h.payments.length +
      h.reminders.filter((r) => r.interest + r.fee !== 0).length +
      h.statements.length,
    linePaid,
  }
}

/** The pages read back as one history: each entry once, the balance continuous, totals exact. */
function checkWhole(h: History, s: Seeded, read: Awaited<ReturnType<typeof allPages>>) {
  const want = expected(h)
  const { first, entries, lines, payments } = read
  expect(first.called_cents).toBe(want.called)
  expect(first.paid_cents).toBe(want.paid)
  expect(first.charges_cents).toBe(want.charges)
  expect(first.regularisation_cents).toBe(want.regularisation)
  expect(first.balance_cents).toBe(want.balance)
  expect(first.pagination.entries_total).toBe(want.entries)
  expect(first.pagination.lines_total).toBe(h.lines.length + s.itemLineIds.length)
  expect(first.pagination.payments_total).toBe(h.payments.length)
  // Each entry once, newest first; Σ of the pages = the balance; each balance continues the next.
  expect(entries.length).toBe(want.entries)
  expect(new Set(entries.map((e) => e.id)).size).toBe(entries.length)
  expect(entries.reduce((sum, e) => sum + e.amount_cents, 0)).toBe(want.balance)
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i] as Entry
    const older = entries[i + 1]
    expect(e.balance_cents, `entry ${i}`).toBe((older?.balance_cents ?? 0) + e.amount_cents)
    if (older) expect(older.date <= e.date).toBe(true)
  }
  if (entries.length > 0) expect(entries[0]?.balance_cents).toBe(want.balance)
  // Lines and payments: each once, newest first, the lines' paid part = their allocations.
  expect(new Set(lines.map((l) => l.id))).toEqual(new Set([...s.lineIds, ...s.itemLineIds]))
  expect(lines.length).toBe(s.lineIds.length + s.itemLineIds.length)
  for (let i = 1; i < lines.length; i++)
    expect((lines[i] as Line).due_date <= (lines[i - 1] as Line).due_date).toBe(true)
  for (const [i, id] of s.lineIds.entries()) {
    const l = lines.find((x) => x.id === id) as Line
    expect(l.paid_cents).toBe(want.linePaid[i])
    expect(l.outstanding_cents).toBe(l.amount_cents - (want.linePaid[i] ?? 0))
  }
  expect(new Set(payments.map((p) => p.id))).toEqual(new Set(s.paymentIds))
  expect(payments.length).toBe(s.paymentIds.length)
  // What is still to pay: every open line, earliest due first.
  const open = lines.filter((l) => l.outstanding_cents > 0)
  expect(first.pagination.open_lines_total).toBe(open.length)
  expect(first.open_lines.map((l) => l.id).sort()).toEqual(open.map((l) => l.id).sort())
  // Every date is in the past: all that is open is due now, less the owner's free money
  // (credits and refunds), plus the charges and the regularisations without a due item.
  const credit = h.payments.reduce((sum, p) => sum + p.cents - p.pays.reduce((x, a) => x + a.cents, 0), 0)
  const withoutItem = h.statements.filter((r) => !(r.item && r.cents > 0))
  const pool = credit + withoutItem.reduce((sum, r) => sum + Math.max(0, -r.cents), 0)
  const toPay = withoutItem.reduce((sum, r) => sum + Math.max(0, r.cents), 0)
  const openDue = open.reduce((sum, l) => sum + l.outstanding_cents, 0)
  expect(first.due_now_cents).toBe(Math.max(0, openDue + want.charges + toPay - pool))
  if (toPay === 0) expect(first.next_due_date).toBe(open.map((l) => l.due_date).sort()[0] ?? null)
}

const day = (i: number) => new Date(Date.UTC(2019, 0, 1) + i * 86_400_000).toISOString().slice(0, 10)

/** A history of every kind, with several entries on the same day (the order's tie-breaks). */
function mixedHistory(n: number): History {
  const lines = Array.from({ length: n }, (_, i) => ({
    due: day(Math.floor(i / 2) * 30),
    cents: 10_000 + i * 37,
  }))
  const payments = Array.from({ length: n }, (_, i) => ({
    date: day(Math.floor(i / 2) * 30 + (i % 3 === 0 ? 0 : 10)),
    cents: 10_000 + i * 37 + (i % 5 === 0 ? 500 : 0),
    // Most pay their line in full, every fourth only half (the line stays open), every fifth leaves a credit.
    pays: i % 4 === 3 ? [{ line: i, cents: 5_000 }] : [{ line: i, cents: 10_000 + i * 37 }],
  })).filter((_, i) => i % 7 !== 6)
  return {
    lines,
    payments,
    reminders: [
      { date: day(90), interest: 123, fee: 1_500 },
      { date: day(180), interest: 0, fee: 0 },
      { date: day(400), interest: 77, fee: 0 },
    ],
    statements: [
      { year: 2019, cents: 12_345, item: true },
      { year: 2020, cents: -4_321, item: false },
    ],
  }
}

describe('owner account a page at a time (issue #17 item 3, ADR 0048)', () => {
  let history: History
  let seeded: Seeded
  beforeAll(async () => {
    history = mixedHistory(40)
    seeded = await seed(history)
  }, 120_000)

  it('pages of 1, 3 and 100: the totals are the whole history’s, each entry once, the balance continuous', async () => {
    const whole = await allPages(seeded.ownerId, 500)
    expect(whole.first.pagination.total_pages).toBe(1)
    checkWhole(history, seeded, whole)
    for (const size of [1, 3, 100]) {
      const read = await allPages(seeded.ownerId, size)
      checkWhole(history, seeded, read)
      for (const k of TOTALS) expect(read.first[k], k).toEqual(whole.first[k])
      expect(read.entries).toEqual(whole.entries)
      expect(read.lines).toEqual(whole.lines)
      expect(read.payments).toEqual(whole.payments)
    }
  }, 300_000)

  it('defaults to the first page of 50, clamps per_page to 500, refuses per_page 0 and page 0', async () => {
    const plain = await account(seeded.ownerId, t.syndic.token, '')
    expect(plain.pagination).toMatchObject({ current_page: 1, per_page: 50 })
    expect(plain.entries.length).toBe(50)
    const big = await account(seeded.ownerId, t.syndic.token, 'per_page=100000')
    expect(big.pagination.per_page).toBe(500)
    for (const q of ['per_page=0', 'page=0', 'page=x'])
      expect(
        (await api.request('GET', `/api/v1/owners/${seeded.ownerId}/account?${q}`, { token: t.syndic.token }))
          .status,
      ).toBe(400)
    // Past the last page: empty lists, the same totals.
    const past = await account(seeded.ownerId, t.syndic.token, 'page=99&per_page=50')
    expect([past.entries.length, past.lines.length, past.payments.length]).toEqual([0, 0, 0])
    expect(past.balance_cents).toBe(plain.balance_cents)
  }, 120_000)

  it('keeps call_lines.paid_cents and the running totals equal to the rows when a payment is removed', async () => {
    const paidNow = async () =>
      (
        (await api.inspect.execute(sql`select count(*)::int as n from call_lines l
          where l.owner_id = ${seeded.ownerId} and l.paid_cents <> coalesce((select sum(a.amount_cents)
            from payment_allocations a where a.line_id = l.id), 0)`)) as unknown as { rows: { n: number }[] }
      ).rows[0]?.n
    expect(await paidNow()).toBe(0)
    const payment = seeded.paymentIds[0] as string
    const before = await account(seeded.ownerId, t.syndic.token, 'per_page=500')
    await api.inspect.execute(sql`delete from payment_allocations where payment_id = ${payment}`)
    expect(await paidNow()).toBe(0)
    const after = await account(seeded.ownerId, t.syndic.token, 'per_page=500')
    const line = seeded.lineIds[0] as string
    expect(after.lines.find((l) => l.id === line)?.paid_cents).toBe(0)
    expect(before.lines.find((l) => l.id === line)?.paid_cents).toBeGreaterThan(0)
    expect(after.open_lines.some((l) => l.id === line)).toBe(true)
    // The payment itself removed (a reversal): the running totals follow, equal to the rows' sums.
    await api.inspect.execute(sql`delete from owner_payments where id = ${payment}`)
    const gone = await account(seeded.ownerId, t.syndic.token, 'per_page=1')
    expect(gone.pagination.payments_total).toBe(before.pagination.payments_total - 1)
    expect(gone.paid_cents).toBe(
      before.paid_cents - (before.payments.find((p) => p.id === payment)?.amount_cents ?? 0),
    )
    expect(gone.balance_cents).toBe(
      before.balance_cents + (before.payments.find((p) => p.id === payment)?.amount_cents ?? 0),
    )
    const drift = (await api.inspect.execute(sql`select count(*)::int as n from (
        select t.organization_id, t.owner_id, t.building_id, sum(t.lines) as lines, sum(t.lines_cents) as lc,
               sum(t.payments) as payments, sum(t.paid_cents) as pc, sum(t.credit_cents) as cc
          from owner_account_totals t group by 1, 2, 3) t
        full join (select organization_id, owner_id, building_id, count(*) as lines, sum(amount_cents) as lc
                     from call_lines group by 1, 2, 3) l using (organization_id, owner_id, building_id)
        full join (select organization_id, owner_id, building_id, count(*) as payments, sum(amount_cents) as pc,
                          sum(credit_cents) as cc from owner_payments group by 1, 2, 3) p
          using (organization_id, owner_id, building_id)
       where coalesce(t.lines, 0) <> coalesce(l.lines, 0) or coalesce(t.lc, 0) <> coalesce(l.lc, 0)
          or coalesce(t.payments, 0) <> coalesce(p.payments, 0) or coalesce(t.pc, 0) <> coalesce(p.pc, 0)
          or coalesce(t.cc, 0) <> coalesce(p.cc, 0)`)) as unknown as { rows: { n: number }[] }
    expect(drift.rows[0]?.n).toBe(0)
  }, 120_000)

  it('another tenant’s owner is a 404; an owner reads only their own account, pages included', async () => {
    const foreign = await api.tenant()
    for (const q of ['', 'page=2&per_page=3'])
      expect(
        (
          await api.request('GET', `/api/v1/owners/${seeded.ownerId}/account?${q}`, {
            token: foreign.syndic.token,
          })
        ).status,
      ).toBe(404)
    const mine = await seed(mixedHistory(6))
    const link = await api.request('PUT', `/api/v1/owners/${mine.ownerId}/link-user`, {
      token: t.syndic.token,
      body: { user_id: t.owner.id },
    })
    expect(link.status, JSON.stringify(link.body)).toBe(200)
    const asOwner = await allPages('me', 2, t.owner.token)
    const asSyndic = await allPages(mine.ownerId, 2)
    expect(asOwner.entries).toEqual(asSyndic.entries)
    expect(asOwner.first.balance_cents).toBe(asSyndic.first.balance_cents)
    expect(
      (
        await api.request('GET', `/api/v1/owners/${seeded.ownerId}/account?per_page=1`, {
          token: t.owner.token,
        })
      ).status,
    ).toBe(404)
    // The accountant reads it like the syndic.
    expect((await account(seeded.ownerId, t.accountant.token, 'per_page=3')).entries).toEqual(
      (await account(seeded.ownerId, t.syndic.token, 'per_page=3')).entries,
    )
  }, 120_000)

  it('an auditor of the building reads its pages; not another building’s part', async () => {
    const other = await fx.building(t.syndic.token, { total_units: 1, total_tantiemes: 1000 })
    const otherUnit = await fx.unit(t.syndic.token, other.id, { unit_number: 'C1', quota: 1000 })
    const audited = await seed(mixedHistory(8))
    // The owner holds a lot of the audited building (the auditor's way to the owner) and of the other.
    for (const unit of [unitIds[1] as string, otherUnit.id]) {
      const res = await api.request('POST', `/api/v1/units/${unit}/owners`, {
        token: t.syndic.token,
        body: {
          owner_id: audited.ownerId,
          ownership_share: 1,
          is_primary_contact: true,
          start_date: '2018-01-01',
        },
      })
      expect(res.status, JSON.stringify(res.body)).toBe(201)
    }
    const now = new Date()
    await api.inspect.insert(ownerPayments).values({
      id: uuidv7(),
      organizationId: t.org.id,
      buildingId: other.id,
      ownerId: audited.ownerId,
      amountCents: 999,
      paymentDate: '2020-01-01',
      account: 'working_capital',
      creditCents: 999,
      createdAt: now,
    })
    const auditor = await api.user('auditor', t.org.id)
    const grant = await api.request('POST', `/api/v1/buildings/${buildingId}/auditors`, {
      token: t.syndic.token,
      body: { user_id: auditor.id },
    })
    expect(grant.status, JSON.stringify(grant.body)).toBe(201)
    const bySyndic = await api.request('GET', `/api/v1/owners/${audited.ownerId}/account?per_page=3`, {
      token: t.syndic.token,
    })
    expect((bySyndic.body as { buildings: unknown[] }).buildings.length).toBe(2)
    const byAuditor = await api.request('GET', `/api/v1/owners/${audited.ownerId}/account?per_page=3`, {
      token: auditor.token,
    })
    expect(byAuditor.status).toBe(200)
    const seen = (byAuditor.body as { buildings: BuildingAccount[] }).buildings
    expect(seen.map((b) => b.building_id)).toEqual([buildingId])
    checkWhole(mixedHistory(8), audited, await allPages(audited.ownerId, 3, auditor.token))
    expect(
      (
        await api.request('GET', `/api/v1/owners/${audited.ownerId}/account?building_id=${other.id}&page=2`, {
          token: auditor.token,
        })
      ).status,
    ).toBe(404)
  }, 120_000)
})

describe('owner account pages, property (ADR 0048): Σ of the pages = the whole, whatever the history', () => {
  const date = fc.integer({ min: 0, max: 2_000 }).map(day)
  const history: fc.Arbitrary<History> = fc
    .record({
      lines: fc.array(fc.record({ due: date, cents: fc.integer({ min: 1, max: 500_000 }) }), {
        maxLength: 12,
      }),
      payments: fc.array(
        fc.record({
          date,
          cents: fc.integer({ min: 1, max: 500_000 }),
          line: fc.nat(),
          share: fc.integer({ min: 0, max: 100 }),
        }),
        { maxLength: 12 },
      ),
      reminders: fc.array(
        fc.record({
          date,
          interest: fc.integer({ min: 0, max: 5_000 }),
          fee: fc.integer({ min: 0, max: 2_000 }),
        }),
        { maxLength: 3 },
      ),
      statements: fc.array(
        fc.record({
          year: fc.integer({ min: 2019, max: 2024 }),
          cents: fc.integer({ min: -50_000, max: 50_000 }),
          item: fc.boolean(),
        }),
        { maxLength: 2 },
      ),
    })
    .map((r) => {
      // A payment pays part of one line, never more than the line still owes nor than itself.
      const left = r.lines.map((l) => l.cents)
      const payments = r.payments.map((p) => {
        if (left.length === 0) return { date: p.date, cents: p.cents, pays: [] }
        const line = p.line % left.length
        const cents = Math.min(left[line] as number, Math.floor((p.cents * p.share) / 100))
        left[line] = (left[line] as number) - cents
        return { date: p.date, cents: p.cents, pays: cents > 0 ? [{ line, cents }] : [] }
      })
      return { ...r, payments }
    })

  it('any history, any page size', async () => {
    await fc.assert(
      fc.asyncProperty(history, fc.integer({ min: 1, max: 7 }), async (h, perPage) => {
        const s = await seed(h)
        checkWhole(h, s, await allPages(s.ownerId, perPage))
      }),
      { numRuns: 15 },
    )
  }, 600_000)
})
