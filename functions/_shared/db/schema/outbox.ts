import { sql } from 'drizzle-orm'
import { index, integer, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core'
import { tstz } from './columns.ts'

/**
 * After-commit work, inserted in the transaction of the change that causes it (ADR 0019).
 * The job runner claims due rows with FOR UPDATE SKIP LOCKED; `locked_until` lets another runner
 * take over a job whose runner died (kill -9) mid-job. No foreign key to organizations: a job may
 * outlive a deleted tenant's rows and must then fail visibly, not vanish.
 */
export const outbox = pgTable(
  'outbox',
  {
    id: uuid('id').primaryKey(),
    organizationId: uuid('organization_id'),
    kind: text('kind').notNull(),
    payload: jsonb('payload').notNull(),
    /** pending → running → done | failed (dead letter after max attempts). */
    status: text('status').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    runAfter: tstz('run_after').notNull().defaultNow(),
    lockedUntil: tstz('locked_until'),
    lockedBy: text('locked_by'),
    lastError: text('last_error'),
    createdAt: tstz('created_at').notNull().defaultNow(),
    doneAt: tstz('done_at'),
  },
  (t) => [
    index('outbox_due_idx').on(t.runAfter).where(sql`${t.status} in ('pending', 'running')`),
    index('outbox_status_created_idx').on(t.status, t.createdAt),
  ],
)
