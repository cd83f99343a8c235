import { scopeForRow } from '../access/index.ts'
import type { UseCaseCall } from '../context.ts'
import { can } from '../identity/index.ts'
import { todayOf } from '../property/index.ts'
import { DomainErrors } from '../shared/domain-error.ts'
import { err, ok, type Result } from '../shared/result.ts'
import { recordEvent } from '../shared/unit-of-work.ts'
import { checkVersion } from '../shared/versioning.ts'
import {
  type CreateExpenseInput,
  insertExpense,
  validateNewExpense,
  withSupplier,
} from './create-expense.use-case.ts'
import { EXPENSE_LIMITS, type Expense, withExpenseApproved, withExpenseCancelled } from './expense.entity.ts'
import { distributionToFreeze, recordApproval, withPendingApprovalPosted } from './expense-approval.ts'
import type { FinanceContext, FinanceRepos } from './finance.ports.ts'

/*
 * The expense lifecycle's writes besides create and mark-paid (ADR 0031). Each runs in one
 * transaction with its postings: a posting that fails rolls the change back.
 */

type Target = { readonly id: string; readonly expectedVersion?: number | undefined }

async function loadForWrite(
  ctx: FinanceContext,
  repos: FinanceRepos,
  target: Target,
): Promise<Result<{ scope: { organizationId: string }; expense: Expense }>> {
  const scoped = await scopeForRow(ctx.actor, 'Expense', () =>
    repos.finance.expenses.organizationOf(target.id),
  )
  if (!scoped.ok) return scoped
  const expense = await repos.finance.expenses.findById(scoped.value, target.id)
  if (!expense) return err(DomainErrors.notFound('Expense'))
  const fresh = checkVersion('Expense', expense.version, target.expectedVersion)
  if (!fresh.ok) return fresh
  return ok({ scope: scoped.value, expense })
}

async function save(
  repos: FinanceRepos,
  scope: { organizationId: string },
  next: Expense,
): Promise<Result<Expense>> {
  if (!(await repos.finance.expenses.update(scope, next)))
    return err(DomainErrors.versionConflict('Expense', next.version - 1))
  return ok(next)
}

/** POST /expenses/{id}/approve: draft → approved; its distribution is frozen and it is posted. */
export async function approveExpense({
  ctx,
  input,
}: UseCaseCall<FinanceContext, Target>): Promise<Result<Expense>> {
  if (!can(ctx.actor, 'finance:write')) return err(DomainErrors.forbidden())
  return ctx.transaction(async (repos) => {
    const loaded = await loadForWrite(ctx, repos, input)
    if (!loaded.ok) return loaded
    const { scope, expense } = loaded.value
    const next = withExpenseApproved(
      expense,
      await distributionToFreeze(repos, scope, expense),
      ctx.clock.now(),
    )
    if (!next.ok) return next
    const saved = await save(repos, scope, next.value)
    if (!saved.ok) return saved
    await recordApproval(ctx, repos, saved.value)
    return saved
  })
}

export type CancelExpenseInput = Target & { readonly reason?: string | null | undefined }

/**
 * POST /expenses/{id}/cancel: a draft or an approved, unpaid expense is cancelled; an approved
 * one's entries are reversed on today's date (the row and the original entries stay). A paid one
 * answers 409 `expense_already_paid`: record a credit note.
 */
export async function cancelExpense({
  ctx,
  input,
}: UseCaseCall<FinanceContext, CancelExpenseInput>): Promise<Result<Expense>> {
  if (!can(ctx.actor, 'finance:write')) return err(DomainErrors.forbidden())
  const reason = input.reason?.trim() || null
  if (reason !== null && reason.length > EXPENSE_LIMITS.reason)
    return err(DomainErrors.invalidField('reason', `must be at most ${EXPENSE_LIMITS.reason} characters`))
  return ctx.transaction(async (repos) => {
    const loaded = await loadForWrite(ctx, repos, input)
    if (!loaded.ok) return loaded
    const { scope } = loaded.value
    const current = await withPendingApprovalPosted(ctx, repos, scope, loaded.value.expense)
    const wasPosted = current.status === 'approved'
    const next = withExpenseCancelled(current, ctx.clock.now(), reason)
    if (!next.ok) return next
    const saved = await save(repos, scope, next.value)
    if (!saved.ok) return saved
    await recordEvent(ctx, repos, 'ExpenseCancelled', saved.value, saved.value.id, {
      buildingId: saved.value.buildingId,
      date: todayOf(ctx.clock),
      reason,
      // A draft was never posted: its cancellation reverses nothing.
      posted: wasPosted,
    })
    return saved
  })
}

export type CorrectExpenseInput = Target & {
  readonly fields: Omit<CreateExpenseInput, 'buildingId' | 'draft'>
  readonly reason?: string | null | undefined
}

/**
 * POST /expenses/{id}/corrections: an approved, unpaid expense is replaced by a corrected one.
 * The original stays, cancelled and pointing to its correction, its entries reversed; the
 * correction is approved and posted at once (its distribution frozen on its own date). Answers
 * the correction.
 */
export async function correctExpense({
  ctx,
  input,
}: UseCaseCall<FinanceContext, CorrectExpenseInput>): Promise<Result<Expense>> {
  if (!can(ctx.actor, 'finance:write')) return err(DomainErrors.forbidden())
  const fields = validateNewExpense(input.fields)
  if (!fields.ok) return fields
  const reason = input.reason?.trim() || null
  return ctx.transaction(async (repos) => {
    const loaded = await loadForWrite(ctx, repos, input)
    if (!loaded.ok) return loaded
    const { scope } = loaded.value
    const current = await withPendingApprovalPosted(ctx, repos, scope, loaded.value.expense)
    if (current.status === 'draft')
      return err(
        DomainErrors.conflict(
          'expense_not_approved',
          'A draft is not in the books: cancel it and record a new one',
        ),
      )
    const cancelled = withExpenseCancelled(current, ctx.clock.now(), reason)
    if (!cancelled.ok) return cancelled
    const building = { id: current.buildingId, organizationId: scope.organizationId }
    // A correction names the supplier it is given, else the one of the expense it replaces.
    const supplied = await withSupplier(
      repos,
      scope,
      fields.value,
      input.fields.supplierId !== undefined ? input.fields.supplierId : current.supplierId,
    )
    if (!supplied.ok) return supplied
    const correction = await insertExpense(ctx, repos, building, supplied.value.fields, {
      draft: false,
      correctsExpenseId: current.id,
      // A correction is split like the expense it replaces.
      distributionKeyId: current.distributionKeyId,
      supplierId: supplied.value.supplierId,
    })
    const saved = await save(repos, scope, { ...cancelled.value, correctedByExpenseId: correction.id })
    if (!saved.ok) return saved
    await recordEvent(ctx, repos, 'ExpenseCorrected', saved.value, saved.value.id, {
      buildingId: saved.value.buildingId,
      date: todayOf(ctx.clock),
      correctedById: correction.id,
      reason,
    })
    return ok(correction)
  })
}
