import type { ExpenseCategory } from '../../finance/index.ts'
import { ACCOUNT, type AccountCode } from '../accounts.ts'
import type { EntryLine } from '../entry.ts'
import { detail, optionalDetail, type PostingRules } from './posting-rule.ts'

/*
 * The expense postings (ADR 0031). An association of co-owners is not a VAT taxpayer for its
 * common charges, so the charge is booked VAT included.
 *  - ExpenseApproved: debit the charge by nature (class 6), credit the supplier (440). A credit note
 *    (negative amount) swaps the sides.
 *  - ExpensePaid (to the supplier): debit the supplier (440), credit the working-capital bank
 *    account (550); a credit note refunded swaps the sides.
 *  - ExpenseCancelled / ExpenseCorrected: reverse the expense's entries (the originals stay).
 * Owners' receivables (410) are not touched here: an owner owes what the calls for funds and the
 * yearly statement charge them, and pays it by an owner payment (calls-for-funds' postings).
 */

/** The charge account by nature for each expense category (group 61 subdivisions, accounts.ts). */
export const CHARGE_ACCOUNT_OF: { readonly [C in ExpenseCategory]: AccountCode } = {
  Maintenance: '610',
  Repairs: '611',
  Utilities: '612',
  Administration: '613',
  Insurance: '614',
  Cleaning: '615',
  Works: '616',
  Other: '619',
}

export const EXPENSE_SOURCE = 'expense'

/** Debit `debit`, credit `credit` for |amount|; a negative amount swaps the sides. */
function pair(debit: EntryLine, credit: EntryLine, amountCents: number): readonly EntryLine[] {
  const abs = Math.abs(amountCents)
  const [d, c] = amountCents >= 0 ? [debit, credit] : [credit, debit]
  return [
    { ...d, debitCents: abs, creditCents: 0 },
    { ...c, debitCents: 0, creditCents: abs },
  ]
}

export const EXPENSE_POSTINGS: PostingRules<
  'ExpenseApproved' | 'ExpensePaid' | 'ExpenseCancelled' | 'ExpenseCorrected'
> = {
  ExpenseApproved: (event) => {
    const category = detail(event, 'category', 'string') as ExpenseCategory
    const account = CHARGE_ACCOUNT_OF[category] ?? '619'
    const supplierId = optionalDetail(event, 'supplierId')
    const amount = detail(event, 'amountCents', 'number')
    const supplier = optionalDetail(event, 'supplier')
    return [
      {
        kind: 'post',
        entry: {
          buildingId: detail(event, 'buildingId', 'string'),
          journal: 'purchases',
          date: detail(event, 'date', 'string'),
          label: `${amount < 0 ? 'Credit note' : 'Invoice'}${supplier ? ` ${supplier}` : ''}: ${detail(event, 'description', 'string')}`,
          lines: pair(
            { account, debitCents: 0, creditCents: 0 },
            { account: ACCOUNT.suppliers, debitCents: 0, creditCents: 0, supplierId },
            amount,
          ),
          source: { kind: EXPENSE_SOURCE, id: event.entityId },
        },
      },
    ]
  },
  ExpensePaid: (event) => {
    const amount = detail(event, 'amountCents', 'number')
    const supplierId = optionalDetail(event, 'supplierId')
    const supplier = optionalDetail(event, 'supplier')
    return [
      {
        kind: 'post',
        entry: {
          buildingId: detail(event, 'buildingId', 'string'),
          journal: 'financial',
          date: detail(event, 'paidDate', 'string'),
          label: `${amount < 0 ? 'Refund from' : 'Payment to'} ${supplier ?? 'supplier'}`,
          lines: pair(
            { account: ACCOUNT.suppliers, debitCents: 0, creditCents: 0, supplierId },
            { account: ACCOUNT.bankWorkingCapital, debitCents: 0, creditCents: 0 },
            amount,
          ),
          source: { kind: EXPENSE_SOURCE, id: event.entityId },
        },
      },
    ]
  },
  // A cancelled draft was never in the books: nothing to reverse.
  ExpenseCancelled: (event) =>
    event.details?.posted === false
      ? []
      : [
          {
            kind: 'reverse',
            buildingId: detail(event, 'buildingId', 'string'),
            source: { kind: EXPENSE_SOURCE, id: event.entityId },
            date: detail(event, 'date', 'string'),
            reason: `expense cancelled${optionalDetail(event, 'reason') ? ` (${optionalDetail(event, 'reason')})` : ''}`,
          },
        ],
  ExpenseCorrected: (event) => [
    {
      kind: 'reverse',
      buildingId: detail(event, 'buildingId', 'string'),
      source: { kind: EXPENSE_SOURCE, id: event.entityId },
      date: detail(event, 'date', 'string'),
      reason: `expense corrected by ${detail(event, 'correctedById', 'string')}${optionalDetail(event, 'reason') ? ` (${optionalDetail(event, 'reason')})` : ''}`,
    },
  ],
}
