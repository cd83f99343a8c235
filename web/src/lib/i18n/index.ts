// Solid binding of the i18n core: one reactive locale, remembered in localStorage.
import { createRoot, createSignal } from 'solid-js'
import * as f from './format'
import type { Locale, MessageKey } from './messages'

export { LOCALES, type Locale, type MessageKey } from './messages'

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
export const money = (cents: number | null | undefined) =>
  cents == null ? '' : f.formatCents(locale(), cents)
export const date = (iso: string | null | undefined) => f.formatDate(locale(), iso)
export const dateTime = (iso: string | null | undefined) => f.formatDateTime(locale(), iso)
export const num = (n: number | null | undefined, digits = 0) =>
  n == null ? '' : f.formatNumber(locale(), n, digits)
export const percent = (ratio: number) => f.formatPercent(locale(), ratio)
