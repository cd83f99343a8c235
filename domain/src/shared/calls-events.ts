/*
 * Events of calls for funds and owner payments (ADR 0032). The two money events are spread into
 * MONEY_EVENTS (so the ledger posts them: ledger/postings/calls.ts) and the others into
 * DOMAIN_EVENTS, each with one line; their audit actions likewise.
 */
export const CALLS_MONEY_AUDIT_ACTIONS = ['call.issue', 'payment.record'] as const

export const CALLS_MONEY_EVENTS = {
  /** A call is issued: each owner's 410 sub-account debited, calls income (700/701/702) credited. */
  CallForFundsIssued: ['call.issue', 'call_for_funds'],
  /** An owner paid: the bank (550/551) debited, the owner's 410 sub-account credited. */
  OwnerPaymentRecorded: ['payment.record', 'owner_payment'],
} as const

export const CALLS_AUDIT_ACTIONS = ['call.letter_email', 'building.bank_account_set'] as const

export const CALLS_EVENTS = {
  CallLetterEmailed: ['call.letter_email', 'call_for_funds'],
  BuildingBankAccountSet: ['building.bank_account_set', 'building'],
} as const

export type CallsAuditEntity = 'call_for_funds' | 'owner_payment'
