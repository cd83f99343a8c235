/*
 * A small CODA 2.x writer for tests and the bench only (the application never writes CODA): the
 * inverse of ../coda.ts on the fields it reads, after Febelfin's standard 2.6 layout. Every record
 * is exactly 128 characters.
 */

export type CodaMovementSpec = {
  readonly sequence: number
  readonly detail?: number
  /** A grouped batch's total (globalisation code 1); its details follow with detail 1, 2… */
  readonly batch?: boolean
  readonly amountCents: number
  readonly valueDate: string
  readonly bookingDate: string
  readonly bankReference?: string | null
  readonly counterpartyName?: string | null
  readonly counterpartyIban?: string | null
  /** Twelve digits: written as a type-101 structured communication. */
  readonly structuredCommunication?: string | null
  readonly freeText?: string | null
  /** Adds an information record 3.1 (+ 3.2, 3.3) after the movement. */
  readonly information?: string | null
  /** Writes the information as a structured communication of this type ('001', '101'…). */
  readonly informationType?: string | null
  /** The information records' detail number (default: the movement's). */
  readonly informationDetail?: number
}

export type CodaStatementSpec = {
  readonly iban: string
  readonly statementNumber: number
  readonly oldBalanceCents: number
  readonly newBalanceCents: number
  readonly oldBalanceDate: string
  readonly newBalanceDate: string
  readonly holderName?: string
  readonly movements: readonly CodaMovementSpec[]
  readonly freeCommunication?: string | null
}

const pad = (text: string, length: number) => text.slice(0, length).padEnd(length, ' ')
const num = (value: number, length: number) => String(value).padStart(length, '0')
const ddmmyy = (iso: string) => `${iso.slice(8, 10)}${iso.slice(5, 7)}${iso.slice(2, 4)}`
const signed = (cents: number) => `${cents < 0 ? '1' : '0'}${num(Math.abs(cents) * 10, 15)}`

/** A record from its fields at 1-based positions; the rest blanks. */
function record(fields: ReadonlyArray<readonly [from: number, text: string]>): string {
  const chars = Array.from({ length: 128 }, () => ' ')
  for (const [from, text] of fields)
    for (let i = 0; i < text.length; i++) chars[from - 1 + i] = text[i] as string
  const line = chars.join('')
  if (line.length !== 128) throw new Error('record overflow')
  return line
}

/** Splits text into chunks of the given lengths (the rest dropped). */
function chunks(text: string, lengths: readonly number[]): string[] {
  const out: string[] = []
  let at = 0
  for (const length of lengths) {
    out.push(text.slice(at, at + length))
    at += length
  }
  return out
}

