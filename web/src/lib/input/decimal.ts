// Decimal input as people type it (issue #19, item 2): "1234,57" in French, Dutch or German,
// "1234.57" anywhere. The text is read digit by digit into an integer of `places` decimals
// (cents for amounts), never through a float, and anything that could mean two things is
// refused rather than guessed: "1.234" may be 1234 (grouping) or 1.234, "1.234,5" mixes both.

export type DecimalError = 'invalid' | 'ambiguous' | 'tooManyDecimals' | 'tooLarge'

export type DecimalResult = { ok: true; scaled: number } | { ok: false; error: DecimalError }

/** More digits than this and the integer is no longer exact in a JS number (2^53 ≈ 9.0e15). */
const MAX_DIGITS = 15

const SHAPE = /^(\d*)(?:([.,])(\d*))?$/

/**
 * Reads `text` as a non-negative decimal with at most `places` decimals and returns it scaled by
 * 10^places (places 2: "1234,57" → 123457). Accepts "," or "." as the decimal separator, one at
 * most, no grouping (spaces, apostrophes, a second separator), no sign, no exponent.
 */
export function parseDecimal(text: string, places: number): DecimalResult {
  const s = text.trim()
  if (s === '') return { ok: false, error: 'invalid' }
  const m = SHAPE.exec(s)
  if (!m) {
    // Digits with grouping separators (1.234,5 / 1 234 / 1'234) are refused as ambiguous.
    return /^[\d\s.,'\u00a0\u202f]+$/.test(s)
      ? { ok: false, error: 'ambiguous' }
      : { ok: false, error: 'invalid' }
  }
  const int = m[1] ?? ''
  const sep = m[2]
  const frac = m[3] ?? ''
  if (int === '' && frac === '') return { ok: false, error: 'invalid' }
  if (sep && frac === '') return { ok: false, error: 'invalid' }
  if (frac.length > places) {
    // "1.234" or "1,234": a grouping separator to some, a decimal one to others.
    return {
      ok: false,
      error: frac.length === 3 && int !== '' && int !== '0' ? 'ambiguous' : 'tooManyDecimals',
    }
  }
  const digits = (int + frac.padEnd(places, '0')).replace(/^0+(?=\d)/, '')
  if (digits.length > MAX_DIGITS) return { ok: false, error: 'tooLarge' }
  return { ok: true, scaled: Number(digits) }
}

/** A scaled integer back as text with the locale's separator (85.5 m² → "85,5" in French). */
export function formatDecimal(value: number, places: number, separator: string): string {
  const fixed = value.toFixed(places)
  const [int, frac = ''] = fixed.split('.')
  const trimmed = frac.replace(/0+$/, '')
  return trimmed ? `${int}${separator}${trimmed}` : (int ?? '')
}

/** The decimal separator of a BCP 47 locale ("," for fr-BE, nl-BE, de-BE; "." for en). */
export function decimalSeparator(locale: string): string {
  return new Intl.NumberFormat(locale).formatToParts(1.5).find((p) => p.type === 'decimal')?.value ?? '.'
}
