/*
 * Events of bank statements and matching (ADR 0038). The money event (a matched payment undone:
 * its entry reversed) is spread into MONEY_EVENTS, the others into DOMAIN_EVENTS, one line each;
 * their audit actions likewise.
 */
export const BANK_MONEY_AUDIT_ACTIONS = ['payment.reverse', 'payment.record_batch'] as const

export const BANK_MONEY_EVENTS = {
  /** An owner payment undone (a bank movement unmatched): its entry reversed, its allocations removed. */
  OwnerPaymentReversed: ['payment.reverse', 'owner_payment'],
  /** A statement's matched transfers recorded at once: the bank debited, each owner's 410 credited. */
  BankPaymentsRecorded: ['payment.record_batch', 'bank_statement'],
} as const

export const BANK_AUDIT_ACTIONS = [
  'bank.statement_import',
  'bank.movement_match',
  'bank.movement_unmatch',
] as const

export const BANK_EVENTS = {
  BankStatementImported: ['bank.statement_import', 'bank_statement'],
  BankMovementMatched: ['bank.movement_match', 'bank_movement'],
  BankMovementUnmatched: ['bank.movement_unmatch', 'bank_movement'],
} as const

export type BankAuditEntity = 'bank_statement' | 'bank_movement'
