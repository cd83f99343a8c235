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
