import type { Iban } from '../../shared/iban.value-object.ts'
import type { StructuredCommunication } from './structured-communication.ts'

/**
 * The payload of an EPC QR code ("GiroCode"): European Payments Council, "Quick Response Code:
 * Guidelines to Enable Data Capture for the Initiation of a SEPA Credit Transfer", EPC069-12.
 * Elements separated by LF, in this order: service tag `BCD`, version `002` (BIC optional inside
 * the EEA), character set `1` (UTF-8), identification `SCT`, BIC, beneficiary name (≤ 70),
 * IBAN, amount `EUR` + 0.01–999999999.99 with a dot, purpose (≤ 4), structured creditor
 * reference (≤ 35) OR unstructured remittance text (≤ 140) — never both —, information for the
 * payer (≤ 70); nothing after the last element given; 331 bytes at most. The symbol itself uses
 * error correction level M (the guideline's requirement), which the renderers apply.
 *
 * A Belgian structured communication goes in the structured creditor reference, as its twelve
 * digits: that is the field Belgian banks' apps read it from (the ISO 20022 equivalent is the
 * structured remittance "SCOR" reference with issuer "BBA"), and the text field stays empty
 * because the guideline forbids both.
 */
export type EpcTransfer = {
  readonly bic: string | null
  readonly beneficiaryName: string
  readonly iban: Iban
  readonly amountCents: number
  readonly reference: StructuredCommunication
  /** Shown to the payer by the banking app, not transmitted (≤ 70). */
  readonly information?: string | undefined
}

export const EPC_LIMITS = { name: 70, reference: 35, information: 70, payloadBytes: 331 } as const
/** EPC069-12: from 0.01 to 999999999.99 euros. */
export const EPC_MAX_CENTS = 99_999_999_999

/**
 * Builds the payload. Texts are cut to their maximum length (the name and the information are
 * free texts of the building; the letter prints them in full), control characters replaced by
 * spaces (a LF would shift every element after it). Throws on an amount out of range: a caller
 * bug, as the call's lines are validated before.
 */
export function epcQrPayload(t: EpcTransfer): string {
  if (!Number.isSafeInteger(t.amountCents) || t.amountCents < 1 || t.amountCents > EPC_MAX_CENTS) {
    throw new Error(`EPC amount out of range: ${t.amountCents}`)
  }
  const elements = [
    'BCD',
    '002',
    '1',
    'SCT',
    t.bic ?? '',
    clean(t.beneficiaryName, EPC_LIMITS.name),
    t.iban,
    `EUR${euros(t.amountCents)}`,
    '',
    t.reference,
    '',
    clean(t.information ?? '', EPC_LIMITS.information),
  ]
  while (elements.length > 0 && elements[elements.length - 1] === '') elements.pop()
  const payload = elements.join('\n')
  if (utf8Length(payload) > EPC_LIMITS.payloadBytes) {
    throw new Error('EPC payload longer than 331 bytes')
  }
  return payload
}

/** UTF-8 length of a string, counted by code point: the domain has no DOM or Node types (no TextEncoder). */
function utf8Length(text: string): number {
  let bytes = 0
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0
    bytes += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4
  }
  return bytes
}

/** The fields of a payload, for tests and the web's checks (the inverse of epcQrPayload). */
export function parseEpcQrPayload(payload: string): {
  readonly version: string
  readonly bic: string
  readonly name: string
  readonly iban: string
  readonly amountCents: number | null
  readonly reference: string
  readonly text: string
  readonly information: string
} {
  const e = payload.split(/\r?\n/)
  const at = (i: number) => e[i] ?? ''
  const amount = /^EUR(\d+)(?:\.(\d{1,2}))?$/.exec(at(7))
  return {
    version: at(1),
    bic: at(4),
    name: at(5),
    iban: at(6),
    amountCents: amount ? Number(amount[1]) * 100 + Number((amount[2] ?? '0').padEnd(2, '0')) : null,
    reference: at(9),
    text: at(10),
    information: at(11),
  }
}

function euros(cents: number): string {
  return `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`
}

function clean(text: string, max: number): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed
  return [...text.replace(/[\u0000-\u001f\u007f]/g, ' ').trim()].slice(0, max).join('')
}
