import { OpenAPIHono } from '@hono/zod-openapi'
import { DomainErrors } from '@koprogo/domain'
import type { Context, MiddlewareHandler } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { cors } from 'hono/cors'
import { HTTPException } from 'hono/http-exception'
import { requestId } from 'hono/request-id'
import { secureHeaders } from 'hono/secure-headers'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import { authenticate } from './auth.ts'
import { API_CSP_DIRECTIVES } from './csp.ts'
import { DATABASE_RETRY_AFTER_SECONDS, driverMessage, isDatabaseUnavailable } from './db/unavailable.ts'
import { idempotency } from './idempotency.ts'
import {
  databaseUnavailableResponse,
  internalErrorResponse,
  ProblemError,
  problemResponse,
  uniqueViolationOf,
  validationMessage,
  zodIssues,
} from './problem.ts'
import type { AppEnv, Runtime } from './runtime.ts'
import { strictRoute } from './strict-body.ts'

/**
 * A resource's app: validation failures become the same 400 problem everywhere, and every route's
 * JSON body refuses unknown fields (strict-body.ts) — registered here once for every route.
 */
export function createResourceApp(): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>({
    defaultHook: (result, c) => {
      if (!result.success) {
        const issues = zodIssues(result.error)
        const message = validationMessage(issues, `Invalid ${result.target}`)
        return problemResponse(c, DomainErrors.validation(message, issues))
      }
    },
  })
  const register = app.openapi.bind(app)
  app.openapi = ((route, ...rest) => register(strictRoute(route), ...rest)) as typeof app.openapi
  return app
}

export type RuntimeProvider = (c: Context<AppEnv>) => Runtime | Promise<Runtime>

/**
 * Middleware every deployed app runs, in this order: request id, runtime, access log, security
 * headers, CORS, URL check, caller resolution, body admission (caller, type, length), JSON text
 * check, idempotency. The caller is resolved from the headers before any byte of a body is read,
 * so a stranger's body costs nothing (issue #12: a 45 MB JSON body to /documents used to be
 * parsed before authentication). Used by the gateway (all resources in one app) and by each
 * resource Worker alike, so both behave the same.
 */
export function applyStack(app: OpenAPIHono<AppEnv>, runtimeFor: RuntimeProvider): void {
  app.use('*', requestId({ headerName: 'x-request-id' }))
  app.use('*', async (c, next) => {
    c.set('runtime', await runtimeFor(c))
    return next()
  })
  app.use('*', accessLog)
  // The API's policy (nothing loads, nothing frames) unless the handler set its own: the docs
  // page and the web app do (functions/_shared/csp.ts).
  app.use('*', secureHeaders({ contentSecurityPolicy: API_CSP_DIRECTIVES, overwrite: false }))
  app.use('*', (c, next) => corsFor(c.get('runtime').env.CORS_ORIGINS)(c, next))
  app.use('*', refuseUnstorableUrl)
  app.use('/api/v1/*', authenticate)
  app.use('*', admitBody)
  app.use('*', refuseUnstorableText)
  app.use('/api/v1/*', idempotency)
  app.notFound((c) => problemResponse(c, DomainErrors.notFound('Route')))
  app.onError((error, c) => {
    if (error instanceof ProblemError) return problemResponse(c, error.problem)
    if (error instanceof HTTPException && error.status < 500) {
      // Hono's own 4xx (malformed JSON, body limit…) keep their status, with a problem body.
      const message = error.message || 'Bad request'
      if (error.status === 413) return problemResponse(c, DomainErrors.payloadTooLarge(bodyLimitFor(c)))
      return c.body(
        JSON.stringify({
          type: 'https://koprogo.org/problems/bad-request',
          title: 'Bad request',
          status: error.status,
          detail: message,
          instance: new URL(c.req.url).pathname,
          request_id: c.get('requestId') ?? '',
          error: message,
        }),
        error.status as ContentfulStatusCode,
        { 'content-type': 'application/problem+json' },
      )
    }
    if (isDatabaseUnavailable(error)) {
      // An outage, not a bug: one warning per failed request, and the client is told to retry.
      c.get('runtime')?.logger.warn('database unavailable', {
        request_id: c.get('requestId'),
        method: c.req.method,
        path: new URL(c.req.url).pathname,
        // The driver's message only: Drizzle's wrapper quotes the SQL and its parameters.
        error: driverMessage(error),
      })
      return databaseUnavailableResponse(c, DATABASE_RETRY_AFTER_SECONDS)
    }
    const duplicate = uniqueViolationOf(error)
    if (duplicate) return problemResponse(c, duplicate)
    c.get('runtime')?.logger.error('unhandled error', {
      request_id: c.get('requestId'),
      method: c.req.method,
      path: new URL(c.req.url).pathname,
      error: error instanceof Error ? (error.stack ?? error.message) : String(error),
    })
    return internalErrorResponse(c)
  })
}

