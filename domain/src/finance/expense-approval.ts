import type { TenantScope } from '../property/index.ts'
import type { AuditAuthor } from '../shared/audit.ts'
import { recordEvent } from '../shared/unit-of-work.ts'
import type { ChargeDistribution } from './charge-distribution.service.ts'
import type { Expense } from './expense.entity.ts'
import { approvalDetails } from './expense-postings.ts'
import type { FinanceContext, FinanceRepos } from './finance.ports.ts'
import { distributeExpense } from './get-expense-distribution.use-case.ts'
import { prorateForSales } from './sale-prorated-distribution.ts'

/*
 * Approving an expense, wherever it happens (v1 create, approve, a correction, or the catch-up of
 * a row approved before the books existed): its distribution is computed once, on its date, and
 * frozen on the row; ExpenseApproved posts charge / supplier in the same transaction.
 */

/** The distribution to freeze, or null when the building's basis cannot split it (reported on read). */
export async function distributionToFreeze(
  repos: FinanceRepos,
  scope: TenantScope,
  expense: Pick<
    Expense,
    'buildingId' | 'expenseDate' | 'amountCents' | 'distributionKeyId' | 'periodStart' | 'periodEnd'
  >,
): Promise<ChargeDistribution | null> {
  // A credit note is split as its positive amount, with the signs turned (largest remainder
  // needs a non-negative amount; the parts stay exact: −Σ parts = −amount).
  const negative = expense.amountCents < 0
  const amount = Math.abs(expense.amountCents)
  const split = await distributeExpense(repos, scope, {
    ...expense,
    amountCents: amount as Expense['amountCents'],
  })
  if (!split.ok) return null
  // A lot sold inside the charge's period: seller and buyer pro rata of days (the building's rule).
  const prorated = await prorateForSales(repos, scope, expense.buildingId, split.value, expense)
  return negative ? negate(prorated) : prorated
}

function negate(d: ChargeDistribution): ChargeDistribution {
  const n = <T extends number>(v: T) => (v === 0 ? v : (-v as T))
  return {
    ...d,
    amountCents: n(d.amountCents),
    unallocatedCents: n(d.unallocatedCents),
    units: d.units.map((u) => ({
      ...u,
      amountCents: n(u.amountCents),
      unassignedCents: n(u.unassignedCents),
      owners: u.owners.map((o) => ({ ...o, amountCents: n(o.amountCents) })),
    })),
  }
}

/** Records the approval event (the posting) of an expense already written as approved. */
export async function recordApproval(by: AuditAuthor, repos: FinanceRepos, expense: Expense): Promise<void> {
  await recordEvent(by, repos, 'ExpenseApproved', expense, expense.id, approvalDetails(expense))
}

/**
 * A row approved before the books existed (v1 data: status approved, never posted) gets its
 * approval posted, and its distribution frozen, before its next money event; the returned row is
 * the one to build on (its version is not bumped: the caller's update bumps it once).
 */
export async function withPendingApprovalPosted(
  ctx: FinanceContext,
  repos: FinanceRepos,
  scope: TenantScope,
  expense: Expense,
): Promise<Expense> {
  if (expense.status !== 'approved' || expense.postedAt !== null) return expense
  const posted: Expense = {
    ...expense,
    postedAt: ctx.clock.now(),
    distribution: expense.distribution ?? (await distributionToFreeze(repos, scope, expense)),
  }
  await recordApproval(ctx, repos, posted)
  return posted
}
