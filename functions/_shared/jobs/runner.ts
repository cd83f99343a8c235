import { sql } from 'drizzle-orm'
import type { Runtime } from '../runtime.ts'
import { jobHandlers } from './handlers.ts'
import type { Job, JobHandler } from './job-handler.ts'

type ClaimedRow = {
  id: string
  kind: string
  organization_id: string | null
  payload: Record<string, unknown>
  attempts: number
}

/**
 * Claims up to `limit` due outbox rows (FOR UPDATE SKIP LOCKED, so runners never share a job) and
 * does them one by one. Returns how many were claimed. A first, minimal version (the seam other
 * features build on); retries with backoff, dead letters, lease recovery and the Node/Workers loops
 * come with the runner itself (ADR 0019).
 */
export async function runDueJobs(
  runtime: Runtime,
  options: { limit?: number; handlers?: Readonly<Record<string, JobHandler>> } = {},
): Promise<number> {
  const handlers = options.handlers ?? jobHandlers
  const db = runtime.database.db
  const claimed = (await db.execute(sql`
    update outbox set status = 'running', attempts = attempts + 1,
      locked_until = now() + interval '5 minutes'
    where id in (
      select id from outbox where status = 'pending' and run_after <= now()
      order by run_after, id limit ${options.limit ?? 20}
      for update skip locked)
    returning id, kind, organization_id, payload, attempts`)) as unknown as { rows: ClaimedRow[] }
  for (const row of claimed.rows) {
    const job: Job = {
      id: row.id,
      kind: row.kind,
      organizationId: row.organization_id,
      payload: row.payload,
      attempt: row.attempts,
    }
    try {
      const handler = handlers[job.kind]
      if (!handler) throw new Error(`no handler for job kind ${job.kind}`)
      await handler(job, runtime)
      await db.execute(
        sql`update outbox set status = 'done', done_at = now(), locked_until = null where id = ${job.id}`,
      )
    } catch (e) {
      await db.execute(
        sql`update outbox set status = 'failed', last_error = ${String(e)}, locked_until = null where id = ${job.id}`,
      )
    }
  }
  return claimed.rows.length
}
