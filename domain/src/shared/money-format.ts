/** The languages documents are written in (the owners' preferred_language values). */
export type DocumentLanguage = 'fr' | 'nl' | 'de' | 'en'

export const DOCUMENT_LANGUAGES: readonly DocumentLanguage[] = ['fr', 'nl', 'de', 'en']

export function isDocumentLanguage(value: unknown): value is DocumentLanguage {
  return typeof value === 'string' && (DOCUMENT_LANGUAGES as readonly string[]).includes(value)
}

// No-break spaces: an amount never wraps between its digits and its sign.
const NBSP = '\u00a0'

/**
 * Integer cents as people read them, computed on integers (no float rounding): fr/nl/de
 * "1 234,57 €" (the Belgian way in all three languages), en "€1,234.57".
 */
export function formatCents(cents: number, language: DocumentLanguage): string {
  const { sign, euros, rest } = split(cents)
  if (language === 'en') return `${sign}€${group(euros, ',')}.${rest}`
  return `${sign}${group(euros, NBSP)},${rest}${NBSP}€`
}

/** Integer cents as a spreadsheet reads them: "1234,57" (fr/nl/de) or "1234.57" (en), no grouping. */
export function csvCents(cents: number, language: DocumentLanguage): string {
  const { sign, euros, rest } = split(cents)
  return `${sign}${euros}${language === 'en' ? '.' : ','}${rest}`
}

/** A share in millionths as a percentage with up to 4 decimals: 333333 → "33,3333 %" / "33.3333%". */
export function formatPpm(ppm: number, language: DocumentLanguage): string {
  const whole = Math.trunc(ppm / 10_000)
  const fraction = String(ppm % 10_000)
    .padStart(4, '0')
    .replace(/0+$/, '')
  if (language === 'en') return `${whole}${fraction ? `.${fraction}` : ''}%`
  return `${whole}${fraction ? `,${fraction}` : ''}${NBSP}%`
}

function split(cents: number): { sign: string; euros: string; rest: string } {
  if (!Number.isSafeInteger(cents)) throw new RangeError(`cents must be an integer, got ${cents}`)
  const abs = Math.abs(cents)
  return {
    sign: cents < 0 ? '-' : '',
    euros: String(Math.trunc(abs / 100)),
    rest: String(abs % 100).padStart(2, '0'),
  }
}

function group(digits: string, separator: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, separator)
}

/** A 'YYYY-MM-DD' day as written in letters: 01/03/2026 (fr, nl), 01.03.2026 (de), 2026-03-01 (en, unambiguous). */
export function formatCalendarDay(day: string, language: DocumentLanguage): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day)
  if (!m || language === 'en') return day
  return language === 'de' ? `${m[3]}.${m[2]}.${m[1]}` : `${m[3]}/${m[2]}/${m[1]}`
}
