import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { ACCOUNT_CODES, type AccountCode } from './accounts.ts'
import { buildEntry, type Entry, type EntryInput, reverseEntry } from './entry.ts'
import { fiscalYearBounds, fiscalYearOf } from './fiscal-year.ts'
import { ledgerPostings, openEntries } from './ledger-postings.ts'
import { InMemoryLedger } from './testing/in-memory-ledger.ts'
import { trialBalanceOfLines } from './trial-balance.ts'

const base: Omit<EntryInput, 'lines'> = {
  buildingId: 'b1',
  fiscalYear: 2026,
  journal: 'purchases',
  date: '2026-03-01',
  label: 'Invoice',
  source: { kind: 'expense', id: 'e1' },
}

describe('buildEntry: balanced to the cent or refused', () => {
  it('accepts a balanced entry and keeps its total', () => {
    const built = buildEntry({
      ...base,
      lines: [
        { account: '610', debitCents: 12_100, creditCents: 0 },
        { account: '440', debitCents: 0, creditCents: 12_100 },
      ],
    })
    expect(built.ok && built.value.totalCents).toBe(12_100)
  })

  it.each([
    [
      'off by one cent',
      [
        { account: '610', debitCents: 100, creditCents: 0 },
        { account: '440', debitCents: 0, creditCents: 99 },
      ],
    ],
    [
      'a fraction of a cent',
      [
        { account: '610', debitCents: 100.5, creditCents: 0 },
        { account: '440', debitCents: 0, creditCents: 100.5 },
      ],
    ],
    [
      'a negative amount',
      [
        { account: '610', debitCents: -100, creditCents: 0 },
        { account: '440', debitCents: 0, creditCents: -100 },
      ],
    ],
    [
      'both sides on a line',
      [
        { account: '610', debitCents: 100, creditCents: 100 },
        { account: '440', debitCents: 0, creditCents: 0 },
      ],
    ],
    [
      'an account outside the chart',
      [
        { account: '999', debitCents: 100, creditCents: 0 },
        { account: '440', debitCents: 0, creditCents: 100 },
      ],
    ],
    ['a single line', [{ account: '610', debitCents: 100, creditCents: 0 }]],
    [
      'zero everywhere',
      [
        { account: '610', debitCents: 0, creditCents: 0 },
        { account: '440', debitCents: 0, creditCents: 0 },
      ],
    ],
  ])('refuses %s', (_name, lines) => {
    const built = buildEntry({ ...base, lines: lines as EntryInput['lines'] })
    expect(built.ok).toBe(false)
    if (!built.ok) expect(built.error.kind).toBe('validation')
  })

  it('property: whatever lines a caller makes up, an accepted entry balances and is positive', () => {
    const line = fc.record({
      account: fc.constantFrom(...ACCOUNT_CODES, '999'),
      debitCents: fc.integer({ min: -5, max: 1_000_000 }),
      creditCents: fc.integer({ min: -5, max: 1_000_000 }),
    })
    fc.assert(
      fc.property(fc.array(line, { maxLength: 8 }), (lines) => {
        const built = buildEntry({ ...base, lines: lines as EntryInput['lines'] })
        if (!built.ok) return true
        const debit = built.value.lines.reduce((s, l) => s + l.debitCents, 0)
        const credit = built.value.lines.reduce((s, l) => s + l.creditCents, 0)
        return debit === credit && debit > 0 && debit === built.value.totalCents
      }),
      { numRuns: 500 },
    )
  })
})

/** A random balanced entry: n debit lines and a split of the same total on m credit lines. */
const balancedLines = fc
  .tuple(
    fc.array(fc.tuple(fc.constantFrom(...ACCOUNT_CODES), fc.integer({ min: 1, max: 5_000_000 })), {
      minLength: 1,
      maxLength: 5,
    }),
    fc.array(fc.constantFrom(...ACCOUNT_CODES), { minLength: 1, maxLength: 4 }),
  )
  .map(([debits, creditAccounts]) => {
    const total = debits.reduce((s, [, c]) => s + c, 0)
    // Exact split of the total on the credit accounts: the remainder goes to the first one.
    const share = Math.floor(total / creditAccounts.length)
    const credits = creditAccounts.map((account, i) => ({
      account,
      debitCents: 0,
      creditCents: i === 0 ? total - share * (creditAccounts.length - 1) : share,
    }))
    return [...debits.map(([account, d]) => ({ account, debitCents: d, creditCents: 0 })), ...credits].filter(
      (l) => l.debitCents > 0 || l.creditCents > 0,
    ) as { account: AccountCode; debitCents: number; creditCents: number }[]
  })

