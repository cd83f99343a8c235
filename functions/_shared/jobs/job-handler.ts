import type { Runtime } from '../runtime.ts'

/** One claimed outbox row, as a handler sees it. */
export type Job = {
  /** The outbox id: the idempotency key of whatever the handler does outside the database. */
  readonly id: string
  readonly kind: string
  readonly organizationId: string | null
  readonly payload: Readonly<Record<string, unknown>>
  /** 1 on the first try. */
  readonly attempt: number
  /**
   * The claim (`outbox.locked_by`) this try holds; `completeJob` commits only while it is still
   * ours. Absent on a job built by hand (a test calling a handler directly).
   */
  readonly claim?: string
}

/**
 * Does one job. Throwing schedules a retry with backoff (dead letter after the last try), so a
 * handler must be idempotent: doing the same job twice (a runner killed after the work but before
 * marking it done) must not send, store or post anything twice — key external effects by `job.id`,
 * and write database effects with `completeJob` (complete-job.ts), which commits them in the same
 * transaction as marking the job done (exactly once).
 */
export type JobHandler = (job: Job, runtime: Runtime) => Promise<void>
