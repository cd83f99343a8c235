import { bankErrorsEn } from '../i18n/errors/bank.ts'
import { type StatementErrorKey, statementErrorsEn } from '../i18n/errors/statement-errors.ts'
import { render } from '../i18n/render.ts'
import type { CalendarDate } from '../property/index.ts'
import { DomainErrors, type ErrorParams, type FieldIssue } from '../shared/domain-error.ts'
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

/** The codes a statement file is refused with (texts in i18n/errors/statement-errors.ts). */
type FieldCode<K> = K extends `error.field.${infer C}` ? C : never
export type StatementIssueCode =
  | FieldCode<StatementErrorKey>
  | 'statementUnbalanced'
  | 'batchUnbalanced'
  | 'bankAccountUnknown'

const TEXTS: Readonly<Record<string, string>> = { ...bankErrorsEn, ...statementErrorsEn }

/**
 * One problem of a statement file at `path` (CODA "line 7", or a camt.053 element path), as a code
 * and its params — said in the reader's language by the error mapper — with its English text.
 */
export function statementIssue(path: string, code: StatementIssueCode, params: ErrorParams = {}): FieldIssue {
  const key = `error.field.${code}`
  const template = TEXTS[key] ?? code
  const part = TEXTS[`error.part.${params.field}`]
  return { path, code, params, message: render('en', template, part ? { ...params, field: part } : params) }
}

/**
 * A bad file: every issue names its place (CODA line number or XML element path); nothing
 * imported. The refusal's detail names the line (or element) and quotes the first issue, in the
 * reader's language (`error.msg.statementRefusedLine` / `statementRefusedAt`).
 */
export function fileRefused(issues: readonly FieldIssue[]): Result<never> {
  const first = issues[0]
  if (!first) return err(DomainErrors.validation('The bank statement file is refused; nothing was imported'))
  const line = /^line (\d+)$/.exec(first.path)?.[1]
  const coded: { code: string; params: ErrorParams } = line
    ? { code: 'statementRefusedLine', params: { line: Number(line) } }
    : { code: 'statementRefusedAt', params: { where: first.path } }
  return err(
    DomainErrors.validation(
      `The bank statement file is refused (${first.path}: ${first.message}); nothing was imported`,
      issues,
      coded,
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
    issues.push(
      statementIssue(statement.location, 'statementUnbalanced', {
        old: statement.oldBalanceCents,
        sum,
        new: statement.newBalanceCents,
      }),
    )
  }
  for (const parent of booked.filter((m) => m.batch)) {
    const details = statement.movements.filter((m) => m.sequence === parent.sequence && m.detail > 0)
    const total = details.reduce((s, m) => s + m.amountCents, 0)
    if (details.length > 0 && total !== parent.amountCents) {
      issues.push(
        statementIssue(parent.location, 'batchUnbalanced', { sum: total, total: parent.amountCents }),
      )
    }
  }
  return issues
}

/** An IBAN or account number as stored: no spaces, upper case; null when empty. */
export function compactAccount(text: string | null | undefined): string | null {
  const compact = (text ?? '').replace(/\s+/g, '').toUpperCase()
  return compact.length > 0 ? compact : null
}