describe('the books after any sequence of postings and reversals', () => {
  it('property: every posted entry balances and the trial balance is zero-sum', async () => {
    type Op =
      | {
          kind: 'post'
          lines: { account: AccountCode; debitCents: number; creditCents: number }[]
          day: number
        }
      | { kind: 'reverse'; pick: number; day: number }
    const op: fc.Arbitrary<Op> = fc.oneof(
      fc.record({
        kind: fc.constant('post' as const),
        lines: balancedLines,
        day: fc.integer({ min: 0, max: 700 }),
      }),
      fc.record({
        kind: fc.constant('reverse' as const),
        pick: fc.nat(),
        day: fc.integer({ min: 0, max: 700 }),
      }),
    )
    await fc.assert(
      fc.asyncProperty(
        fc.array(op, { maxLength: 30 }),
        fc.integer({ min: 1, max: 12 }),
        async (ops, startMonth) => {
          const books = new InMemoryLedger()
          books.startMonths.set('b1', startMonth)
          const scope = { organizationId: 'org' }
          for (const [i, o] of ops.entries()) {
            const date = new Date(Date.UTC(2025, 0, 1 + o.day)).toISOString().slice(0, 10)
            const fiscalYear = fiscalYearOf(date, startMonth)
            if (o.kind === 'post') {
              const built = buildEntry({
                ...base,
                date,
                fiscalYear,
                lines: o.lines,
                source: { kind: 'test', id: `s${i}` },
              })
              if (built.ok) await books.insert(scope, built.value)
              else if (o.lines.length >= 2) throw new Error('a balanced entry was refused')
            } else {
              const open = openEntries(books.entries)
              const target = open[o.pick % Math.max(open.length, 1)]
              if (!target) continue
              const reversal = reverseEntry(target, date, 'test', fiscalYear)
              if (!reversal.ok) throw new Error('a reversal was refused')
              await books.insert(scope, reversal.value)
            }
          }
          for (const e of books.entries) {
            const d = e.lines.reduce((s, l) => s + l.debitCents, 0)
            const c = e.lines.reduce((s, l) => s + l.creditCents, 0)
            if (d !== c || d <= 0) return false
          }
          // Whole books and every fiscal year on its own are zero-sum.
          if (trialBalanceOfLines(books.entries.flatMap((e) => e.lines)).balanceCents !== 0) return false
          const years = new Set(books.entries.map((e) => e.fiscalYear))
          for (const y of years) {
            const totals = await books.accountTotals(scope, 'b1', y)
            const sum = totals.reduce((s, t) => s + t.debitCents - t.creditCents, 0)
            if (sum !== 0) return false
          }
          return true
        },
      ),
      { numRuns: 200 },
    )
  })

  it('a reversal mirrors the original, points to it, and both stay in the books', async () => {
    const built = buildEntry({
      ...base,
      lines: [
        { account: '611', debitCents: 30_250, creditCents: 0 },
        { account: '440', debitCents: 0, creditCents: 30_250 },
      ],
    })
    if (!built.ok) throw new Error('unexpected')
    const books = new InMemoryLedger()
    const original: Entry = await books.insert({ organizationId: 'o' }, built.value)
    const reversal = reverseEntry(original, '2026-04-01', 'wrong supplier')
    expect(reversal.ok && reversal.value.reversesEntryId).toBe(original.id)
    expect(reversal.ok && reversal.value.lines.map((l) => [l.account, l.debitCents, l.creditCents])).toEqual([
      ['611', 0, 30_250],
      ['440', 30_250, 0],
    ])
    if (reversal.ok) await books.insert({ organizationId: 'o' }, reversal.value)
    expect(books.entries).toHaveLength(2)
    expect(openEntries(books.entries)).toEqual([])
    expect(
      trialBalanceOfLines(books.entries.flatMap((e) => e.lines)).rows.every((r) => r.balanceCents === 0),
    ).toBe(true)
  })
})

