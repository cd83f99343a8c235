import { z } from '@hono/zod-openapi'
import type { DomainError, FieldIssue } from '@koprogo/domain'
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
    current_version: z.number().int().optional(),
    retry_after: z.number().int().optional(),
  })
  .openapi('Problem')

export type Problem = z.infer<typeof ProblemSchema>

const STATUS: Record<DomainError['kind'], { status: ContentfulStatusCode; title: string }> = {
  validation: { status: 400, title: 'Invalid request' },
  unauthenticated: { status: 401, title: 'Unauthorized' },
  forbidden: { status: 403, title: 'Forbidden' },
  not_found: { status: 404, title: 'Not found' },
  conflict: { status: 409, title: 'Conflict' },
  version_conflict: { status: 409, title: 'Stale version' },
  payload_too_large: { status: 413, title: 'Payload too large' },
  unsupported_media_type: { status: 415, title: 'Unsupported media type' },
  idempotency_mismatch: { status: 422, title: 'Idempotency key reused' },
  rate_limited: { status: 429, title: 'Too many requests' },
  server_busy: { status: 503, title: 'Server busy' },
}

export function statusOf(error: DomainError): ContentfulStatusCode {
  return STATUS[error.kind].status
}

/** The single DomainError → problem+json mapper. */
export function problemOf(error: DomainError, instance: string, requestId: string): Problem {
  const { status, title } = STATUS[error.kind]
  const body: Problem = {
    type: `https://koprogo.org/problems/${error.kind.replaceAll('_', '-')}`,
    title,
    status,
    detail: error.message,
    instance,
    request_id: requestId,
    error: error.message,
  }
  if (error.kind === 'validation' && error.issues.length > 0) body.errors = [...error.issues]
  if (error.kind === 'conflict') body.code = error.code
  if (error.kind === 'version_conflict') body.current_version = error.currentVersion
  if (error.kind === 'rate_limited' || error.kind === 'server_busy')
    body.retry_after = error.retryAfterSeconds
  return body
}

export function problemResponse(c: Context, error: DomainError): Response {
  const requestId = String(c.get('requestId') ?? '')
  const body = problemOf(error, new URL(c.req.url).pathname, requestId)
  const headers: Record<string, string> = { 'content-type': 'application/problem+json' }
  if (error.kind === 'rate_limited' || error.kind === 'server_busy')
    headers['retry-after'] = String(error.retryAfterSeconds)
  // c.body, not `new Response`: Hono adds the headers set earlier (X-Request-Id) to it.
  return c.body(JSON.stringify(body), body.status as ContentfulStatusCode, headers)
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
  const body: Problem = {
    type: 'https://koprogo.org/problems/internal',
    title: 'Internal server error',
    status: 500,
    detail: `Something went wrong on our side; quote request id ${requestId}`,
    instance: new URL(c.req.url).pathname,
    request_id: requestId,
    error: 'Internal server error',
  }
  return c.body(JSON.stringify(body), 500, { 'content-type': 'application/problem+json' })
}

export function zodIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((i) => ({ path: i.path.map(String).join('.') || '(body)', message: i.message }))
}
