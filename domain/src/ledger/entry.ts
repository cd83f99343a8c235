import { DomainErrors, type FieldIssue } from '../shared/domain-error.ts'
import { err, ok, type Result } from '../shared/result.ts'
import { type AccountCode, isAccountCode } from './accounts.ts'
import { isJournal, JOURNALS, type Journal } from './journals.ts'

/*
 * Double entry, to the cent: an entry is refused unless every line is a whole, non-negative number
 * of cents on one side only, on an account of the chart, and the debits equal the credits (and are
 * more than zero). A posted entry is never edited or deleted (the tables refuse it too, migration
 * 0011): a mistake is corrected by a reversing entry that mirrors it, the original staying in the
 * books (royal decree of 12 July 2012, art. 2: the usual rules of double-entry bookkeeping).
 */

export type EntryLine = {
  readonly account: AccountCode
  readonly debitCents: number
  readonly creditCents: number
  /** Owner sub-account of 410 (the owner's individual account the decree requires). */
  readonly ownerId?: string | null | undefined
  readonly unitId?: string | null | undefined
  readonly supplierId?: string | null | undefined
}

/** What caused an entry: the source document (an expense, a call for funds, a payment…). */
export type EntrySource = { readonly kind: string; readonly id: string }

export type EntryInput = {
  readonly buildingId: string
  readonly fiscalYear: number
  readonly journal: Journal
  /** 'YYYY-MM-DD': the voucher's date. */
  readonly date: string
  readonly label: string
  readonly lines: readonly EntryLine[]
  readonly source: EntrySource
}

/** An entry that passed the checks, ready to be stored (the repository gives it an id). */
export type BalancedEntry = EntryInput & {
  readonly totalCents: number
  /** The entry this one reverses, or null. */
  readonly reversesEntryId: string | null
}

/** A posted entry as the books hold it. */
export type Entry = BalancedEntry & {
  readonly id: string
  readonly organizationId: string
  readonly createdAt: Date
}

export const ENTRY_LIMITS = { label: 500, lines: 1000 } as const

/** Validates and balances an entry; every problem is reported at once. */
export function buildEntry(input: EntryInput, reversesEntryId: string | null = null): Result<BalancedEntry> {
  const issues: FieldIssue[] = []
  if (!isJournal(input.journal))
    issues.push({ path: 'journal', message: `must be one of ${JOURNALS.join(', ')}` })
  if (!/^\d{4}-\d{2}-\d{2}$/.test(input.date))
    issues.push({ path: 'date', message: 'must be an ISO-8601 date or timestamp' })
  if (!Number.isSafeInteger(input.fiscalYear) || input.fiscalYear < 1000 || input.fiscalYear > 9999)
    issues.push({ path: 'fiscal_year', message: 'must be a year between 1000 and 9999' })
  const label = input.label.trim()
  if (label.length === 0) issues.push({ path: 'label', message: 'is required' })
  else if (label.length > ENTRY_LIMITS.label)
    issues.push({ path: 'label', message: `must be at most ${ENTRY_LIMITS.label} characters` })
  if (input.lines.length < 2 || input.lines.length > ENTRY_LIMITS.lines)
    issues.push({ path: 'lines', message: `must have 2 to ${ENTRY_LIMITS.lines} lines` })
  let debit = 0
  let credit = 0
  input.lines.forEach((line, i) => {
    if (!isAccountCode(line.account))
      issues.push({ path: `lines.${i}.account`, message: 'is not an account of the chart' })
    const d = line.debitCents
    const c = line.creditCents
    if (!Number.isSafeInteger(d) || !Number.isSafeInteger(c) || d < 0 || c < 0)
      issues.push({ path: `lines.${i}`, message: 'must be a non-negative integer number of cents' })
    else if ((d === 0) === (c === 0))
      issues.push({ path: `lines.${i}`, message: 'must be either a debit or a credit, not both nor neither' })
    else {
      debit += d
      credit += c
    }
  })
  if (issues.length === 0 && debit !== credit)
    issues.push({ path: 'lines', message: `debits (${debit}) and credits (${credit}) differ` })
  if (issues.length === 0 && !Number.isSafeInteger(debit))
    issues.push({ path: 'lines', message: 'is too large' })
  if (issues.length > 0) return err(DomainErrors.validation('Unbalanced or invalid entry', issues))
  return ok({ ...input, label, lines: input.lines.map(normalizeLine), totalCents: debit, reversesEntryId })
}

/**
 * The reversing entry of `entry`: the same lines with debit and credit swapped, dated `date`,
 * in the miscellaneous journal, for the same source. Its fiscal year is the reversal date's (a
 * closed year is never reopened); the caller passes it, the original's by default.
 */
export function reverseEntry(
  entry: Entry,
  date: string,
  reason: string,
  fiscalYear: number = entry.fiscalYear,
): Result<BalancedEntry> {
  return buildEntry(
    {
      buildingId: entry.buildingId,
      fiscalYear,
      journal: 'miscellaneous',
      date,
      label: `Reversal: ${reason}`.slice(0, ENTRY_LIMITS.label),
      lines: entry.lines.map((l) => ({ ...l, debitCents: l.creditCents, creditCents: l.debitCents })),
      source: entry.source,
    },
    entry.id,
  )
}

function normalizeLine(line: EntryLine): EntryLine {
  return {
    account: line.account,
    debitCents: line.debitCents,
    creditCents: line.creditCents,
    ownerId: line.ownerId ?? null,
    unitId: line.unitId ?? null,
    supplierId: line.supplierId ?? null,
  }
}