describe('fiscal years per building', () => {
  it('is the calendar year by default', () => {
    expect(fiscalYearOf('2026-01-01')).toBe(2026)
    expect(fiscalYearOf('2026-12-31')).toBe(2026)
    expect(fiscalYearBounds(2026)).toEqual({ from: '2026-01-01', to: '2026-12-31' })
  })
  it('follows a building whose year starts in July', () => {
    expect(fiscalYearOf('2026-06-30', 7)).toBe(2025)
    expect(fiscalYearOf('2026-07-01', 7)).toBe(2026)
    expect(fiscalYearBounds(2025, 7)).toEqual({ from: '2025-07-01', to: '2026-06-30' })
    expect(fiscalYearBounds(2027, 3)).toEqual({ from: '2027-03-01', to: '2028-02-29' })
  })
})

describe('ledgerPostings: money events post in the books', () => {
  const approved = {
    type: 'ExpenseApproved' as const,
    organizationId: 'org',
    entityId: 'exp-1',
    details: {
      buildingId: 'b1',
      date: '2026-03-10',
      category: 'Repairs',
      amountCents: 121_00,
      description: 'Roof',
      supplier: 'Toit SA',
    },
  }

  it('an approved expense debits its charge account and credits the supplier; paying it debits the supplier and credits the bank', async () => {
    const books = new InMemoryLedger()
    const postings = ledgerPostings(books)
    await postings.post(approved)
    await postings.post({
      type: 'ExpensePaid',
      organizationId: 'org',
      entityId: 'exp-1',
      details: { buildingId: 'b1', paidDate: '2026-04-02', amountCents: 121_00 },
    })
    expect(
      books.entries.map((e) => [
        e.journal,
        e.fiscalYear,
        e.lines.map((l) => [l.account, l.debitCents, l.creditCents]),
      ]),
    ).toEqual([
      [
        'purchases',
        2026,
        [
          ['611', 12_100, 0],
          ['440', 0, 12_100],
        ],
      ],
      [
        'financial',
        2026,
        [
          ['440', 12_100, 0],
          ['550', 0, 12_100],
        ],
      ],
    ])
  })

  it('a credit note (negative amount) posts the sides swapped', async () => {
    const books = new InMemoryLedger()
    await ledgerPostings(books).post({ ...approved, details: { ...approved.details, amountCents: -2_000 } })
    expect(books.entries[0]?.lines.map((l) => [l.account, l.debitCents, l.creditCents])).toEqual([
      ['440', 2_000, 0],
      ['611', 0, 2_000],
    ])
  })

  it('a cancellation reverses the open entries of the expense; a second one finds nothing and throws', async () => {
    const books = new InMemoryLedger()
    const postings = ledgerPostings(books)
    await postings.post(approved)
    const cancel = {
      type: 'ExpenseCancelled' as const,
      organizationId: 'org',
      entityId: 'exp-1',
      details: { buildingId: 'b1', date: '2027-01-05' },
    }
    await postings.post(cancel)
    expect(books.entries[1]?.reversesEntryId).toBe(books.entries[0]?.id)
    expect(books.entries[1]?.fiscalYear).toBe(2027)
    await expect(postings.post(cancel)).rejects.toThrow(/nothing to reverse/)
  })

  it('a money event missing its amounts is refused (the use case rolls back)', async () => {
    const books = new InMemoryLedger()
    await expect(
      ledgerPostings(books).post({ ...approved, details: { buildingId: 'b1', date: '2026-03-10' } }),
    ).rejects.toThrow(/details/)
    expect(books.entries).toEqual([])
  })

  it('other events do not touch the books', async () => {
    const books = new InMemoryLedger()
    await ledgerPostings(books).post({ type: 'BuildingCreated', organizationId: 'org', entityId: 'b1' })
    expect(books.entries).toEqual([])
  })
})
