import type { FieldIssue } from './domain-error.ts'
import { err, ok, type Result } from './result.ts'

/**
 * A Belgian enterprise number (numéro d'entreprise BCE / ondernemingsnummer KBO), normalized to
 * its official written form `0123.456.789`. Accepted input: `0123.456.789`, `0123456789`,
 * `BE0123456789`, `BE 0123.456.789` (spaces, dots and the VAT prefix are layout, not data).
 * Rules: 10 digits, the first 0 or 1, and the last two are the check digits
 * 97 − (first eight digits mod 97).
 */
export type EnterpriseNumber = string & { readonly __brand: 'EnterpriseNumber' }

export function checkDigits(firstEight: number): number {
  return 97 - (firstEight % 97)
}

export function parseEnterpriseNumber(input: string): Result<EnterpriseNumber, string> {
  const compact = input.trim().toUpperCase().replace(/^BE/, '').replace(/[\s.]/g, '')
  if (!/^\d{10}$/.test(compact)) return err('must have 10 digits, e.g. 0123.456.749 or BE0123456749')
  if (compact[0] !== '0' && compact[0] !== '1') return err('must start with 0 or 1')
  const body = Number(compact.slice(0, 8))
  const check = Number(compact.slice(8))
  if (checkDigits(body) !== check) return err('has wrong check digits')
  return ok(`${compact.slice(0, 4)}.${compact.slice(4, 7)}.${compact.slice(7)}` as EnterpriseNumber)
}

/** Validation helper for entities: an absent number is fine, a present one must be valid. */
export function enterpriseNumberIssue(path: string, value: string | null): FieldIssue | undefined {
  if (value === null) return undefined
  const parsed = parseEnterpriseNumber(value)
  return parsed.ok ? undefined : { path, message: parsed.error }
}
