// Locale logic without any UI framework (unit-tested): picking a locale, translating with
// {placeholders}, and formatting money/dates the Belgian way for each language.
import { LOCALES, type Locale, MESSAGES, type MessageKey } from './messages'

/** Belgian variants: fr-BE "1 234,56 €", nl-BE "€ 1.234,56", de-BE "1.234,56 €". */
const INTL_TAG: Record<Locale, string> = { fr: 'fr-BE', nl: 'nl-BE', de: 'de-BE', en: 'en-BE' }

export const isLocale = (v: unknown): v is Locale =>
  typeof v === 'string' && (LOCALES as readonly string[]).includes(v)

/** Stored choice first, then the browser's preferred languages, then French. */
export function pickLocale(stored: string | null, preferred: readonly string[]): Locale {
  if (isLocale(stored)) return stored
  for (const tag of preferred) {
    const base = tag.toLowerCase().split('-')[0]
    if (isLocale(base)) return base
  }
  return 'fr'
}

export function translate(locale: Locale, key: MessageKey, params?: Record<string, string | number>): string {
  const template = MESSAGES[locale][key]
  if (!params) return template
  return template.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m))
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
