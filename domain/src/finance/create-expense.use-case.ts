import { scopeForRow } from '../access/index.ts'
import type { UseCaseCall } from '../context.ts'
import { can } from '../identity/index.ts'
import { DomainErrors } from '../shared/domain-error.ts'
import { err, ok, type Result } from '../shared/result.ts'
import { recordEvent } from '../shared/unit-of-work.ts'
import { keyOfBuilding } from './budget/building-access.ts'
import { type Expense, type ExpenseFields, issuesOf, validateExpense } from './expense.entity.ts'
import { type ExpenseAmountInput, resolveExpenseAmount } from './expense-amount.value-object.ts'
import type { FinanceContext } from './finance.ports.ts'

/** The wire's amount comes as `amount` (euros) and/or `amount_cents`; see resolveExpenseAmount. */
export type CreateExpenseInput = Omit<ExpenseFields, 'amountCents'> &
  ExpenseAmountInput & {
    readonly buildingId: string
    /** A key of the building (finance/budget); absent or null: the general key. */
    readonly distributionKeyId?: string | null | undefined
  }

/**
 * Records an expense of a building of the actor's organization (a superadmin: of the building's
 * organization). New expenses are Pending; paying one is mark-expense-paid.
 */
export async function createExpense({
  ctx,
  input,
}: UseCaseCall<FinanceContext, CreateExpenseInput>): Promise<Result<Expense>> {
  if (!can(ctx.actor, 'finance:write')) return err(DomainErrors.forbidden())
  const amount = resolveExpenseAmount(input)
  // A placeholder amount lets every other field be checked too, so the client sees all issues.
  const fields = validateExpense({ ...input, amountCents: amount.ok ? amount.value : 1 })
  if (!amount.ok || !fields.ok) {
    return err(DomainErrors.validation('Invalid expense', [...issuesOf(amount), ...issuesOf(fields)]))
  }
  const valid = fields.value
  return ctx.transaction(async (repos) => {
    const scoped = await scopeForRow(ctx.actor, 'Building', () =>
      repos.property.buildings.organizationOf(input.buildingId),
    )
    if (!scoped.ok) return scoped
    const scope = scoped.value
    const building = await repos.property.buildings.findById(scope, input.buildingId)
    if (!building) return err(DomainErrors.notFound('Building'))
    const key = await keyOfBuilding(
      repos,
      scope,
      building.id,
      input.distributionKeyId ?? null,
      'distribution_key_id',
    )
    if (!key.ok) return key
    const now = ctx.clock.now()
    const expense: Expense = {
      id: ctx.ids.next(),
      organizationId: scope.organizationId,
      buildingId: building.id,
      ...valid,
      paymentStatus: 'Pending',
      paidDate: null,
      distributionKeyId: key.value?.id ?? null,
      version: 1,
      createdAt: now,
      updatedAt: now,
    }
    await repos.finance.expenses.insert(scope, expense)
    await recordEvent(ctx, repos, 'ExpenseRecorded', expense, expense.id, {
      buildingId: expense.buildingId,
      amountCents: expense.amountCents,
      category: expense.category,
    })
    return ok(expense)
  })
}
