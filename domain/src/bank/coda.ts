import { parseStructuredCommunication } from '../finance/index.ts'
import type { ErrorParams, FieldIssue } from '../shared/domain-error.ts'
import { ok, type Result } from '../shared/result.ts'
import {
  balanceIssues,
  compactAccount,
  fileRefused,
  type ParsedMovement,
  type ParsedStatement,
  type StatementIssueCode,
  statementIssue,
} from './statement.ts'

/*
 * CODA 2.x reader: Febelfin, "Coded statement of account (CODA), standard 2.6" (the version
 * followed here; 2.x files share the layout). Fixed 128-character records, positions 1-based as in
 * the standard (`at(line, from, to)` below reads [from, to] inclusive):
 *   0  header          1 version code at 128 ('2')
 *   1  old balance     2 account structure, 3-5 paper statement number, 6-42 account + currency,
 *                      43 sign (0 credit, 1 debit), 44-58 amount (12 + 3 decimals), 59-64 date
 *   21 movement        3-6 continuous sequence, 7-10 detail number, 11-31 bank reference,
 *                      32 sign, 33-47 amount, 48-53 value date, 54-61 transaction code,
 *                      62 communication type (1 structured), 63-115 communication
 *                      (structured: 63-65 type, 101/102 = Belgian structured communication in
 *                      66-77), 116-121 entry date, 125 globalisation code, 126 next code,
 *                      128 link code (an information record 3 follows)
 *   22 continuation    11-63 communication, 99-109 counterparty BIC, 126 next code, 128 link code
 *   23 continuation    11-47 counterparty account (34) + currency, 48-82 counterparty name,
 *                      83-125 communication, 128 link code
 *   31 information     3-6 sequence, 7-10 detail (the movement's, or the next number as many
 *                      banks write it), 11-31 bank reference, 32-39 transaction code,
 *                      40 communication structure (1 structured), 41-113 communication
 *                      (structured: 41-43 type), 126 next code, 128 link code (another 3.1)
 *   32 / 33            the information continued: 11-115 / 11-100
 *                      Structured types read: 001 counterparty (name 70, street 35, locality
 *                      35, identification 35, across 3.1-3.3), 101/102 Belgian structured
 *                      communication (12 digits); any other type or free text is kept as
 *                      the movement's information.
 *   4  free communication 3-6 / 7-10 numeric, 33-112 text (the statement's, kept with it)
 *   8  new balance     2-4 paper statement number, 5-41 account + currency, 42 sign,
 *                      43-57 amount, 58-63 date
 *   9  trailer         17-22 number of records 1, 2.x, 3.x and 8, 23-37 debit total,
 *                      38-52 credit total, 128 (1: another file follows, 2: last)
 * A file may hold several statements (0 … 9 blocks one after the other).
 */

export const CODA_LINE_LENGTH = 128

function at(line: string, from: number, to: number): string {
  return line.slice(from - 1, to)
}

/** The first problem of the file: its line, a code and the values the reader's text names. */
class Refused extends Error {
  readonly issue: FieldIssue
  constructor(line: number | FieldIssue, code: StatementIssueCode = 'codaEmpty', params: ErrorParams = {}) {
    const issue = typeof line === 'number' ? statementIssue(`line ${line}`, code, { line, ...params }) : line
    super(issue.message)
    this.issue = issue
  }
}

/** The parts of a record the messages name (`error.part.<name>`). */
type Part =
  | 'creationDate'
  | 'oldBalance'
  | 'oldBalanceDate'
  | 'statementNumber'
  | 'sequenceNumber'
  | 'detailNumber'
  | 'amount'
  | 'valueDate'
  | 'entryDate'
  | 'newBalance'
  | 'newBalanceDate'
  | 'recordCount'
  | 'debitTotal'
  | 'creditTotal'

function digits(line: string, no: number, from: number, to: number, field: Part): number {
  const text = at(line, from, to)
  if (!/^\d+$/.test(text)) throw new Refused(no, 'codaNotNumeric', { field, from, to, actual: text })
  return Number(text)
}

