// Locale logic without any UI framework (unit-tested): picking a locale and formatting money/dates
// the Belgian way for each language. The dictionaries and `translate` live in
// `@koprogo/domain/i18n`, shared with the server (its error messages, e-mails and letters).
import { INTL_TAG, isLocale, type Locale, negotiateLocale } from '@koprogo/domain/i18n'

export { isLocale, translate } from '@koprogo/domain/i18n'

/** Stored choice first, then the browser's preferred languages, then French. */
export function pickLocale(stored: string | null, preferred: readonly string[]): Locale {
  return isLocale(stored) ? stored : negotiateLocale(preferred, 'fr')
}

export function formatCents(locale: Locale, cents: number): string {
  return new Intl.NumberFormat(INTL_TAG[locale], { style: 'currency', currency: 'EUR' }).format(cents / 100)
}

export function formatDate(locale: Locale, iso: string | null | undefined): string {
  if (!iso) return ''
  const d = new Date(iso)
  if (Number.isNaN(d.getTime())) return iso
  // Plain dates (YYYY-MM-DD) are calendar days: format in UTC so no timezone shifts the day.
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(iso)
  return new Intl.DateTimeFormat(INTL_TAG[locale], {
    dateStyle: 'medium',
    ...(dateOnly ? { timeZone: 'UTC' } : {}),
  }).format(d)
}

export function formatDateTime(locale: Locale, iso: string | null | undefined): string {
  if (!iso) return ''
  const d = new Date(iso)
  if (Number.isNaN(d.getTime())) return iso
  return new Intl.DateTimeFormat(INTL_TAG[locale], { dateStyle: 'medium', timeStyle: 'short' }).format(d)
}

export function formatNumber(locale: Locale, n: number, fractionDigits = 0): string {
  return new Intl.NumberFormat(INTL_TAG[locale], { maximumFractionDigits: fractionDigits }).format(n)
}

export function formatPercent(locale: Locale, ratio: number): string {
  return new Intl.NumberFormat(INTL_TAG[locale], { style: 'percent', maximumFractionDigits: 2 }).format(ratio)
}
