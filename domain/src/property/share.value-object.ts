import { DomainErrors } from '../shared/domain-error.ts'
import { err, ok, type Result } from '../shared/result.ts'

/**
 * An ownership share is an integer number of millionths (ppm) of a unit, so shares add up
 * exactly: three owners of a third each are 333_333 + 333_333 + 333_334, never 0.9999999.
 */
export const FULL_SHARE_PPM = 1_000_000

const DECIMAL = /^([+-]?)(\d+)(?:\.(\d+))?$/

/**
 * Reads the v1 `ownership_share` (a decimal 0 < s ≤ 1, as a JSON number or a string with `.` or
 * `,`) into ppm digit by digit: floats are never multiplied, so 0.1 + 0.2 is refused rather than
 * rounded, and more than 6 significant decimals is an error instead of a silent truncation.
 */
export function sharePpmFromDecimal(value: number | string, field = 'ownership_share'): Result<number> {
  const text = typeof value === 'number' ? numberToPlainString(value) : value.trim().replace(',', '.')
  if (text === null) return err(DomainErrors.invalidField(field, 'must be a finite number'))
  const match = DECIMAL.exec(text)
  if (!match) return err(DomainErrors.invalidField(field, 'must be a decimal number between 0 and 1'))
  const [, sign = '', whole = '0', rawFraction = ''] = match
  // Trailing zeros carry no precision: "0.5000000" is exactly one half.
  const fraction = rawFraction.replace(/0+$/, '')
  if (fraction.length > 6) return err(DomainErrors.invalidField(field, 'must have at most 6 decimals'))
  const ppm = BigInt(whole) * BigInt(FULL_SHARE_PPM) + BigInt(fraction.padEnd(6, '0'))
  if (ppm === 0n || sign === '-') return err(DomainErrors.invalidField(field, 'must be greater than 0'))
  if (ppm > BigInt(FULL_SHARE_PPM)) return err(DomainErrors.invalidField(field, 'must be at most 1'))
  return ok(Number(ppm))
}

/** ppm → the v1 decimal; exact in the sense that it parses back to the same ppm. */
export function sharePpmToDecimal(ppm: number): number {
  return ppm / FULL_SHARE_PPM
}

export function isValidSharePpm(ppm: number): boolean {
  return Number.isInteger(ppm) && ppm >= 1 && ppm <= FULL_SHARE_PPM
}

function numberToPlainString(value: number): string | null {
  if (!Number.isFinite(value)) return null
  const text = String(value)
  // 1e-7 has too many decimals and 1e+21 is far above 1: neither can be a valid share.
  return /e/i.test(text) ? 'invalid' : text
}