/** 15 digits, three decimals, a sign position: integer cents (a fraction of a cent is refused). */
function amount(line: string, no: number, signAt: number, from: number, field: Part): number {
  const sign = at(line, signAt, signAt)
  if (sign !== '0' && sign !== '1') throw new Refused(no, 'codaSign', { field, at: signAt, actual: sign })
  const mills = digits(line, no, from, from + 14, field)
  if (mills % 10 !== 0) throw new Refused(no, 'codaFraction', { field })
  const cents = mills / 10
  return sign === '1' ? -cents : cents
}

/** DDMMYY → YYYY-MM-DD (20YY), a real calendar date. */
function date(line: string, no: number, from: number, field: Part): string {
  const text = at(line, from, from + 5)
  const m = /^(\d\d)(\d\d)(\d\d)$/.exec(text)
  const iso = m ? `20${m[3]}-${m[2]}-${m[1]}` : ''
  const parsed = m ? new Date(`${iso}T00:00:00Z`) : null
  if (!parsed || Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== iso) {
    throw new Refused(no, 'codaDate', { field, from, to: from + 5, actual: text })
  }
  return iso
}

/** A Belgian BBAN (12 digits) as its IBAN (ISO 13616: check digits 98 − (BBAN + "BE00") mod 97). */
export function belgianIbanOf(bban: string): string {
  const numeric = `${bban}111400`
  let rest = 0
  for (const ch of numeric) rest = (rest * 10 + Number(ch)) % 97
  return `BE${String(98 - rest).padStart(2, '0')}${bban}`
}

/** The account of records 1 and 8: structure 0/1 (BBAN / foreign), 2/3 (Belgian / foreign IBAN). */
function account(
  line: string,
  no: number,
  structure: string,
  from: number,
): { iban: string; currency: string } {
  const field = at(line, from, from + 36)
  switch (structure) {
    case '0': {
      const bban = field.slice(0, 12)
      if (!/^\d{12}$/.test(bban)) throw new Refused(no, 'codaBban', { actual: bban })
      return { iban: belgianIbanOf(bban), currency: field.slice(13, 16) }
    }
    case '1':
      return { iban: compactAccount(field.slice(0, 34)) ?? '', currency: field.slice(34, 37) }
    case '2':
      return { iban: compactAccount(field.slice(0, 16)) ?? '', currency: field.slice(34, 37) }
    case '3':
      return { iban: compactAccount(field.slice(0, 34)) ?? '', currency: field.slice(34, 37) }
    default:
      throw new Refused(no, 'codaAccountStructure', { actual: structure })
  }
}

type MovementDraft = {
  sequence: number
  detail: number
  batch: boolean
  valueDate: string
  bookingDate: string
  amountCents: number
  counterpartyName: string | null
  counterpartyIban: string | null
  structuredCommunication: string | null
  text: string[]
  /** Information records 3.1 (+ 3.2, 3.3) after the movement: one block per 3.1. */
  info: { structured: boolean; chunks: string[] }[]
  bankReference: string | null
  location: string
  lineNo: number
}

type StatementDraft = {
  lineNo: number
  structure: string
  iban: string
  currency: string
  number: string
  oldBalanceDate: string
  oldBalanceCents: number
  movements: MovementDraft[]
  /** Records 1, 2.x, 3.x and 8 (the trailer's count), and the record 4s (some banks count them). */
  counted: number
  freeRecords: number
  /** The text of the record 4s. */
  free: string[]
}

const squeeze = (text: string) => text.replace(/\s+/g, ' ').trim()

/** A counterparty identification that is an IBAN (ISO 13616 check digits), compact; else null. */
function ibanIn(text: string): string | null {
  const compact = compactAccount(text)
  if (!compact || !/^[A-Z]{2}\d{2}[A-Z0-9]{10,30}$/.test(compact)) return null
  let rest = 0
  for (const ch of `${compact.slice(4)}${compact.slice(0, 4)}`)
    for (const d of /\d/.test(ch) ? ch : String(ch.charCodeAt(0) - 55)) rest = (rest * 10 + Number(d)) % 97
  return rest === 1 ? compact : null
}

/**
 * What a movement's information records add: the counterparty (type 001) and a structured
 * communication (types 101/102) fill what the 2.x records left empty — never overwrite them —
 * and anything else is kept as the movement's information text.
 */
