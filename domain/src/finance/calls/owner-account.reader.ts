import type { CalendarDate, TenantScope } from '../../property/index.ts'
import type { CallLineWithPaid } from '../calls.ports.ts'
import type { OwnerPayment } from './call-for-funds.entity.ts'

/**
 * Read model of GET /owners/{id}/account (ADR 0048): the store sums the owner's history and
 * returns one page of it, so a request reads index ranges, never the whole history.
 */

/** One movement of the owner's account in one building, as a statement lists it. */
export const ACCOUNT_ENTRY_KINDS = ['call', 'payment', 'charges', 'regularisation'] as const
export type AccountEntryKind = (typeof ACCOUNT_ENTRY_KINDS)[number]

export type AccountEntry = {
  readonly kind: AccountEntryKind
  /** The call line, payment, reminder or owner statement it comes from. */
  readonly id: string
  /** A call line: its due date; a payment: its date; charges: the reminder's; a regularisation: its posting. */
  readonly date: CalendarDate
  /** Signed: positive = owed by the owner (a call, charges, a regularisation to pay), negative = paid or refunded. */
  readonly amountCents: number
  /** The balance once this entry and every older one are counted (positive = owed). */
  readonly balanceCents: number
  /** A call's label; null otherwise. */
  readonly label: string | null
  /** The structured communication of a call line, or the one a payment carried. */
  readonly communication: string | null
  /** A regularisation's fiscal year; null otherwise. */
  readonly fiscalYear: number | null
}

/** Sums over the owner's whole history in one building, computed by the store. */
export type OwnerAccountTotals = {
  /** Σ and count of every call line (regularisation due items included, as `lines` lists them). */
  readonly linesCents: number
  readonly lines: number
  /** Σ of the lines of regularisation calls: counted once, as regularisations, in the balance. */
  readonly regularisationLinesCents: number
  readonly regularisationLines: number
  /** Σ and count of payments, and Σ of what no line absorbed (the owner's credit). */
  readonly paidCents: number
  readonly payments: number
  readonly creditCents: number
  /** Late interest and reminder fees charged, and how many reminders charged some (ADR 0039). */
  readonly chargesCents: number
  readonly chargeEntries: number
  /** Closed years' statements of the owner (each a regularisation entry). */
  readonly statements: number
  /** Lines still to pay: how many, Σ still owed on those due by `today`, the earliest due date. */
  readonly openLines: number
  readonly openDueCents: number
  readonly nextOpenDueDate: CalendarDate | null
}

export type AccountPageRequest = { readonly page: number; readonly perPage: number }

export type OwnerAccountPage = {
  /** Newest first; each with the running balance. */
  readonly entries: readonly AccountEntry[]
  /** Call lines, newest due date first. */
  readonly lines: readonly CallLineWithPaid[]
  /** Payments, newest first. */
  readonly payments: readonly OwnerPayment[]
}

export interface OwnerAccountReader {
  /** The buildings where the owner has call lines, payments, charges or a regularisation. */
  buildings(scope: TenantScope, ownerId: string, buildingId?: string): Promise<readonly string[]>
  totals(
    scope: TenantScope,
    ownerId: string,
    buildingId: string,
    today: CalendarDate,
  ): Promise<OwnerAccountTotals>
  /**
   * One page of entries, lines and payments. `balanceCents` is the whole account's balance: the
   * running balance of the newest entry, from which the store counts back.
   */
  page(
    scope: TenantScope,
    ownerId: string,
    buildingId: string,
    page: AccountPageRequest,
    balanceCents: number,
  ): Promise<OwnerAccountPage>
  /** The lines still to pay, earliest due first, at most `limit`. */
  openLines(
    scope: TenantScope,
    ownerId: string,
    buildingId: string,
    limit: number,
  ): Promise<readonly CallLineWithPaid[]>
}
