import { DomainErrors } from '@koprogo/domain'
import { sha256 } from '@noble/hashes/sha2.js'
import { bytesToHex } from '@noble/hashes/utils.js'
import { and, eq, isNull, lt } from 'drizzle-orm'
import type { HonoRequest, MiddlewareHandler } from 'hono'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import { idempotencyKeys } from './db/schema/index.ts'
import { problemResponse } from './problem.ts'
import type { AppEnv } from './runtime.ts'

const TTL_MS = 24 * 60 * 60 * 1000

/**
 * What "the same request" means for a key. JSON bodies (≤ BODY_LIMIT_BYTES) are hashed whole.
 * Multipart uploads (up to 50 MiB) are identified by path and length only: hashing them would
 * buffer a second copy of the file (a Worker has 128 MiB), and their random boundary changes on
 * every resend anyway. ADR 0007 records the trade-off.
 */
async function hashRequest(request: HonoRequest, path: string): Promise<string> {
  const type = request.header('content-type') ?? ''
  const head = new TextEncoder().encode(`POST ${path}\n`)
  if (type.startsWith('multipart/')) {
    return bytesToHex(
      sha256(new TextEncoder().encode(`POST ${path}\nmultipart ${request.header('content-length') ?? '?'}`)),
    )
  }
  // HonoRequest's cached body (the JSON text read by app.ts), not a second read of the stream.
  const body = new Uint8Array(await request.arrayBuffer())
  const all = new Uint8Array(head.length + body.length)
  all.set(head)
  all.set(body, head.length)
  return bytesToHex(sha256(all))
}
const KEY = /^[\w.:-]{8,128}$/

/**
 * `Idempotency-Key` on POST (API.md): the first request claims the key by inserting a row; a
 * replay with the same body gets the stored status and body back without running anything, the
 * same key with another body is a 422, and a replay while the first is still running is a 409.
 * 5xx answers release the key so the client may retry. Keys are per user and kept 24 h.
 */
export const idempotency: MiddlewareHandler<AppEnv> = async (c, next) => {
  const key = c.req.header('idempotency-key')
  const actor = c.get('actor')
  if (c.req.method !== 'POST' || !key || !actor) return next()
  if (!KEY.test(key)) {
    return problemResponse(
      c,
      DomainErrors.invalidField('Idempotency-Key', 'must be 8–128 characters [A-Za-z0-9_.:-]'),
    )
  }
  const db = c.get('runtime').database.db
  const path = new URL(c.req.url).pathname
  const requestHash = await hashRequest(c.req, path)
  const now = new Date()
  const who = and(eq(idempotencyKeys.userId, actor.userId), eq(idempotencyKeys.key, key))

  await db
    .delete(idempotencyKeys)
    .where(and(who, lt(idempotencyKeys.createdAt, new Date(now.getTime() - TTL_MS))))
  const claimed = await db
    .insert(idempotencyKeys)
    .values({ userId: actor.userId, key, method: 'POST', path, requestHash, createdAt: now })
    .onConflictDoNothing()
    .returning({ key: idempotencyKeys.key })

  if (claimed.length === 0) {
    const [stored] = await db.select().from(idempotencyKeys).where(who).limit(1)
    if (!stored)
      return problemResponse(c, DomainErrors.conflict('idempotency_in_progress', 'Retry this request'))
    if (stored.requestHash !== requestHash) return problemResponse(c, DomainErrors.idempotencyMismatch())
    if (stored.statusCode === null) {
      return problemResponse(
        c,
        DomainErrors.conflict('idempotency_in_progress', 'The first request with this key is still running'),
      )
    }
    const isProblem = stored.statusCode >= 400
    return c.body(JSON.stringify(stored.responseBody), stored.statusCode as ContentfulStatusCode, {
      'content-type': isProblem ? 'application/problem+json' : 'application/json',
      'idempotent-replayed': 'true',
    })
  }

  await next()
  const status = c.res.status
  if (status >= 500) {
    await db.delete(idempotencyKeys).where(and(who, isNull(idempotencyKeys.statusCode)))
    return
  }
  const text = await c.res.clone().text()
  let responseBody: unknown = null
  try {
    responseBody = text ? JSON.parse(text) : null
  } catch {
    responseBody = text
  }
  await db.update(idempotencyKeys).set({ statusCode: status, responseBody }).where(who)
}