function information(m: MovementDraft) {
  const out = {
    name: m.counterpartyName,
    iban: m.counterpartyIban,
    address: null as string | null,
    communication: m.structuredCommunication,
    text: [] as string[],
  }
  for (const block of m.info) {
    const content = block.chunks.join('')
    if (!block.structured) {
      const free = squeeze(content)
      const asCommunication = out.communication === null ? parseStructuredCommunication(free) : null
      if (asCommunication?.ok) out.communication = asCommunication.value
      else if (free) out.text.push(free)
      continue
    }
    const type = content.slice(0, 3)
    const rest = content.slice(3)
    if (type === '001') {
      out.name ??= squeeze(rest.slice(0, 70)) || null
      const address = [rest.slice(70, 105), rest.slice(105, 140)].map(squeeze).filter(Boolean).join(', ')
      out.address ??= address || null
      out.iban ??= ibanIn(rest.slice(140, 175))
    } else if (type === '101' || type === '102') {
      const parsed = parseStructuredCommunication(rest.slice(0, 12))
      if (out.communication === null && parsed.ok) out.communication = parsed.value
      else if (!parsed.ok) out.text.push(rest.slice(0, 12))
    } else if (squeeze(rest)) {
      out.text.push(squeeze(rest))
    }
  }
  return out
}

function finish(m: MovementDraft): ParsedMovement {
  const text = squeeze(m.text.join(''))
  const info = information(m)
  return {
    sequence: m.sequence,
    detail: m.detail,
    batch: m.batch,
    valueDate: m.valueDate,
    bookingDate: m.bookingDate,
    amountCents: m.amountCents,
    counterpartyName: info.name,
    counterpartyIban: info.iban,
    structuredCommunication: info.communication,
    freeText: text.length > 0 ? text : null,
    counterpartyAddress: info.address,
    information: info.text.length > 0 ? info.text.join(' | ') : null,
    bankReference: m.bankReference,
    location: m.location,
  }
}

/**
 * Reads a CODA file: every statement in it, validated as a whole (record order, continuation
 * flags, sequence numbers, the trailer's count and totals, old + movements = new). The first
 * problem refuses the file with its line number.
 */
export function parseCoda(text: string): Result<readonly ParsedStatement[]> {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/)
  while (lines.length > 0 && lines[lines.length - 1]?.trim() === '') lines.pop()
  try {
    return ok(readStatements(lines))
  } catch (e) {
    if (e instanceof Refused) return fileRefused([e.issue])
    throw e
  }
}

