import { fiscalYearBounds } from '../../ledger/index.ts'
import {
  bearsCharges,
  type CalendarDate,
  holdsOn,
  representationOn,
  type TenantScope,
  type UnitOwnership,
  type UnitRepresentation,
} from '../../property/index.ts'
import { DomainErrors } from '../../shared/domain-error.ts'
import { err, ok, type Result } from '../../shared/result.ts'
import { DEFAULT_SALE_SPLIT_RULE } from '../budget/sale-pro-rata.ts'
import type { FinanceRepos } from '../finance.ports.ts'
import { callPeriodBounds, dayAfter, prorateCallLines, type RecipientStretch } from './call-sale-pro-rata.ts'
import type { CallLineAmount, CallRecipient } from './call-split.ts'

export type CallPeriod = {
  readonly fiscalYear: number
  readonly periods: number
  readonly periodIndex: number
  readonly issueDate: CalendarDate
  readonly dueDate: CalendarDate
}

/** Who receives the lot's calls on `date`: the designated holder alone, else the bearing holders by share. */
function recipientsOn(
  links: readonly UnitOwnership[],
  designations: readonly UnitRepresentation[],
  date: CalendarDate,
): CallRecipient[] {
  const holders = links.filter((l) => holdsOn(l, date) && bearsCharges(l.rightType))
  const designated = representationOn(designations, date)?.callsOwnerId
  if (designated && holders.some((h) => h.ownerId === designated))
    return [{ ownerId: designated, sharePpm: 1_000_000 }]
  return holders.map((h) => ({ ownerId: h.ownerId, sharePpm: h.sharePpm }))
}

const keyOf = (rs: readonly CallRecipient[]) =>
  rs
    .map((r) => `${r.ownerId}:${r.sharePpm}`)
    .sort()
    .join(',')

/**
 * The building's sale rule (finance settings, default `days`) applied to the lines of a call
 * covering a budget period: `days` splits a lot that changed hands in the period pro rata of the
 * days each recipient held it (call-sale-pro-rata.ts); `invoice_date` gives the lot's part to
 * whoever received its calls on the call's issue date (a call's "invoice"); `due_date` keeps the
 * recipients on the due date, as the lines already are. Lots whose recipients did not change
 * keep their lines untouched. One query for the links of all the call's lots.
 */
export async function prorateForSales(
  repos: FinanceRepos,
  scope: TenantScope,
  buildingId: string,
  lines: CallLineAmount[],
  period: CallPeriod,
): Promise<Result<CallLineAmount[]>> {
  const settings = await repos.finance.budget.financeSettings.find(scope, buildingId)
  const rule = settings?.saleSplitRule ?? DEFAULT_SALE_SPLIT_RULE
  if (rule === 'due_date' || lines.length === 0) return ok(lines)
  const startMonth = (await repos.ledger.entries.fiscalYearStartMonth?.(scope, buildingId)) ?? 1
  const yearStart = fiscalYearBounds(period.fiscalYear, startMonth).from as CalendarDate
  const { from, to } = callPeriodBounds(yearStart, period.periods, period.periodIndex)
  const unitIds = [...new Set(lines.map((l) => l.unitId))]
  const links = new Map<string, UnitOwnership[]>()
  for (const l of await repos.property.unitOwnerships.listForUnits(scope, unitIds)) {
    links.set(l.unitId, [...(links.get(l.unitId) ?? []), l])
  }
  const designations = new Map<string, UnitRepresentation[]>()
  for (const d of await repos.finance.calls.representations(scope, buildingId)) {
    designations.set(d.unitId, [...(designations.get(d.unitId) ?? []), d])
  }
  const current = new Map<string, string>()
  for (const unitId of unitIds) {
    current.set(
      unitId,
      keyOf(lines.filter((l) => l.unitId === unitId).map((l) => ({ ownerId: l.ownerId, sharePpm: 0 }))),
    )
  }
  const ownersKey = (rs: readonly CallRecipient[]) =>
    keyOf(rs.map((r) => ({ ownerId: r.ownerId, sharePpm: 0 })))
  const end = dayAfter(to)
  const stretchesOf = (unitId: string): RecipientStretch[] | null => {
    const unitLinks = links.get(unitId) ?? []
    const unitDesignations = designations.get(unitId) ?? []
    let stretches: RecipientStretch[]
    if (rule === 'invoice_date') {
      stretches = [
        { startDate: from, recipients: recipientsOn(unitLinks, unitDesignations, period.issueDate) },
      ]
    } else {
      // Every date inside the period where who receives the lot's calls may change.
      const cuts = new Set<CalendarDate>([from])
      for (const d of [
        ...unitLinks.flatMap((l) => [l.startDate, l.endDate]),
        ...unitDesignations.map((d) => d.startDate),
      ]) {
        if (d && d > from && d < end) cuts.add(d as CalendarDate)
      }
      stretches = [...cuts].map((startDate) => ({
        startDate,
        recipients: recipientsOn(unitLinks, unitDesignations, startDate),
      }))
    }
    // Unchanged recipients over the whole period: the lines split on the due date stand.
    return stretches.every((s) => ownersKey(s.recipients) === current.get(unitId)) ? null : stretches
  }
  const prorated = prorateCallLines(lines, stretchesOf, from, to)
  if (!Array.isArray(prorated)) {
    return err(
      DomainErrors.conflict(
        'call_without_recipient',
        `Lot ${prorated.unitNumber} has nobody to receive its call`,
        { unit_number: prorated.unitNumber, unit_id: prorated.unitId },
      ),
    )
  }
  return ok(prorated)
}
