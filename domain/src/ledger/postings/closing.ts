import type { DomainEvent } from '../../shared/domain-events.ts'
import { ACCOUNT } from '../accounts.ts'
import { ENTRY_LIMITS, type EntryLine } from '../entry.ts'
import { detail, type PostingRules } from './posting-rule.ts'

/*
 * The year-end close (ADR 0040). Each owner's regularisation (their share of the closed year's
 * ordinary charges minus the working-capital provisions called from them) is booked in the NEXT
 * fiscal year — the closed year is frozen — on the first day of that year, journal
 * "miscellaneous": a positive regularisation (the owner owes more) debits their 410 sub-account, a
 * negative one (a refund) credits it; the net goes to 140 "result carried forward" (RD 12 July
 * 2012 chart), which is where the closed year's working-capital result is settled with the owners.
 * So the owner's account (410) carries the regularisation into what the next call asks.
 */

export const CLOSING_SOURCE = 'fiscal_year_closing'

type RegularisationDetail = { readonly ownerId: string; readonly amountCents: number }

function regularisations(event: DomainEvent): readonly RegularisationDetail[] {
  const lines = event.details?.regularisations
  if (!Array.isArray(lines)) throw new Error(`${event.type}: details.regularisations must be an array`)
  return (lines as RegularisationDetail[]).filter((l) => l.amountCents !== 0)
}

/** One line kept for the 140 counterpart of each entry. */
const LINES_PER_ENTRY = ENTRY_LIMITS.lines - 1

export const CLOSING_POSTINGS: PostingRules<'FiscalYearClosed'> = {
  FiscalYearClosed: (event) => {
    const all = regularisations(event)
    const chunks: (readonly RegularisationDetail[])[] = []
    for (let i = 0; i < all.length; i += LINES_PER_ENTRY) chunks.push(all.slice(i, i + LINES_PER_ENTRY))
    const year = detail(event, 'fiscalYear', 'number')
    return chunks.map((chunk, i) => {
      const lines: EntryLine[] = chunk.map((r) => ({
        account: ACCOUNT.ownersReceivable,
        debitCents: Math.max(r.amountCents, 0),
        creditCents: r.amountCents < 0 ? -r.amountCents : 0,
        ownerId: r.ownerId,
      }))
      const net = chunk.reduce((s, r) => s + r.amountCents, 0)
      if (net !== 0)
        lines.push({
          account: '140',
          debitCents: net < 0 ? -net : 0,
          creditCents: Math.max(net, 0),
        })
      const part = chunks.length > 1 ? ` (${i + 1}/${chunks.length})` : ''
      return {
        kind: 'post' as const,
        entry: {
          buildingId: detail(event, 'buildingId', 'string'),
          journal: 'miscellaneous' as const,
          date: detail(event, 'regularisationDate', 'string'),
          label: `Regularisation of the charges of fiscal year ${year}${part}`,
          lines,
          source: { kind: CLOSING_SOURCE, id: event.entityId },
        },
      }
    })
  },
}
