import { sql } from 'drizzle-orm'
import type { Database } from '../db/client.ts'
import { completeJob } from './complete-job.ts'
import type { Job, JobHandler } from './job-handler.ts'

/**
 * Job kinds for tests only, registered when TEST_JOB_KINDS=true (refused in production): by the
 * Node entry and by the Cron Worker, so the kill -9 test and the workerd smoke test run real jobs
 * before any feature has its own. Runs on both runtimes (no node:* here; crash-probe.ts is Node's).
 */
export const TEST_EFFECT = 'test.effect'

/** A database effect keyed by the job: one audit row (action `test.job-effect`, entity id = job id). */
export async function recordTestEffect(tx: Database, job: Job): Promise<void> {
  await tx.execute(sql`insert into audit_log (organization_id, actor_user_id, action, entity, entity_id, request_id, details)
    values (null, null, 'test.job-effect', 'outbox', ${job.id}, 'job', ${JSON.stringify({ attempt: job.attempt })}::jsonb)`)
}

export const testJobHandlers: Readonly<Record<string, JobHandler>> = {
  [TEST_EFFECT]: (job, runtime) => completeJob(job, runtime, (tx) => recordTestEffect(tx, job)),
}
