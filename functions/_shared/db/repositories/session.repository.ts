import type { LoginAttemptStore, RefreshTokenRepository } from '@koprogo/domain'
import { and, eq, isNull, lt, sql } from 'drizzle-orm'
import type { Database } from '../client.ts'
import { loginThrottle, refreshTokens } from '../schema/index.ts'

export function refreshTokenRepository(db: Database): RefreshTokenRepository {
  return {
    async insert(record) {
      await db.insert(refreshTokens).values(record)
    },
    async findByHash(tokenHash) {
      const [row] = await db
        .select()
        .from(refreshTokens)
        .where(eq(refreshTokens.tokenHash, tokenHash))
        .limit(1)
      return row ?? null
    },
    async rotate(id, at, successorSealed) {
      const rows = await db
        .update(refreshTokens)
        .set({ revokedAt: at, successorSealed })
        .where(and(eq(refreshTokens.id, id), isNull(refreshTokens.revokedAt)))
        .returning({ id: refreshTokens.id })
      return rows.length === 1
    },
    async revokeFamily(familyId, at) {
      await db
        .update(refreshTokens)
        .set({ revokedAt: at })
        .where(and(eq(refreshTokens.familyId, familyId), isNull(refreshTokens.revokedAt)))
    },
    async revokeAllOfUser(userId, at) {
      await db
        .update(refreshTokens)
        .set({ revokedAt: at })
        .where(and(eq(refreshTokens.userId, userId), isNull(refreshTokens.revokedAt)))
    },
  }
}

/** Rows whose window ended this long ago are deleted now and then (random e-mails pile up otherwise). */
const STALE_AFTER_MS = 86_400_000
const CLEANUP_ONE_IN = 200

export function loginAttemptStore(db: Database): LoginAttemptStore {
  return {
    async reserve(key, at, windowSeconds) {
      const windowStart = new Date(at.getTime() - windowSeconds * 1000)
      // One statement: the row lock of the upsert serializes concurrent attempts on a key, and
      // RETURNING hands each its own rank — no read-then-write gap for a burst to slip through.
      const expired = sql`${loginThrottle.windowStartedAt} <= ${windowStart.toISOString()}::timestamptz`
      const [row] = await db
        .insert(loginThrottle)
        .values({ key, windowStartedAt: at, attempts: 1 })
        .onConflictDoUpdate({
          target: loginThrottle.key,
          set: {
            attempts: sql`case when ${expired} then 1 else ${loginThrottle.attempts} + 1 end`,
            windowStartedAt: sql`case when ${expired} then ${at.toISOString()}::timestamptz else ${loginThrottle.windowStartedAt} end`,
          },
        })
        .returning({ attempts: loginThrottle.attempts, windowStartedAt: loginThrottle.windowStartedAt })
      if (Math.random() * CLEANUP_ONE_IN < 1) {
        await db
          .delete(loginThrottle)
          .where(lt(loginThrottle.windowStartedAt, new Date(at.getTime() - STALE_AFTER_MS)))
      }
      if (!row) throw new Error('login throttle upsert returned no row')
      return { attempts: row.attempts, windowStartedAt: new Date(row.windowStartedAt) }
    },
    async release(key) {
      await db
        .update(loginThrottle)
        .set({ attempts: sql`greatest(${loginThrottle.attempts} - 1, 0)` })
        .where(eq(loginThrottle.key, key))
    },
    async clear(key) {
      await db.delete(loginThrottle).where(eq(loginThrottle.key, key))
    },
  }
}
