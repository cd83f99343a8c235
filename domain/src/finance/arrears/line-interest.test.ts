import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { addDays } from './calendar-days.ts'
import { effectiveRateTable } from './legal-interest.ts'
import { accruedLineInterest, interestToCharge, type LinePayment } from './line-interest.ts'

const rates = effectiveRateTable([])
const due = fc.integer({ min: 0, max: 365 * 10 }).map((n) => addDays('2015-01-01', n))
const amount = fc.integer({ min: 1, max: 50_000_000 })
/** Payments as (days after the due date, possibly before it; share of the amount in ‰). */
const paymentSpecs = fc.array(
  fc.tuple(fc.integer({ min: -20, max: 700 }), fc.integer({ min: 1, max: 600 })),
  {
    maxLength: 5,
  },
)

function paymentsOf(
  total: number,
  dueDate: string,
  specs: readonly (readonly [number, number])[],
): LinePayment[] {
  let left = total
  const out: LinePayment[] = []
  for (const [days, share] of specs) {
    const part = Math.min(left, Math.max(1, Math.floor((total * share) / 1000)))
    if (part <= 0) break
    out.push({ date: addDays(dueDate, days), amountCents: part })
    left -= part
  }
  return out
}

describe('late interest weighted by the payment dates (issue #16 item 4)', () => {
  it('the worked example of docs/bank-and-closing.md: 60 000 due 2026-01-31, 20 000 paid 2026-02-20, as of 2026-03-02', () => {
    // 20 000 paid after 20 days: 20 000 × 4.5 % × 20/365 = 49.3150…; the 40 000 still owed for
    // 30 days: 40 000 × 4.5 % × 30/365 = 147.9452…; together 197.2602… → 197 (rounded once).
    // On the balance at the run alone it would be 40 000 × 30 days = 147.95 → 148.
    const r = accruedLineInterest(
      { amountCents: 60_000, dueDate: '2026-01-31' },
      [{ date: '2026-02-20', amountCents: 20_000 }],
      '2026-03-02',
      rates,
    )
    expect(r).toEqual({ cents: 197, through: '2026-03-02', missingYear: null })
  })

  it('a payment across a year boundary counts each year at its own rate', () => {
    // 100 000 due 2024-11-30, 50 000 paid 2025-01-31: 50 000 × (31 d × 5.75 %/366 + 31 d × 4.50 %/365)
    // = 243.51… + 191.09… ; the other 50 000 until 2025-03-02 (+ 30 d × 4.50 %/365 = 184.93…);
    // exact total 434.61 + 619.54… = 1 054.15… → 1 054.
    const r = accruedLineInterest(
      { amountCents: 100_000, dueDate: '2024-11-30' },
      [{ date: '2025-01-31', amountCents: 50_000 }],
      '2025-03-02',
      rates,
    )
    const exact =
      (50_000 * 575 * 31) / (10_000 * 366) +
      (50_000 * 450 * 31) / (10_000 * 365) +
      (50_000 * 575 * 31) / (10_000 * 366) +
      (50_000 * 450 * 61) / (10_000 * 365)
    expect(r.cents).toBe(Math.round(exact))
    expect(r.cents).toBe(1054)
  })

  it('stops before a year without a rate and says which', () => {
    const partial = effectiveRateTable([]) as Map<number, number>
    const table = new Map([...partial].filter(([y]) => y !== 2026))
    const r = accruedLineInterest({ amountCents: 10_000, dueDate: '2025-12-01' }, [], '2026-02-01', table)
    expect(r.through).toBe('2025-12-31')
    expect(r.missingYear).toBe(2026)
    expect(r.cents).toBe(Math.round((10_000 * 450 * 30) / (10_000 * 365)))
  })

  it('a line paid on its due date (or before) bears nothing', () => {
    fc.assert(
      fc.property(
        amount,
        due,
        fc.integer({ min: 0, max: 30 }),
        fc.integer({ min: 0, max: 900 }),
        (a, d, early, later) => {
          const r = accruedLineInterest(
            { amountCents: a, dueDate: d },
            [{ date: addDays(d, -early), amountCents: a }],
            addDays(d, later),
            rates,
          )
          expect(r.cents).toBe(0)
        },
      ),
      { numRuns: 200 },
    )
  })

  it('paying earlier never increases the interest', () => {
    fc.assert(
      fc.property(
        amount,
        due,
        paymentSpecs,
        fc.nat(),
        fc.integer({ min: 1, max: 400 }),
        fc.integer({ min: 0, max: 900 }),
        (a, d, specs, which, earlier, asOfDays) => {
          const asOf = addDays(d, asOfDays)
          const payments = paymentsOf(a, d, specs)
          const line = { amountCents: a, dueDate: d }
          const base = accruedLineInterest(line, payments, asOf, rates).cents
          if (payments.length === 0) return
          const i = which % payments.length
          const moved = payments.map((p, j) => (j === i ? { ...p, date: addDays(p.date, -earlier) } : p))
          expect(accruedLineInterest(line, moved, asOf, rates).cents).toBeLessThanOrEqual(base)
        },
      ),
      { numRuns: 300 },
    )
  })

  it('splitting a payment into two on the same day changes nothing', () => {
    fc.assert(
      fc.property(
        amount,
        due,
        paymentSpecs,
        fc.nat(),
        fc.integer({ min: 0, max: 900 }),
        (a, d, specs, cut, asOfDays) => {
          const payments = paymentsOf(a, d, specs)
          const line = { amountCents: a, dueDate: d }
          const asOf = addDays(d, asOfDays)
          const whole = accruedLineInterest(line, payments, asOf, rates).cents
          const first = payments[0]
          if (!first || first.amountCents < 2) return
          const x = 1 + (cut % (first.amountCents - 1))
          const split = [
            { date: first.date, amountCents: x },
            { date: first.date, amountCents: first.amountCents - x },
            ...payments.slice(1),
          ]
          expect(accruedLineInterest(line, split, asOf, rates).cents).toBe(whole)
        },
      ),
      { numRuns: 300 },
    )
  })

  it('with one rate for every year, the sum over years equals the single-year formula (no leap year)', () => {
    const flat = new Map(Array.from({ length: 20 }, (_, i) => [2015 + i, 450] as const))
    // 2025–2027 have 365 days each: amount × 4.5 % × days / 365, rounded half up once.
    fc.assert(
      fc.property(
        amount,
        fc.integer({ min: 0, max: 364 }),
        fc.integer({ min: 0, max: 700 }),
        (a, start, days) => {
          const d = addDays('2025-01-01', start)
          const asOf = addDays(d, Math.min(days, 364 * 3 - start))
          const n = Math.round((Date.parse(asOf) - Date.parse(d)) / 86_400_000)
          const exact = BigInt(a) * 450n * BigInt(n)
          const den = 10_000n * 365n
          const expected = Number((exact * 2n + den) / (2n * den))
          expect(accruedLineInterest({ amountCents: a, dueDate: d }, [], asOf, flat).cents).toBe(expected)
        },
      ),
      { numRuns: 300 },
    )
  })

  it('successive runs charge in all exactly the accrued interest rounded once, never twice', () => {
    fc.assert(
      fc.property(
        amount,
        due,
        paymentSpecs,
        fc.array(fc.integer({ min: 0, max: 120 }), { minLength: 1, maxLength: 6 }),
        (a, d, specs, gaps) => {
          const line = { amountCents: a, dueDate: d }
          const payments = paymentsOf(a, d, specs)
          let charged = { cents: 0, through: null as string | null }
          let asOf = d
          for (const gap of gaps) {
            asOf = addDays(asOf, gap)
            const r = interestToCharge(line, payments, charged, asOf, rates)
            expect(r.cents).toBeGreaterThanOrEqual(0)
            charged = { cents: charged.cents + r.cents, through: r.through }
            // The same day again charges nothing more.
            expect(interestToCharge(line, payments, charged, asOf, rates).cents).toBe(0)
          }
          expect(charged.cents).toBe(accruedLineInterest(line, payments, asOf, rates).cents)
        },
      ),
      { numRuns: 300 },
    )
  })
})
