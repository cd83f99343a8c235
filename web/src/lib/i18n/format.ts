// Locale logic without any UI framework (unit-tested): picking a locale and formatting money/dates
// the Belgian way for each language. The dictionaries and `translate` live in
// `@koprogo/domain/i18n`, shared with the server (its error messages, e-mails and letters).
import { INTL_TAG, isLocale, type Locale, negotiateLocale } from '@koprogo/domain/i18n'

export { isLocale, translate } from '@koprogo/domain/i18n'

/** Stored choice first, then the browser's preferred languages, then French. */
export function pickLocale(stored: string | null, preferred: readonly string[]): Locale {
  return isLocale(stored) ? stored : negotiateLocale(preferred, 'fr')
}

/**
 * One Intl formatter per locale and options, reused: constructing one costs far more than
 * formatting with it (ICU loads the locale's patterns each time), and a page formats every
 * amount, date and count of its lists. Lighthouse found the constructions on the main thread of
 * each page load (docs/performance.md § Lighthouse); `format.test.ts` counts them.
 */
const numberFormats = new Map<string, Intl.NumberFormat>()
const dateFormats = new Map<string, Intl.DateTimeFormat>()

export function numberFormat(tag: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${tag}|${JSON.stringify(options)}`
  let f = numberFormats.get(key)
  if (!f) {
    f = new Intl.NumberFormat(tag, options)
    numberFormats.set(key, f)
  }
  return f
}

export function dateTimeFormat(tag: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${tag}|${JSON.stringify(options)}`
  let f = dateFormats.get(key)
  if (!f) {
    f = new Intl.DateTimeFormat(tag, options)
    dateFormats.set(key, f)
  }
  return f
}

export function formatCents(locale: Locale, cents: number): string {
  return numberFormat(INTL_TAG[locale], { style: 'currency', currency: 'EUR' }).format(cents / 100)
}

export function formatDate(locale: Locale, iso: string | null | undefined): string {
  if (!iso) return ''
  const d = new Date(iso)
  if (Number.isNaN(d.getTime())) return iso
  // Plain dates (YYYY-MM-DD) are calendar days: format in UTC so no timezone shifts the day.
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(iso)
  return dateTimeFormat(INTL_TAG[locale], {
    dateStyle: 'medium',
    ...(dateOnly ? { timeZone: 'UTC' } : {}),
  }).format(d)
}

export function formatDateTime(locale: Locale, iso: string | null | undefined): string {
  if (!iso) return ''
  const d = new Date(iso)
  if (Number.isNaN(d.getTime())) return iso
  return dateTimeFormat(INTL_TAG[locale], { dateStyle: 'medium', timeStyle: 'short' }).format(d)
}

export function formatNumber(locale: Locale, n: number, fractionDigits = 0): string {
  return numberFormat(INTL_TAG[locale], { maximumFractionDigits: fractionDigits }).format(n)
}

export function formatPercent(locale: Locale, ratio: number): string {
  return numberFormat(INTL_TAG[locale], { style: 'percent', maximumFractionDigits: 2 }).format(ratio)
}
