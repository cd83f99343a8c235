// Ownership shares as people type them — "1/3", "0,5", "0.5", "50 %" — read exactly into the
// API's unit: millionths of a lot (ppm). The API takes `ownership_share` as a decimal with at most
// 6 decimals (it stores ppm), so a third cannot be sent exactly: it is rounded to 0.333333 and the
// form says so. Pure functions, no DOM: unit-tested in share.test.ts.

export const FULL_PPM = 1_000_000

export type ShareError = 'empty' | 'invalid' | 'ambiguous' | 'zero' | 'tooLarge' | 'precision'

export interface ParsedShare {
  /** Millionths of the lot, 1..1_000_000, rounded half-up when the input is finer. */
  ppm: number
  /** False when the typed value had to be rounded (1/3 → 333 333 ppm). */
  exact: boolean
  /** The exact value as a fraction num/den (BigInt: no float ever touches the share). */
  num: bigint
  den: bigint
}

export type ShareResult = { ok: true; value: ParsedShare } | { ok: false; error: ShareError }

/** The separator a locale groups thousands with ("1,000" in en, "1.000" in nl/de). */
const GROUP_SEPARATOR: Record<string, string> = { en: ',', nl: '.', de: '.', fr: ' ' }

const fail = (error: ShareError): ShareResult => ({ ok: false, error })

function fromFraction(num: bigint, den: bigint): ShareResult {
  if (den === 0n) return fail('invalid')
  if (num === 0n) return fail('zero')
  if (num > den) return fail('tooLarge')
  const scaled = num * BigInt(FULL_PPM)
  const floor = scaled / den
  const rest = scaled % den
  // Half-up: 2/3 = 666 666.67 → 666 667, so 1/3 + 2/3 is exactly one lot.
  const ppm = Number(rest * 2n >= den ? floor + 1n : floor)
  if (ppm === 0) return fail('precision')
  return { ok: true, value: { ppm, exact: rest === 0n, num, den } }
}

/**
 * Reads a share typed in `locale` (fr, nl, de, en). Accepts a fraction `n/d`, a decimal with `.`
 * or `,`, or a percentage `n %`. Refuses what could mean two things ("1,000" in English, a value
 * with both `.` and `,`), anything outside 0 < s ≤ 1, and decimals finer than the API keeps
 * (7+ decimals: type the fraction instead).
 */
export function parseShare(input: string, locale = 'fr'): ShareResult {
  // Spaces (including the no-break and narrow ones of French typography) carry no meaning here.
  const text = input.replace(/[\s\u00a0\u202f]+/g, '')
  if (text === '') return fail('empty')

  const fraction = /^(\d+)\/(\d+)$/.exec(text)
  if (fraction) return fromFraction(BigInt(fraction[1] as string), BigInt(fraction[2] as string))

  const percent = text.endsWith('%')
  const body = percent ? text.slice(0, -1) : text
  if (body.includes('.') && body.includes(',')) return fail('ambiguous')
  const decimal = /^(\d*)(?:[.,](\d+))?$/.exec(body)
  if (!decimal) return fail('invalid')
  const whole = decimal[1] ?? ''
  const digits = decimal[2] ?? ''
  if (whole === '' && digits === '') return fail('invalid')
  const separator = body.slice(whole.length, whole.length + 1)
  // "1,000" is one thousand to an English reader and one to a French one: ask instead of guessing.
  if (
    !percent &&
    digits.length === 3 &&
    /[1-9]/.test(whole) &&
    separator !== '' &&
    GROUP_SEPARATOR[locale] === separator
  ) {
    return fail('ambiguous')
  }
  const fractionDigits = digits.replace(/0+$/, '')
  const num = BigInt(`${whole || '0'}${fractionDigits}`)
  const den = 10n ** BigInt(fractionDigits.length) * (percent ? 100n : 1n)
  const parsed = fromFraction(num, den)
  // A decimal is what the API stores: more than 6 decimals would be silently rounded, refuse it.
  if (parsed.ok && !parsed.value.exact) return fail('precision')
  return parsed
}

/** ppm → the decimal string the API takes ("0.333333", "1"): integer arithmetic, no float. */
export function ppmToDecimal(ppm: number): string {
  const whole = Math.floor(ppm / FULL_PPM)
  const frac = String(ppm % FULL_PPM)
    .padStart(6, '0')
    .replace(/0+$/, '')
  return frac ? `${whole}.${frac}` : String(whole)
}

/**
 * Shares typed together (the buyers of one right in a sale): rounded so that their sum is the
 * rounded exact sum (largest remainder), e.g. 2/3 + 1/6 + 1/6 = 666 666 + 166 667 + 166 667 =
 * exactly one lot, where rounding each alone would give 1 000 001 and be refused.
 */
export function allocate(shares: readonly ParsedShare[]): number[] {
  const scaled = shares.map((s) => ({
    floor: (s.num * BigInt(FULL_PPM)) / s.den,
    rest: (((s.num * BigInt(FULL_PPM)) % s.den) * 1_000_000_000n) / s.den,
  }))
  // Σ exact, rounded half-up, in ppm: the lcm-free way is Σ (floor + rest/1e9) — rest is kept at
  // 1e-9 ppm precision, far finer than any rounding decision below.
  const sumFloor = scaled.reduce((a, s) => a + s.floor, 0n)
  const sumRest = scaled.reduce((a, s) => a + s.rest, 0n)
  const target = sumFloor + (sumRest + 500_000_000n) / 1_000_000_000n
  let missing = Number(target - sumFloor)
  const order = scaled
    .map((s, i) => ({ i, rest: s.rest }))
    .sort((a, b) => (b.rest > a.rest ? 1 : b.rest < a.rest ? -1 : a.i - b.i))
  const out = scaled.map((s) => Number(s.floor))
  for (const { i, rest } of order) {
    if (missing <= 0 || rest === 0n) break
    out[i] = (out[i] as number) + 1
    missing--
  }
  return out
}

/**
 * One share added next to existing ones: when the typed value was rounded (a third) and is within
 * one millionth of what is left of the lot for that right, it takes exactly what is left — the
 * last of three thirds completes the lot instead of leaving 0.999999 or overflowing to 1.000001.
 */
export function snapToRemaining(share: ParsedShare, remainingPpm: number): number {
  return !share.exact && remainingPpm > 0 && Math.abs(share.ppm - remainingPpm) <= 1
    ? remainingPpm
    : share.ppm
}

export type RightType = 'full' | 'usufruct' | 'bare'

/** What is left of the lot for a new link of `right` among `holding` (the links of one date). */
export function remainingFor(
  right: RightType,
  holding: readonly { share_ppm: number; right_type: RightType }[],
): number {
  const sum = (r: RightType) => holding.filter((l) => l.right_type === r).reduce((a, l) => a + l.share_ppm, 0)
  const full = sum('full')
  const usufruct = full + sum('usufruct')
  const bare = full + sum('bare')
  const used = right === 'usufruct' ? usufruct : right === 'bare' ? bare : Math.max(usufruct, bare)
  return FULL_PPM - used
}
