import type { CalendarDate } from '../../property/index.ts'
import { daysBetween } from '../budget/sale-pro-rata.ts'
import { apportionLargestRemainder } from '../largest-remainder.ts'
import type { CallLineAmount, CallRecipient } from './call-split.ts'

/*
 * Sale pro rata applied to a call for funds (issue #15 item 4, art. 3.94 §2 Civil Code; the rule
 * is finance/budget/sale-pro-rata.ts). A provision call covers a period of the fiscal year (a
 * month or a quarter of the approved budget); when a lot changed hands inside that period and the
 * building's rule is `days`, the lot's part of the call is split between the successive holders
 * pro rata of the days each held it (the seller up to the day before the deed date, the buyer
 * from the deed date on), exact to the cent by largest remainder (a tie to the earlier holder,
 * the seller), then each stretch's cents over whoever receives the lot's calls in that stretch by
 * their shares. Each holder gets their own line, hence their own structured communication.
 */

/** Who receives the lot's calls from `startDate` on (until the next stretch starts). */
export type RecipientStretch = {
  readonly startDate: CalendarDate
  /** Empty when nobody bears the lot's charges in the stretch (a gap in the register). */
  readonly recipients: readonly CallRecipient[]
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)

/** The day after `date`, 'YYYY-MM-DD'. */
export function dayAfter(date: CalendarDate): CalendarDate {
  return new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10) as CalendarDate
}

/**
 * Splits one lot's `cents` for the period [from, to] (both days included) over the stretches
 * (sorted or not; a stretch starting before `from` covers `from`). The days of stretches nobody
 * holds are not charged to anyone: the cents are split over the days someone held the lot, so
 * the lines always sum exactly to `cents`. Returns one amount per owner (owners by id), zeros
 * left out; null when nobody held the lot in the period (the caller refuses such a call).
 */
export function prorateCallLot(
  cents: number,
  stretches: readonly RecipientStretch[],
  from: CalendarDate,
  to: CalendarDate,
): { readonly ownerId: string; readonly amountCents: number }[] | null {
  const end = dayAfter(to)
  const sorted = [...stretches].sort((a, b) => cmp(a.startDate, b.startDate))
  // Clip to the period: the last stretch starting on or before `from` opens it.
  const inPeriod: { start: CalendarDate; stop: CalendarDate; recipients: readonly CallRecipient[] }[] = []
  sorted.forEach((s, i) => {
    const next = sorted[i + 1]?.startDate
    const start = s.startDate < from ? from : s.startDate
    const stop = next === undefined || next > end ? end : next
    if (start < stop && start < end) inPeriod.push({ start, stop, recipients: s.recipients })
  })
  const held = inPeriod.filter((s) => s.recipients.length > 0)
  if (held.length === 0) return null
  const total = BigInt(cents)
  const days = held.map((s) => BigInt(daysBetween(s.start, s.stop)))
  const allDays = days.reduce((a, b) => a + b, 0n)
  const stretchCents = apportionLargestRemainder(
    total,
    days.map((d) => total * d),
    allDays,
  )
  const byOwner = new Map<string, bigint>()
  held.forEach((s, i) => {
    const amount = stretchCents[i] ?? 0n
    const recipients = [...s.recipients].sort((a, b) => cmp(a.ownerId, b.ownerId))
    const shares = recipients.map((r) => BigInt(Math.max(1, r.sharePpm)))
    const shareSum = shares.reduce((a, b) => a + b, 0n)
    const parts = apportionLargestRemainder(
      amount,
      shares.map((x) => amount * x),
      shareSum,
    )
    recipients.forEach((r, k) => {
      byOwner.set(r.ownerId, (byOwner.get(r.ownerId) ?? 0n) + (parts[k] ?? 0n))
    })
  })
  return [...byOwner]
    .sort(([a], [b]) => cmp(a, b))
    .map(([ownerId, c]) => ({ ownerId, amountCents: Number(c) }))
    .filter((l) => l.amountCents > 0)
}

/**
 * Replaces, in merged call lines, the lines of each lot whose recipients changed inside the
 * period by its prorated lines. `stretchesOf` gives a lot's stretches (null = no change in the
 * period: its lines stay as they are). Lines come out in the order `mergeCallLines` gives.
 */
export function prorateCallLines(
  lines: readonly CallLineAmount[],
  stretchesOf: (unitId: string) => readonly RecipientStretch[] | null,
  from: CalendarDate,
  to: CalendarDate,
): CallLineAmount[] | { readonly unitId: string; readonly unitNumber: string } {
  const lots = new Map<string, { unitNumber: string; cents: number }>()
  for (const l of lines) {
    const lot = lots.get(l.unitId)
    lots.set(l.unitId, { unitNumber: l.unitNumber, cents: (lot?.cents ?? 0) + l.amountCents })
  }
  const out: CallLineAmount[] = []
  const done = new Set<string>()
  for (const l of lines) {
    const stretches = stretchesOf(l.unitId)
    if (stretches === null) {
      out.push(l)
      continue
    }
    if (done.has(l.unitId)) continue
    done.add(l.unitId)
    const lot = lots.get(l.unitId)
    if (!lot) continue
    const parts = prorateCallLot(lot.cents, stretches, from, to)
    if (parts === null) return { unitId: l.unitId, unitNumber: lot.unitNumber }
    for (const p of parts) out.push({ unitId: l.unitId, unitNumber: lot.unitNumber, ...p })
  }
  return out.sort(
    (a, b) => cmp(a.unitNumber, b.unitNumber) || cmp(a.unitId, b.unitId) || cmp(a.ownerId, b.ownerId),
  )
}

/** First and last day of period `periodIndex` (0-based) of `periods` in a fiscal year starting on `yearStart`. */
export function callPeriodBounds(
  yearStart: CalendarDate,
  periods: number,
  periodIndex: number,
): { readonly from: CalendarDate; readonly to: CalendarDate } {
  const months = 12 / periods
  const y = Number(yearStart.slice(0, 4))
  const m = Number(yearStart.slice(5, 7)) - 1
  const first = (k: number) => new Date(Date.UTC(y, m + k * months, 1)).toISOString().slice(0, 10)
  const from = first(periodIndex) as CalendarDate
  const next = first(periodIndex + 1)
  const to = new Date(Date.parse(`${next}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10) as CalendarDate
  return { from, to }
}
