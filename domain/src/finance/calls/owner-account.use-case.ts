import { auditorSeesOwner, readAccessOf, readScopeFor } from '../../access/index.ts'
import type { UseCaseCall } from '../../context.ts'
import { type CalendarDate, todayOf } from '../../property/index.ts'
import { DomainErrors } from '../../shared/domain-error.ts'
import type { Iban } from '../../shared/iban.value-object.ts'
import { err, ok, type Result } from '../../shared/result.ts'
import { addDays } from '../arrears/calendar-days.ts'
import type { CallLineWithPaid, OwnerRegularisation } from '../calls.ports.ts'
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

/**
 * A closed year's regularisation on the owner's account (ADR 0040). Since issue #16 item 4 the
 * close makes a regularisation to pay a due item (a call line of kind regularisation, `lineId`):
 * its due date and what is still owed are the line's, and payments are allocated to it. An older
 * close's has no line: payments settle it through the owner's credit (unallocated payments),
 * after arrears charges.
 */
export type AccountRegularisation = OwnerRegularisation & {
  /** When a regularisation to pay is due: its date + REGULARISATION_TERM_DAYS (a refund: its date). */
  readonly dueDate: CalendarDate
  /** What is still to pay on it once the owner's credit is applied (0 for a refund). */
  readonly outstandingCents: number
  readonly overdue: boolean
}

/**
 * A regularisation without a due item (closed before issue #16 item 4) is given the usual term of
 * a call letter (30 days) after its date before it counts as due. A due item's term is the
 * building's arrears setting `regularisation_term_days` (regularisation-call.ts).
 */
export const REGULARISATION_TERM_DAYS = 30

export type OwnerBuildingAccount = {
  readonly buildingId: string
  /**
   * Σ calls + Σ arrears charges + Σ regularisations − Σ payments: positive = owed by the owner,
   * negative = a credit.
   */
  readonly balanceCents: number
  /** The same read from the books (the owner's 410 sub-account): always equal to balanceCents. */
  readonly ledgerBalanceCents: number
  readonly calledCents: number
  /** Late interest and reminder fees charged with reminders (ADR 0039). */
  readonly chargesCents: number
  readonly paidCents: number
  /** Σ regularisations of closed years (positive = to pay, negative = refunded). */
  readonly regularisationCents: number
  /** What is due now (due date passed or today) and later. */
  readonly dueNowCents: number
  readonly nextDueDate: CalendarDate | null
  readonly lines: readonly AccountLine[]
  readonly payments: readonly OwnerPayment[]
  /** One line per closed fiscal year (ADR 0040), by date. */
  readonly regularisations: readonly AccountRegularisation[]
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
  // An auditor: an owner of an audited building, and only that building's part of the account.
  if (
    access.kind === 'auditor' &&
    (!(await auditorSeesOwner(ctx.repos, scope, ctx.actor, ownerId)) ||
      (buildingId !== undefined && !access.buildingIds.includes(buildingId)))
  )
    return err(DomainErrors.notFound('Owner'))
  const today = todayOf(ctx.clock)
  const [lines, payments, charges, regularisations] = await Promise.all([
    ctx.repos.finance.calls.ownerLines(scope, ownerId, buildingId),
    ctx.repos.finance.calls.listPayments(scope, { ownerId, ...(buildingId ? { buildingId } : {}) }),
    ctx.repos.finance.arrears.ownerCharges(scope, ownerId, buildingId),
    ctx.repos.finance.calls.ownerRegularisations(scope, ownerId, buildingId),
  ])
  const buildingIds = [
    ...new Set([
      ...lines.map((l) => l.buildingId),
      ...payments.map((p) => p.buildingId),
      ...charges.map((c) => c.buildingId),
      ...regularisations.map((r) => r.buildingId),
    ]),
  ].filter((b) => access.kind !== 'auditor' || access.buildingIds.includes(b))
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
      // A regularisation's due item (kind regularisation) is counted once, as a regularisation.
      const calledCents = own
        .filter((l) => l.kind !== 'regularisation')
        .reduce((s, l) => s + l.amountCents, 0)
      const lineById = new Map(own.map((l) => [l.id, l]))
      const chargesCents = charges.filter((c) => c.buildingId === b).reduce((s, c) => s + c.cents, 0)
      const paidCents = paid.reduce((s, p) => s + p.amountCents, 0)
      const open = own.filter((l) => l.outstandingCents > 0)
      const credit = paid.reduce((s, p) => s + p.creditCents, 0)
      const regs = regularisations.filter((r) => r.buildingId === b)
      const regularisationCents = regs.reduce((s, r) => s + r.amountCents, 0)
      // The owner's free money: unallocated payments and refunds. It pays charges first (as
      // before), then the regularisations to pay, oldest first.
      const pool = credit + regs.reduce((s, r) => s + Math.max(0, -r.amountCents), 0)
      let left = Math.max(0, pool - chargesCents)
      const accountRegs = regs.map((r): AccountRegularisation => {
        // A due item takes payments by allocation (ADR 0032), like any call line.
        const line = r.lineId ? lineById.get(r.lineId) : undefined
        if (line) {
          const outstandingCents = line.amountCents - line.paidCents
          return {
            ...r,
            dueDate: line.dueDate,
            outstandingCents,
            overdue: outstandingCents > 0 && line.dueDate < today,
          }
        }
        const toPay = Math.max(0, r.amountCents)
        const covered = Math.min(left, toPay)
        left -= covered
        const outstandingCents = toPay - covered
        const dueDate = toPay > 0 ? addDays(r.date, REGULARISATION_TERM_DAYS) : r.date
        return { ...r, dueDate, outstandingCents, overdue: outstandingCents > 0 && dueDate < today }
      })
      return {
        buildingId: b,
        balanceCents: calledCents + chargesCents + regularisationCents - paidCents,
        ledgerBalanceCents: ledger.get(b) ?? 0,
        calledCents,
        chargesCents,
        paidCents,
        regularisationCents,
        dueNowCents: Math.max(
          0,
          // Charges are due at once; a credit left by payments (or a refund) pays them first.
          open.filter((l) => l.dueDate <= today).reduce((s, l) => s + l.outstandingCents, 0) +
            chargesCents +
            regs
              .filter(
                (r) =>
                  r.amountCents > 0 &&
                  !(r.lineId && lineById.has(r.lineId)) &&
                  addDays(r.date, REGULARISATION_TERM_DAYS) <= today,
              )
              .reduce((s, r) => s + r.amountCents, 0) -
            pool,
        ),
        nextDueDate:
          [
            ...open.map((l) => l.dueDate),
            ...accountRegs
              .filter((r) => r.outstandingCents > 0 && !(r.lineId && lineById.has(r.lineId)))
              .map((r) => r.dueDate),
          ].sort()[0] ?? null,
        lines: own,
        payments: paid,
        regularisations: accountRegs,
      }
    }),
  })
}
