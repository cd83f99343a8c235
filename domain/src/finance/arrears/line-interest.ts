import type { CalendarDate } from '../../property/index.ts'
import { interestFraction, type LegalRateTable, roundInterest } from './legal-interest.ts'

/** A payment allocated to a call line, on the day its money counts (the bank's value date). */
export type LinePayment = { readonly date: CalendarDate; readonly amountCents: number }

export type AccruedLineInterest = {
  /** Interest accrued on the line from its due date, rounded once (half up) to the cent. */
  readonly cents: number
  /** The last day counted (asOf, or the end of the year before a year without a rate). */
  readonly through: CalendarDate
  /** The first year with no rate, if the count stopped there. */
  readonly missingYear: number | null
}

/**
 * The late interest a call line has accrued as of `asOf` (issue #16 item 4), weighted by the
 * dates of its payments: each part of the amount bears interest for each day after the due date
 * up to and including the day it was paid — the part still unpaid up to and including `asOf` —
 * at the legal rate of each day's year (law of 5 May 1865, art. 2 §1; legal-interest.ts) on that
 * year's actual days. The parts are summed as ONE exact fraction and rounded ONCE, half up, for
 * the line (roundInterest), so splitting a payment or a period changes nothing. A payment dated
 * after `asOf` is not known yet (the part stays unpaid); a payment on or before the due date
 * bears nothing. Pure.
 */
export function accruedLineInterest(
  line: { readonly amountCents: number; readonly dueDate: CalendarDate },
  payments: readonly LinePayment[],
  asOf: CalendarDate,
  rates: LegalRateTable,
): AccruedLineInterest {
  let unpaid = line.amountCents
  let numerator = 0n
  const known = payments.filter((p) => p.date <= asOf).sort((a, b) => (a.date < b.date ? -1 : 1))
  for (const p of known) {
    const part = Math.min(p.amountCents, unpaid)
    if (part <= 0) continue
    unpaid -= part
    numerator += interestFraction(part, line.dueDate, p.date, rates).numerator
  }
  numerator += interestFraction(unpaid, line.dueDate, asOf, rates).numerator
  // Where the count ends does not depend on the amounts: a unit amount tells it.
  const reach = interestFraction(1, line.dueDate, asOf, rates)
  return { cents: roundInterest(numerator), through: reach.through, missingYear: reach.missingYear }
}

/**
 * What a run charges on a line: the interest accrued as of `asOf` (accruedLineInterest) minus
 * what earlier runs already charged on it — never twice, and never negative (a payment recorded
 * late with an earlier value date does not give back interest already charged). Since each run
 * charges the difference, the sum of a line's charges is its accrued interest rounded once.
 * `from` is where the previous charge ended (else the due date), for the letter's periods.
 */
export function interestToCharge(
  line: { readonly amountCents: number; readonly dueDate: CalendarDate },
  payments: readonly LinePayment[],
  charged: { readonly cents: number; readonly through: CalendarDate | null },
  asOf: CalendarDate,
  rates: LegalRateTable,
): { cents: number; from: CalendarDate; through: CalendarDate; missingYear: number | null } {
  const accrued = accruedLineInterest(line, payments, asOf, rates)
  const from = charged.through && charged.through > line.dueDate ? charged.through : line.dueDate
  return {
    cents: Math.max(0, accrued.cents - charged.cents),
    from,
    through: [from, accrued.through].sort()[1] as CalendarDate,
    missingYear: accrued.missingYear,
  }
}
