import type { JobQueue, JobRecord, JobStatus } from '@koprogo/domain'
import { and, eq, sql } from 'drizzle-orm'
import type { Database } from '../client.ts'
import { outbox } from '../schema/index.ts'
import { listPage } from './paginate.ts'

type Row = typeof outbox.$inferSelect

const toJob = (row: Row): JobRecord => ({
  id: row.id,
  kind: row.kind,
  organizationId: row.organizationId,
  status: row.status as JobStatus,
  attempts: row.attempts,
  lastError: row.lastError,
  runAfter: row.runAfter,
  lockedUntil: row.lockedUntil,
  createdAt: row.createdAt,
  doneAt: row.doneAt,
})

/** The outbox read and retried by the superadmin (domain/src/platform/jobs.ts). */
export function jobQueue(db: Database): JobQueue {
  return {
    list(filter, page) {
      const where = filter.status ? eq(outbox.status, filter.status) : undefined
      return listPage(db, outbox, where, page, { created_at: outbox.createdAt }, toJob)
    },
    async findById(id) {
      const [row] = await db.select().from(outbox).where(eq(outbox.id, id)).limit(1)
      return row ? toJob(row) : null
    },
    async retry(id) {
      // The last error stays until the next try overwrites it or the job succeeds (done keeps it too).
      const rows = await db
        .update(outbox)
        .set({ status: 'pending', attempts: 0, runAfter: sql`now()`, lockedBy: null, lockedUntil: null })
        .where(and(eq(outbox.id, id), eq(outbox.status, 'failed')))
        .returning({ id: outbox.id })
      return rows.length === 1
    },
  }
}
