import type { UseCaseCall } from '../../context.ts'
import { can } from '../../identity/index.ts'
import type { TenantScope } from '../../property/index.ts'
import { DomainErrors } from '../../shared/domain-error.ts'
import { err, ok, type Result } from '../../shared/result.ts'
import { recordEvent } from '../../shared/unit-of-work.ts'
import type { FinanceContext } from '../finance.ports.ts'
import type { OwnerPayment } from './call-for-funds.entity.ts'

export type ReversePaymentInput = {
  readonly scope: TenantScope
  readonly paymentId: string
  /** The day of the reversal entry (the unmatch), YYYY-MM-DD. */
  readonly reversalDate: string
  /** Why, kept in the audit row (e.g. the bank movement unmatched). */
  readonly reason: string
}

/**
 * Undoes an owner payment (a bank movement unmatched, ADR 0038): its allocations and row are
 * removed, so the lines it paid are due again and the owner account no longer counts it; the
 * `OwnerPaymentReversed` event reverses posts the opposite entry in the books (never edited, ADR 0031) and audits
 * it. Runs in the caller's transaction when nested (ctx.transaction of the caller's unit of work).
 */
export async function reversePayment({
  ctx,
  input,
}: UseCaseCall<FinanceContext, ReversePaymentInput>): Promise<Result<OwnerPayment>> {
  if (!can(ctx.actor, 'finance:write')) return err(DomainErrors.forbidden())
  return ctx.transaction(async (repos) => {
    const payment = await repos.finance.calls.findPayment(input.scope, input.paymentId)
    if (!payment) return err(DomainErrors.notFound('OwnerPayment'))
    await repos.finance.calls.deletePayment(input.scope, payment.id)
    await recordEvent(ctx, repos, 'OwnerPaymentReversed', payment, payment.id, {
      buildingId: payment.buildingId,
      ownerId: payment.ownerId,
      amountCents: payment.amountCents,
      account: payment.account,
      reversalDate: input.reversalDate,
      reason: input.reason,
    })
    return ok(payment)
  })
}
