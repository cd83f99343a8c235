import { scopeForRow } from '../access/index.ts'
import type { UseCaseCall } from '../context.ts'
import { can } from '../identity/index.ts'
import { parseCalendarDate, todayOf } from '../property/index.ts'
import { DomainErrors } from '../shared/domain-error.ts'
import { err, ok, type Result } from '../shared/result.ts'
import { recordEvent } from '../shared/unit-of-work.ts'
import { checkVersion } from '../shared/versioning.ts'
import { type Expense, withExpensePaid } from './expense.entity.ts'
import { withPendingApprovalPosted } from './expense-approval.ts'
import { paymentDetails } from './expense-postings.ts'
import type { FinanceContext } from './finance.ports.ts'

export type MarkExpensePaidInput = {
  /** 'YYYY-MM-DD' or full ISO; today in the building's time zone (property's todayOf) when absent. */
  readonly paidDate?: string | undefined
}

/**
 * PUT /expenses/{id}/mark-paid: Pending or Overdue → Paid, i.e. the association paid its
 * supplier (posted: supplier / bank). It says nothing of what the owners paid (ADR 0031). A second call answers conflict
 * `expense_already_paid` rather than silently succeeding, so a replayed offline write is visible
 * (the Idempotency-Key layer returns the first response for true replays).
 */
export async function markExpensePaid({
  ctx,
  input: { id, fields: input, expectedVersion },
}: UseCaseCall<
  FinanceContext,
  { readonly id: string; readonly fields: MarkExpensePaidInput; readonly expectedVersion: number | undefined }
>): Promise<Result<Expense>> {
  if (!can(ctx.actor, 'finance:write')) return err(DomainErrors.forbidden())
  const paidDate =
    input.paidDate === undefined ? ok(todayOf(ctx.clock)) : parseCalendarDate(input.paidDate, 'paid_date')
  if (!paidDate.ok) return paidDate
  return ctx.transaction(async (repos) => {
    const scoped = await scopeForRow(ctx.actor, 'Expense', () => repos.finance.expenses.organizationOf(id))
    if (!scoped.ok) return scoped
    const scope = scoped.value
    const found = await repos.finance.expenses.findById(scope, id)
    if (!found) return err(DomainErrors.notFound('Expense'))
    const fresh = checkVersion('Expense', found.version, expectedVersion)
    if (!fresh.ok) return fresh
    // A row approved before the books existed is posted first, so paying it leaves 440 at zero.
    const current = await withPendingApprovalPosted(ctx, repos, scope, found)
    const next = withExpensePaid(current, paidDate.value, ctx.clock.now())
    if (!next.ok) return next
    if (!(await repos.finance.expenses.update(scope, next.value)))
      return err(DomainErrors.versionConflict('Expense', current.version + 1))
    await recordEvent(ctx, repos, 'ExpensePaid', next.value, id, {
      ...paymentDetails(next.value, paidDate.value),
      previousStatus: current.paymentStatus,
    })
    return ok(next.value)
  })
}
