import type { UseCaseCall } from '../context.ts'
import { ok, type Result } from '../shared/result.ts'
import type { Expense } from './expense.entity.ts'
import { loadReadableExpense } from './expense-visibility.ts'
import type { FinanceContext } from './finance.ports.ts'

/** One expense; an owner-role actor only of their buildings (else not_found, like another tenant's). */
export async function getExpense({
  ctx,
  input: { id },
}: UseCaseCall<FinanceContext, { readonly id: string }>): Promise<Result<Expense>> {
  const found = await loadReadableExpense(ctx, id)
  return found.ok ? ok(found.value.expense) : found
}
