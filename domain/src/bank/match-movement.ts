import {
  type CallLineWithPaid,
  type Expense,
  markExpensePaid,
  recordPayment,
  reversePayment,
} from '../finance/index.ts'
import { type TenantScope, todayOf } from '../property/index.ts'
import { DomainErrors } from '../shared/domain-error.ts'
import { err, ok, type Result } from '../shared/result.ts'
import type { BankContext, BankMovement, BankMovementMatch, BankRepos, MatchKind } from './bank.ports.ts'

/*
 * Matching a bank movement (ADR 0038). A credit is an owner's payment: it goes through finance's
 * recordPayment (allocation to the named or chosen lines, then the oldest due, the rest a credit;
 * the OwnerPaymentRecorded entry posted), so a matched movement is exactly one owner payment
 * (bank_movements.payment_id is unique). A debit settling an approved expense goes through
 * markExpensePaid. Both run inside the caller's transaction: `nested` hands the finance use cases
 * a context whose transaction is the current one.
 */

/** The caller's context bound to the running transaction (a nested use case joins it). */
export function nested(ctx: BankContext, tx: BankRepos): BankContext {
  return { ...ctx, repos: tx, transaction: (work) => work(tx) }
}

export function outstanding(line: CallLineWithPaid): number {
  return line.amountCents - line.paidCents
}

/**
 * The lines a payment of `amountCents` by this owner evidently pays, by amount alone: one open
 * line owing exactly that, else all open lines when they owe exactly that together; null otherwise
 * (a person decides).
 */
export function linesForAmount(lines: readonly CallLineWithPaid[], amountCents: number): string[] | null {
  const open = lines.filter((l) => outstanding(l) > 0)
  const exact = open.filter((l) => outstanding(l) === amountCents)
  if (exact.length > 0) {
    const oldest = [...exact].sort((a, b) => (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : 0))[0]
    return oldest ? [oldest.id] : null
  }
  const total = open.reduce((s, l) => s + outstanding(l), 0)
  return open.length > 0 && total === amountCents ? open.map((l) => l.id) : null
}

/** An expense this debit settles: the supplier's IBAN and the amount, or the invoice number in the text and the amount. */
export function expenseFor(movement: BankMovement, expenses: readonly Expense[]): Expense | null {
  if (movement.amountCents >= 0) return null
  const amount = -movement.amountCents
  const byIban = expenses.find(
    (e) =>
      e.amountCents === amount && e.supplierIban !== null && e.supplierIban === movement.counterpartyIban,
  )
  if (byIban) return byIban
  const text = `${movement.freeText ?? ''} ${movement.information ?? ''} ${movement.structuredCommunication ?? ''}`
  return (
    expenses.find(
      (e) =>
        e.amountCents === amount &&
        e.invoiceNumber !== null &&
        e.invoiceNumber.length >= 3 &&
        text.includes(e.invoiceNumber),
    ) ?? null
  )
}

type PaymentMatch = {
  readonly ownerId: string
  readonly lineIds?: readonly string[]
  readonly kind: MatchKind
}

/** Records the owner payment of a credit movement and links it. */
export async function matchAsPayment(
  ctx: BankContext,
  tx: BankRepos,
  scope: TenantScope,
  movement: BankMovement,
  how: PaymentMatch,
): Promise<Result<BankMovementMatch>> {
  const paid = await recordPayment({
    ctx: nested(ctx, tx),
    input: {
      buildingId: movement.buildingId,
      ownerId: how.ownerId,
      amountCents: movement.amountCents,
      paymentDate: movement.bookingDate,
      communication: movement.structuredCommunication,
      payer: movement.counterpartyName?.slice(0, 200) ?? null,
      lineIds: how.lineIds,
      bankMovementId: movement.id,
    },
  })
  if (!paid.ok) return paid
  const match: BankMovementMatch = {
    kind: how.kind,
    ownerId: how.ownerId,
    paymentId: paid.value.payment.id,
    expenseId: null,
    matchedBy: ctx.actor.userId,
    matchedAt: ctx.clock.now(),
  }
  if (!(await tx.bank.movements.setMatch(scope, movement.id, match, 'unmatched'))) {
    return err(
      DomainErrors.conflict('bank_movement_already_matched', 'This bank movement is already matched'),
    )
  }
  if (movement.counterpartyIban) {
    await tx.bank.movements.rememberPayer(scope, movement.buildingId, how.ownerId, movement.counterpartyIban)
  }
  return ok(match)
}

/** Marks the expense a debit paid as paid on the movement's booking date (finance's markExpensePaid). */
export async function settleExpense(
  ctx: BankContext,
  tx: BankRepos,
  movement: BankMovement,
  expense: Expense,
): Promise<Result<Expense>> {
  return markExpensePaid({
    ctx: nested(ctx, tx),
    input: { id: expense.id, fields: { paidDate: movement.bookingDate }, expectedVersion: undefined },
  })
}

/** Settles an approved expense with a stored debit movement and links it (a manual match). */
export async function matchAsExpense(
  ctx: BankContext,
  tx: BankRepos,
  scope: TenantScope,
  movement: BankMovement,
  expense: Expense,
  kind: MatchKind,
): Promise<Result<BankMovementMatch>> {
  const paid = await settleExpense(ctx, tx, movement, expense)
  if (!paid.ok) return paid
  const match: BankMovementMatch = {
    kind,
    ownerId: null,
    paymentId: null,
    expenseId: expense.id,
    matchedBy: ctx.actor.userId,
    matchedAt: ctx.clock.now(),
  }
  if (!(await tx.bank.movements.setMatch(scope, movement.id, match, 'unmatched'))) {
    return err(
      DomainErrors.conflict('bank_movement_already_matched', 'This bank movement is already matched'),
    )
  }
  return ok(match)
}

/** Undoes a match: the owner payment reversed (entry reversed, allocations removed); a settled expense cannot be unpaid here. */
export async function undoMatch(
  ctx: BankContext,
  tx: BankRepos,
  scope: TenantScope,
  movement: BankMovement,
): Promise<Result<BankMovementMatch>> {
  const match = movement.match
  if (movement.status !== 'matched' || !match) {
    return err(DomainErrors.conflict('bank_movement_not_matched', 'This bank movement is not matched'))
  }
  if (match.expenseId) {
    return err(
      DomainErrors.conflict(
        'bank_match_expense_paid',
        'This movement paid an expense: correct the expense with a credit note instead',
      ),
    )
  }
  if (match.paymentId) {
    if (!(await tx.bank.movements.setMatch(scope, movement.id, null, 'matched'))) {
      return err(DomainErrors.conflict('bank_movement_not_matched', 'This bank movement is not matched'))
    }
    const reversed = await reversePayment({
      ctx: nested(ctx, tx),
      input: {
        scope,
        paymentId: match.paymentId,
        reversalDate: todayOf(ctx.clock),
        reason: `bank movement ${movement.id} unmatched`,
      },
    })
    if (!reversed.ok) return reversed
  }
  return ok(match)
}