export function writeCoda(statements: readonly CodaStatementSpec[], created = '2026-01-01'): string {
  const lines: string[] = []
  for (const s of statements) {
    const start = lines.length
    const account = `${pad(s.iban, 34)}EUR`
    lines.push(
      record([
        [1, '00000'],
        [6, ddmmyy(created)],
        [12, '000'],
        [15, '05'],
        [35, pad(s.holderName ?? 'ACP TEST', 26)],
        [128, '2'],
      ]),
    )
    const structure = s.iban.startsWith('BE') ? '2' : '3'
    const acc = structure === '2' ? `${pad(s.iban, 16)}${' '.repeat(18)}EUR` : account
    lines.push(
      record([
        [1, `1${structure}${num(s.statementNumber, 3)}`],
        [6, acc],
        [43, signed(s.oldBalanceCents)],
        [59, ddmmyy(s.oldBalanceDate)],
        [65, pad(s.holderName ?? 'ACP TEST', 26)],
        [126, num(s.statementNumber, 3)],
      ]),
    )
    let debit = 0
    let credit = 0
    for (const m of s.movements) {
      const detail = m.detail ?? 0
      if (detail === 0) {
        if (m.amountCents < 0) debit -= m.amountCents
        else credit += m.amountCents
      }
      const seq = num(m.sequence, 4) + num(detail, 4)
      const text = m.structuredCommunication ? '' : (m.freeText ?? '')
      const [c21 = '', c22 = '', c23 = ''] = chunks(text, [53, 53, 43])
      const needs22 = c22.trim() !== ''
      const needs23 = needs22 || c23.trim() !== '' || !!m.counterpartyIban || !!m.counterpartyName
      const info = m.information ? `${m.informationType ?? ''}${m.information}` : ''
      const infoSeq = num(m.sequence, 4) + num(m.informationDetail ?? detail, 4)
      const [i31 = '', i32 = '', i33 = ''] = chunks(info, [73, 105, 90])
      const link = info ? '1' : '0'
      const comm = m.structuredCommunication ? `101${m.structuredCommunication}` : c21
      lines.push(
        record([
          [1, `21${seq}`],
          [11, pad(m.bankReference ?? '', 21)],
          [32, signed(m.amountCents)],
          [48, ddmmyy(m.valueDate)],
          [54, '00150000'],
          [62, m.structuredCommunication ? '1' : '0'],
          [63, pad(comm, 53)],
          [116, ddmmyy(m.bookingDate)],
          [122, num(s.statementNumber, 3)],
          [125, m.batch ? '1' : '0'],
          [126, needs22 || needs23 ? '1' : '0'],
          [128, needs22 || needs23 ? '0' : link],
        ]),
      )
      if (needs22 || needs23) {
        lines.push(
          record([
            [1, `22${seq}`],
            [11, pad(c22, 53)],
            [126, '1'],
            [128, '0'],
          ]),
        )
        lines.push(
          record([
            [1, `23${seq}`],
            [11, `${pad(m.counterpartyIban ?? '', 34)}${m.counterpartyIban ? 'EUR' : '   '}`],
            [48, pad(m.counterpartyName ?? '', 35)],
            [83, pad(c23, 43)],
            [126, '0'],
            [128, link],
          ]),
        )
      }
      if (info) {
        const more32 = i32.trim() !== '' || i33.trim() !== ''
        const more33 = i33.trim() !== ''
        lines.push(
          record([
            [1, `31${infoSeq}`],
            [11, pad(m.bankReference ?? '', 21)],
            [32, '00150000'],
            [40, m.informationType ? '1' : '0'],
            [41, pad(i31, 73)],
            [126, more32 ? '1' : '0'],
            [128, '0'],
          ]),
        )
        if (more32) {
          lines.push(
            record([
              [1, `32${infoSeq}`],
              [11, pad(i32, 105)],
              [126, more33 ? '1' : '0'],
              [128, '0'],
            ]),
          )
        }
        if (more33)
          lines.push(
            record([
              [1, `33${infoSeq}`],
              [11, pad(i33, 90)],
              [126, '0'],
              [128, '0'],
            ]),
          )
      }
    }
    // One record 4 per 80 characters of free communication.
    for (let at = 0; s.freeCommunication && at < s.freeCommunication.length; at += 80) {
      lines.push(
        record([
          [1, `4 ${num(0, 4)}${num(0, 4)}`],
          [33, pad(s.freeCommunication.slice(at, at + 80), 80)],
          [128, '0'],
        ]),
      )
    }
    lines.push(
      record([
        [1, `8${num(s.statementNumber, 3)}`],
        [5, acc],
        [42, signed(s.newBalanceCents)],
        [58, ddmmyy(s.newBalanceDate)],
        [128, '0'],
      ]),
    )
    // Records 1, 2.x, 3.x and 8: everything since the header except record 4.
    const counted = lines.slice(start + 1).filter((l) => l[0] !== '4').length
    lines.push(
      record([
        [1, '9'],
        [17, num(counted, 6)],
        [23, num(debit * 10, 15)],
        [38, num(credit * 10, 15)],
        [128, '2'],
      ]),
    )
  }
  return `${lines.join('\r\n')}\r\n`
}
