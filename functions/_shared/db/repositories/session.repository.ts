import type { LoginAttemptStore, RefreshTokenRepository } from '@koprogo/domain'
import { and, eq, gte, isNull, lt, sql } from 'drizzle-orm'
import type { Database } from '../client.ts'
import { loginAttempts, refreshTokens } from '../schema/index.ts'

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
    async revokeIfLive(id, at) {
      const rows = await db
        .update(refreshTokens)
        .set({ revokedAt: at })
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
  }
}

export function loginAttemptStore(db: Database): LoginAttemptStore {
  return {
    async failuresSince(key, since) {
      const [row] = await db
        .select({
          count: sql<number>`cast(count(*) as integer)`,
          oldest: sql<string | null>`min(${loginAttempts.attemptedAt})`,
        })
        .from(loginAttempts)
        .where(and(eq(loginAttempts.key, key), gte(loginAttempts.attemptedAt, since)))
      return { count: row?.count ?? 0, oldest: row?.oldest ? new Date(row.oldest) : null }
    },
    async recordFailure(key, at) {
      await db.insert(loginAttempts).values({ key, attemptedAt: at })
      // Keep the table small: a day-old failure no longer counts for any sane window.
      await db
        .delete(loginAttempts)
        .where(
          and(eq(loginAttempts.key, key), lt(loginAttempts.attemptedAt, new Date(at.getTime() - 86_400_000))),
        )
    },
    async clear(key) {
      await db.delete(loginAttempts).where(eq(loginAttempts.key, key))
    },
  }
}
