import { electronicFormatIBAN, getCountrySpecifications, ValidationErrorsIBAN, validateIBAN } from 'ibantools'
import type { FieldIssue } from './domain-error.ts'
import { err, ok, type Result } from './result.ts'

/**
 * An IBAN (ISO 13616), normalized to its electronic form (upper case, no spaces). The one IBAN
 * validator of the code base (suppliers' and the buildings' accounts alike): `ibantools`, well
 * kept, checks the country's length and BBAN format from the SWIFT IBAN registry and the ISO 7064
 * mod 97-10 check digits (a hand-written mod 97 used to live here, with its own short list of
 * country lengths). The reasons stay the ones the error catalogue translates.
 */
export type Iban = string & { readonly __brand: 'Iban' }

export function parseIban(input: string): Result<Iban, string> {
  const compact = electronicFormatIBAN(input) ?? ''
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(compact)) return err('must be an IBAN, e.g. BE68 5390 0754 7034')
  const { valid, errorCodes } = validateIBAN(compact)
  if (valid) return ok(compact as Iban)
  const country = compact.slice(0, 2)
  const expected = getCountrySpecifications()[country]?.chars
  if (expected && compact.length !== expected) return err(`must have ${expected} characters for ${country}`)
  if (
    errorCodes.includes(ValidationErrorsIBAN.WrongIBANChecksum) ||
    errorCodes.includes(ValidationErrorsIBAN.WrongAccountBankBranchChecksum)
  )
    return err('has wrong check digits')
  return err('must be an IBAN, e.g. BE68 5390 0754 7034')
}

/** Validation helper for entities: an absent IBAN is fine, a present one must be valid. */
export function ibanIssue(path: string, value: string | null): FieldIssue | undefined {
  if (value === null) return undefined
  const parsed = parseIban(value)
  return parsed.ok ? undefined : { path, message: parsed.error }
}
