import { readAccessOf, readScopeFor } from '../../access/index.ts'
import type { UseCaseCall } from '../../context.ts'
import { type CalendarDate, todayOf } from '../../property/index.ts'
import { DomainErrors } from '../../shared/domain-error.ts'
import type { Iban } from '../../shared/iban.value-object.ts'
import { err, ok, type Result } from '../../shared/result.ts'
import type { CallLineWithPaid } from '../calls.ports.ts'
import type { FinanceContext } from '../finance.ports.ts'
import type { OwnerPayment } from './call-for-funds.entity.ts'
import { epcQrPayload } from './epc-qr.ts'
import type { StructuredCommunication } from './structured-communication.ts'

export type AccountLine = CallLineWithPaid & {
  readonly outstandingCents: number
  readonly overdue: boolean
  /** The EPC QR payload of what is still due (null when nothing is). */
  readonly epcPayload: string | null
}

export type OwnerBuildingAccount = {
  readonly buildingId: string
  /** Σ calls + Σ arrears charges − Σ payments: positive = owed by the owner, negative = a credit. */
  readonly balanceCents: number
  /** The same read from the books (the owner's 410 sub-account): always equal to balanceCents. */
  readonly ledgerBalanceCents: number
  readonly calledCents: number
  /** Late interest and reminder fees charged with reminders (ADR 0039). */
  readonly chargesCents: number
  readonly paidCents: number
  /** What is due now (due date passed or today) and later. */
  readonly dueNowCents: number
  readonly nextDueDate: CalendarDate | null
  readonly lines: readonly AccountLine[]
  readonly payments: readonly OwnerPayment[]
}

export type OwnerAccount = { readonly ownerId: string; readonly buildings: readonly OwnerBuildingAccount[] }

/**
 * GET /owners/{id}/account: the owner's account per building — every call line (what was
 * called, paid, still due, when), every payment, the balance. Organization readers see any
 * owner of their tenant; an owner-role user only their own record (anyone else's is a 404).
 */
export async function getOwnerAccount({
  ctx,
  input: { ownerId, buildingId },
}: UseCaseCall<
  FinanceContext,
  { readonly ownerId: string; readonly buildingId?: string | undefined }
>): Promise<Result<OwnerAccount>> {
  const access = readAccessOf(ctx)
  // 'me': the owner record linked to the calling user (the owner portal).
  if (ownerId === 'me') {
    if (access.kind !== 'owner') return err(DomainErrors.notFound('Owner'))
    const mine = await ctx.repos.property.owners.findByUserId(access.scope, access.userId)
    if (!mine) return err(DomainErrors.notFound('Owner'))
    return getOwnerAccount({ ctx, input: { ownerId: mine.id, buildingId } })
  }
  const scope = await readScopeFor(access, (id) => ctx.repos.property.owners.organizationOf(id), ownerId)
  if (!scope) return err(DomainErrors.notFound('Owner'))
  const owner = await ctx.repos.property.owners.findById(scope, ownerId)
  if (!owner || (access.kind === 'owner' && owner.userId !== access.userId))
    return err(DomainErrors.notFound('Owner'))
  const today = todayOf(ctx.clock)
  const [lines, payments, charges] = await Promise.all([
    ctx.repos.finance.calls.ownerLines(scope, ownerId, buildingId),
    ctx.repos.finance.calls.listPayments(scope, { ownerId, ...(buildingId ? { buildingId } : {}) }),
    ctx.repos.finance.arrears.ownerCharges(scope, ownerId, buildingId),
  ])
  const buildingIds = [
    ...new Set([
      ...lines.map((l) => l.buildingId),
      ...payments.map((p) => p.buildingId),
      ...charges.map((c) => c.buildingId),
    ]),
  ]
  const ledger = new Map(
    await Promise.all(
      buildingIds.map(
        async (b) => [b, await ctx.repos.ledger.entries.ownerBalance(scope, b, ownerId)] as const,
      ),
    ),
  )
  return ok({
    ownerId,
    buildings: buildingIds.map((b) => {
      const own = lines
        .filter((l) => l.buildingId === b)
        .map((l): AccountLine => {
          const outstandingCents = l.amountCents - l.paidCents
          return {
            ...l,
            outstandingCents,
            overdue: outstandingCents > 0 && l.dueDate < today,
            epcPayload:
              outstandingCents > 0
                ? epcQrPayload({
                    bic: l.bic,
                    beneficiaryName: l.holderName,
                    iban: l.iban as Iban,
                    amountCents: outstandingCents,
                    reference: l.communication as StructuredCommunication,
                  })
                : null,
          }
        })
      const paid = payments.filter((p) => p.buildingId === b)
      const calledCents = own.reduce((s, l) => s + l.amountCents, 0)
      const chargesCents = charges.filter((c) => c.buildingId === b).reduce((s, c) => s + c.cents, 0)
      const paidCents = paid.reduce((s, p) => s + p.amountCents, 0)
      const open = own.filter((l) => l.outstandingCents > 0)
      const credit = paid.reduce((s, p) => s + p.creditCents, 0)
      return {
        buildingId: b,
        balanceCents: calledCents + chargesCents - paidCents,
        ledgerBalanceCents: ledger.get(b) ?? 0,
        calledCents,
        chargesCents,
        paidCents,
        dueNowCents: Math.max(
          0,
          // Charges are due at once; a credit left by payments pays them first.
          open.filter((l) => l.dueDate <= today).reduce((s, l) => s + l.outstandingCents, 0) +
            chargesCents -
            credit,
        ),
        nextDueDate: open.map((l) => l.dueDate).sort()[0] ?? null,
        lines: own,
        payments: paid,
      }
    }),
  })
}
