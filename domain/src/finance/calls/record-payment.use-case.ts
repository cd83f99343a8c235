import { scopeForRow } from '../../access/index.ts'
import type { UseCaseCall } from '../../context.ts'
import { can } from '../../identity/index.ts'
import { parseCalendarDate } from '../../property/index.ts'
import { DomainErrors } from '../../shared/domain-error.ts'
import { err, ok, type Result } from '../../shared/result.ts'
import { recordEvent } from '../../shared/unit-of-work.ts'
import type { FinanceContext } from '../finance.ports.ts'
import {
  type BankAccountPurpose,
  CALL_LIMITS,
  type OwnerPayment,
  type PaymentAllocation,
} from './call-for-funds.entity.ts'
import { type AllocationResult, allocatePayment, type OpenLine } from './payment-allocation.ts'
import { parseStructuredCommunication } from './structured-communication.ts'

export type RecordPaymentInput = {
  readonly buildingId: string
  /** Whose payment; may be omitted when the communication names a line (its owner is then the payer). */
  readonly ownerId?: string | undefined
  readonly amountCents: number
  readonly paymentDate: string
  readonly communication?: string | null | undefined
  readonly payer?: string | null | undefined
  /** Lines to pay first, in this order (a manual bank match naming them); then as usual. */
  readonly lineIds?: readonly string[] | undefined
  /** The bank movement this payment comes from (ADR 0038), kept in the audit row. */
  readonly bankMovementId?: string | undefined
  /** The bank account the money reached; default: the account of the named (or first allocated) line. */
  readonly account?: BankAccountPurpose | undefined
}

/** An allocation with what the payer and the web need of its line (no second read of the account). */
export type AllocatedLine = PaymentAllocation & {
  readonly communication: string
  readonly account: BankAccountPurpose
  readonly callNumber: number
}

export type RecordedPayment = {
  readonly payment: OwnerPayment
  readonly allocations: readonly AllocatedLine[]
  /**
   * Money of the other fund that reached this account: the syndic transfers it between the two
   * bank accounts (the reserve is kept apart, art. 3.86 §3); the books post the transfer at once.
   */
  readonly transfer: { readonly toAccount: BankAccountPurpose; readonly amountCents: number } | null
}

/**
 * POST /buildings/{id}/payments: an owner's payment recorded by hand (the bank import comes next).
 * Allocated in the same transaction: to the line its structured communication names, then to the
 * oldest due lines; what is left is a credit on the owner's account. The `OwnerPaymentRecorded`
 * event audits it and posts the financial entry (bank 550/551 debited, 410 of the owner credited).
 */
