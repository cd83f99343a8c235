// Rendering one message: its plural form, then its {placeholders}. Shared by the UI dictionaries
// (translate.ts) and the API's error texts (error-text.ts).
import { INTL_TAG, type Locale } from './locale.ts'
import type { Message } from './plural.ts'

export type MessageParams = Readonly<Record<string, string | number>>

const pluralRules = new Map<Locale, Intl.PluralRules>()
function pluralOf(locale: Locale, count: number): Intl.LDMLPluralRule {
  let rules = pluralRules.get(locale)
  if (!rules) {
    rules = new Intl.PluralRules(INTL_TAG[locale])
    pluralRules.set(locale, rules)
  }
  return rules.select(count)
}

/**
 * The message rendered: plural forms pick the form of `params.count` with the language's rules
 * (or `category` when the caller already knows it), then `{name}` placeholders are replaced by
 * `params.name`; an unknown placeholder stays visible.
 */
export function render(
  locale: Locale,
  message: Message,
  params?: MessageParams,
  category?: Intl.LDMLPluralRule,
): string {
  let template: string
  if (typeof message === 'string') template = message
  else {
    const count = Number(params?.count)
    const form = category ?? (Number.isFinite(count) ? pluralOf(locale, count) : 'other')
    template = message[form] ?? message.other
  }
  if (!params) return template
  return template.replace(/\{(\w+)\}/g, (m, name: string) =>
    Object.hasOwn(params, name) ? String(params[name]) : m,
  )
}