/**
 * One CORS middleware per allowed-origins list (the runtime's), not one per request. Requests
 * without an `Origin` header (same-origin navigations, servers, the bench) get no CORS header
 * but `Vary: Origin`, set on the finished response: Hono's `cors` writes its headers through
 * `c.res` before the handler runs, which makes Hono copy every response afterwards (and
 * @hono/node-server build a full undici Response for it) — ≈ 3 % of the API's CPU per request.
 */
const corsByOrigins = new WeakMap<readonly string[], MiddlewareHandler<AppEnv>>()
function corsFor(allowed: readonly string[]): MiddlewareHandler<AppEnv> {
  let handler = corsByOrigins.get(allowed)
  if (!handler) {
    const crossOrigin = cors({
      origin: (origin) => (allowed.includes('*') || allowed.includes(origin) ? origin : null),
      allowHeaders: ['Authorization', 'Content-Type', 'If-Match', 'Idempotency-Key', 'X-Request-Id'],
      exposeHeaders: ['X-Request-Id', 'Retry-After', 'Idempotent-Replayed', 'Content-Disposition'],
      maxAge: 600,
    })
    handler = async (c, next) => {
      if (c.req.header('origin') !== undefined) return crossOrigin(c, next)
      await next()
      c.res.headers.append('Vary', 'Origin')
    }
    corsByOrigins.set(allowed, handler)
  }
  return handler
}

const accessLog: MiddlewareHandler<AppEnv> = async (c, next) => {
  const started = performance.now()
  await next()
  c.get('runtime').logger.info('request', {
    request_id: c.get('requestId'),
    method: c.req.method,
    path: c.req.path,
    status: c.res.status,
    duration_ms: Math.round((performance.now() - started) * 10) / 10,
  })
}

/** GET, HEAD and OPTIONS requests carry no body: the body middlewares let them through. */
const carriesBody = (method: string) => method !== 'GET' && method !== 'HEAD' && method !== 'OPTIONS'

/**
 * The routes that read a body from a caller without a token: they are how one gets a token.
 * Every other /api/v1 body waits for a valid token (functions/test/hostile-bodies.test.ts checks
 * this list against the OpenAPI document's routes without `security`).
 */
export const PUBLIC_BODY_ROUTES: ReadonlySet<string> = new Set([
  'POST /api/v1/auth/login',
  'POST /api/v1/auth/register',
  'POST /api/v1/auth/refresh',
  'POST /api/v1/auth/logout',
  // Password links (ADR 0023): how someone without a password gets one.
  'POST /api/v1/auth/forgot-password',
  'POST /api/v1/auth/reset-password',
])

/** The one route that takes a large body: a document upload, as multipart/form-data only. */
const isDocumentUpload = (c: Context<AppEnv>) => c.req.method === 'POST' && c.req.path === '/api/v1/documents'

/**
 * Routes that take a large multipart body: a document upload and a bank statement file (a year of
 * CODA for a large building is several MiB, ADR 0038). Only the document upload refuses other
 * media types here; the statement route answers a foreign building's 404 before reading anything.
 */
const isUpload = (c: Context<AppEnv>) =>
  isDocumentUpload(c) ||
  (c.req.method === 'POST' && /^\/api\/v1\/buildings\/[^/]+\/bank-statements$/.test(c.req.path))

const mediaType = (c: Context<AppEnv>) =>
  (c.req.header('content-type') ?? '').split(';')[0]?.trim().toLowerCase()

/** The limit of the request's body: the upload limit for a multipart upload, the JSON limit otherwise. */
function bodyLimitFor(c: Context<AppEnv>): number {
  const env = c.get('runtime').env
  return isUpload(c) && mediaType(c) === 'multipart/form-data' ? env.UPLOAD_LIMIT_BYTES : env.BODY_LIMIT_BYTES
}

/**
 * Decides from the headers alone whether a body may be read, before a byte of it is:
 * - an /api/v1 body from a caller without a valid token is a 401, except on PUBLIC_BODY_ROUTES;
 * - the upload route takes multipart/form-data only (415), with UPLOAD_LIMIT_BYTES; every
 *   other body gets BODY_LIMIT_BYTES (1 MiB) whatever its type;
 * - a declared Content-Length over the limit is a 413. HTTP framing delivers exactly that many
 *   bytes, so there is nothing to count, and not touching the body stream lets Node read it
 *   directly later (@hono/node-server's fast path; wrapping the stream costs an undici Request
 *   and web streams per request — docs/performance.md). A chunked body is counted as it is read:
 *   a JSON one by Hono's `bodyLimit` (which buffers it, ≤ 1 MiB), an upload by a counting stream
 *   that fails past the limit, since an upload is streamed to the file store, never buffered.
 */
