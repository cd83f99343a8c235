import type { ActorContext } from '../context.ts'
import type { Page, PageRequest } from '../shared/ports.ts'
import type { SharedPorts } from '../shared/shared-ports.ts'

/** pending → running → done | failed (dead letter, after the last try). */
export const JOB_STATUSES = ['pending', 'running', 'done', 'failed'] as const
export type JobStatus = (typeof JOB_STATUSES)[number]

/** An outbox message as the operator sees it (its payload is not shown: it is the handler's input). */
export type JobRecord = {
  readonly id: string
  readonly kind: string
  readonly organizationId: string | null
  readonly status: JobStatus
  readonly attempts: number
  readonly lastError: string | null
  readonly runAfter: Date
  readonly lockedUntil: Date | null
  readonly createdAt: Date
  readonly doneAt: Date | null
}

export const JOB_SORT_FIELDS = ['created_at'] as const
export type JobSortField = (typeof JOB_SORT_FIELDS)[number]

/** The superadmin's view of the job queue (the outbox table, ADR 0019). */
export interface JobQueue {
  list(filter: { status?: JobStatus | undefined }, page: PageRequest<JobSortField>): Promise<Page<JobRecord>>
  findById(id: string): Promise<JobRecord | null>
  /** A dead letter back in the queue, due now with a fresh count of tries; false if it was not failed. */
  retry(id: string): Promise<boolean>
}

/** The platform context's own repositories (its ports bundle). */
export type PlatformPorts = {
  readonly jobs: JobQueue
}

/** What the platform use cases see in a transaction. */
export type PlatformRepos = SharedPorts & { readonly platform: PlatformPorts }
export type PlatformContext = ActorContext<PlatformRepos>
