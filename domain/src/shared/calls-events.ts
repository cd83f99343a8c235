/*
 * Events of calls for funds and owner payments (ADR 0032), spread into DOMAIN_EVENTS with one
 * line; their audit actions are spread into AUDIT_ACTIONS the same way. The money ones are posted
 * to the ledger by their rules in ledger/postings/calls.ts.
 */
export const CALLS_EVENTS = {
  CallForFundsIssued: ['call.issue', 'call_for_funds'],
  CallLetterEmailed: ['call.letter_email', 'call_for_funds'],
  OwnerPaymentRecorded: ['payment.record', 'owner_payment'],
  BuildingBankAccountSet: ['building.bank_account_set', 'building'],
} as const

export const CALLS_AUDIT_ACTIONS = [
  'call.issue',
  'call.letter_email',
  'payment.record',
  'building.bank_account_set',
] as const
export type CallsAuditEntity = 'call_for_funds' | 'owner_payment'
