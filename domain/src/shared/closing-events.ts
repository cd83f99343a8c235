/*
 * Events of the year-end close (ADR 0040). `FiscalYearClosed` is a money event (spread into
 * MONEY_EVENTS with one line): its posting rule (ledger/postings/closing.ts) books each owner's
 * regularisation on their 410 sub-account in the first days of the next fiscal year, against 140
 * (result carried forward). Its audit action is spread into MONEY_AUDIT_ACTIONS likewise.
 */
export const CLOSING_MONEY_AUDIT_ACTIONS = ['fiscal_year.close'] as const

export const CLOSING_MONEY_EVENTS = {
  /** A building's fiscal year is closed: regularisations posted in the next year (410 / 140). */
  FiscalYearClosed: ['fiscal_year.close', 'fiscal_year_closing'],
} as const

export type ClosingAuditEntity = 'fiscal_year_closing'

export const CLOSING_AUDIT_ACTIONS = [
  'fiscal_year.statement_email',
  'building.auditor_grant',
  'building.auditor_revoke',
] as const

export const CLOSING_EVENTS = {
  /** An owner's statement was e-mailed (once; the job marks it). */
  OwnerStatementEmailed: ['fiscal_year.statement_email', 'fiscal_year_closing'],
  /** A syndic granted an account auditor (art. 3.91) read access to a building's books. */
  BuildingAuditorGranted: ['building.auditor_grant', 'building'],
  /** The syndic withdrew that grant: the auditor's next request no longer reads the building. */
  BuildingAuditorRevoked: ['building.auditor_revoke', 'building'],
} as const
