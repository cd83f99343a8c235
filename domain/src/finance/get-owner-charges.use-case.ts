import { auditedBuildingsOf, auditorSeesOwner, scopeForRow } from '../access/index.ts'
import type { UseCaseCall } from '../context.ts'
import { can } from '../identity/index.ts'
import type { CalendarDate } from '../property/index.ts'
import { DomainErrors } from '../shared/domain-error.ts'
import type { Cents } from '../shared/money.value-object.ts'
import { MAX_PER_PAGE } from '../shared/ports.ts'
import { err, ok, type Result } from '../shared/result.ts'
import type { ExpenseCategory, PaymentStatus } from './expense.entity.ts'
import type { FinanceContext, FrozenPart } from './finance.ports.ts'
import { ownerPartCalculator } from './owner-part.calculator.ts'

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
  /** One page, by expense date, then expense id, then unit order of the distribution. */
  readonly lines: readonly OwnerChargeLine[]
  readonly page: number
  readonly perPage: number
  /** Lines of the whole period (every page). */
  readonly totalLines: number
  /** Over every line of the period, not only this page. */
  readonly totals: {
    readonly totalCents: Cents
    /**
     * Parts of expenses the association has paid to its supplier. Not what the owner paid: an
     * owner's debts are settled by the owner's payments against the calls for funds (ADR 0031).
     */
    readonly paidCents: Cents
    /** Parts of approved expenses the association has not paid to its supplier yet. */
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
 * (never forbidden), so owners cannot probe which owner ids exist. An account auditor reads an
 * owner who holds or held a lot in a building granted to him, and only the lines of those
 * buildings' expenses (totals included): another building's charges are not his to see.
 */
export async function getOwnerCharges({
  ctx,
  input: { ownerId, period = {}, page = { page: 1, perPage: MAX_PER_PAGE } },
}: UseCaseCall<
  FinanceContext,
  {
    readonly ownerId: string
    readonly period?: OwnerChargesPeriod | undefined
    readonly page?: { readonly page: number; readonly perPage: number } | undefined
  }
>): Promise<Result<OwnerCharges>> {
  const orgReader = can(ctx.actor, 'organization:read')
  const audited = auditedBuildingsOf(ctx.actor)
  if (!orgReader && ctx.actor.role !== 'owner' && audited === null) return err(DomainErrors.forbidden())
  if (period.dateFrom !== undefined && period.dateTo !== undefined && period.dateFrom > period.dateTo) {
    return err(DomainErrors.invalidField('date_to', 'must not be before date_from'))
  }
  const scoped = await scopeForRow(ctx.actor, 'Owner', () =>
    ctx.repos.property.owners.organizationOf(ownerId),
  )
  if (!scoped.ok) return scoped
  const scope = scoped.value
  const owner = await ctx.repos.property.owners.findById(scope, ownerId)
  if (!owner) return err(DomainErrors.notFound('Owner'))
  if (audited !== null) {
    if (!(await auditorSeesOwner(ctx.repos, scope, ctx.actor, ownerId)))
      return err(DomainErrors.notFound('Owner'))
  } else if (!orgReader && owner.userId !== ctx.actor.userId) return err(DomainErrors.notFound('Owner'))

  // A bounded number of queries (the page, the grouped lines, the bases' history) and O(units)
  // work per line, whatever the number of expenses or dates (issue #12 item 5).
  const filter = audited === null ? period : { ...period, buildingIds: audited }
  const read = await ctx.repos.finance.ownerCharges.read(scope, ownerId, filter, page)
  const partOf = ownerPartCalculator(read.histories)
  let totalCents = read.frozenTotals.totalCents
  let paidCents = read.frozenTotals.paidCents
  let totalLines = read.frozenTotals.lines
  // The frozen distribution is the truth for a posted expense: a later quota, key or register
  // change does not rewrite what an owner was charged (issue #15 item 2).
  const partOfLine = (line: Parameters<typeof partOf>[0], frozen: FrozenPart) =>
    frozen === 'none' ? partOf(line) : ok(frozen as Cents | null)
  for (const g of read.groups) {
    const part = partOfLine({ ...g, ownerId }, g.frozen)
    if (!part.ok) return part
    if (part.value === null) continue
    totalLines += g.lines
    totalCents += part.value * g.lines
    if (g.paid) paidCents += part.value * g.lines
  }
  const lines: OwnerChargeLine[] = []
  for (const { expense, unitId, frozen } of read.page) {
    const part = partOfLine({ ...expense, unitId, ownerId }, frozen)
    if (!part.ok) return part
    if (part.value === null) continue
    lines.push({
      expenseId: expense.id,
      buildingId: expense.buildingId,
      unitId,
      category: expense.category,
      description: expense.description,
      expenseDate: expense.expenseDate,
      paymentStatus: expense.paymentStatus,
      amountCents: part.value,
    })
  }
  return ok({
    ownerId,
    lines,
    page: page.page,
    perPage: page.perPage,
    totalLines,
    totals: {
      totalCents: totalCents as Cents,
      paidCents: paidCents as Cents,
      unpaidCents: (totalCents - paidCents) as Cents,
    },
  })
}
