import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { addDays } from './calendar-days.ts'
import { effectiveRateTable, lateInterestCents, PUBLISHED_LEGAL_INTEREST_RATES } from './legal-interest.ts'

const rates = effectiveRateTable([])
const day = fc.integer({ min: 0, max: 365 * 11 - 1 }).map((n) => addDays('2015-01-01', n))
const amount = fc.integer({ min: 0, max: 100_000_000 })

describe('late interest at the legal rate (issue #16 item 4)', () => {
  it('the worked example of docs/bank-and-closing.md: €1,000.00 from 2024-11-30 to 2025-01-31', () => {
    // 2024 (leap): 31 days at 5.75 % = 100 000 × 0.0575 × 31/366 = 487.02…; 2025: 31 days at
    // 4.50 % = 100 000 × 0.045 × 31/365 = 382.19…; total 869.21… → 869 cents.
    const r = lateInterestCents(100_000, '2024-11-30', '2025-01-31', rates)
    expect(r.periods).toEqual([
      { year: 2024, days: 31, rateBp: 575, daysInYear: 366 },
      { year: 2025, days: 31, rateBp: 450, daysInYear: 365 },
    ])
    expect(r.cents).toBe(869)
    expect(r.through).toBe('2025-01-31')
  })

  it('a whole ordinary year at 4.50 % is exactly 4.50 %', () => {
    expect(lateInterestCents(1_000_000, '2024-12-31', '2025-12-31', rates).cents).toBe(45_000)
  })

  it('is monotone in the days and in the amount', () => {
    fc.assert(
      fc.property(
        amount,
        amount,
        day,
        fc.integer({ min: 0, max: 900 }),
        fc.integer({ min: 0, max: 900 }),
        (a, b, from, d1, d2) => {
          const [lo, hi] = a <= b ? [a, b] : [b, a]
          const [short, long] = d1 <= d2 ? [d1, d2] : [d2, d1]
          const to = addDays(from, short)
          expect(lateInterestCents(lo, from, to, rates).cents).toBeLessThanOrEqual(
            lateInterestCents(hi, from, to, rates).cents,
          )
          expect(lateInterestCents(lo, from, addDays(from, short), rates).cents).toBeLessThanOrEqual(
            lateInterestCents(lo, from, addDays(from, long), rates).cents,
          )
        },
      ),
      { numRuns: 300 },
    )
  })

  it('is additive across any split (a year boundary included) within one cent per period', () => {
    fc.assert(
      fc.property(
        amount,
        day,
        fc.integer({ min: 0, max: 800 }),
        fc.integer({ min: 0, max: 800 }),
        (a, from, x, y) => {
          const mid = addDays(from, x)
          const to = addDays(mid, y)
          const whole = lateInterestCents(a, from, to, rates)
          if (whole.missingYear !== null) return
          const parts =
            lateInterestCents(a, from, mid, rates).cents + lateInterestCents(a, mid, to, rates).cents
          expect(Math.abs(whole.cents - parts)).toBeLessThanOrEqual(1)
        },
      ),
      { numRuns: 300 },
    )
  })

  it('stops before a year without a rate and says which', () => {
    const r = lateInterestCents(100_000, '2026-12-01', '2027-02-01', rates)
    expect(r.missingYear).toBe(2027)
    expect(r.through).toBe('2026-12-31')
    expect(r.periods).toEqual([{ year: 2026, days: 30, rateBp: 450, daysInYear: 365 }])
    // An organization's own rate for 2027 completes the count.
    const own = effectiveRateTable([{ year: 2027, rateBp: 400, source: 'org', organizationId: 'o' }])
    expect(lateInterestCents(100_000, '2026-12-01', '2027-02-01', own).through).toBe('2027-02-01')
  })

  it('nothing for no days, a zero amount, or an end before the start', () => {
    expect(lateInterestCents(100_000, '2025-03-01', '2025-03-01', rates).cents).toBe(0)
    expect(lateInterestCents(0, '2025-03-01', '2025-09-01', rates).cents).toBe(0)
    expect(lateInterestCents(100_000, '2025-03-01', '2025-02-01', rates).cents).toBe(0)
  })

  it('the organization overrides the platform, which overrides the published table', () => {
    expect(PUBLISHED_LEGAL_INTEREST_RATES.find((r) => r.year === 2024)?.rateBp).toBe(575)
    const t = effectiveRateTable([
      { year: 2024, rateBp: 600, source: 'org', organizationId: 'o' },
      { year: 2024, rateBp: 590, source: 'platform', organizationId: null },
    ])
    expect(t.get(2024)).toBe(600)
    expect(
      effectiveRateTable([{ year: 2024, rateBp: 590, source: 'p', organizationId: null }]).get(2024),
    ).toBe(590)
  })
})
