// The API's problem texts in the reader's language, from a DomainError's stable parts: its kind,
// its conflict code and params, its entity, or (for free-text messages) the English text the
// domain wrote. English is returned exactly as the domain wrote it: it is the source every other
// language is matched from, and what API clients have always read.
import type { DomainError, FieldIssue } from '../shared/domain-error.ts'
import { type EnumName, enumDe, enumEn, enumFr, enumKey, enumNl } from './enum-messages.ts'
import { type ErrorKey, type ErrorMessages, errorDe, errorEn, errorFr, errorNl } from './error-messages.ts'
import type { Locale } from './locale.ts'
import type { Message } from './plural.ts'
import { type MessageParams, render } from './render.ts'

/** The catalogue per language (the coverage test reads it; the mapper goes through describeError). */
export const ERROR_MESSAGES: Readonly<Record<Locale, ErrorMessages>> = {
  en: errorEn,
  fr: errorFr,
  nl: errorNl,
  de: errorDe,
}
const ERRORS = ERROR_MESSAGES
const ENUMS: Record<Locale, Readonly<Record<string, string>>> = {
  en: enumEn,
  fr: enumFr,
  nl: enumNl,
  de: enumDe,
}

export type ProblemKind = DomainError['kind'] | 'internal' | 'database_unavailable'

/** Params that carry an enum value ('Paid', 'syndic'): shown with the enum's label. */
const ENUM_PARAMS: Partial<Record<ErrorKey, Readonly<Record<string, EnumName>>>> = {
  'error.code.invalid_payment_status_transition': { from: 'payment_status', to: 'payment_status' },
  'error.code.meeting_not_scheduled': { status: 'meeting_status' },
  'error.code.plan_limit_reached.buildings': { plan: 'subscription_plan' },
  'error.code.plan_limit_reached.users': { plan: 'subscription_plan' },
  'error.msg.roleMayNotCreate': { actorRole: 'role', role: 'role' },
}

const isErrorKey = (key: string): key is ErrorKey => Object.hasOwn(errorEn, key)
const placeholders = (m: Message) =>
  [...(typeof m === 'string' ? [m] : Object.values(m))].flatMap((t) =>
    [...(t ?? '').matchAll(/\{(\w+)\}/g)].map((x) => x[1] as string),
  )

function text(locale: Locale, key: ErrorKey, params?: MessageParams, category?: Intl.LDMLPluralRule) {
  const enums = ENUM_PARAMS[key]
  const shown =
    params && enums
      ? Object.fromEntries(
          Object.entries(params).map(([name, value]) => {
            const e = enums[name]
            return [name, e ? (ENUMS[locale][enumKey(e, value as never)] ?? value) : value]
          }),
        )
      : params
  return render(locale, ERRORS[locale][key], shown, category)
}

export const problemTitle = (locale: Locale, kind: ProblemKind): string => text(locale, `error.title.${kind}`)
export const internalErrorDetail = (locale: Locale, requestId: string): string =>
  text(locale, 'error.internal', { requestId })
export const databaseUnavailableDetail = (locale: Locale, seconds: number): string =>
  text(locale, 'error.database_unavailable', { seconds })

// ---------------------------------------------------------------- free-text messages

