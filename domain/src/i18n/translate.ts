// Translating without any UI framework: the same function renders the web's labels, the API's
// error messages and (next) e-mails and PDF letters, so a word is translated once.
import { de } from './de.ts'
import { en, type MessageKey, type Messages } from './en.ts'
import { fr } from './fr.ts'
import { INTL_TAG, type Locale } from './locale.ts'
import { nl } from './nl.ts'
import type { Message } from './plural.ts'

export const MESSAGES: Record<Locale, Messages> = { en, fr, nl, de }

export type MessageParams = Readonly<Record<string, string | number>>

export const isMessageKey = (key: string): key is MessageKey => Object.hasOwn(en, key)

const pluralRules = new Map<Locale, Intl.PluralRules>()
function pluralOf(locale: Locale, count: number): Intl.LDMLPluralRule {
  let rules = pluralRules.get(locale)
  if (!rules) {
    rules = new Intl.PluralRules(INTL_TAG[locale])
    pluralRules.set(locale, rules)
  }
  return rules.select(count)
}

/** The template for `params.count` (plural forms), else the string itself. */
function templateOf(locale: Locale, message: Message, params: MessageParams | undefined): string {
  if (typeof message === 'string') return message
  const count = Number(params?.count)
  return (Number.isFinite(count) ? message[pluralOf(locale, count)] : undefined) ?? message.other
}

/** `{name}` placeholders are replaced by `params.name`; an unknown placeholder stays visible. */
export function translate(locale: Locale, key: MessageKey, params?: MessageParams): string {
  const template = templateOf(locale, MESSAGES[locale][key], params)
  if (!params) return template
  return template.replace(/\{(\w+)\}/g, (m, name: string) =>
    Object.hasOwn(params, name) ? String(params[name]) : m,
  )
}
