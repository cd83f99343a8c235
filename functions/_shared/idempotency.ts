import { DomainErrors } from '@koprogo/domain'
import { sha256 } from '@noble/hashes/sha2.js'
import { bytesToHex } from '@noble/hashes/utils.js'
import { and, eq, isNull, lt, type SQL } from 'drizzle-orm'
import type { Context, HonoRequest, MiddlewareHandler, Next } from 'hono'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import type { Database } from './db/client.ts'
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
 * How long a committed "in progress" claim (an upload's, or one left by a version before the
 * transactional claim) blocks its key; past it, a retry takes the key over and runs the request.
 */
export const CLAIM_LEASE_MS = 5 * 60 * 1000

/** Thrown inside the claim's transaction to roll the request's writes back with it. */
class RollbackRequest extends Error {}

type Stored = typeof idempotencyKeys.$inferSelect

/**
 * `Idempotency-Key` on POST (API.md, ADR 0007, ADR 0016): the first request claims the key; a
 * replay with the same body gets the stored status and body back without running anything, the
 * same key with another body is a 422. Keys are per user and kept 24 h.
 *
 * JSON requests claim the key INSIDE one transaction that also runs the handler's writes and
 * stores the answer: a process killed mid-request leaves neither the write nor the claim, so the
 * retry runs it exactly once; a concurrent duplicate waits for that transaction and replays its
 * answer. A 5xx rolls everything back (the key is free again). Uploads (multipart) would hold the
 * transaction while a large body arrives, so they claim in a committed row with a lease instead
 * (known limit in docs/reliability.md). `/auth/*` answers carry live tokens: never stored.
 */
export const idempotency: MiddlewareHandler<AppEnv> = async (c, next) => {
  const key = c.req.header('idempotency-key')
  const actor = c.get('actor')
  if (c.req.method !== 'POST' || !key || !actor) return next()
  const path = new URL(c.req.url).pathname
  if (path.startsWith('/api/v1/auth/')) return next()
  if (!KEY.test(key)) {
    return problemResponse(
      c,
      DomainErrors.invalidField('Idempotency-Key', 'must be 8–128 characters [A-Za-z0-9_.:-]'),
    )
  }
  const runtime = c.get('runtime')
  const requestHash = await hashRequest(c.req, path)
  const who = and(eq(idempotencyKeys.userId, actor.userId), eq(idempotencyKeys.key, key))
  const claim = { userId: actor.userId, key, path, requestHash }
  if ((c.req.header('content-type') ?? '').startsWith('multipart/'))
    return leasedClaim(c, next, runtime.database.db, claim, who)

  let answer: Response | null = null
  try {
    await runtime.database.db.transaction(async (t) => {
      const tx = t as unknown as Database
      const existing = await claimKey(tx, claim, who)
      if (existing) {
        answer = storedAnswer(c, existing, requestHash)
        return
      }
      // The handler runs in a savepoint of `tx` (its use cases' transactions nest inside it), so
      // one commit makes its writes and the answer durable together. A refused request (4xx)
      // writes nothing, so its savepoint is rolled back: that also clears a statement error the
      // error mapper turned into a 4xx, which would otherwise abort `tx` on Postgres.
      try {
        await tx.transaction(async (savepoint) => {
          c.set('runtime', {
            ...runtime,
            database: { ...runtime.database, db: savepoint as unknown as Database },
          })
          try {
            await next()
          } finally {
            c.set('runtime', runtime)
          }
          if (c.res.status >= 400) throw new RollbackRequest()
        })
      } catch (e) {
        if (!(e instanceof RollbackRequest)) throw e
      }
      if (c.res.status >= 500) throw new RollbackRequest()
      await tx
        .update(idempotencyKeys)
        .set({ statusCode: c.res.status, responseBody: await bodyOf(c.res) })
        .where(who)
    })
  } catch (e) {
    if (!(e instanceof RollbackRequest)) throw e
  }
  if (answer) return answer
}

type Claim = { userId: string; key: string; path: string; requestHash: string }

/**
 * Claims the key: null when this request now owns it, else the stored row to answer from. An
 * expired row (24 h) is replaced; an in-progress row whose lease ran out is taken over.
 */
async function claimKey(db: Database, claim: Claim, who: SQL | undefined): Promise<Stored | null> {
  const now = new Date()
  const insert = () =>
    db
      .insert(idempotencyKeys)
      .values({ ...claim, method: 'POST', createdAt: now })
      .onConflictDoNothing()
      .returning({ key: idempotencyKeys.key })
  // A new key (the usual case) is one statement; an existing one is first checked for expiry.
  if ((await insert()).length > 0) return null
  const expired = await db
    .delete(idempotencyKeys)
    .where(and(who, lt(idempotencyKeys.createdAt, new Date(now.getTime() - TTL_MS))))
    .returning({ key: idempotencyKeys.key })
  if (expired.length > 0 && (await insert()).length > 0) return null
  const takenOver = await db
    .update(idempotencyKeys)
    .set({ createdAt: now, requestHash: claim.requestHash, path: claim.path })
    .where(
      and(
        who,
        isNull(idempotencyKeys.statusCode),
        lt(idempotencyKeys.createdAt, new Date(now.getTime() - CLAIM_LEASE_MS)),
      ),
    )
    .returning({ key: idempotencyKeys.key })
  if (takenOver.length > 0) return null
  const [stored] = await db.select().from(idempotencyKeys).where(who).limit(1)
  // Gone between the insert and the read (its owner rolled back): ask for a retry.
  return stored ?? ({ requestHash: claim.requestHash, statusCode: null } as Stored)
}

/** The replay of a stored answer, or the problem saying why there is none to give. */
function storedAnswer(c: Context<AppEnv>, stored: Stored, requestHash: string): Response {
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

async function bodyOf(res: Response): Promise<unknown> {
  const text = await res.clone().text()
  try {
    return text ? JSON.parse(text) : null
  } catch {
    return text
  }
}

/** Uploads: a committed claim (with a lease), the answer stored after the handler. */
async function leasedClaim(c: Context<AppEnv>, next: Next, db: Database, claim: Claim, who: SQL | undefined) {
  const existing = await claimKey(db, claim, who)
  if (existing) return storedAnswer(c, existing, claim.requestHash)
  await next()
  if (c.res.status >= 500) {
    await db.delete(idempotencyKeys).where(and(who, isNull(idempotencyKeys.statusCode)))
    return
  }
  await db
    .update(idempotencyKeys)
    .set({ statusCode: c.res.status, responseBody: await bodyOf(c.res) })
    .where(who)
}
