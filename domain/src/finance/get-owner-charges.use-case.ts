import type { ActorContext } from '../context.ts'
import { can } from '../identity/permissions.ts'
import type { CalendarDate } from '../property/calendar-date.value-object.ts'
import { scopeForRow } from '../property/property-access.ts'
import { DomainErrors } from '../shared/domain-error.ts'
import type { Cents } from '../shared/money.value-object.ts'
import { err, ok, type Result } from '../shared/result.ts'
import type { ChargeBasis } from './charge-distribution.service.ts'
import type { ExpenseCategory, PaymentStatus } from './expense.entity.ts'
import type { ChargeBasisReader } from './finance.ports.ts'
import { holdsOn } from './finance-access.ts'
import { distributeExpense } from './get-expense-distribution.use-case.ts'

/** One owner's part of one expense through one unit (an owner of two lots gets two lines). */
export type OwnerChargeLine = {
  readonly expenseId: string
  readonly buildingId: string
  readonly unitId: string
  readonly category: ExpenseCategory
  readonly description: string
  readonly expenseDate: CalendarDate
  readonly paymentStatus: PaymentStatus
  /** The owner's part, not the expense amount. */
  readonly amountCents: Cents
}

export type OwnerCharges = {
  readonly ownerId: string
  /** By expense date, then expense id, then unit order of the distribution. */
  readonly lines: readonly OwnerChargeLine[]
  readonly totals: {
    readonly totalCents: Cents
    /** Parts of expenses the association has paid to the supplier. */
    readonly paidCents: Cents
    /** Parts of Pending and Overdue expenses. */
    readonly unpaidCents: Cents
  }
}

export type OwnerChargesPeriod = {
  /** Inclusive bounds on the expense date. */
  readonly dateFrom?: CalendarDate | undefined
  readonly dateTo?: CalendarDate | undefined
}

/**
 * One owner's parts of every non-cancelled expense of the buildings where they held a unit on
 * the expense date, computed with the same distribution as GET /expenses/{id}/distribution so
 * the two always agree. Org readers may ask for any owner of the tenant; an owner-role actor
 * only for the owner record linked to their own account — any other id answers not_found
 * (never forbidden), so owners cannot probe which owner ids exist.
 */
export async function getOwnerCharges(
  ctx: ActorContext,
  ownerId: string,
  period: OwnerChargesPeriod = {},
): Promise<Result<OwnerCharges>> {
  const orgReader = can(ctx.actor, 'organization:read')
  if (!orgReader && ctx.actor.role !== 'owner') return err(DomainErrors.forbidden())
  if (period.dateFrom !== undefined && period.dateTo !== undefined && period.dateFrom > period.dateTo) {
    return err(DomainErrors.invalidField('date_to', 'must not be before date_from'))
  }
  const scoped = await scopeForRow(ctx.actor, 'Owner', () => ctx.repos.owners.organizationOf(ownerId))
  if (!scoped.ok) return scoped
  const scope = scoped.value
  const owner = await ctx.repos.owners.findById(scope, ownerId)
  if (!owner || (!orgReader && owner.userId !== ctx.actor.userId)) return err(DomainErrors.notFound('Owner'))

  const holdings = await ctx.repos.chargeBasis.listOwnerHoldings(scope, ownerId)
  const buildingIds = [...new Set(holdings.map((h) => h.buildingId))].sort()
  const expenses =
    buildingIds.length > 0 ? await ctx.repos.expenses.listChargeable(scope, buildingIds, period) : []

  // Expenses of one building on one day share a basis: load it once.
  const bases = new Map<string, Promise<ChargeBasis | null>>()
  const reader: Pick<ChargeBasisReader, 'loadBuildingBasis'> = {
    loadBuildingBasis: (s, buildingId, onDate) => {
      const key = `${buildingId}|${onDate}`
      const cached = bases.get(key) ?? ctx.repos.chargeBasis.loadBuildingBasis(s, buildingId, onDate)
      bases.set(key, cached)
      return cached
    },
  }
  const lines: OwnerChargeLine[] = []
  const ordered = [...expenses]
    .filter((e) => e.paymentStatus !== 'Cancelled')
    .sort((a, b) => compare(a.expenseDate, b.expenseDate) || compare(a.id, b.id))
  for (const expense of ordered) {
    // Cheap pre-filter from the owner's own links; the distribution below is the authority.
    if (!holdings.some((h) => h.buildingId === expense.buildingId && holdsOn(h, expense.expenseDate)))
      continue
    const distribution = await distributeExpense({ chargeBasis: reader }, scope, expense)
    if (!distribution.ok) return distribution
    for (const unit of distribution.value.units) {
      const part = unit.owners.find((o) => o.ownerId === ownerId)
      if (!part) continue
      lines.push({
        expenseId: expense.id,
        buildingId: expense.buildingId,
        unitId: unit.unitId,
        category: expense.category,
        description: expense.description,
        expenseDate: expense.expenseDate,
        paymentStatus: expense.paymentStatus,
        amountCents: part.amountCents,
      })
    }
  }
  const sum = (ls: readonly OwnerChargeLine[]) => ls.reduce((s, l) => s + l.amountCents, 0) as Cents
  return ok({
    ownerId,
    lines,
    totals: {
      totalCents: sum(lines),
      paidCents: sum(lines.filter((l) => l.paymentStatus === 'Paid')),
      unpaidCents: sum(lines.filter((l) => l.paymentStatus !== 'Paid')),
    },
  })
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
