import type { TenantScope } from '../property/index.ts'
import { type DomainError, DomainErrors } from '../shared/domain-error.ts'
import type { DomainEvent } from '../shared/domain-events.ts'
import { isMoneyEvent } from '../shared/money-events.ts'
import type { Postings } from '../shared/postings.ts'
import { buildEntry, type Entry, reverseEntry } from './entry.ts'
import { fiscalYearOf } from './fiscal-year.ts'
import type { LedgerRepository } from './ledger.ports.ts'
import { POSTING_RULES, type PostingInstruction, type PostingRule } from './postings/index.ts'

/** A posting the books refuse: it throws so the use case's transaction rolls back. */
export class PostingRefused extends Error {
  readonly eventType: string
  readonly reason: string
  /** When the refusal is the caller's business (a closed year), the error the use case answers. */
  readonly domainError: DomainError | null
  constructor(eventType: string, reason: string, domainError: DomainError | null = null) {
    super(`${eventType} could not be posted: ${reason}`)
    this.name = 'PostingRefused'
    this.eventType = eventType
    this.reason = reason
    this.domainError = domainError
  }
}

/** Which fiscal years of a building are closed (ADR 0040): nothing more is posted into them. */
export type ClosedYears = {
  isClosed(scope: TenantScope, buildingId: string, fiscalYear: number): Promise<boolean>
}

/** The refusal of a posting into a closed year: a 409 the caller can act on (date it in the next year). */
export function fiscalYearClosedError(fiscalYear: number): DomainError {
  return DomainErrors.conflict(
    'fiscal_year_closed',
    `Fiscal year ${fiscalYear} is closed: nothing more is posted into it; date the correction in the next year`,
    { fiscal_year: fiscalYear },
  )
}

/**
 * The ledger's implementation of the shared `Postings` port, on one transaction's repository:
 * maps a money event through its posting rule, balances each entry (buildEntry) in the fiscal
 * year of its date, and stores it. A refused entry throws (the whole use case rolls back).
 */
export function ledgerPostings(entries: LedgerRepository, closedYears?: ClosedYears): Postings {
  return {
    async post(event: DomainEvent): Promise<void> {
      if (!isMoneyEvent(event.type)) return
      if (event.organizationId === null) throw new PostingRefused(event.type, 'no tenant')
      const scope = { organizationId: event.organizationId }
      const rule = POSTING_RULES[event.type] as PostingRule
      for (const instruction of rule(event as never))
        await apply(entries, closedYears, scope, event.type, instruction)
    },
  }
}

async function apply(
  entries: LedgerRepository,
  closedYears: ClosedYears | undefined,
  scope: { readonly organizationId: string },
  eventType: string,
  instruction: PostingInstruction,
): Promise<void> {
  if (instruction.kind === 'post') {
    const startMonth = await entries.fiscalYearStartMonth(scope, instruction.entry.buildingId)
    const built = buildEntry({
      ...instruction.entry,
      fiscalYear: fiscalYearOf(instruction.entry.date, startMonth),
    })
    if (!built.ok) throw new PostingRefused(eventType, built.error.message)
    await refuseClosedYear(closedYears, scope, eventType, built.value.buildingId, built.value.fiscalYear)
    await entries.insert(scope, built.value)
    return
  }
  const existing = await entries.findBySource(scope, instruction.buildingId, instruction.source)
  const open = openEntries(existing)
  if (open.length === 0) throw new PostingRefused(eventType, 'nothing to reverse')
  const startMonth = await entries.fiscalYearStartMonth(scope, instruction.buildingId)
  for (const entry of open) {
    const reversal = reverseEntry(
      entry,
      instruction.date,
      instruction.reason,
      fiscalYearOf(instruction.date, startMonth),
    )
    if (!reversal.ok) throw new PostingRefused(eventType, reversal.error.message)
    await refuseClosedYear(closedYears, scope, eventType, instruction.buildingId, reversal.value.fiscalYear)
    await entries.insert(scope, reversal.value)
  }
}

/** A closed year is frozen (ADR 0040): the domain refuses first; the database trigger backs it. */
async function refuseClosedYear(
  closedYears: ClosedYears | undefined,
  scope: TenantScope,
  eventType: string,
  buildingId: string,
  fiscalYear: number,
): Promise<void> {
  if (closedYears && (await closedYears.isClosed(scope, buildingId, fiscalYear))) {
    throw new PostingRefused(
      eventType,
      `fiscal year ${fiscalYear} is closed`,
      fiscalYearClosedError(fiscalYear),
    )
  }
}

/** The entries of a source that are neither reversals nor already reversed. */
export function openEntries(entries: readonly Entry[]): readonly Entry[] {
  const reversed = new Set(entries.flatMap((e) => (e.reversesEntryId ? [e.reversesEntryId] : [])))
  return entries.filter((e) => e.reversesEntryId === null && !reversed.has(e.id))
}
