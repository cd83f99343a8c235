/*
 * Events of arrears (issue #16 item 4, ADR 0039). The money event is spread into MONEY_EVENTS
 * (its posting rule: ledger/postings/arrears.ts), the others into DOMAIN_EVENTS, one line each;
 * their audit actions likewise.
 */
export const ARREARS_MONEY_AUDIT_ACTIONS = ['reminder.charge'] as const

export const ARREARS_MONEY_EVENTS = {
  /** Late interest and/or a reminder fee charged with a reminder: owner's 410 debited, 750/740 credited. */
  ArrearsCharged: ['reminder.charge', 'reminder'],
} as const

export const ARREARS_AUDIT_ACTIONS = [
  'building.arrears_settings_update',
  'building.reminders_run',
  'reminder.issue',
  'reminder.email',
  'organization.legal_interest_rate_set',
] as const

export const ARREARS_EVENTS = {
  ArrearsSettingsUpdated: ['building.arrears_settings_update', 'building'],
  RemindersRun: ['building.reminders_run', 'building'],
  ReminderIssued: ['reminder.issue', 'reminder'],
  ReminderEmailed: ['reminder.email', 'reminder'],
  LegalInterestRateSet: ['organization.legal_interest_rate_set', 'organization'],
} as const

export type ArrearsAuditEntity = 'reminder'
