// Solid binding of the i18n core: one reactive locale, remembered in localStorage.

import { type EnumName, enumKey, isMessageKey, type Locale, type MessageKey } from '@koprogo/domain/i18n'
import { createRoot, createSignal } from 'solid-js'
import * as f from './format'

export { LOCALES, type Locale, type MessageKey } from '@koprogo/domain/i18n'

const STORAGE_KEY = 'koprogo.locale'
const LOCALE_NAMES: Record<Locale, string> = {
  fr: 'Français',
  nl: 'Nederlands',
  de: 'Deutsch',
  en: 'English',
}
export const localeName = (l: Locale) => LOCALE_NAMES[l]

const [locale, setLocaleSignal] = createRoot(() =>
  createSignal<Locale>(
    f.pickLocale(
      typeof localStorage === 'undefined' ? null : localStorage.getItem(STORAGE_KEY),
      typeof navigator === 'undefined' ? [] : navigator.languages,
    ),
  ),
)

export { locale }

export function setLocale(l: Locale): void {
  localStorage.setItem(STORAGE_KEY, l)
  document.documentElement.lang = l
  setLocaleSignal(l)
}

export const t = (key: MessageKey, params?: Record<string, string | number>) =>
  f.translate(locale(), key, params)
/** The label of an enum value sent by the API ('Apartment', 'Paid'); an unknown value shows as is. */
export const tEnum = (name: EnumName, value: unknown): string => {
  if (typeof value !== 'string' || value === '') return ''
  const key: string = enumKey(name, value as never)
  return isMessageKey(key) ? t(key) : value
}
/** A label for a key built at run time (`field.${name}`), or `fallback` when there is none. */
export const tMaybe = (key: string, fallback: string): string => (isMessageKey(key) ? t(key) : fallback)
export const money = (cents: number | null | undefined) =>
  cents == null ? '' : f.formatCents(locale(), cents)
export const date = (iso: string | null | undefined) => f.formatDate(locale(), iso)
export const dateTime = (iso: string | null | undefined) => f.formatDateTime(locale(), iso)
export const num = (n: number | null | undefined, digits = 0) =>
  n == null ? '' : f.formatNumber(locale(), n, digits)
export const percent = (ratio: number) => f.formatPercent(locale(), ratio)

/**
 * Builds the locale's first date and money formatters now. The first Intl.DateTimeFormat of a
 * page loads ICU's calendar patterns for the locale (~100 ms on this machine's CPU, ×4 on the
 * phone Lighthouse simulates) and the first Intl.NumberFormat its number data: unavoidable on
 * a signed-in page (the sync bar's time, the page's dates and amounts), and done later they
 * landed in the middle of the page's first tasks, after the first paint, as one long task
 * (issue #19; ADR 0052). Called by the entry before the first render of a signed-in page.
 */
export function warmFormatters(): void {
  f.formatDateTime(locale(), '2000-01-01T00:00:00Z')
  f.formatDate(locale(), '2000-01-01')
  f.formatCents(locale(), 0)
}
