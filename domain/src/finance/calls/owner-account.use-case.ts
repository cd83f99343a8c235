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
import type { AccountEntry, AccountPageRequest } from './owner-account.reader.ts'
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
  /** The requested page of entries, lines and payments (ADR 0048), newest first. */
  readonly page: AccountPageRequest
  readonly entries: readonly AccountEntry[]
  readonly entriesTotal: number
  readonly lines: readonly AccountLine[]
  readonly linesTotal: number
  readonly payments: readonly OwnerPayment[]
  readonly paymentsTotal: number
  /** What is still to pay, earliest due first (at most OPEN_LINES_MAX), with how to pay it. */
  readonly openLines: readonly AccountLine[]
  readonly openLinesTotal: number
  /** One line per closed fiscal year (ADR 0040), by date. */
  readonly regularisations: readonly AccountRegularisation[]
}

export type OwnerAccount = { readonly ownerId: string; readonly buildings: readonly OwnerBuildingAccount[] }

/** Page size when none is asked for, and the largest one served (ADR 0048). */
export const ACCOUNT_PAGE_DEFAULT = 50
export const ACCOUNT_PAGE_MAX = 500
/** The open lines returned with every page: an owner's unpaid calls, oldest first. */
export const OPEN_LINES_MAX = 100

const withDue = (l: CallLineWithPaid, today: CalendarDate): AccountLine => {
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
}

/**
 * GET /owners/{id}/account: the owner's account per building — the totals of the whole history
 * (summed by the store), one page of its entries with their running balance, of its call lines
 * and of its payments (newest first), the lines still to pay, the balance. Organization readers
 * see any owner of their tenant; an owner-role user only their own record (anyone else's is a 404).
 */
export async function getOwnerAccount({
  ctx,
  input: { ownerId, buildingId, page = { page: 1, perPage: ACCOUNT_PAGE_DEFAULT } },
}: UseCaseCall<
  FinanceContext,
  {
    readonly ownerId: string
    readonly buildingId?: string | undefined
    readonly page?: AccountPageRequest | undefined
  }
>): Promise<Result<OwnerAccount>> {
  const access = readAccessOf(ctx)
  // 'me': the owner record linked to the calling user (the owner portal).
  if (ownerId === 'me') {
    if (access.kind !== 'owner') return err(DomainErrors.notFound('Owner'))
    const mine = await ctx.repos.property.owners.findByUserId(access.scope, access.userId)
    if (!mine) return err(DomainErrors.notFound('Owner'))
    return getOwnerAccount({ ctx, input: { ownerId: mine.id, buildingId, page } })
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
  const reader = ctx.repos.finance.ownerAccount
  const buildingIds = (await reader.buildings(scope, ownerId, buildingId)).filter(
    (b) => access.kind !== 'auditor' || access.buildingIds.includes(b),
  )
  const buildings = await Promise.all(
    buildingIds.map(async (b): Promise<OwnerBuildingAccount> => {
      const [totals, regs, ledgerBalanceCents] = await Promise.all([
        reader.totals(scope, ownerId, b, today),
        ctx.repos.finance.calls.ownerRegularisations(scope, ownerId, b),
        ctx.repos.ledger.entries.ownerBalance(scope, b, ownerId),
      ])
      // A regularisation's due item (kind regularisation) is counted once, as a regularisation.
      const calledCents = totals.linesCents - totals.regularisationLinesCents
      const regularisationCents = regs.reduce((s, r) => s + r.amountCents, 0)
      const balanceCents = calledCents + totals.chargesCents + regularisationCents - totals.paidCents
      const [pageRead, open] = await Promise.all([
        reader.page(scope, ownerId, b, page, balanceCents),
        reader.openLines(scope, ownerId, b, OPEN_LINES_MAX),
      ])
      // The owner's free money: unallocated payments and refunds. It pays charges first (as
      // before), then the regularisations to pay without a due item, oldest first.
      const pool = totals.creditCents + regs.reduce((s, r) => s + Math.max(0, -r.amountCents), 0)
      let left = Math.max(0, pool - totals.chargesCents)
      const accountRegs = regs.map((r): AccountRegularisation => {
        // A due item takes payments by allocation (ADR 0032), like any call line.
        if (r.lineId && r.lineDueDate !== null && r.lineOutstandingCents !== null) {
          const outstandingCents = r.lineOutstandingCents
          return {
            ...r,
            dueDate: r.lineDueDate,
            outstandingCents,
            overdue: outstandingCents > 0 && r.lineDueDate < today,
          }
        }
        const toPay = Math.max(0, r.amountCents)
        const covered = Math.min(left, toPay)
        left -= covered
        const outstandingCents = toPay - covered
        const dueDate = toPay > 0 ? addDays(r.date, REGULARISATION_TERM_DAYS) : r.date
        return { ...r, dueDate, outstandingCents, overdue: outstandingCents > 0 && dueDate < today }
      })
      const withoutItem = (r: AccountRegularisation) => !r.lineId
      return {
        buildingId: b,
        balanceCents,
        ledgerBalanceCents,
        calledCents,
        chargesCents: totals.chargesCents,
        paidCents: totals.paidCents,
        regularisationCents,
        dueNowCents: Math.max(
          0,
          // Charges are due at once; a credit left by payments (or a refund) pays them first.
          totals.openDueCents +
            totals.chargesCents +
            accountRegs
              .filter(
                (r) =>
                  r.amountCents > 0 && withoutItem(r) && addDays(r.date, REGULARISATION_TERM_DAYS) <= today,
              )
              .reduce((s, r) => s + r.amountCents, 0) -
            pool,
        ),
        nextDueDate:
          [
            ...(totals.nextOpenDueDate ? [totals.nextOpenDueDate] : []),
            ...accountRegs.filter((r) => r.outstandingCents > 0 && withoutItem(r)).map((r) => r.dueDate),
          ].sort()[0] ?? null,
        page,
        entries: pageRead.entries,
        // A regularisation's due item is listed once, as its regularisation (as in the balance).
        entriesTotal:
          totals.lines -
          totals.regularisationLines +
          totals.payments +
          totals.chargeEntries +
          totals.statements,
        lines: pageRead.lines.map((l) => withDue(l, today)),
        linesTotal: totals.lines,
        payments: pageRead.payments,
        paymentsTotal: totals.payments,
        openLines: open.map((l) => withDue(l, today)),
        openLinesTotal: totals.openLines,
        regularisations: accountRegs,
      }
    }),
  )
  return ok({ ownerId, buildings })
}
