import type { CalendarDate, TenantScope } from '../property/index.ts'
import type { Cents } from '../shared/money.value-object.ts'
import { daysBetween } from './budget/sale-pro-rata.ts'
import type { ChargeDistribution, OwnerCharge, UnitCharge } from './charge-distribution.service.ts'
import type { FinanceRepos } from './finance.ports.ts'
import { apportionLargestRemainder } from './largest-remainder.ts'

/*
 * Sale pro rata applied to an expense that covers a period (issue #15 item 4, art. 3.94 §2 Civil
 * Code; finance/budget/sale-pro-rata.ts for the rule). The distribution on the invoice date gives
 * each lot its part (by key and quota); when the building's rule is `days` and a lot changed owner
 * inside the period, the lot's part is split over the ownership segments by days (largest
 * remainder, a tie to the earlier segment, the seller), then each segment's amount over its owners
 * by share (largest remainder, what no share carries stays unassigned). Parts still sum exactly to
 * the lot's part. Under `invoice_date` (and `due_date`: an expense has no due date of its own) the
 * owners on the invoice date bear it all, as before.
 */

const PPM = 1_000_000n

type Link = {
  readonly ownerId: string
  readonly sharePpm: number
  readonly startDate: CalendarDate
  readonly endDate: CalendarDate | null
}

/** The day after `date`, 'YYYY-MM-DD'. */
function nextDay(date: CalendarDate): CalendarDate {
  const d = new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000)
  return d.toISOString().slice(0, 10) as CalendarDate
}

/** Splits one lot's part over its ownership segments inside [from, to] (both included). */
export function prorateUnitCharge(
  unit: UnitCharge,
  links: readonly Link[],
  from: CalendarDate,
  to: CalendarDate,
): UnitCharge {
  const end = nextDay(to)
  const overlapping = links.filter((l) => l.startDate < end && (l.endDate === null || l.endDate > from))
  const cuts = new Set<CalendarDate>([from])
  for (const l of overlapping) {
    if (l.startDate > from && l.startDate < end) cuts.add(l.startDate)
    if (l.endDate !== null && l.endDate > from && l.endDate < end) cuts.add(l.endDate)
  }
  const starts = [...cuts].sort()
  if (starts.length === 1 || unit.amountCents < 0) return unit
  const total = BigInt(unit.amountCents)
  const days = starts.map((s, i) => BigInt(daysBetween(s, starts[i + 1] ?? end)))
  const allDays = BigInt(daysBetween(from, end))
  const segmentCents = apportionLargestRemainder(
    total,
    days.map((d) => total * d),
    allDays,
  )
  const byOwner = new Map<string, { sharePpm: number; cents: bigint }>()
  starts.forEach((start, i) => {
    const amount = segmentCents[i] ?? 0n
    const owners = overlapping
      .filter((l) => l.startDate <= start && (l.endDate === null || l.endDate > start))
      .sort((a, b) => (a.ownerId < b.ownerId ? -1 : a.ownerId > b.ownerId ? 1 : 0))
    const ppm = owners.reduce((s, o) => s + BigInt(o.sharePpm), 0n)
    const carried = ppm >= PPM ? amount : (amount * ppm) / PPM
    const parts =
      owners.length === 0
        ? []
        : apportionLargestRemainder(
            carried,
            owners.map((o) => amount * BigInt(o.sharePpm)),
            ppm >= PPM ? ppm : PPM,
          )
    owners.forEach((o, k) => {
      const prev = byOwner.get(o.ownerId)
      byOwner.set(o.ownerId, {
        sharePpm: Math.max(prev?.sharePpm ?? 0, o.sharePpm),
        cents: (prev?.cents ?? 0n) + (parts[k] ?? 0n),
      })
    })
  })
  const owners: OwnerCharge[] = [...byOwner]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([ownerId, v]) => ({ ownerId, sharePpm: v.sharePpm, amountCents: Number(v.cents) as Cents }))
  const assigned = owners.reduce((s, o) => s + o.amountCents, 0)
  return { ...unit, owners, unassignedCents: (unit.amountCents - assigned) as Cents }
}

/**
 * The distribution to freeze for an expense covering [periodStart, periodEnd]: the invoice-date
 * distribution with each lot that changed owner in the period prorated by days, when the
 * building's sale-split rule is `days` (the default).
 */
export async function prorateForSales(
  repos: FinanceRepos,
  scope: TenantScope,
  buildingId: string,
  distribution: ChargeDistribution,
  period: { readonly periodStart: CalendarDate | null; readonly periodEnd: CalendarDate | null },
): Promise<ChargeDistribution> {
  if (period.periodStart === null || period.periodEnd === null) return distribution
  const settings = await repos.finance.budget.financeSettings.find(scope, buildingId)
  if ((settings?.saleSplitRule ?? 'days') !== 'days') return distribution
  const units: UnitCharge[] = []
  for (const unit of distribution.units) {
    const links = await repos.property.unitOwnerships.listForUnit(scope, unit.unitId, { includeEnded: true })
    units.push(prorateUnitCharge(unit, links, period.periodStart, period.periodEnd))
  }
  return { ...distribution, units }
}