function readStatements(lines: readonly string[]): ParsedStatement[] {
  if (lines.length === 0) throw new Refused(1, 'codaEmpty')
  const statements: ParsedStatement[] = []
  let state: 'header' | 'old' | 'body' | 'afterNew' | 'done' = 'header'
  let current: StatementDraft | null = null
  let movement: MovementDraft | null = null
  /** What the previous record announced: a continuation 2.2/2.3 ('2'), an information record ('3'). */
  let expect: { next: boolean; link: boolean; kind: '2' | '3' | null; seq: number; detail: number } = {
    next: false,
    link: false,
    kind: null,
    seq: 0,
    detail: 0,
  }
  let lastSequence = 0
  let newBalance: { no: number; cents: number; date: string } | null = null
  lines.forEach((raw, index) => {
    const no = index + 1
    if (raw.length > CODA_LINE_LENGTH) {
      throw new Refused(no, 'codaRecordLength', { expected: CODA_LINE_LENGTH, actual: raw.length })
    }
    // Some transfers strip trailing blanks: a short record is read as if padded.
    const line = raw.padEnd(CODA_LINE_LENGTH, ' ')
    const type = line[0]
    const id = type === '2' || type === '3' ? `${type}.${line[1]}` : (type ?? '')
    const pending = expect.next || expect.link
    if (pending && !(type === '2' || type === '3')) {
      throw new Refused(no, 'codaContinuationMissing', { record: id })
    }
    switch (type) {
      case '0': {
        if (state !== 'header' && state !== 'done') throw new Refused(no, 'codaHeaderPlace')
        if (at(line, 128, 128) !== '2') throw new Refused(no, 'codaVersion', { actual: at(line, 128, 128) })
        date(line, no, 6, 'creationDate')
        state = 'old'
        return
      }
      case '1': {
        if (state !== 'old') throw new Refused(no, 'codaOldBalancePlace')
        const structure = at(line, 2, 2)
        const acc = account(line, no, structure, 6)
        if (acc.currency !== 'EUR') throw new Refused(no, 'statementCurrency', { actual: acc.currency })
        current = {
          lineNo: no,
          structure,
          iban: acc.iban,
          currency: acc.currency,
          number: at(line, 3, 5),
          oldBalanceCents: amount(line, no, 43, 44, 'oldBalance'),
          oldBalanceDate: date(line, no, 59, 'oldBalanceDate'),
          movements: [],
          counted: 1,
          freeRecords: 0,
          free: [],
        }
        digits(line, no, 3, 5, 'statementNumber')
        lastSequence = 0
        state = 'body'
        return
      }
      case '2':
      case '3': {
        if (state !== 'body' || !current) throw new Refused(no, 'codaOutsideStatement', { record: id })
        const statement: StatementDraft = current
        const seq = digits(line, no, 3, 6, 'sequenceNumber')
        const detail = digits(line, no, 7, 10, 'detailNumber')
        const sub = line[1]
        const isFirst = (type === '2' && sub === '1') || (type === '3' && sub === '1')
        if (isFirst) {
          if (expect.next) throw new Refused(no, 'codaContinuationDue', { record: id })
          // The 3.1's detail number is its movement's, or the next one (many banks write 0001 after
          // a 2.1 of detail 0000).
          if (
            type === '3' &&
            !(expect.link && expect.seq === seq && (detail === expect.detail || detail === expect.detail + 1))
          ) {
            throw new Refused(no, 'codaInformationUnannounced', { sequence: seq, detail })
          }
          if (type === '2' && expect.link) throw new Refused(no, 'codaInformationDue')
        } else {
          if (!(expect.next && expect.kind === type && expect.seq === seq && expect.detail === detail)) {
            throw new Refused(no, 'codaUnannounced', { record: id, sequence: seq, detail })
          }
          if (sub !== '2' && sub !== '3') throw new Refused(no, 'codaUnknownRecord', { record: id })
        }
        statement.counted++
        if (type === '2' && sub === '1') {
          if (detail === 0) {
            if (seq <= lastSequence)
              throw new Refused(no, 'codaSequenceOrder', { actual: seq, previous: lastSequence })
            lastSequence = seq
          } else if (seq !== lastSequence) {
            throw new Refused(no, 'codaDetailElsewhere', { detail, actual: seq, expected: lastSequence })
          }
          const bookingDate = date(line, no, 116, 'entryDate')
          const value = at(line, 48, 53)
          const structured = line[61] === '1' && ['101', '102'].includes(at(line, 63, 65))
          const communication = structured ? parseStructuredCommunication(at(line, 66, 77)) : null
          movement = {
            sequence: seq,
            detail,
            batch: detail === 0 && at(line, 125, 125) !== '0' && at(line, 125, 125) !== ' ',
            valueDate: value === '000000' ? bookingDate : date(line, no, 48, 'valueDate'),
            bookingDate,
            amountCents: amount(line, no, 32, 33, 'amount'),
            counterpartyName: null,
            counterpartyIban: null,
            structuredCommunication: communication?.ok ? communication.value : null,
            // A structured communication with wrong check digits is kept as text (never guessed).
            text: communication?.ok ? [] : [structured ? at(line, 66, 77) : at(line, 63, 115)],
            info: [],
            bankReference: at(line, 11, 31).trim() || null,
            location: `line ${no}`,
            lineNo: no,
          }
          statement.movements.push(movement)
        } else if (
          !movement ||
          movement.sequence !== seq ||
          (type === '2' && movement.detail !== detail) ||
          (type === '3' && detail !== movement.detail && detail !== movement.detail + 1)
        ) {
          throw new Refused(no, 'codaNoMovement', { record: id, sequence: seq, detail })
        } else if (type === '2' && sub === '2') {
          if (movement.structuredCommunication === null) movement.text.push(at(line, 11, 63))
        } else if (type === '2' && sub === '3') {
          movement.counterpartyIban = compactAccount(at(line, 11, 44))
          movement.counterpartyName = at(line, 48, 82).trim() || null
          if (movement.structuredCommunication === null) movement.text.push(at(line, 83, 125))
        } else if (sub === '1') {
          // Information records (3.x): details the bank adds (counterparty, references), read
          // once the movement is complete (finish).
          const structure = at(line, 40, 40)
          if (structure !== '0' && structure !== '1')
            throw new Refused(no, 'codaStructureCode', { actual: structure })
          movement.info.push({ structured: structure === '1', chunks: [at(line, 41, 113)] })
        } else {
          movement.info.at(-1)?.chunks.push(sub === '2' ? at(line, 11, 115) : at(line, 11, 100))
        }
        const next = at(line, 126, 126)
        const link = at(line, 128, 128)
        if (!['0', '1'].includes(next) || !['0', '1'].includes(link)) {
          throw new Refused(no, 'codaNextLink')
        }
        const isLast = (type === '2' && sub === '3') || (type === '3' && sub === '3')
        if (isLast && next === '1') throw new Refused(no, 'codaLastNext', { record: id })
        expect = {
          next: next === '1',
          link: next === '0' && link === '1',
          kind: next === '1' ? (type as '2' | '3') : link === '1' ? '3' : null,
          seq,
          detail,
        }
        return
      }
      case '4': {
        if ((state !== 'body' && state !== 'afterNew') || !current) {
          throw new Refused(no, 'codaFreePlace')
        }
        digits(line, no, 3, 6, 'sequenceNumber')
        digits(line, no, 7, 10, 'detailNumber')
        if (!['0', '1', ' '].includes(at(line, 128, 128))) throw new Refused(no, 'codaLink')
        current.freeRecords++
        current.free.push(at(line, 33, 112).trimEnd())
        return
      }
      case '8': {
        if (state !== 'body' || !current) throw new Refused(no, 'codaNewBalancePlace')
        const statement: StatementDraft = current
        const acc = account(line, no, statement.structure, 5)
        if (acc.iban !== statement.iban) {
          throw new Refused(no, 'codaAccountDiffers', { actual: acc.iban, expected: statement.iban })
        }
        if (at(line, 2, 4) !== statement.number) {
          throw new Refused(no, 'codaNumberDiffers', { actual: at(line, 2, 4), expected: statement.number })
        }
        newBalance = {
          no,
          cents: amount(line, no, 42, 43, 'newBalance'),
          date: date(line, no, 58, 'newBalanceDate'),
        }
        statement.counted++
        state = 'afterNew'
        return
      }
      case '9': {
        if (state !== 'afterNew' || !current || !newBalance) throw new Refused(no, 'codaTrailerPlace')
        const statement: StatementDraft = current
        const nb: { no: number; cents: number; date: string } = newBalance
        const count = digits(line, no, 17, 22, 'recordCount')
        if (count !== statement.counted && count !== statement.counted + statement.freeRecords) {
          throw new Refused(no, 'codaTrailerCount', { actual: count, expected: statement.counted })
        }
        const debit = digits(line, no, 23, 37, 'debitTotal') / 10
        const credit = digits(line, no, 38, 52, 'creditTotal') / 10
        const totals = (all: readonly MovementDraft[]) => ({
          debit: -all.filter((m) => m.amountCents < 0).reduce((s, m) => s + m.amountCents, 0),
          credit: all.filter((m) => m.amountCents > 0).reduce((s, m) => s + m.amountCents, 0),
        })
        const booked = totals(statement.movements.filter((m) => m.detail === 0))
        const every = totals(statement.movements)
        const fits = (t: { debit: number; credit: number }) => t.debit === debit && t.credit === credit
        if (!fits(booked) && !fits(every)) {
          throw new Refused(no, 'codaTrailerTotals', {
            debit,
            credit,
            expectedDebit: booked.debit,
            expectedCredit: booked.credit,
          })
        }
        const parsed: ParsedStatement = {
          format: 'coda',
          iban: statement.iban,
          currency: statement.currency,
          statementNumber: statement.number,
          oldBalanceDate: statement.oldBalanceDate,
          newBalanceDate: nb.date,
          oldBalanceCents: statement.oldBalanceCents,
          newBalanceCents: nb.cents,
          movements: statement.movements.map(finish),
          freeCommunication: statement.free.join('\n').trim() || null,
          location: `line ${nb.no}`,
        }
        const [unbalanced] = balanceIssues(parsed)
        if (unbalanced) throw new Refused(unbalanced)
        statements.push(parsed)
        current = null
        newBalance = null
        state = 'done'
        return
      }
      default:
        throw new Refused(no, 'codaUnknownType', { actual: type ?? '' })
    }
  })
  if ((state as string) !== 'done') throw new Refused(lines.length, 'codaTruncated')
  return statements
}
