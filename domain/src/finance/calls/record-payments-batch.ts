import type { UseCaseCall } from '../../context.ts'
import { can } from '../../identity/index.ts'
import type { CalendarDate, TenantScope } from '../../property/index.ts'
import { DomainErrors } from '../../shared/domain-error.ts'
import { err, ok, type Result } from '../../shared/result.ts'
import { recordEvent } from '../../shared/unit-of-work.ts'
import type { CallLineWithPaid } from '../calls.ports.ts'
import type { FinanceContext } from '../finance.ports.ts'
import type { BankAccountPurpose, OwnerPayment, PaymentAllocation } from './call-for-funds.entity.ts'
import { type AllocationResult, allocatePayment } from './payment-allocation.ts'

/*
 * Many owner payments at once: a bank statement's matched transfers (ADR 0038). The same rules as
 * recordPayment — the named line first (or the chosen lines), then the oldest due, the rest a
 * credit — applied in memory on a PaymentBook (one read of the building's lines), then written in
 * a few statements with ONE money event, BankPaymentsRecorded, whose entry per booking date debits
 * the bank and credits each owner's 410 sub-account (ledger/postings/bank.ts). A 10,000-movement
 * statement is thus a handful of queries instead of ~15 per payment.
 */

/** The building's call lines with what is paid, kept current as payments are planned. */
export class PaymentBook {
  private readonly lines: CallLineWithPaid[]
  private readonly byCommunication = new Map<string, CallLineWithPaid>()

  constructor(lines: readonly CallLineWithPaid[]) {
    this.lines = lines.map((l) => ({ ...l }))
    for (const l of this.lines) this.byCommunication.set(l.communication, l)
  }

  lineByCommunication(communication: string): CallLineWithPaid | undefined {
    return this.byCommunication.get(communication)
  }

  /** The owner's lines with what is paid so far (planned payments included). */
  ownerLines(ownerId: string): readonly CallLineWithPaid[] {
    return this.lines.filter((l) => l.ownerId === ownerId)
  }

  /** Allocates like recordPayment (chosen lines first, else the named one, then the oldest due) and books it. */
  allocate(
    ownerId: string,
    amountCents: number,
    named: string | null,
    lineIds: readonly string[],
  ): AllocationResult {
    const own = this.ownerLines(ownerId)
    const open = (ls: readonly CallLineWithPaid[]) =>
      ls.map((l) => ({
        id: l.id,
        dueDate: l.dueDate,
        order: l.callNumber * 1_000_000 + l.lineNumber,
        communication: l.communication,
        outstandingCents: l.amountCents - l.paidCents,
      }))
    let left = amountCents
    const first: { lineId: string; amountCents: number }[] = []
    for (const id of lineIds) {
      const line = own.find((l) => l.id === id)
      const owed = line ? line.amountCents - line.paidCents : 0
      if (left === 0 || owed <= 0) continue
      const take = Math.min(left, owed)
      first.push({ lineId: id, amountCents: take })
      left -= take
    }
    const rest =
      left > 0
        ? allocatePayment(left, named, open(own.filter((l) => !lineIds.includes(l.id))))
        : { allocations: [], creditCents: 0 }
    const result = { allocations: [...first, ...rest.allocations], creditCents: rest.creditCents }
    for (const a of result.allocations) {
      const line = this.lines.find((l) => l.id === a.lineId)
      if (line) (line as { paidCents: number }).paidCents += a.amountCents
    }
    return result
  }
}

export type PlannedPayment = {
  /** The caller's reference (the bank movement): returned with the payment. */
  readonly key: string
  readonly ownerId: string
  readonly amountCents: number
  readonly paymentDate: CalendarDate
  readonly communication: string | null
  readonly payer: string | null
  readonly allocation: AllocationResult
}

export type RecordPaymentsBatchInput = {
  readonly scope: TenantScope
  readonly buildingId: string
  /** The account the money reached (the statement's). */
  readonly account: BankAccountPurpose
  /** What the batch is (its entry's source): the bank statement. */
  readonly source: { readonly kind: 'bank_statement'; readonly id: string }
  readonly payments: readonly PlannedPayment[]
}

/** Records planned payments (PaymentBook) in the caller's transaction; returns them by key. */
export async function recordPaymentsBatch({
  ctx,
  input,
}: UseCaseCall<FinanceContext, RecordPaymentsBatchInput>): Promise<
  Result<ReadonlyMap<string, OwnerPayment>>
> {
  if (!can(ctx.actor, 'finance:write')) return err(DomainErrors.forbidden())
  if (input.payments.length === 0) return ok(new Map())
  return ctx.transaction(async (repos) => {
    const payments: OwnerPayment[] = []
    const allocations: PaymentAllocation[] = []
    const byKey = new Map<string, OwnerPayment>()
    const now = ctx.clock.now()
    for (const p of input.payments) {
      if (!Number.isSafeInteger(p.amountCents) || p.amountCents <= 0)
        throw new Error('payment must be positive cents')
      const payment: OwnerPayment = {
        id: ctx.ids.next(),
        organizationId: input.scope.organizationId,
        buildingId: input.buildingId,
        ownerId: p.ownerId,
        amountCents: p.amountCents,
        paymentDate: p.paymentDate,
        communication: p.communication,
        payer: p.payer,
        account: input.account,
        creditCents: p.allocation.creditCents,
        recordedBy: ctx.actor.userId,
        createdAt: now,
      }
      payments.push(payment)
      byKey.set(p.key, payment)
      for (const a of p.allocation.allocations) {
        allocations.push({
          id: ctx.ids.next(),
          organizationId: payment.organizationId,
          paymentId: payment.id,
          lineId: a.lineId,
          amountCents: a.amountCents,
        })
      }
    }
    await repos.finance.calls.insertPayments(input.scope, payments, allocations)
    // The entry's lines: per booking date, each owner's total (the books need no more).
    const byDate = new Map<string, Map<string, number>>()
    for (const p of payments) {
      const owners = byDate.get(p.paymentDate) ?? new Map<string, number>()
      owners.set(p.ownerId, (owners.get(p.ownerId) ?? 0) + p.amountCents)
      byDate.set(p.paymentDate, owners)
    }
    await recordEvent(ctx, repos, 'BankPaymentsRecorded', input.scope, input.source.id, {
      buildingId: input.buildingId,
      account: input.account,
      payments: payments.length,
      totalCents: payments.reduce((s, p) => s + p.amountCents, 0),
      creditCents: payments.reduce((s, p) => s + p.creditCents, 0),
      days: [...byDate].map(([date, owners]) => ({
        date,
        owners: [...owners].map(([ownerId, amountCents]) => ({ ownerId, amountCents })),
      })),
    })
    return ok(byKey)
  })
}
