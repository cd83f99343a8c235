import type { MoneyEventType } from '../../shared/money-events.ts'
import { ARREARS_POSTINGS } from './arrears.ts'
import { BANK_POSTINGS } from './bank.ts'
import { CALLS_POSTINGS } from './calls.ts'
import { CLOSING_POSTINGS } from './closing.ts'
import { EXPENSE_POSTINGS } from './expenses.ts'
import type { PostingRules } from './posting-rule.ts'

/**
 * Every money event's posting rule, one spread per source file (calls-for-funds adds its own).
 * Typed over all money events: a new money event without a rule does not compile.
 */
export const POSTING_RULES: PostingRules<MoneyEventType> = {
  ...EXPENSE_POSTINGS,
  ...CALLS_POSTINGS,
  ...CLOSING_POSTINGS,
  ...BANK_POSTINGS,
  ...ARREARS_POSTINGS,
}

export * from './arrears.ts'
export * from './bank.ts'
export * from './calls.ts'
export * from './closing.ts'
export * from './expenses.ts'
export * from './posting-rule.ts'
