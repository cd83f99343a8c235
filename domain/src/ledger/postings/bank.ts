import { PAYMENT_SOURCE } from './calls.ts'
import { detail, type PostingRules } from './posting-rule.ts'

/*
 * Bank matching (ADR 0038): a matched movement posts through the owner-payment rule
 * (OwnerPaymentRecorded, calls.ts); unmatching it reverses that payment's entry on the day of the
 * unmatch (posted entries are never edited, ADR 0031).
 */
export const BANK_POSTINGS: PostingRules<'OwnerPaymentReversed'> = {
  OwnerPaymentReversed: (event) => [
    {
      kind: 'reverse',
      buildingId: detail(event, 'buildingId', 'string'),
      source: { kind: PAYMENT_SOURCE, id: event.entityId },
      date: detail(event, 'reversalDate', 'string'),
      reason: 'Bank movement unmatched',
    },
  ],
}
