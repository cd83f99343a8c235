import type { CalendarDate } from '../property/index.ts'
import { DomainErrors, type FieldIssue } from '../shared/domain-error.ts'
import { err, type Result } from '../shared/result.ts'

/*
 * The one model both bank statement formats are read into (ADR 0038): CODA 2.x (Febelfin) and
 * camt.053 (ISO 20022 BankToCustomerStatement). Money in integer cents; a movement's amount is
 * signed (credit > 0: money in, debit < 0: money out).
 */

export const STATEMENT_FORMATS = ['coda', 'camt053'] as const
export type StatementFormat = (typeof STATEMENT_FORMATS)[number]

export type ParsedMovement = {
  /** Order in the statement (CODA: the continuous sequence number; camt: the entry's position). */
  readonly sequence: number
  /** 0 for a movement; 1, 2… for the details of a grouped batch (CODA globalisation, camt TxDtls). */
  readonly detail: number
  /** A grouped batch's total whose details follow: informative, not matched itself. */
  readonly batch: boolean
  readonly valueDate: CalendarDate
  readonly bookingDate: CalendarDate
  readonly amountCents: number
  readonly counterpartyName: string | null
  /** Compact upper-case IBAN (or other account number) of the counterparty, when the bank gave it. */
  readonly counterpartyIban: string | null
  /** Twelve digits of a Belgian structured communication (CODA type 101 / camt issuer BBA). */
  readonly structuredCommunication: string | null
  readonly freeText: string | null
  /** Street and locality of the counterparty (CODA information record 3.x, structured type 001). */
  readonly counterpartyAddress: string | null
  /** What the bank added in information records (CODA 3.x) that no field above holds. */
  readonly information: string | null
  readonly bankReference: string | null
  /** Where the movement is in the file, for messages ("line 7", "/Document/…/Ntry[3]"). */
  readonly location: string
}

export type ParsedStatement = {
  readonly format: StatementFormat
  readonly iban: string
  readonly currency: string
  readonly statementNumber: string
  readonly oldBalanceDate: CalendarDate
  readonly newBalanceDate: CalendarDate
  readonly oldBalanceCents: number
  readonly newBalanceCents: number
  readonly movements: readonly ParsedMovement[]
  /** The statement's free communication (CODA record 4), kept with the statement. */
  readonly freeCommunication: string | null
  readonly location: string
}

/** A bad file: every issue names its place (CODA line number or XML element path); nothing imported. */
export function fileRefused(issues: readonly FieldIssue[]): Result<never> {
  const first = issues[0]
  return err(
    DomainErrors.validation(
      first
        ? `The bank statement file is refused (${first.path}: ${first.message}); nothing was imported`
        : 'The bank statement file is refused; nothing was imported',
      issues,
    ),
  )
}

/** The movements that carry money on the account: a batch's details are inside its total. */
export function bookedMovements(movements: readonly ParsedMovement[]): readonly ParsedMovement[] {
  return movements.filter((m) => m.detail === 0)
}

/**
 * The statement's arithmetic: old balance + Σ booked movements = new balance, in integer cents;
 * a batch's details add up to its total. Each problem names its place.
 */
export function balanceIssues(statement: ParsedStatement): FieldIssue[] {
  const issues: FieldIssue[] = []
  const booked = bookedMovements(statement.movements)
  const sum = booked.reduce((s, m) => s + m.amountCents, 0)
  if (statement.oldBalanceCents + sum !== statement.newBalanceCents) {
    issues.push({
      path: statement.location,
      message: `old balance ${statement.oldBalanceCents} + movements ${sum} ≠ new balance ${statement.newBalanceCents} (cents)`,
    })
  }
  for (const parent of booked.filter((m) => m.batch)) {
    const details = statement.movements.filter((m) => m.sequence === parent.sequence && m.detail > 0)
    const total = details.reduce((s, m) => s + m.amountCents, 0)
    if (details.length > 0 && total !== parent.amountCents) {
      issues.push({
        path: parent.location,
        message: `the batch's details sum to ${total}, not its total ${parent.amountCents} (cents)`,
      })
    }
  }
  return issues
}

/** An IBAN or account number as stored: no spaces, upper case; null when empty. */
export function compactAccount(text: string | null | undefined): string | null {
  const compact = (text ?? '').replace(/\s+/g, '').toUpperCase()
  return compact.length > 0 ? compact : null
}
