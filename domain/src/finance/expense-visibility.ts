import { auditedBuildingsOf, ownerRecordOf, readsOrganization, scopeForRow } from '../access/index.ts'
import type { OwnerHolding, TenantScope } from '../property/index.ts'
import { DomainErrors } from '../shared/domain-error.ts'
import { err, ok, type Result } from '../shared/result.ts'
import type { Expense } from './expense.entity.ts'
import type { ExpenseWindow, FinanceContext, FinanceRepos } from './finance.ports.ts'

/**
 * Who may read finance data, decided once per request:
 *  - `organization`: roles with organization:read see every expense of the tenant;
 *  - `owner`: an owner-role user sees the expenses of a building while they hold a unit in it
 *    (any date), or dated while they held one there (so every line of their charges stays
 *    openable after a sale). `ownerId` is their linked owner record, null when none is linked;
 *  - `auditor`: the assembly's account auditor sees every expense of the buildings granted to them
 *    (one open window per building), nothing of the firm's other buildings.
 * Anything an owner may not see answers not_found, never forbidden: an owner must not learn
 * which other expenses, buildings or owners exist.
 */
export type FinanceReadAccess =
  | { readonly kind: 'organization'; readonly scope: TenantScope }
  | {
      readonly kind: 'owner'
      readonly scope: TenantScope
      readonly ownerId: string | null
      readonly windows: readonly ExpenseWindow[]
    }
  | { readonly kind: 'auditor'; readonly scope: TenantScope; readonly windows: readonly ExpenseWindow[] }

/** Read access inside `scope` (already resolved), or forbidden for a role with no finance reads. */
export async function financeReadAccess(
  ctx: FinanceContext,
  repos: FinanceRepos,
  scope: TenantScope,
): Promise<Result<FinanceReadAccess>> {
  if (readsOrganization(ctx.actor)) return ok({ kind: 'organization', scope })
  const audited = auditedBuildingsOf(ctx.actor)
  if (audited) {
    const windows = [...audited]
      .sort()
      .map((buildingId) => ({ buildingId, dateFrom: null, dateToExclusive: null }))
    return ok({ kind: 'auditor', scope, windows })
  }
  if (ctx.actor.role !== 'owner') return err(DomainErrors.forbidden())
  const owner = await ownerRecordOf(repos, scope, ctx.actor)
  if (!owner) return ok({ kind: 'owner', scope, ownerId: null, windows: [] })
  const holdings = await repos.property.quoteParts.listOwnerHoldings(scope, owner.id)
  return ok({ kind: 'owner', scope, ownerId: owner.id, windows: windowsOf(holdings) })
}

/** One open window per building with an active link, else one per past link. */
export function windowsOf(holdings: readonly OwnerHolding[]): ExpenseWindow[] {
  const current = new Set(holdings.filter((h) => h.endDate === null).map((h) => h.buildingId))
  const windows: ExpenseWindow[] = [...current]
    .sort()
    .map((buildingId) => ({ buildingId, dateFrom: null, dateToExclusive: null }))
  for (const h of holdings) {
    if (current.has(h.buildingId) || h.endDate === null) continue
    windows.push({ buildingId: h.buildingId, dateFrom: h.startDate, dateToExclusive: h.endDate })
  }
  return windows
}

export function inWindows(
  expense: Pick<Expense, 'buildingId' | 'expenseDate'>,
  windows: readonly ExpenseWindow[],
): boolean {
  return windows.some(
    (w) =>
      w.buildingId === expense.buildingId &&
      (w.dateFrom === null || expense.expenseDate >= w.dateFrom) &&
      (w.dateToExclusive === null || expense.expenseDate < w.dateToExclusive),
  )
}

/**
 * Loads an expense the actor may read, with the access it was read under. Another tenant's
 * expense, a missing one and (for an owner) one outside their buildings all answer not_found.
 */
export async function loadReadableExpense(
  ctx: FinanceContext,
  id: string,
): Promise<Result<{ readonly expense: Expense; readonly access: FinanceReadAccess }>> {
  if (!readsOrganization(ctx.actor) && ctx.actor.role !== 'owner' && !auditedBuildingsOf(ctx.actor))
    return err(DomainErrors.forbidden())
  const scope = await scopeForRow(ctx.actor, 'Expense', () => ctx.repos.finance.expenses.organizationOf(id))
  if (!scope.ok) return scope
  const expense = await ctx.repos.finance.expenses.findById(scope.value, id)
  if (!expense) return err(DomainErrors.notFound('Expense'))
  const access = await financeReadAccess(ctx, ctx.repos, scope.value)
  if (!access.ok) return access
  if (access.value.kind !== 'organization' && !inWindows(expense, access.value.windows)) {
    return err(DomainErrors.notFound('Expense'))
  }
  return ok({ expense, access: access.value })
}
