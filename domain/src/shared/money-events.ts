import { ARREARS_MONEY_AUDIT_ACTIONS, ARREARS_MONEY_EVENTS } from './arrears-events.ts'
import type { AuditEntity } from './audit.ts'
import { BANK_MONEY_AUDIT_ACTIONS, BANK_MONEY_EVENTS } from './bank-events.ts'
import { CALLS_MONEY_AUDIT_ACTIONS, CALLS_MONEY_EVENTS } from './calls-events.ts'
import { CLOSING_MONEY_AUDIT_ACTIONS, CLOSING_MONEY_EVENTS } from './closing-events.ts'

/*
 * Money events: every one of them posts an entry in the association's books in the same
 * transaction (the ledger's posting subscriber, shared/unit-of-work.ts; the rules, one file per
 * source, are in ledger/postings/). The posting rule table is typed over this list, so a money
 * event without a rule does not compile. The tuple is the audit action and entity, as in
 * DOMAIN_EVENTS (this table is spread into it).
 */
export const MONEY_AUDIT_ACTIONS = [
  'expense.approve',
  'expense.cancel',
  'expense.correct',
  'expense.mark_paid',
  ...CALLS_MONEY_AUDIT_ACTIONS,
  ...CLOSING_MONEY_AUDIT_ACTIONS,
  ...BANK_MONEY_AUDIT_ACTIONS,
  ...ARREARS_MONEY_AUDIT_ACTIONS,
] as const

export const MONEY_EVENTS = {
  /** An expense is approved (at creation for v1 clients): charge by nature / supplier. */
  ExpenseApproved: ['expense.approve', 'expense'],
  /** Paid to the supplier (v1 mark-paid): supplier / bank. */
  ExpensePaid: ['expense.mark_paid', 'expense'],
  /** An approved, unpaid expense is cancelled: its entries are reversed. */
  ExpenseCancelled: ['expense.cancel', 'expense'],
  /** An approved, unpaid expense is replaced by a corrected one: its entries are reversed. */
  ExpenseCorrected: ['expense.correct', 'expense'],
  ...CALLS_MONEY_EVENTS,
  ...CLOSING_MONEY_EVENTS,
  ...BANK_MONEY_EVENTS,
  ...ARREARS_MONEY_EVENTS,
} as const satisfies Record<string, readonly [(typeof MONEY_AUDIT_ACTIONS)[number], AuditEntity]>

export type MoneyEventType = keyof typeof MONEY_EVENTS

export function isMoneyEvent(type: string): type is MoneyEventType {
  return Object.hasOwn(MONEY_EVENTS, type)
}
