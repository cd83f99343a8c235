import { z } from '@hono/zod-openapi'
import { type DomainError, DomainErrors, type FieldIssue } from '@koprogo/domain'
import {
  databaseUnavailableDetail,
  describeError,
  internalErrorDetail,
  type Locale,
  negotiateLocale,
  problemTitle,
} from '@koprogo/domain/i18n'
import type { Context } from 'hono'
import type { ContentfulStatusCode } from 'hono/utils/http-status'

/** RFC 9457 body, plus `error` (what KoproGo v1 clients read) and `request_id`. */
export const ProblemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    instance: z.string(),
    request_id: z.string(),
    error: z.string(),
    errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
    code: z.string().optional(),
    params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
    current_version: z.number().int().optional(),
    retry_after: z.number().int().optional(),
  })
  .openapi('Problem')

export type Problem = z.infer<typeof ProblemSchema>

const STATUS: Record<DomainError['kind'], ContentfulStatusCode> = {
  validation: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  unprocessable: 422,
  version_conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  idempotency_mismatch: 422,
  rate_limited: 429,
  server_busy: 503,
}

export function statusOf(error: DomainError): ContentfulStatusCode {
  return STATUS[error.kind]
}

/**
 * The reader's language for problem texts: the request's Accept-Language (the web app sends its
 * UI language with every call), English when absent or unsupported (ADR 0025).
 */
export const localeOf = (c: Context): Locale => negotiateLocale(c.req.header('accept-language'))

/**
 * The single DomainError → problem+json mapper. `title`, `detail` and `errors[].message` are in
 * `locale`; `type`, `status`, `code`, `errors[].path` and the v1 `error` string (the domain's
 * English message) never change with the language, so clients can keep matching on them.
 */
export function problemOf(
  error: DomainError,
  instance: string,
  requestId: string,
  locale: Locale = 'en',
): Problem {
  const { title, detail, issues } = describeError(locale, error)
  const body: Problem = {
    type: `https://koprogo.org/problems/${error.kind.replaceAll('_', '-')}`,
    title,
    status: STATUS[error.kind],
    detail,
    instance,
    request_id: requestId,
    error: error.message,
  }
  if (issues.length > 0) body.errors = [...issues]
  if (
    (error.kind === 'conflict' || error.kind === 'unprocessable' || error.kind === 'validation') &&
    error.code
  ) {
    body.code = error.code
    // The values the detail names (e.g. the seq of a refused act), for clients to act on.
    if (error.params) body.params = { ...error.params }
  }
  if (error.kind === 'version_conflict') body.current_version = error.currentVersion
  if (error.kind === 'rate_limited' || error.kind === 'server_busy')
    body.retry_after = error.retryAfterSeconds
  return body
}

export function problemResponse(c: Context, error: DomainError): Response {
  const requestId = String(c.get('requestId') ?? '')
  const locale = localeOf(c)
  const body = problemOf(error, new URL(c.req.url).pathname, requestId, locale)
  const headers: Record<string, string> = {
    'content-type': 'application/problem+json',
    'content-language': locale,
  }
  if (error.kind === 'rate_limited' || error.kind === 'server_busy')
    headers['retry-after'] = String(error.retryAfterSeconds)
  // c.body, not `new Response`: Hono adds the headers set earlier (X-Request-Id) to it.
  return c.body(JSON.stringify(body), body.status as ContentfulStatusCode, headers)
}

/**
 * 503 while the database is unreachable or dropped the connection (db/unavailable.ts): the
 * request did not complete and may be retried after `Retry-After` seconds. A write that failed
 * this way was not acknowledged; if its COMMIT was under way when the connection died, it may
 * have landed — clients retry writes with their Idempotency-Key.
 */
export function databaseUnavailableResponse(c: Context, retryAfterSeconds: number): Response {
  const requestId = String(c.get('requestId') ?? '')
  const locale = localeOf(c)
  const body: Problem = {
    type: 'https://koprogo.org/problems/database-unavailable',
    title: problemTitle(locale, 'database_unavailable'),
    status: 503,
    detail: databaseUnavailableDetail(locale, retryAfterSeconds),
    instance: new URL(c.req.url).pathname,
    request_id: requestId,
    error: 'database_unavailable',
    retry_after: retryAfterSeconds,
  }
  return c.body(JSON.stringify(body), 503, {
    'content-type': 'application/problem+json',
    'content-language': locale,
    'retry-after': String(retryAfterSeconds),
  })
}

