import { appendFileSync, existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { completeJob } from './complete-job.ts'
import type { JobHandler } from './job-handler.ts'
import { recordTestEffect } from './test-kinds.ts'

/** The kill -9 probe's kind (functions/test/job-crash.test.ts); Node only, TEST_JOB_KINDS=true. */
export const CRASH_PROBE = 'test.crash-probe'
export const EFFECTS_LOG = 'job-effects.log'

/**
 * Does what a real handler does, in the two ways the guarantee distinguishes (ADR 0019):
 * - an "external" effect (think SMTP): one line `<job id> <try>` appended to DATA_DIR/job-effects.log
 *   on every try — at least once, the job id being the receiver's idempotency key;
 * - a database effect (recordTestEffect) committed with "done" — exactly once.
 * With `block: true` its first execution (the first line for its id in the log: a try handed back
 * on shutdown is not counted in `attempts`) hangs between the two, so the test can kill or stop
 * the runner mid-job.
 */
export const crashProbeHandlers: Readonly<Record<string, JobHandler>> = {
  [CRASH_PROBE]: async (job, runtime) => {
    const log = join(runtime.env.DATA_DIR, EFFECTS_LOG)
    const first = !existsSync(log) || !readFileSync(log, 'utf8').includes(`${job.id} `)
    appendFileSync(log, `${job.id} ${job.attempt}\n`)
    if (job.payload.block === true && first) await new Promise(() => undefined)
    await completeJob(job, runtime, (tx) => recordTestEffect(tx, job))
  },
}
