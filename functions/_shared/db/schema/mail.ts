import { index, pgTable, text, uuid } from 'drizzle-orm/pg-core'
import { tstz } from './columns.ts'
import { users } from './users.ts'

/**
 * Single-use links that set a password (invitation, reset). Only the SHA-256 of the link's token
 * is stored; the token itself is HMAC(key derived from JWT_SECRET, id) and `id` is the id of the
 * outbox job that mails it, so the mail job can rebuild the link on a retry and nothing else
 * can (ADR 0023).
 */
export const passwordLinks = pgTable(
  'password_links',
  {
    id: uuid('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** invite | reset */
    purpose: text('purpose').notNull(),
    tokenHash: text('token_hash').notNull().unique(),
    expiresAt: tstz('expires_at').notNull(),
    /** Set once, atomically, by the request that uses the link (or when a newer link replaces it). */
    usedAt: tstz('used_at'),
    createdAt: tstz('created_at').notNull().defaultNow(),
  },
  (t) => [index('password_links_user_idx').on(t.userId)],
)

/**
 * Mail "sent" by the capture adapter (embedded profile, tests, or production without a transport):
 * kept for the superadmin's mail page. Unique on the job id, so a job retried after a crash
 * captures its message once. Platform-level (no organization_id): only the superadmin reads it.
 */
export const capturedMail = pgTable(
  'captured_mail',
  {
    id: uuid('id').primaryKey(),
    jobId: text('job_id').notNull().unique(),
    messageId: text('message_id').notNull(),
    fromAddress: text('from_address').notNull(),
    toAddress: text('to_address').notNull(),
    locale: text('locale').notNull(),
    subject: text('subject').notNull(),
    textBody: text('text_body').notNull(),
    htmlBody: text('html_body').notNull(),
    createdAt: tstz('created_at').notNull().defaultNow(),
  },
  (t) => [index('captured_mail_created_idx').on(t.createdAt)],
)
