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
}

/**
 * Does one job. Throwing schedules a retry with backoff (dead letter after the last try), so a
 * handler must be idempotent: doing the same job twice (a runner killed after the work but before
 * marking it done) must not send, store or post anything twice — key external effects by `job.id`.
 */
export type JobHandler = (job: Job, runtime: Runtime) => Promise<void>
