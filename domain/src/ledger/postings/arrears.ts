import { ACCOUNT } from '../accounts.ts'
import type { EntryLine } from '../entry.ts'
import { detail, type PostingRules } from './posting-rule.ts'

/*
 * Late interest and reminder fees charged to an owner (issue #16 item 4, ADR 0039), on the
 * minimum chart of the royal decree of 12 July 2012: the owner's receivable (410, the owner's
 * sub-account) is debited; the income is credited — the late interest to 750 "financial income"
 * (class 75, produits financiers / financiële opbrengsten: interest is a financial income) and a
 * reminder fee to 740 "other operating income" (class 74, autres produits d'exploitation /
 * andere bedrijfsopbrengsten: it recovers the association's cost of chasing). Journal "sales",
 * beside the calls for funds it follows. Zero amounts are left out; the entry balances exactly.
 */
export const ARREARS_SOURCE = 'reminder'

export const ARREARS_POSTINGS: PostingRules<'ArrearsCharged'> = {
  ArrearsCharged: (event) => {
    const interest = detail(event, 'interestCents', 'number')
    const fee = detail(event, 'feeCents', 'number')
    if (interest < 0 || fee < 0 || interest + fee === 0) {
      throw new Error('ArrearsCharged: interest and fee must be ≥ 0 and not both 0')
    }
    const income: EntryLine[] = []
    if (interest > 0) income.push({ account: '750', debitCents: 0, creditCents: interest })
    if (fee > 0) income.push({ account: '740', debitCents: 0, creditCents: fee })
    return [
      {
        kind: 'post',
        entry: {
          buildingId: detail(event, 'buildingId', 'string'),
          journal: 'sales',
          date: detail(event, 'date', 'string'),
          label: `Late interest and reminder fee: ${detail(event, 'kind', 'string')} reminder`,
          lines: [
            {
              account: ACCOUNT.ownersReceivable,
              debitCents: interest + fee,
              creditCents: 0,
              ownerId: detail(event, 'ownerId', 'string'),
            },
            ...income,
          ],
          source: { kind: ARREARS_SOURCE, id: event.entityId },
        },
      },
    ]
  },
}
