import { ACCOUNT, type AccountCode } from '../accounts.ts'
import { ENTRY_LIMITS, type EntryLine } from '../entry.ts'
import { PAYMENT_SOURCE } from './calls.ts'
import { detail, type PostingInstruction, type PostingRules } from './posting-rule.ts'

/*
 * Bank matching (ADR 0038), on the minimum chart (RD 12 July 2012), journal "financial":
 *  - BankPaymentsRecorded (a statement's matched transfers): per booking date, debit the bank
 *    account the money reached (550 / 551) with the day's total, credit each owner's 410
 *    sub-account with what they paid that day — as a bank statement is booked by hand. More
 *    owners than an entry holds: several balanced entries of the same source.
 *  - OwnerPaymentReversed (a movement unmatched): the opposite entry of that payment on the day of
 *    the unmatch (credit the bank, debit the owner's 410) — posted entries are never edited
 *    (ADR 0031), and a batch entry cannot be reversed for one of its payments only.
 */
export const BANK_STATEMENT_SOURCE = 'bank_statement'

const BANK_OF_ACCOUNT: Readonly<Record<string, AccountCode>> = {
  working_capital: ACCOUNT.bankWorkingCapital,
  reserve: ACCOUNT.bankReserve,
}

type Day = { readonly date: string; readonly owners: readonly { ownerId: string; amountCents: number }[] }

const LINES_PER_ENTRY = ENTRY_LIMITS.lines - 1

export const BANK_POSTINGS: PostingRules<'OwnerPaymentReversed' | 'BankPaymentsRecorded'> = {
  BankPaymentsRecorded: (event) => {
    const bank = BANK_OF_ACCOUNT[detail(event, 'account', 'string')] ?? ACCOUNT.bankWorkingCapital
    const buildingId = detail(event, 'buildingId', 'string')
    const days = event.details?.days
    if (!Array.isArray(days)) throw new Error('BankPaymentsRecorded: details.days must be an array')
    const out: PostingInstruction[] = []
    for (const day of days as Day[]) {
      for (let i = 0; i < day.owners.length; i += LINES_PER_ENTRY) {
        const chunk = day.owners.slice(i, i + LINES_PER_ENTRY)
        const total = chunk.reduce((s, o) => s + o.amountCents, 0)
        const lines: EntryLine[] = [
          { account: bank, debitCents: total, creditCents: 0 },
          ...chunk.map((o) => ({
            account: ACCOUNT.ownersReceivable,
            debitCents: 0,
            creditCents: o.amountCents,
            ownerId: o.ownerId,
          })),
        ]
        out.push({
          kind: 'post',
          entry: {
            buildingId,
            journal: 'financial',
            date: day.date,
            label: 'Bank statement: payments by co-owners',
            lines,
            source: { kind: BANK_STATEMENT_SOURCE, id: event.entityId },
          },
        })
      }
    }
    return out
  },
  OwnerPaymentReversed: (event) => {
    const bank = BANK_OF_ACCOUNT[detail(event, 'account', 'string')] ?? ACCOUNT.bankWorkingCapital
    const amount = detail(event, 'amountCents', 'number')
    return [
      {
        kind: 'post',
        entry: {
          buildingId: detail(event, 'buildingId', 'string'),
          journal: 'financial',
          date: detail(event, 'reversalDate', 'string'),
          label: 'Payment by co-owner undone (bank movement unmatched)',
          lines: [
            { account: bank, debitCents: 0, creditCents: amount },
            {
              account: ACCOUNT.ownersReceivable,
              debitCents: amount,
              creditCents: 0,
              ownerId: detail(event, 'ownerId', 'string'),
            },
          ],
          source: { kind: PAYMENT_SOURCE, id: event.entityId },
        },
      },
    ]
  },
}
