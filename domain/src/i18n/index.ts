// `@koprogo/domain/i18n`: the dictionaries and the translate function shared by the server and
// the web. It imports nothing else from the domain (the web bundles this subpath only); the enum
// and error fragments refer to domain types with `import type`, which leaves no code behind.
export type { MessageKey, Messages } from './en.ts'
export { type EnumName, enumKey } from './enum-messages.ts'
export type { ErrorKey } from './error-messages.ts'
export {
  databaseUnavailableDetail,
  describeError,
  ERROR_MESSAGES,
  internalErrorDetail,
  matchMessage,
  type ProblemKind,
  problemTitle,
  translateIssues,
  translateMessage,
} from './error-text.ts'
export { DEFAULT_LOCALE, INTL_TAG, isLocale, LOCALES, type Locale, negotiateLocale } from './locale.ts'
export type { Message, PluralForms } from './plural.ts'
export { type MessageParams, render } from './render.ts'
export { isMessageKey, MESSAGES, translate } from './translate.ts'
