// `@koprogo/domain/i18n`: the dictionaries and the translate function shared by the server and
// the web. It imports nothing else from the domain (the web bundles this subpath only); the enum
// and error fragments refer to domain types with `import type`, which leaves no code behind.
export type { MessageKey, Messages } from './en.ts'
export { type EnumName, enumKey } from './enum-messages.ts'
export { DEFAULT_LOCALE, INTL_TAG, isLocale, LOCALES, type Locale, negotiateLocale } from './locale.ts'
export type { Message, PluralForms } from './plural.ts'
export { isMessageKey, MESSAGES, type MessageParams, translate } from './translate.ts'
