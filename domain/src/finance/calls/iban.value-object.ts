import { isValidBIC } from 'ibantools'
import { DomainErrors } from '../../shared/domain-error.ts'
import { type Iban, parseIban } from '../../shared/iban.value-object.ts'
import { err, ok, type Result } from '../../shared/result.ts'

/**
 * A building account's IBAN in electronic form: the shared validator (`parseIban`, ibantools),
 * with the single message the calls' API has always answered.
 */
export function parseAccountIban(text: string, field = 'iban'): Result<Iban> {
  const parsed = parseIban(text)
  return parsed.ok ? ok(parsed.value) : err(DomainErrors.invalidField(field, 'is not a valid IBAN'))
}

/** `BE68 5390 0754 7034`: groups of four, as printed on a letter. */
export function formatAccountIban(iban: Iban): string {
  return iban.replace(/(.{4})(?=.)/g, '$1 ')
}

/** A BIC of 8 or 11 characters (ISO 9362), upper case; null stays null (optional in EPC QR v002). */
export function parseBic(text: string | null | undefined, field = 'bic'): Result<string | null> {
  if (text === null || text === undefined || text.trim() === '') return ok(null)
  const bic = text.trim().toUpperCase()
  if (!isValidBIC(bic)) return err(DomainErrors.invalidField(field, 'is not a valid BIC'))
  return ok(bic)
}