const admitBody: MiddlewareHandler<AppEnv> = (c, next) => {
  if (!carriesBody(c.req.method)) return next()
  if (
    c.req.path.startsWith('/api/v1/') &&
    !c.get('actor') &&
    !PUBLIC_BODY_ROUTES.has(`${c.req.method} ${c.req.path}`)
  ) {
    return Promise.resolve(problemResponse(c, DomainErrors.unauthenticated()))
  }
  if (isDocumentUpload(c) && mediaType(c) !== 'multipart/form-data') {
    return Promise.resolve(
      problemResponse(c, DomainErrors.unsupportedMediaType('A document upload is multipart/form-data')),
    )
  }
  const maxSize = bodyLimitFor(c)
  const declared = c.req.header('content-length')
  if (
    declared !== undefined &&
    /^\d{1,15}$/.test(declared) &&
    c.req.header('transfer-encoding') === undefined
  ) {
    if (Number(declared) > maxSize)
      return Promise.resolve(problemResponse(c, DomainErrors.payloadTooLarge(maxSize)))
    return next()
  }
  if (isUpload(c)) {
    countBody(c, maxSize)
    return next()
  }
  let handler = limitBySize.get(maxSize)
  if (!handler) {
    handler = bodyLimit({
      maxSize,
      onError: (ctx) => problemResponse(ctx, DomainErrors.payloadTooLarge(maxSize)),
    })
    limitBySize.set(maxSize, handler)
  }
  return handler(c, next)
}
const limitBySize = new Map<number, MiddlewareHandler<AppEnv>>()

/** Makes the request's body stream fail with a 413 problem once it passes `maxSize` bytes. */
function countBody(c: Context<AppEnv>, maxSize: number): void {
  const body = c.req.raw.body
  if (!body) return
  let seen = 0
  const counter = new TransformStream<Uint8Array, Uint8Array>({
    transform(chunk, controller) {
      seen += chunk.byteLength
      if (seen > maxSize) controller.error(new ProblemError(DomainErrors.payloadTooLarge(maxSize)))
      else controller.enqueue(chunk)
    },
  })
  c.req.raw = new Request(c.req.raw, { body: body.pipeThrough(counter), duplex: 'half' } as RequestInit)
}

/** Escapes that may decode to a NUL or to half of a surrogate pair. */
const SUSPECT_ESCAPE = /\\u(?:0000|[dD][89a-fA-F])/

/** True when a JSON text holds a string (value or key) with a NUL or a lone surrogate. */
function hasUnstorableString(text: string): boolean {
  if (text.includes('\0')) return true
  if (!SUSPECT_ESCAPE.test(text)) return false
  let bad = false
  const check = (s: string) => {
    if (s.includes('\0') || !s.isWellFormed()) bad = true
  }
  try {
    JSON.parse(text, (key, value: unknown) => {
      check(key)
      if (typeof value === 'string') check(value)
      return value
    })
  } catch {
    return false // malformed JSON: the validator answers 400
  }
  return bad
}

/** A NUL in the URL (`%00`) would reach a text column or a query: refused before anything else. */
const refuseUnstorableUrl: MiddlewareHandler<AppEnv> = (c, next) => {
  if (/%00/.test(c.req.url)) {
    return Promise.resolve(
      problemResponse(
        c,
        DomainErrors.invalidField('url', 'must be well-formed Unicode without the NUL character'),
      ),
    )
  }
  return next()
}

/** application/json and its +json variants; a `json` elsewhere in the header (a boundary) is not JSON. */
const JSON_TYPE = /^application\/(?:[\w.-]+\+)?json$/

/**
 * Postgres text cannot hold U+0000, and jsonb refuses a lone surrogate (`\ud800`): such a value
 * would fail in SQL as a 500 — after the change committed, when it is the idempotency record or
 * an audit detail that fails. They are refused here as a 400 instead (both found by
 * functions/test/fuzz.test.ts). It runs after admitBody, so the text it reads is bounded by the
 * JSON limit and comes from an admitted caller. Uploads (multipart) are not JSON and are not
 * read here; their text fields are checked by the upload reader.
 */
const refuseUnstorableText: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (carriesBody(c.req.method) && JSON_TYPE.test(mediaType(c) ?? '')) {
    // HonoRequest caches what it read: the idempotency hash and the validator reuse this text
    // (and the parsed value below) instead of reading the stream again.
    const text = await c.req.text()
    if (hasUnstorableString(text)) {
      return problemResponse(
        c,
        DomainErrors.invalidField('body', 'must be well-formed Unicode without the NUL character'),
      )
    }
    // v1 clients send `Content-Type: application/json` with no body on body-less writes (seed,
    // activate…): an empty body is an empty object, which those routes' NoBody accepts.
    if (text.trim() === '') {
      // HonoRequest.json() parses the cached text; the declared cache type misses the Promise.
      ;(c.req.bodyCache as { text?: Promise<string> }).text = Promise.resolve('{}')
      return next()
    }
    try {
      c.req.bodyCache.json = Promise.resolve(JSON.parse(text))
    } catch {
      // Malformed: the validator reads the cached text, fails to parse it, and answers 400.
    }
  }
  return next()
}
