/**
 * The job runner on Workers (ADR 0019): a Worker with no public route whose Cron Trigger
 * (wrangler.toml [env.jobs.triggers], every minute) runs the same `runDueJobs` over the same
 * outbox table with the same handlers as the Node entry's loop, until nothing is due or its time
 * budget is spent. The lease and the claim token make an overlapping invocation (a slow minute)
 * or the Node loop on the same database safe.
 */

import type { RequestDatabaseHandle } from '../db/client.ts'
import { jobHandlers } from '../jobs/handlers.ts'
import type { JobHandler } from '../jobs/job-handler.ts'
import { runDueJobs } from '../jobs/runner.ts'
import { testJobHandlers } from '../jobs/test-kinds.ts'
import type { WorkerBindings } from './bindings.ts'
import { openRequestDatabase, runtimeFromBindings } from './worker-runtime.ts'

/** Leaves headroom under the platform's limits for one scheduled event; the next minute goes on. */
const BUDGET_MS = 20_000

type ExecutionContextLike = { waitUntil(promise: Promise<unknown>): void }

/** Runs batches until none is due or the budget is spent; returns how many jobs were claimed. */
export async function runScheduledJobs(bindings: WorkerBindings): Promise<number> {
  const database = await openRequestDatabase(bindings)
  try {
    return await database.run(() => runBatches(bindings, database))
  } finally {
    await database.close().catch(() => undefined)
  }
}

async function runBatches(bindings: WorkerBindings, database: RequestDatabaseHandle): Promise<number> {
  const runtime = runtimeFromBindings(bindings, database)
  const handlers: Readonly<Record<string, JobHandler>> = runtime.env.TEST_JOB_KINDS
    ? { ...jobHandlers, ...testJobHandlers }
    : jobHandlers
  const started = Date.now()
  let total = 0
  try {
    for (;;) {
      const claimed = await runDueJobs(runtime, { handlers, runnerId: 'cron', limit: 10 })
      total += claimed
      if (claimed === 0 || Date.now() - started > BUDGET_MS) break
    }
    return total
  } catch (error) {
    // A failed run (database away) is logged; the next minute's trigger tries again.
    runtime.logger.warn('job runner (cron): a run failed', {
      error: error instanceof Error ? error.message : String(error),
    })
    return total
  }
}

// The one allowed default export: Workers take their handlers from the module's default.
export default {
  scheduled(_controller: unknown, bindings: WorkerBindings, ctx: ExecutionContextLike): void {
    ctx.waitUntil(runScheduledJobs(bindings))
  },
  /** No public route: the jobs are visible through the API (GET /api/v1/admin/jobs). */
  fetch(): Response {
    return new Response(null, { status: 404 })
  },
}
