import type { FieldIssue } from './domain-error.ts'
import { err, ok, type Result } from './result.ts'

/**
 * An IBAN (ISO 13616), normalized to its electronic form (upper case, no spaces). Checked by its
 * length for the country when known (a Belgian IBAN has 16 characters) and by the ISO 7064
 * mod 97-10 check: the country code and check digits moved to the end, letters as 10–35, the
 * number mod 97 must be 1. Computed piecewise, so no big integer is needed.
 */
export type Iban = string & { readonly __brand: 'Iban' }

/** Lengths of the SEPA countries' IBANs a Belgian association meets most; others: 15–34. */
const LENGTHS: Readonly<Record<string, number>> = {
  BE: 16,
  FR: 27,
  NL: 18,
  LU: 20,
  DE: 22,
  ES: 24,
  IT: 27,
  PT: 25,
  GB: 22,
  IE: 22,
  AT: 20,
  CH: 21,
}

export function ibanMod97(iban: string): number {
  const rearranged = iban.slice(4) + iban.slice(0, 4)
  let rest = 0
  for (const ch of rearranged) {
    const code = ch.charCodeAt(0)
    const digits = code >= 65 ? String(code - 55) : ch
    for (const d of digits) rest = (rest * 10 + Number(d)) % 97
  }
  return rest
}

export function parseIban(input: string): Result<Iban, string> {
  const compact = input.replace(/\s+/g, '').toUpperCase()
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(compact)) return err('must be an IBAN, e.g. BE68 5390 0754 7034')
  const expected = LENGTHS[compact.slice(0, 2)]
  if (expected !== undefined && compact.length !== expected)
    return err(`must have ${expected} characters for ${compact.slice(0, 2)}`)
  if (ibanMod97(compact) !== 1) return err('has wrong check digits')
  return ok(compact as Iban)
}

/** Validation helper for entities: an absent IBAN is fine, a present one must be valid. */
export function ibanIssue(path: string, value: string | null): FieldIssue | undefined {
  if (value === null) return undefined
  const parsed = parseIban(value)
  return parsed.ok ? undefined : { path, message: parsed.error }
}
