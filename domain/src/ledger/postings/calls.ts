import type { DomainEvent } from '../../shared/domain-events.ts'
import { ACCOUNT, type AccountCode } from '../accounts.ts'
import { ENTRY_LIMITS, type EntryLine } from '../entry.ts'
import { detail, type PostingRules } from './posting-rule.ts'

/*
 * Calls for funds and owner payments (ADR 0032), on the minimum chart (RD 12 July 2012):
 *  - CallForFundsIssued (journal "sales", the calls journal): debit each owner's receivable
 *    (410, one line per call line, with ownerId and unitId: the owner sub-account), credit the
 *    calls income of the kind — 700 working-capital provisions, 701 reserve fund, 702
 *    extraordinary — for the call's total. Σ lines = total, so the entry balances exactly.
 *  - OwnerPaymentRecorded (journal "financial"): debit the bank account the payment reached
 *    (550 working capital, 551 reserve), credit the owner's 410 for the whole amount — a credit
 *    left after allocation stays on 410 as a credit balance of that owner.
 * So an owner's account balance (calls − payments) equals the balance of their 410 lines.
 */

export const CALL_SOURCE = 'call_for_funds'
export const PAYMENT_SOURCE = 'owner_payment'

const INCOME_OF_KIND: Readonly<Record<string, AccountCode>> = {
  provision: ACCOUNT.callsWorkingCapital,
  reserve: ACCOUNT.callsReserve,
  extraordinary: ACCOUNT.callsExtraordinary,
}

const BANK_OF_ACCOUNT: Readonly<Record<string, AccountCode>> = {
  working_capital: ACCOUNT.bankWorkingCapital,
  reserve: ACCOUNT.bankReserve,
}

/** One line kept for the income line of each entry. */
const LINES_PER_ENTRY = ENTRY_LIMITS.lines - 1

type CallLineDetail = { readonly ownerId: string; readonly unitId: string; readonly amountCents: number }

function callLines(event: DomainEvent): readonly CallLineDetail[] {
  const lines = event.details?.lines
  if (!Array.isArray(lines)) throw new Error(`${event.type}: details.lines must be an array`)
  return lines as CallLineDetail[]
}

export const CALLS_POSTINGS: PostingRules<'CallForFundsIssued' | 'OwnerPaymentRecorded'> = {
  CallForFundsIssued: (event) => {
    const kind = detail(event, 'kind', 'string')
    const income = INCOME_OF_KIND[kind]
    if (!income) throw new Error(`CallForFundsIssued: unknown kind ${kind}`)
    const all = callLines(event)
    if (all.reduce((s, l) => s + l.amountCents, 0) !== detail(event, 'totalCents', 'number')) {
      throw new Error('CallForFundsIssued: the lines do not sum to the total')
    }
    // An entry holds at most ENTRY_LIMITS.lines lines: a very large call is booked as several
    // entries of the same source, each balanced (its 410 lines and their sum on the income).
    const chunks: (readonly CallLineDetail[])[] = []
    for (let i = 0; i < all.length; i += LINES_PER_ENTRY) chunks.push(all.slice(i, i + LINES_PER_ENTRY))
    return chunks.map((chunk, i) => {
      const lines: EntryLine[] = chunk.map((l) => ({
        account: ACCOUNT.ownersReceivable,
        debitCents: l.amountCents,
        creditCents: 0,
        ownerId: l.ownerId,
        unitId: l.unitId,
      }))
      const sum = chunk.reduce((s, l) => s + l.amountCents, 0)
      const part = chunks.length > 1 ? ` (${i + 1}/${chunks.length})` : ''
      return {
        kind: 'post' as const,
        entry: {
          buildingId: detail(event, 'buildingId', 'string'),
          journal: 'sales' as const,
          date: detail(event, 'issueDate', 'string'),
          label:
            `Call for funds no. ${detail(event, 'number', 'number')}${part}: ${detail(event, 'label', 'string')}`.slice(
              0,
              ENTRY_LIMITS.label,
            ),
          lines: [...lines, { account: income, debitCents: 0, creditCents: sum }],
          source: { kind: CALL_SOURCE, id: event.entityId },
        },
      }
    })
  },
  OwnerPaymentRecorded: (event) => {
    const bank = BANK_OF_ACCOUNT[detail(event, 'account', 'string')] ?? ACCOUNT.bankWorkingCapital
    const amount = detail(event, 'amountCents', 'number')
    return [
      {
        kind: 'post',
        entry: {
          buildingId: detail(event, 'buildingId', 'string'),
          journal: 'financial',
          date: detail(event, 'paymentDate', 'string'),
          label: 'Payment by co-owner',
          lines: [
            { account: bank, debitCents: amount, creditCents: 0 },
            {
              account: ACCOUNT.ownersReceivable,
              debitCents: 0,
              creditCents: amount,
              ownerId: detail(event, 'ownerId', 'string'),
            },
          ],
          source: { kind: PAYMENT_SOURCE, id: event.entityId },
        },
      },
      // Part of the money settles lines of the other fund: the bank account it reached owes it
      // to the other one. The transfer between the two accounts is posted on the payment date
      // (docs/finance.md "A payment spanning both funds"); the syndic executes it.
      ...transferBetweenFunds(event, bank),
    ]
  },
}

function transferBetweenFunds(event: DomainEvent, from: AccountCode) {
  const cents = typeof event.details?.transferCents === 'number' ? event.details.transferCents : 0
  const to = BANK_OF_ACCOUNT[String(event.details?.transferTo)]
  if (cents <= 0 || !to || to === from) return []
  return [
    {
      kind: 'post' as const,
      entry: {
        buildingId: detail(event, 'buildingId', 'string'),
        journal: 'financial' as const,
        date: detail(event, 'paymentDate', 'string'),
        label: 'Transfer between funds (co-owner payment)',
        lines: [
          { account: to, debitCents: cents, creditCents: 0 },
          { account: from, debitCents: 0, creditCents: cents },
        ],
        source: { kind: PAYMENT_SOURCE, id: event.entityId },
      },
    },
  ]
}
