import { auditedBuildingsOf, scopeFor } from '../access/index.ts'
import type { UseCaseCall } from '../context.ts'
import { can } from '../identity/index.ts'
import type { TenantScope } from '../property/index.ts'
import { DomainErrors, type FieldIssue } from '../shared/domain-error.ts'
import type { Page, PageRequest } from '../shared/ports.ts'
import { err, ok, type Result } from '../shared/result.ts'
import { collectIssues } from '../shared/text.ts'
import type { Expense } from './expense.entity.ts'
import { financeReadAccess } from './expense-visibility.ts'
import type { ExpenseFilter, ExpenseSortField, FinanceContext } from './finance.ports.ts'

/**
 * Filters of GET /expenses and GET /buildings/{id}/expenses (the latter passes buildingId).
 * `organizationId` is read only for a superadmin, who has no tenant of their own: it (or the
 * tenant of `buildingId`) says which organization to list.
 */
export type ListExpensesQuery = Omit<ExpenseFilter, 'visibleWindows'> & {
  readonly organizationId?: string | undefined
}

/**
 * A page of expenses. With a buildingId, the building must be visible to the actor (else
 * not_found, so the per-building route 404s like every other unknown building). An owner-role
 * actor sees only their buildings' expenses (see FinanceReadAccess); without a linked owner record,
 * an empty page.
 */
export async function listExpenses({
  ctx,
  input: { query, page },
}: UseCaseCall<
  FinanceContext,
  { readonly query: ListExpensesQuery; readonly page: PageRequest<ExpenseSortField> }
>): Promise<Result<Page<Expense>>> {
  if (!can(ctx.actor, 'organization:read') && ctx.actor.role !== 'owner' && !auditedBuildingsOf(ctx.actor))
    return err(DomainErrors.forbidden())
  const issues = queryIssues(query)
  if (issues.length > 0) return err(DomainErrors.validation('Invalid expense filters', issues))

  const { organizationId: _ignored, ...filter } = query
  // A superadmin without an organization or building filter: every organization's expenses.
  if (ctx.actor.role === 'superadmin' && !query.organizationId && query.buildingId === undefined)
    return ok(await ctx.repos.finance.expenses.listAcrossTenants(filter, page))
  const scope = await listScope(ctx, query)
  if (!scope.ok) return scope

  if (filter.buildingId !== undefined) {
    const building = await ctx.repos.property.buildings.findById(scope.value, filter.buildingId)
    if (!building) return err(DomainErrors.notFound('Building'))
  }
  const access = await financeReadAccess(ctx, ctx.repos, scope.value)
  if (!access.ok) return access
  if (access.value.kind === 'organization')
    return ok(await ctx.repos.finance.expenses.list(scope.value, filter, page))

  const windows = access.value.windows.filter(
    (w) => filter.buildingId === undefined || w.buildingId === filter.buildingId,
  )
  if (filter.buildingId !== undefined && windows.length === 0) return err(DomainErrors.notFound('Building'))
  if (windows.length === 0) return ok({ items: [], total: 0 })
  return ok(await ctx.repos.finance.expenses.list(scope.value, { ...filter, visibleWindows: windows }, page))
}

async function listScope(ctx: FinanceContext, query: ListExpensesQuery): Promise<Result<TenantScope>> {
  if (ctx.actor.role !== 'superadmin' || query.organizationId)
    return scopeFor(ctx.actor, query.organizationId)
  if (query.buildingId !== undefined) {
    const organizationId = await ctx.repos.property.buildings.organizationOf(query.buildingId)
    return organizationId === null ? err(DomainErrors.notFound('Building')) : ok({ organizationId })
  }
  return scopeFor(ctx.actor, null)
}

function queryIssues(q: ListExpensesQuery): FieldIssue[] {
  const amount = (path: string, v: number | undefined): FieldIssue | undefined =>
    v === undefined || (Number.isSafeInteger(v) && v >= 0)
      ? undefined
      : { path, message: 'must be a non-negative integer number of cents' }
  return collectIssues(
    amount('min_amount', q.minAmountCents),
    amount('max_amount', q.maxAmountCents),
    q.minAmountCents !== undefined && q.maxAmountCents !== undefined && q.minAmountCents > q.maxAmountCents
      ? { path: 'max_amount', message: 'must not be below min_amount' }
      : undefined,
    q.dateFrom !== undefined && q.dateTo !== undefined && q.dateFrom > q.dateTo
      ? { path: 'date_to', message: 'must not be before date_from' }
      : undefined,
  )
}