type Matcher = {
  key: ErrorKey
  category?: Intl.LDMLPluralRule
  regex: RegExp
  names: string[]
  literal: number
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
function matcherOf(key: ErrorKey, template: string, category?: Intl.LDMLPluralRule): Matcher {
  // split() with a capture group alternates literal text (even indexes) and placeholder names.
  const parts = template.split(/\{(\w+)\}/g)
  const names = parts.filter((_, i) => i % 2 === 1)
  const source = parts.map((p, i) => (i % 2 === 1 ? '(.+?)' : escapeRegExp(p))).join('')
  const literal = parts.filter((_, i) => i % 2 === 0).join('').length
  return { key, category, regex: new RegExp(`^${source}$`, 's'), names, literal }
}

/**
 * Every English message and field message as a pattern; the most literal text wins a tie. Built
 * on first use, so a bundle that imports `@koprogo/domain/i18n` without the error texts (the web)
 * can drop them.
 */
let matchers: readonly Matcher[] | undefined
const allMatchers = (): readonly Matcher[] =>
  (matchers ??= Object.entries(errorEn)
    .filter(([key]) => key.startsWith('error.msg.') || key.startsWith('error.field.'))
    .flatMap(([key, m]) =>
      typeof m === 'string'
        ? [matcherOf(key as ErrorKey, m)]
        : Object.entries(m).map(([cat, t]) => matcherOf(key as ErrorKey, t, cat as Intl.LDMLPluralRule)),
    )
    .sort((a, b) => b.literal - a.literal))

/** The catalogue entry a domain message was written from, with the values read back from it. */
export function matchMessage(
  message: string,
): { key: ErrorKey; params: Record<string, string | number>; category?: Intl.LDMLPluralRule } | null {
  for (const m of allMatchers()) {
    const found = m.regex.exec(message)
    if (!found) continue
    const params: Record<string, string | number> = {}
    m.names.forEach((name, i) => {
      const v = found[i + 1] ?? ''
      params[name] = name === 'count' && /^\d+$/.test(v) ? Number(v) : v
    })
    return { key: m.key, params, category: m.category }
  }
  return null
}

/** A free-text domain message in `locale`; a message not in the catalogue stays as written. */
export function translateMessage(locale: Locale, message: string): string {
  if (locale === 'en') return message
  const found = matchMessage(message)
  return found ? text(locale, found.key, found.params, found.category) : message
}

/** A `{field}` param names a part of a record (`error.part.<field>`): shown in the reader's language. */
function withParts(locale: Locale, params: Readonly<Record<string, string | number>>) {
  const part = `error.part.${params.field}`
  return params.field !== undefined && isErrorKey(part) ? { ...params, field: text(locale, part) } : params
}

/** An issue raised with a code (a statement file's line): its text in `locale`, else null. */
function codedIssue(locale: Locale, issue: FieldIssue): string | null {
  const key = `error.field.${issue.code}`
  if (!issue.code || !isErrorKey(key)) return null
  const params = issue.params ?? {}
  if (placeholders(errorEn[key]).some((p) => !(p in params))) return null
  return text(locale, key, withParts(locale, params))
}

const issueText = (locale: Locale, issue: FieldIssue): string =>
  codedIssue(locale, issue) ?? translateMessage(locale, issue.message)

/** Field issues keep their paths (clients place messages by them); only the message changes. */
export const translateIssues = (locale: Locale, issues: readonly FieldIssue[]): FieldIssue[] =>
  issues.map((i) => ({ path: i.path, message: issueText(locale, i) }))

// ---------------------------------------------------------------- one DomainError

function conflictDetail(
  locale: Locale,
  error: Extract<DomainError, { kind: 'conflict' | 'unprocessable' }>,
): string {
  const variant = error.params?.variant
  const key = [`error.code.${error.code}.${variant}`, `error.code.${error.code}`].find(isErrorKey)
  // Said in another language only with every value its text needs; otherwise as written.
  if (!key || placeholders(errorEn[key]).some((p) => !error.params || !(p in error.params)))
    return error.message
  return text(locale, key, error.params)
}

const entityLabel = (locale: Locale, entity: string) => {
  const key = `error.entity.${entity}`
  return isErrorKey(key) ? text(locale, key) : entity
}

/** The problem's title and detail, and its field issues, in `locale` (English: as written). */
export function describeError(
  locale: Locale,
  error: DomainError,
): { title: string; detail: string; issues: readonly FieldIssue[] } {
  const title = problemTitle(locale, error.kind)
  const issues = error.kind === 'validation' ? error.issues : []
  if (locale === 'en') return { title, detail: error.message, issues }
  return { title, detail: detailOf(locale, error), issues: translateIssues(locale, issues) }
}

function detailOf(locale: Locale, error: DomainError): string {
  switch (error.kind) {
    case 'validation': {
      const key = `error.msg.${error.code}`
      // A coded refusal (a statement file): its text with the first issue as its reason.
      if (error.code && isErrorKey(key) && error.issues[0])
        return text(locale, key, { ...error.params, reason: issueText(locale, error.issues[0]) })
      // invalidField's message is "path: message": translate the message, keep the path.
      const [only, ...rest] = error.issues
      if (only && rest.length === 0 && error.message === `${only.path}: ${only.message}`)
        return `${only.path}: ${translateMessage(locale, only.message)}`
      return translateMessage(locale, error.message)
    }
    case 'conflict':
    case 'unprocessable':
      return conflictDetail(locale, error)
    case 'not_found':
      return text(locale, 'error.not_found', { entity: entityLabel(locale, error.entity) })
    case 'version_conflict':
      return text(locale, 'error.version_conflict', {
        entity: entityLabel(locale, error.entity),
        version: error.currentVersion,
      })
    case 'rate_limited':
      return text(locale, 'error.rate_limited', { seconds: error.retryAfterSeconds })
    case 'payload_too_large':
      return text(locale, 'error.payload_too_large', { bytes: error.limitBytes })
    case 'idempotency_mismatch':
      return text(locale, 'error.idempotency_mismatch')
    case 'server_busy':
      return error.message === errorEn['error.server_busy']
        ? text(locale, 'error.server_busy')
        : translateMessage(locale, error.message)
    case 'unauthenticated':
    case 'forbidden':
    case 'unsupported_media_type':
      return translateMessage(locale, error.message)
  }
}
