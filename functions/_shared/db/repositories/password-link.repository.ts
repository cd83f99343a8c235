import type { PasswordLink, PasswordLinkPurpose, PasswordLinkRepository } from '@koprogo/domain'
import { and, eq, isNull, ne } from 'drizzle-orm'
import type { Database } from '../client.ts'
import { passwordLinks } from '../schema/index.ts'

const toLink = (row: typeof passwordLinks.$inferSelect): PasswordLink => ({
  ...row,
  purpose: row.purpose as PasswordLinkPurpose,
})

export function passwordLinkRepository(db: Database): PasswordLinkRepository {
  return {
    async insert(link) {
      const rows = await db
        .insert(passwordLinks)
        .values(link)
        .onConflictDoNothing({ target: passwordLinks.id })
        .returning({ id: passwordLinks.id })
      return rows.length === 1
    },
    async findById(id) {
      const [row] = await db.select().from(passwordLinks).where(eq(passwordLinks.id, id)).limit(1)
      return row ? toLink(row) : null
    },
    async findByTokenHash(tokenHash) {
      const [row] = await db
        .select()
        .from(passwordLinks)
        .where(eq(passwordLinks.tokenHash, tokenHash))
        .limit(1)
      return row ? toLink(row) : null
    },
    async markUsed(id, at) {
      const rows = await db
        .update(passwordLinks)
        .set({ usedAt: at })
        .where(and(eq(passwordLinks.id, id), isNull(passwordLinks.usedAt)))
        .returning({ id: passwordLinks.id })
      return rows.length === 1
    },
    async retireOthers(userId, exceptId, at) {
      await db
        .update(passwordLinks)
        .set({ usedAt: at })
        .where(
          and(eq(passwordLinks.userId, userId), ne(passwordLinks.id, exceptId), isNull(passwordLinks.usedAt)),
        )
    },
  }
}
