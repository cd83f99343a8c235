/**
 * A message is a template string, or plural forms chosen by the `count` parameter through
 * Intl.PluralRules (CLDR categories: English and Dutch/German use one/other, French counts 0 and
 * 1 as "one"). `other` is mandatory: it is every language's catch-all.
 */
export type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>> & { readonly other: string }
export type Message = string | PluralForms
