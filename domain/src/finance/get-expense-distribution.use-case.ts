import type { UseCaseCall } from '../context.ts'
import type { CalendarDate, QuotePartsReader, TenantScope } from '../property/index.ts'
import { DomainErrors } from '../shared/domain-error.ts'
import { err, ok, type Result } from '../shared/result.ts'
import {
  type ChargeDistribution,
  distributeCharge,
  inconsistentBasis,
} from './charge-distribution.service.ts'
import type { Expense, PaymentStatus } from './expense.entity.ts'
import { loadReadableExpense } from './expense-visibility.ts'
import type { FinanceContext } from './finance.ports.ts'

export type ExpenseDistribution = ChargeDistribution & {
  readonly expenseId: string
  readonly buildingId: string
  /** The day whose ownership shares carry the charge. */
  readonly expenseDate: CalendarDate
  readonly paymentStatus: PaymentStatus
}

/**
 * GET /expenses/{id}/distribution: each unit's and owner's part, as frozen when the expense was
 * approved, over the ownership links active on the expense date — a sale after the invoice does not move the charge to the buyer. Readable
 * by whoever may read the expense (an owner-role actor sees the whole building's split, as the
 * annual accounts shown at the general assembly do).
 */
export async function getExpenseDistribution({
  ctx,
  input: { id },
}: UseCaseCall<FinanceContext, { readonly id: string }>): Promise<Result<ExpenseDistribution>> {
  const found = await loadReadableExpense(ctx, id)
  if (!found.ok) return found
  const { expense, access } = found.value
  // Frozen at approval (ADR 0031): a later change of quotas or owners does not rewrite it. A draft,
  // or a row whose basis could not be split then, is computed on its date as before.
  const distribution = expense.distribution
    ? ok(expense.distribution)
    : await distributeExpense(ctx.repos, access.scope, expense)
  if (!distribution.ok) return distribution
  return ok({
    expenseId: expense.id,
    buildingId: expense.buildingId,
    expenseDate: expense.expenseDate,
    paymentStatus: expense.paymentStatus,
    ...distribution.value,
  })
}

/**
 * The distribution of one expense on its date. Stored data breaking the basis rules (quotas
 * above the total, shares above 100 %) is reported as a conflict: it is the data, not the
 * request, that needs fixing.
 */
export async function distributeExpense(
  repos: { readonly property: { readonly quoteParts: Pick<QuotePartsReader, 'loadBuildingBasis'> } },
  scope: TenantScope,
  expense: Pick<Expense, 'buildingId' | 'expenseDate' | 'amountCents'>,
): Promise<Result<ChargeDistribution>> {
  const basis = await repos.property.quoteParts.loadBuildingBasis(
    scope,
    expense.buildingId,
    expense.expenseDate,
  )
  if (!basis) return err(DomainErrors.notFound('Building'))
  const distribution = distributeCharge(expense.amountCents, basis)
  return distribution.ok ? distribution : err(inconsistentBasis(distribution.error))
}
