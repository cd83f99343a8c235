import { DomainErrors } from '../../shared/domain-error.ts'
import { err, ok, type Result } from '../../shared/result.ts'

/**
 * Belgian structured communication (communication structurée / gestructureerde mededeling,
 * "OGM/VCS"), the payment reference of Belgian banks and of Febelfin's CODA statements: twelve
 * digits, ten of payload and two check digits equal to the payload modulo 97, written 97 when the
 * remainder is 0 (so "00" never occurs), printed `+++ddd/dddd/ddddd+++` (asterisks are accepted as
 * delimiters too). Sources: Febelfin's standard for structured communication as used in
 * CODA (field "structured communication", type 101); the rule is restated by the ISO 20022
 * Belgian usage (issuer "BBA", reference of 12 digits, check digits mod 97, 97 for 0).
 */
export type StructuredCommunication = string & { readonly __brand: 'StructuredCommunication' }

/** The largest ten-digit payload. */
export const STRUCTURED_COMMUNICATION_MAX_PAYLOAD = 9_999_999_999

/** Check digits of a ten-digit payload: payload mod 97, or 97 when that is 0. */
export function communicationCheckDigits(payload: number): number {
  const r = payload % 97
  return r === 0 ? 97 : r
}

/** The twelve digits for a payload in 0..9_999_999_999 (no separators). */
export function structuredCommunicationOf(payload: number): StructuredCommunication {
  if (!Number.isSafeInteger(payload) || payload < 0 || payload > STRUCTURED_COMMUNICATION_MAX_PAYLOAD) {
    throw new Error(`structured communication payload out of range: ${payload}`)
  }
  return `${String(payload).padStart(10, '0')}${String(communicationCheckDigits(payload)).padStart(2, '0')}` as StructuredCommunication
}

/**
 * The payload of the communication of one line of a call: four digits for the building's call
 * number and six for the line's number inside the call. Distinct (call, line) pairs give distinct
 * payloads (the map is injective on 1..9999 × 1..999999), so every line of a building carries its
 * own communication; the database's unique index (building, communication) backs it.
 */
export function callLineCommunication(callNumber: number, lineNumber: number): StructuredCommunication {
  if (!Number.isSafeInteger(callNumber) || callNumber < 1 || callNumber > 9_999) {
    throw new Error(`call number out of range: ${callNumber}`)
  }
  if (!Number.isSafeInteger(lineNumber) || lineNumber < 1 || lineNumber > 999_999) {
    throw new Error(`line number out of range: ${lineNumber}`)
  }
  return structuredCommunicationOf(callNumber * 1_000_000 + lineNumber)
}

/** `+++ddd/dddd/ddddd+++`, the printed form. */
export function formatStructuredCommunication(c: StructuredCommunication): string {
  return `+++${c.slice(0, 3)}/${c.slice(3, 7)}/${c.slice(7, 12)}+++`
}

/**
 * Reads a communication as a payer types it: with or without `+++`/`***`, slashes, spaces or dots;
 * refuses anything that is not twelve digits with valid check digits.
 */
export function parseStructuredCommunication(
  text: string,
  field = 'communication',
): Result<StructuredCommunication> {
  const digits = text.replace(/^\s*(\+\+\+|\*\*\*)?|(\+\+\+|\*\*\*)?\s*$/g, '').replace(/[\s/.-]/g, '')
  if (!/^\d{12}$/.test(digits)) {
    return err(DomainErrors.invalidField(field, 'is not a structured communication (+++ddd/dddd/ddddd+++)'))
  }
  const payload = Number(digits.slice(0, 10))
  if (Number(digits.slice(10)) !== communicationCheckDigits(payload)) {
    return err(DomainErrors.invalidField(field, 'has wrong check digits (modulo 97)'))
  }
  return ok(digits as StructuredCommunication)
}

export function isValidStructuredCommunication(text: string): boolean {
  return parseStructuredCommunication(text).ok
}
