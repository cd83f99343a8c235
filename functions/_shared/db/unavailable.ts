/**
 * "The database is away" as opposed to "this request is wrong" or "we have a bug": errors of
 * this class become 503 `database_unavailable` with Retry-After (problem.ts), they are the only
 * ones the Node entry survives when they escape a request (process-faults.ts), and the health
 * check reports them. Everything else keeps its 4xx/500 meaning. ADR 0013.
 */

/**
 * SQLSTATEs: class 08 (connection exception), 57P01–57P03 (admin/crash shutdown, cannot connect
 * now), 53100 (disk full) and class 58 (I/O error: the server's disk failing — pglite-recovery.ts).
 */
const SQLSTATES = new Set([
  '08000',
  '08001',
  '08003',
  '08004',
  '08006',
  '57P01',
  '57P02',
  '57P03',
  '53100',
  '58000',
  '58030',
])

/** Socket errors of the TCP connection to the server (pg) or of the WebSocket's socket (Neon). */
const ERRNOS = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
])

/**
 * Messages of pg / pg-pool (and of the pg fork inside Neon's driver), which throw plain Errors
 * without a code when a connection dies or cannot be had in time.
 */
const MESSAGES = [
  /^Connection terminated/, // "Connection terminated", "… unexpectedly", "… due to connection timeout"
  /^timeout exceeded when trying to connect$/, // pg-pool: connectionTimeoutMillis while waiting
  /^Client has encountered a connection error and is not queryable$/,
  /^Query read timeout$/, // query_timeout: the server stopped answering
  /^(?:WebSocket|websocket) (?:was )?closed/i, // Neon: the WebSocket under the connection went away
]

type Errorish = {
  code?: unknown
  message?: unknown
  cause?: unknown
  errors?: unknown
  type?: unknown
  target?: unknown
}

/**
 * Neon's driver rejects with the WebSocket's own 'error' event (an ErrorEvent, not an Error)
 * when its socket to the proxy fails: refused, reset, closed. A WebSocket has `readyState` and `url`.
 */
function isWebSocketErrorEvent(e: Errorish): boolean {
  const target = e.target
  return (
    e.type === 'error' &&
    typeof target === 'object' &&
    target !== null &&
    'readyState' in target &&
    'url' in target
  )
}

/** True when `error`, or anything in its `cause` chain (Drizzle wraps driver errors), is a lost/unreachable database. */
export function isDatabaseUnavailable(error: unknown): boolean {
  const seen = new Set<unknown>()
  const queue: unknown[] = [error]
  while (queue.length > 0) {
    const e = queue.shift()
    if (e === null || typeof e !== 'object' || seen.has(e)) continue
    seen.add(e)
    const { code, message, cause, errors } = e as Errorish
    if (typeof code === 'string' && (SQLSTATES.has(code) || ERRNOS.has(code))) return true
    if (isWebSocketErrorEvent(e as Errorish)) return true
    if (typeof message === 'string' && MESSAGES.some((m) => m.test(message))) return true
    queue.push(cause)
    // Node's "connect ECONNREFUSED" to a host with several addresses is an AggregateError.
    if (Array.isArray(errors)) queue.push(...errors)
  }
  return false
}

/** The innermost cause's code and message (Drizzle's wrapper quotes SQL and parameters: not logged). */
export function driverMessage(error: unknown): string {
  let e = error
  while (e instanceof Error && e.cause instanceof Error) e = e.cause
  if (!(e instanceof Error)) return String(e)
  const code = (e as Errorish).code
  return typeof code === 'string' ? `${code}: ${e.message}` : e.message
}

/** Seconds a client should wait before retrying while the database is away (Retry-After). */
export const DATABASE_RETRY_AFTER_SECONDS = 5
