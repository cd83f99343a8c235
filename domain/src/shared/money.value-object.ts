import { DomainErrors } from './domain-error.ts'
import { err, ok, type Result } from './result.ts'

/** Money is always an integer number of euro cents; never a float. */
export type Cents = number & { readonly __brand: 'Cents' }

export const MAX_CENTS = Number.MAX_SAFE_INTEGER

export function cents(value: number): Result<Cents> {
  if (!Number.isSafeInteger(value))
    return err(DomainErrors.invalidField('amount_cents', 'must be an integer number of cents'))
  return ok(value as Cents)
}

/**
 * Parses euros given as a JSON number or a decimal string ("12.34", "12,34") into cents without
 * floating-point arithmetic: the value's shortest decimal representation is read digit by digit,
 * so 0.1 + 0.2 (0.30000000000000004) is refused instead of silently rounded.
 */
export function centsFromEuros(value: number | string, field = 'amount'): Result<Cents> {
  const text = typeof value === 'number' ? numberToPlainString(value) : value.trim().replace(',', '.')
  if (text === null) return err(DomainErrors.invalidField(field, 'must be a finite number'))
  const match = /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(text)
  if (!match)
    return err(DomainErrors.invalidField(field, 'must be an amount in euros with at most 2 decimals'))
  const [, sign, whole = '0', fraction = ''] = match
  const total = BigInt(whole) * 100n + BigInt(fraction.padEnd(2, '0'))
  if (total > BigInt(MAX_CENTS)) return err(DomainErrors.invalidField(field, 'is too large'))
  const n = Number(total)
  return ok((sign === '-' && n !== 0 ? -n : n) as Cents)
}

/** Cents → euros for the v1 wire format (exact: a cents integer / 100 is the nearest double). */
export function centsToEuros(value: Cents | number): number {
  return value / 100
}

function numberToPlainString(value: number): string | null {
  if (!Number.isFinite(value)) return null
  const text = String(value)
  // Exponent forms (1e-7, 1e+21) are either too precise or too large for money.
  return /e/i.test(text) ? 'invalid' : text
}
