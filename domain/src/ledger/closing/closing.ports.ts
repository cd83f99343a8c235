import type { Owner, OwnerLanguage, TenantScope } from '../../property/index.ts'
import type { ClosedYears } from '../ledger-postings.ts'
import type { AccountTotals } from '../trial-balance.ts'
import type { AnnualAccounts } from './annual-accounts.ts'
import type { KeyCharge, ProvisionCalled, YearExpense } from './year-statement.ts'

/** A closed fiscal year of a building (ADR 0040): one row, never reopened. */
export type FiscalYearClosing = {
  readonly id: string
  readonly organizationId: string
  readonly buildingId: string
  readonly fiscalYear: number
  /** First and last day of the closed year. */
  readonly periodFrom: string
  readonly periodTo: string
  /** Where the regularisations were posted: the first day of the next fiscal year. */
  readonly regularisationDate: string
  readonly ordinaryChargesCents: number
  readonly extraordinaryChargesCents: number
  readonly provisionsCents: number
  readonly undistributedCents: number
  readonly regularisationNetCents: number
  /** The annual accounts computed at the close, kept as they were (the year is frozen). */
  readonly accounts: AnnualAccounts
  readonly closedBy: string | null
  readonly closedAt: Date
}

/** One owner's statement of a closed year, as stored at the close. */
export type OwnerStatement = {
  readonly id: string
  readonly organizationId: string
  readonly closingId: string
  readonly buildingId: string
  readonly fiscalYear: number
  readonly ownerId: string
  readonly chargesByKey: readonly KeyCharge[]
  readonly chargesCents: number
  readonly provisionsCents: number
  readonly regularisationCents: number
  readonly extraordinaryCents: number
  /** The statement PDF (a document addressed to the owner), once rendered. */
  readonly documentId: string | null
  readonly delivery: 'email' | 'post'
  readonly emailedAt: Date | null
}

/** A statement with the owner's name and language (for lists, letters and the postal list). */
export type OwnerStatementView = OwnerStatement & {
  readonly ownerName: string
  readonly language: OwnerLanguage
}

/** An account auditor (art. 3.91) granted one building by its syndic: read only. */
export type AuditorGrant = {
  readonly id: string
  readonly organizationId: string
  readonly buildingId: string
  readonly userId: string
  readonly grantedBy: string | null
  readonly createdAt: Date
}
export type AuditorGrantView = AuditorGrant & { readonly email: string; readonly name: string }

/** The year-end close's store and the reads it needs (one adapter, SQL aggregates). */
export interface ClosingRepository extends ClosedYears {
  findClosing(scope: TenantScope, buildingId: string, fiscalYear: number): Promise<FiscalYearClosing | null>
  findClosingById(scope: TenantScope, id: string): Promise<FiscalYearClosing | null>
  listClosings(scope: TenantScope, buildingId: string): Promise<readonly FiscalYearClosing[]>
  /**
   * Expenses dated in [from, to] that are charges of that year in the books, with their frozen
   * distributions and keys: approved and paid ones, and those cancelled after the year's end
   * (their reversal is dated in a later year).
   */
  yearExpenses(
    scope: TenantScope,
    buildingId: string,
    from: string,
    to: string,
  ): Promise<readonly YearExpense[]>
  /**
   * Expenses of an earlier year cancelled (or corrected) with a reversal dated in [from, to]: the
   * earlier year kept them as charges (its books hold the charge, the reversal is this year's),
   * so this year gives them back (ADR 0042). `date` is the reversal's; amount and parts are the
   * expense's own, frozen split included — `reversalOf` turns them into the negative charge.
   */
  reversedInYear(
    scope: TenantScope,
    buildingId: string,
    from: string,
    to: string,
  ): Promise<readonly YearExpense[]>
  /** Lines of the provision calls issued in [from, to]. */
  provisionsCalled(
    scope: TenantScope,
    buildingId: string,
    from: string,
    to: string,
  ): Promise<readonly ProvisionCalled[]>
  /** The approved budget's amounts per category, or null. */
  approvedBudgetByCategory(
    scope: TenantScope,
    buildingId: string,
    fiscalYear: number,
  ): Promise<readonly { readonly category: string; readonly amountCents: number }[] | null>
  /** Per-account totals of every fiscal year up to and including `fiscalYear`. */
  totalsThrough(scope: TenantScope, buildingId: string, fiscalYear: number): Promise<readonly AccountTotals[]>
  /** Stores the closing and its statements (the unique (building, year) index refuses a second). */
  insertClosing(
    scope: TenantScope,
    closing: FiscalYearClosing,
    statements: readonly OwnerStatement[],
  ): Promise<void>
  listStatements(scope: TenantScope, closingId: string): Promise<readonly OwnerStatementView[]>
  /** Records the statement's PDF; false when it already had one (a retried job). */
  setStatementDocument(scope: TenantScope, statementId: string, documentId: string): Promise<boolean>
  /**
   * Grants the building to a user of the tenant whose role is auditor: 'already' when they had it,
   * 'not_an_auditor' when no such user exists in the tenant (another tenant's is the same).
   */
  grantAuditor(scope: TenantScope, grant: AuditorGrant): Promise<'granted' | 'already' | 'not_an_auditor'>
  /** Withdraws the grant: false when this user had no grant on this building in the tenant. */
  revokeAuditor(scope: TenantScope, buildingId: string, userId: string): Promise<boolean>
  /** The building's auditors, with their user's name and e-mail. */
  listAuditors(scope: TenantScope, buildingId: string): Promise<readonly AuditorGrantView[]>
  /** These owners' records (name, language, contact, consent) in one query. */
  ownersByIds(scope: TenantScope, ownerIds: readonly string[]): Promise<readonly Owner[]>
  /** Marks the statement e-mailed once; false when it already was. */
  markStatementEmailed(scope: TenantScope, statementId: string, at: Date): Promise<boolean>
}

export type ClosingPorts = { readonly closing: ClosingRepository }
