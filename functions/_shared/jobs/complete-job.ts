import { sql } from 'drizzle-orm'
import type { Database } from '../db/client.ts'
import type { Runtime } from '../runtime.ts'
import type { Job } from './job-handler.ts'

/** The claim was lost (lease expired and another run took the job): the work is rolled back. */
export class JobClaimLost extends Error {
  constructor(jobId: string) {
    super(`job ${jobId} is no longer held by this run (lease expired and it was taken again)`)
  }
}

/**
 * Runs a handler's database effects in ONE transaction with marking the job done, guarded by the
 * claim: either both commit (exactly once, even if the job is tried again later: it is then
 * already done) or neither (the lease was lost to another run, which will do it). The runner's
 * own "done" afterwards is then a no-op.
 */
export async function completeJob<T>(
  job: Job,
  runtime: Runtime,
  work: (tx: Database) => Promise<T>,
): Promise<T> {
  return runtime.database.db.transaction(async (txHandle) => {
    const tx = txHandle as unknown as Database
    const result = await work(tx)
    const claimed = job.claim === undefined ? sql`true` : sql`locked_by = ${job.claim}`
    const marked = (await tx.execute(sql`
      update outbox set status = 'done', done_at = now(), locked_until = null
      where id = ${job.id} and status = 'running' and ${claimed} returning id`)) as unknown as {
      rows: unknown[]
    }
    if (marked.rows.length !== 1) throw new JobClaimLost(job.id)
    return result
  })
}
