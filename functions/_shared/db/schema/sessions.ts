import { index, integer, pgTable, text, uuid } from 'drizzle-orm/pg-core'
import { tstz } from './columns.ts'
import { users } from './users.ts'

/** Refresh tokens are stored as SHA-256 hashes only: a leaked table yields no usable token. */
export const refreshTokens = pgTable(
  'refresh_tokens',
  {
    id: uuid('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    familyId: uuid('family_id').notNull(),
    tokenHash: text('token_hash').notNull().unique(),
    expiresAt: tstz('expires_at').notNull(),
    revokedAt: tstz('revoked_at'),
    createdAt: tstz('created_at').notNull().defaultNow(),
    /** When the family's login happened: the family ends REFRESH_SESSION_MAX_DAYS later, however often it rotates. */
    familyStartedAt: tstz('family_started_at').notNull().defaultNow(),
    /** The user's session epoch at issue: a token from an older epoch no longer refreshes. */
    sessionEpoch: integer('session_epoch').notNull().default(0),
    /**
     * The next refresh token of the family, AES-GCM-encrypted under a key derived from THIS
     * token (which is never stored): a concurrent presenter of this token within the grace
     * window gets the same successor back; the table alone decrypts nothing (ADR 0016).
     */
    successorSealed: text('successor_sealed'),
  },
  (t) => [index('refresh_tokens_family_idx').on(t.familyId), index('refresh_tokens_user_idx').on(t.userId)],
)

/**
 * Login attempts per key ("ip:…", "email:…", "email-ip:…") in a fixed window, shared by every
 * process and Worker. An attempt is reserved by one upsert that returns the new count BEFORE the
 * password is checked, so concurrent guesses cannot all pass a "count < max" read (ADR 0016).
 */
export const loginThrottle = pgTable(
  'login_throttle',
  {
    key: text('key').primaryKey(),
    windowStartedAt: tstz('window_started_at').notNull(),
    attempts: integer('attempts').notNull(),
  },
  (t) => [index('login_throttle_window_idx').on(t.windowStartedAt)],
)