export async function recordPayment({
  ctx,
  input,
}: UseCaseCall<FinanceContext, RecordPaymentInput>): Promise<Result<RecordedPayment>> {
  if (!can(ctx.actor, 'finance:write')) return err(DomainErrors.forbidden())
  if (!Number.isSafeInteger(input.amountCents) || input.amountCents <= 0) {
    return err(DomainErrors.invalidField('amount_cents', 'must be an integer number of cents greater than 0'))
  }
  const date = parseCalendarDate(input.paymentDate, 'payment_date')
  if (!date.ok) return date
  const payer = input.payer?.trim() || null
  if (payer && payer.length > CALL_LIMITS.payer) return err(DomainErrors.invalidField('payer', 'is too long'))
  const typed = input.communication?.trim() || null
  const structured = typed ? parseStructuredCommunication(typed) : null
  const scope = await scopeForRow(ctx.actor, 'Building', () =>
    ctx.repos.property.buildings.organizationOf(input.buildingId),
  )
  if (!scope.ok) return scope
  return ctx.transaction(async (repos) => {
    const building = await repos.property.buildings.findById(scope.value, input.buildingId)
    if (!building) return err(DomainErrors.notFound('Building'))
    let ownerId = input.ownerId
    let named: string | null = null
    if (structured?.ok) {
      const line = await repos.finance.calls.lineByCommunication(scope.value, building.id, structured.value)
      if (line && (ownerId === undefined || line.ownerId === ownerId)) {
        ownerId = line.ownerId
        named = structured.value
      }
    }
    if (ownerId === undefined) {
      return err(
        DomainErrors.invalidField(
          'owner_id',
          'is required when the communication names no line of this building',
        ),
      )
    }
    const owner = await repos.property.owners.findById(scope.value, ownerId)
    if (!owner) return err(DomainErrors.notFound('Owner'))
    const lines = await repos.finance.calls.ownerLines(scope.value, ownerId, building.id)
    const open = lines.map((l) => ({
      id: l.id,
      dueDate: l.dueDate,
      order: l.callNumber * 1_000_000 + l.lineNumber,
      communication: l.communication,
      outstandingCents: l.amountCents - l.paidCents,
    }))
    const chosen = input.lineIds ?? []
    const unknown = chosen.find((id) => !open.some((l) => l.id === id))
    if (unknown)
      return err(DomainErrors.invalidField('line_ids', `names a line that is not this owner's: ${unknown}`))
    const { allocations, creditCents } = allocateChosenFirst(input.amountCents, named, open, chosen)
    const namedLine = named ? lines.find((l) => l.communication === named) : undefined
    const lineById = new Map(lines.map((l) => [l.id, l]))
    const payment: OwnerPayment = {
      id: ctx.ids.next(),
      organizationId: scope.value.organizationId,
      buildingId: building.id,
      ownerId,
      amountCents: input.amountCents,
      paymentDate: date.value,
      communication: structured?.ok ? structured.value : typed,
      payer,
      account:
        input.account ??
        namedLine?.account ??
        lines.find((l) => l.id === allocations[0]?.lineId)?.account ??
        'working_capital',
      creditCents,
      recordedBy: ctx.actor.userId,
      createdAt: ctx.clock.now(),
    }
    const rows: PaymentAllocation[] = allocations.map((a) => ({
      id: ctx.ids.next(),
      organizationId: payment.organizationId,
      paymentId: payment.id,
      lineId: a.lineId,
      amountCents: a.amountCents,
    }))
    await repos.finance.calls.insertPayment(scope.value, payment, rows)
    // What settles lines of the other fund arrived on the wrong account: it is transferred.
    const otherAccount: BankAccountPurpose = payment.account === 'reserve' ? 'working_capital' : 'reserve'
    const crossCents = allocations
      .filter((a) => lineById.get(a.lineId)?.account === otherAccount)
      .reduce((sum, a) => sum + a.amountCents, 0)
    await recordEvent(ctx, repos, 'OwnerPaymentRecorded', payment, payment.id, {
      buildingId: payment.buildingId,
      ownerId,
      amountCents: payment.amountCents,
      paymentDate: payment.paymentDate,
      account: payment.account,
      creditCents,
      allocations: allocations.map((a) => ({ lineId: a.lineId, amountCents: a.amountCents })),
      ...(input.bankMovementId ? { bankMovementId: input.bankMovementId } : {}),
      transferCents: crossCents,
      transferTo: otherAccount,
    })
    return ok({
      payment,
      allocations: rows.map((r) => {
        const line = lineById.get(r.lineId)
        return {
          ...r,
          communication: line?.communication ?? '',
          account: line?.account ?? payment.account,
          callNumber: line?.callNumber ?? 0,
        }
      }),
      transfer: crossCents > 0 ? { toAccount: otherAccount, amountCents: crossCents } : null,
    })
  })
}

/** The chosen lines first (each up to what it owes, in the order given), the rest as allocatePayment does. */
function allocateChosenFirst(
  amountCents: number,
  named: string | null,
  open: readonly OpenLine[],
  chosen: readonly string[],
): AllocationResult {
  if (chosen.length === 0) return allocatePayment(amountCents, named, open)
  const first: { lineId: string; amountCents: number }[] = []
  let left = amountCents
  for (const id of chosen) {
    const line = open.find((l) => l.id === id)
    if (!line || left === 0 || line.outstandingCents <= 0) continue
    const take = Math.min(left, line.outstandingCents)
    first.push({ lineId: id, amountCents: take })
    left -= take
  }
  if (left === 0) return { allocations: first, creditCents: 0 }
  const rest = allocatePayment(
    left,
    named,
    open.filter((l) => !chosen.includes(l.id)),
  )
  return { allocations: [...first, ...rest.allocations], creditCents: rest.creditCents }
}
