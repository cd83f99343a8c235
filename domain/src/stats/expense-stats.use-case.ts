import type { UseCaseCall } from '../context.ts'
import { can } from '../identity/index.ts'
import type { TenantScope } from '../property/index.ts'
import { DomainErrors } from '../shared/domain-error.ts'
import { err, ok, type Result } from '../shared/result.ts'
import type { ExpenseStatsContext } from './stats.ports.ts'

/** How GET /stats/expenses groups the totals: by expense category, or by calendar month (YYYY-MM). */
export const EXPENSE_GROUPINGS = ['category', 'month'] as const
export type ExpenseGrouping = (typeof EXPENSE_GROUPINGS)[number]

/** One bar of a chart: the group's key, the sum in integer cents and how many expenses it holds. */
export type ExpenseTotal = { readonly key: string; readonly totalCents: number; readonly count: number }

/** The totals of one tenant's expenses (optionally of one building), grouped; sorted by key. */
export interface ExpenseStatsReader {
  totals(scope: TenantScope, filter: { buildingId?: string; group: ExpenseGrouping }): Promise<ExpenseTotal[]>
}

/**
 * The dashboards' charts (syndic and accountant) read these sums rather than every expense page:
 * the same reading rights as the expense list (organization staff), and a building of another
 * tenant is a 404 like everywhere else.
 */
export async function getExpenseStats({
  ctx,
  input,
}: UseCaseCall<
  ExpenseStatsContext,
  { readonly buildingId?: string | undefined; readonly group: ExpenseGrouping }
>): Promise<Result<ExpenseTotal[]>> {
  const organizationId = ctx.actor.organizationId
  if (!can(ctx.actor, 'organization:read') || organizationId === null)
    return err(DomainErrors.forbidden('Expense statistics are reserved to the organization staff'))
  const scope = { organizationId }
  if (
    input.buildingId !== undefined &&
    !(await ctx.repos.property.buildings.findById(scope, input.buildingId))
  )
    return err(DomainErrors.notFound('Building'))
  return ok(
    await ctx.repos.stats.expenseTotals.totals(scope, {
      group: input.group,
      ...(input.buildingId !== undefined ? { buildingId: input.buildingId } : {}),
    }),
  )
}