/**
 * Unique constraints and indexes (migrations/) → the conflict the use case's own check answers.
 * The check runs before the insert, so two concurrent requests can both pass it; the database
 * then refuses the loser with SQLSTATE 23505, which must read exactly like the check's 409.
 */
const UNIQUE_CONSTRAINTS: Record<string, readonly [code: string, message: string]> = {
  users_email_unique: ['email_taken', 'A user with this e-mail already exists'],
  owners_org_email_uq: ['email_taken', 'Another owner of this organization has this e-mail'],
  owners_user_uq: ['user_already_linked', 'This user is linked to another owner'],
  units_building_number_uq: ['unit_number_taken', 'Another unit of this building has this unit number'],
  organizations_slug_unique: ['slug_taken', 'An organization with this slug already exists'],
  unit_ownerships_active_uq: [
    'owner_already_linked',
    'This owner already holds an active share of this unit',
  ],
  unit_ownerships_primary_uq: ['primary_contact_taken', 'This unit already has a primary contact'],
  einvoice_imports_document_uq: [
    'einvoice_already_imported',
    'This e-invoice was already imported; nothing was imported',
  ],
  einvoice_imports_file_uq: [
    'einvoice_already_imported',
    'This e-invoice was already imported; nothing was imported',
  ],
}

/**
 * The 409 for a unique violation thrown by any driver (pg, Neon, PGlite: all carry `code` and
 * `constraint`), looked for through Drizzle's wrapping `cause` chain; null for anything else.
 */
export function uniqueViolationOf(error: unknown): DomainError | null {
  let current: unknown = error
  for (let depth = 0; depth < 5 && typeof current === 'object' && current !== null; depth++) {
    const e = current as { code?: unknown; constraint?: unknown; cause?: unknown }
    if (e.code === '23505') {
      const known = typeof e.constraint === 'string' ? UNIQUE_CONSTRAINTS[e.constraint] : undefined
      return known
        ? DomainErrors.conflict(known[0], known[1])
        : DomainErrors.conflict('duplicate', 'This record conflicts with an existing one')
    }
    current = e.cause
  }
  return null
}

/**
 * A DomainError raised where returning a Result is not possible (a header read deep in a handler,
 * a request body that fails while a use case streams it, a saturated resource). `applyStack`'s
 * error handler answers it through problemResponse like any other.
 */
export class ProblemError extends Error {
  readonly problem: DomainError
  constructor(problem: DomainError) {
    super(problem.message)
    this.problem = problem
    this.name = 'ProblemError'
  }
}

/** 500s never carry the raw message: it may hold SQL or secrets. It is logged instead. */
export function internalErrorResponse(c: Context): Response {
  const requestId = String(c.get('requestId') ?? '')
  const locale = localeOf(c)
  const body: Problem = {
    type: 'https://koprogo.org/problems/internal',
    title: problemTitle(locale, 'internal'),
    status: 500,
    detail: internalErrorDetail(locale, requestId),
    instance: new URL(c.req.url).pathname,
    request_id: requestId,
    error: 'Internal server error',
  }
  return c.body(JSON.stringify(body), 500, {
    'content-type': 'application/problem+json',
    'content-language': locale,
  })
}

/** zod issues → `errors[]`; an unknown key is one entry per field, named by its path (item 8). */
export function zodIssues(error: z.ZodError): FieldIssue[] {
  const pathOf = (path: readonly PropertyKey[]) => path.map(String).join('.')
  return error.issues.flatMap((i) =>
    i.code === 'unrecognized_keys'
      ? i.keys.map((key) => ({ path: pathOf([...i.path, key]), message: UNKNOWN_FIELD }))
      : [{ path: pathOf(i.path) || '(body)', message: i.message }],
  )
}

export const UNKNOWN_FIELD = 'Unknown field'

/** The problem's message: names the unknown fields (v1 clients show only `error`), else `fallback`. */
export function validationMessage(issues: readonly FieldIssue[], fallback: string): string {
  const unknown = issues.filter((i) => i.message === UNKNOWN_FIELD).map((i) => i.path)
  return unknown.length > 0
    ? `Unknown field${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')}`
    : fallback
}
