import type { CalendarDate, Owner, TenantScope, UnitRepresentation } from '../property/index.ts'
import type {
  BankAccountPurpose,
  BuildingBankAccount,
  CallForFunds,
  CallKind,
  CallLine,
  OwnerPayment,
  PaymentAllocation,
} from './calls/call-for-funds.entity.ts'

/** A line with what owners already paid on it (allocations). */
export type CallLineWithPaid = CallLine & {
  readonly paidCents: number
  readonly kind: CallKind
  readonly callNumber: number
  readonly label: string
  readonly account: BankAccountPurpose
  readonly iban: string
  readonly bic: string | null
  readonly holderName: string
}

/**
 * One owner's regularisation of a closed fiscal year (ADR 0040), as stored at the close: posted on
 * their 410 sub-account at the regularisation date, so the owner account lists it as a line.
 */
export type OwnerRegularisation = {
  readonly buildingId: string
  readonly fiscalYear: number
  /** Charges − provisions: positive = the owner pays more, negative = refunded to them. */
  readonly amountCents: number
  /** The first day of the next fiscal year, where it was posted. */
  readonly date: CalendarDate
  /** The statement PDF of that year, once rendered. */
  readonly documentId: string | null
  /**
   * The call line that makes a regularisation to pay a due item (closes since issue #16 item 4:
   * chased, interest-bearing, paid by allocation); null for a refund or an older close.
   */
  readonly lineId: string | null
  /** That due item's due date and what it still owes (null without a due item). */
  readonly lineDueDate: CalendarDate | null
  readonly lineOutstandingCents: number | null
}

/** Calls for funds, payments and bank accounts of buildings (ADR 0032). */
export interface CallsRepository {
  listBankAccounts(scope: TenantScope, buildingId: string): Promise<readonly BuildingBankAccount[]>
  /** Inserts or replaces the building's account of that purpose. */
  saveBankAccount(scope: TenantScope, account: BuildingBankAccount): Promise<BuildingBankAccount>
  /** The next call number of the building (1 for the first); the unique index refuses a race. */
  nextCallNumber(scope: TenantScope, buildingId: string): Promise<number>
  insertCall(scope: TenantScope, call: CallForFunds, lines: readonly CallLine[]): Promise<void>
  findCall(scope: TenantScope, id: string): Promise<CallForFunds | null>
  organizationOfCall(id: string): Promise<string | null>
  listCalls(scope: TenantScope, buildingId: string): Promise<readonly CallForFunds[]>
  /** The lines of a call, with what was paid on each, by line number. */
  listLines(scope: TenantScope, callId: string): Promise<readonly CallLineWithPaid[]>
  /** Every line of an owner (in one building, or all), with what was paid, by due date. */
  ownerLines(scope: TenantScope, ownerId: string, buildingId?: string): Promise<readonly CallLineWithPaid[]>
  /** The owner's regularisations of closed years (in one building, or all), by date. */
  ownerRegularisations(
    scope: TenantScope,
    ownerId: string,
    buildingId?: string,
  ): Promise<readonly OwnerRegularisation[]>
  /** Records the letter of a line; false when it already had one (a retried job). */
  setLineDocument(scope: TenantScope, lineId: string, documentId: string): Promise<boolean>
  /** Marks the line e-mailed once; false when it already was (no duplicate on retry). */
  markLineEmailed(scope: TenantScope, lineId: string, at: Date): Promise<boolean>
  /** Every line of the building, with what was paid, by due date (a bank import's one read). */
  buildingLines(scope: TenantScope, buildingId: string): Promise<readonly CallLineWithPaid[]>
  /** The line of the building carrying this communication, if any. */
  lineByCommunication(scope: TenantScope, buildingId: string, communication: string): Promise<CallLine | null>
  insertPayment(
    scope: TenantScope,
    payment: OwnerPayment,
    allocations: readonly PaymentAllocation[],
  ): Promise<void>
  /** Many payments at once (a bank import), in a few statements. */
  insertPayments(
    scope: TenantScope,
    payments: readonly OwnerPayment[],
    allocations: readonly PaymentAllocation[],
  ): Promise<void>
  /** One payment, or null when missing or of another tenant. */
  findPayment(scope: TenantScope, id: string): Promise<OwnerPayment | null>
  /** Removes a payment and its allocations (a reversed payment: its entries stay in the books). */
  deletePayment(scope: TenantScope, id: string): Promise<boolean>
  listPayments(
    scope: TenantScope,
    filter: { readonly buildingId?: string; readonly ownerId?: string },
  ): Promise<readonly OwnerPayment[]>
  /** These owners' records (contact, language, consent) in one query. */
  ownersByIds(scope: TenantScope, ownerIds: readonly string[]): Promise<readonly Owner[]>
  /** Every "who votes / receives calls" designation of the building's lots (one query). */
  representations(scope: TenantScope, buildingId: string): Promise<readonly UnitRepresentation[]>
}

export type { BankAccountPurpose, CalendarDate }

/**
 * The ledger's owner sub-account balance (410 lines with ownerId), typed here structurally so
 * finance does not import the ledger (which imports finance): the owner account shows it beside
 * its own sum, and they are equal by construction (ledger/postings/calls.ts).
 */
export type OwnerLedgerBalance = {
  ownerBalance(scope: TenantScope, buildingId: string, ownerId: string): Promise<number>
  /** The building's fiscal-year start month (a call's period dates); absent = January. */
  fiscalYearStartMonth?(scope: TenantScope, buildingId: string): Promise<number>
}
