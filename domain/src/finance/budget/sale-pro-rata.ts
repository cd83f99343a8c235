import type { CalendarDate } from '../../property/index.ts'
import { DomainErrors } from '../../shared/domain-error.ts'
import type { Cents } from '../../shared/money.value-object.ts'
import { err, ok, type Result } from '../../shared/result.ts'
import { apportionLargestRemainder } from '../largest-remainder.ts'

/*
 * A lot sold during a period: who bears the ordinary charges and provisions of that period, the
 * seller or the buyer? The Civil Code (art. 3.94 §2, last paragraph) has the new owner bear the
 * ordinary charges from the day he actually enjoys the common parts; in practice that is the deed
 * date (the property register's transfer records it, end date exclusive: on the deed date the
 * buyer holds the lot). So a yearly insurance invoiced in January is not all the seller's: by
 * default it is split pro rata of days. Practice differs (some notaries and syndics settle on the
 * owner on the invoice or due date), so the rule is a building finance setting.
 */

export const SALE_SPLIT_RULES = ['days', 'invoice_date', 'due_date'] as const
export type SaleSplitRule = (typeof SALE_SPLIT_RULES)[number]
export const DEFAULT_SALE_SPLIT_RULE: SaleSplitRule = 'days'

export type SaleSplitInput = {
  readonly amountCents: number
  /** The period the charge or provision covers, both days included. */
  readonly periodStart: CalendarDate
  readonly periodEnd: CalendarDate
  /** The deed date: the buyer holds the lot from this day on. */
  readonly deedDate: CalendarDate
  readonly rule: SaleSplitRule
  /** Needed by `invoice_date`. */
  readonly invoiceDate?: CalendarDate | undefined
  /** Needed by `due_date`. */
  readonly dueDate?: CalendarDate | undefined
}

export type SaleSplit = {
  readonly sellerCents: Cents
  readonly buyerCents: Cents
  readonly sellerDays: number
  readonly buyerDays: number
  readonly totalDays: number
  /** The arithmetic, in words, for the settlement statement (décompte) sent to the notary. */
  readonly explanation: string
}

const DAY_MS = 86_400_000

/** Days from `a` to `b` (b − a), on the proleptic Gregorian calendar, no time zone involved. */
export function daysBetween(a: CalendarDate, b: CalendarDate): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / DAY_MS)
}

/**
 * Splits one amount between seller and buyer. `days`: the seller bears the days before the deed
 * date, the buyer the deed date and after, in exact cents by largest remainder (a tie gives the
 * cent to the seller, listed first); the parts always sum to the amount. `invoice_date` /
 * `due_date`: whoever holds the lot on that date bears all of it.
 */
export function splitSaleCharge(input: SaleSplitInput): Result<SaleSplit> {
  const { amountCents, periodStart, periodEnd, deedDate, rule } = input
  if (!Number.isSafeInteger(amountCents) || amountCents < 0) {
    return err(DomainErrors.invalidField('amount_cents', 'must be a non-negative integer number of cents'))
  }
  const totalDays = daysBetween(periodStart, periodEnd) + 1
  if (!(totalDays >= 1))
    return err(DomainErrors.invalidField('period_end', 'must not be before period_start'))
  if (rule === 'invoice_date' || rule === 'due_date') {
    const on = rule === 'invoice_date' ? input.invoiceDate : input.dueDate
    if (!on) return err(DomainErrors.invalidField(rule, 'is required by this rule'))
    const buyer = on >= deedDate
    const cents = amountCents as Cents
    return ok({
      sellerCents: (buyer ? 0 : cents) as Cents,
      buyerCents: (buyer ? cents : 0) as Cents,
      sellerDays: buyer ? 0 : totalDays,
      buyerDays: buyer ? totalDays : 0,
      totalDays,
      explanation: `${rule === 'invoice_date' ? 'Invoice' : 'Due'} date ${on} is ${buyer ? 'on or after' : 'before'} the deed date ${deedDate}: the ${buyer ? 'buyer' : 'seller'} bears all ${centsText(amountCents)}`,
    })
  }
  // Days before the deed date inside the period belong to the seller, clamped to [0, totalDays].
  const sellerDays = Math.min(totalDays, Math.max(0, daysBetween(periodStart, deedDate)))
  const buyerDays = totalDays - sellerDays
  const amount = BigInt(amountCents)
  const [seller = 0n, buyer = 0n] = apportionLargestRemainder(
    amount,
    [amount * BigInt(sellerDays), amount * BigInt(buyerDays)],
    BigInt(totalDays),
  )
  return ok({
    sellerCents: Number(seller) as Cents,
    buyerCents: Number(buyer) as Cents,
    sellerDays,
    buyerDays,
    totalDays,
    explanation: `${centsText(amountCents)} over ${totalDays} days (${periodStart} to ${periodEnd}), deed on ${deedDate}: seller ${sellerDays}/${totalDays} = ${centsText(Number(seller))}, buyer ${buyerDays}/${totalDays} = ${centsText(Number(buyer))}`,
  })
}

/** "€1,234.56" without locale data: the explanation is a log/statement line, not a UI label. */
export function centsText(cents: number): string {
  const sign = cents < 0 ? '-' : ''
  const abs = Math.abs(cents)
  return `${sign}€${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`
}
