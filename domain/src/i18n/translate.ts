// Translating without any UI framework: the same function renders the web's labels, the API's
// error messages and (next) e-mails and PDF letters, so a word is translated once.
import { de } from './de.ts'
import { en, type MessageKey, type Messages } from './en.ts'
import { fr } from './fr.ts'
import type { Locale } from './locale.ts'
import { nl } from './nl.ts'
import { type MessageParams, render } from './render.ts'

export const MESSAGES: Record<Locale, Messages> = { en, fr, nl, de }

export const isMessageKey = (key: string): key is MessageKey => Object.hasOwn(en, key)

export const translate = (locale: Locale, key: MessageKey, params?: MessageParams): string =>
  render(locale, MESSAGES[locale][key], params)
