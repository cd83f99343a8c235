import type { ActorContext } from '../context.ts'
import { can } from '../identity/permissions.ts'
import { DomainErrors } from '../shared/domain-error.ts'
import type { Page, PageRequest } from '../shared/ports.ts'
import { err, ok, type Result } from '../shared/result.ts'
import type { JobRecord, JobSortField, JobStatus } from './jobs.ts'

/** The job queue, newest first by default; platform operators (superadmin) only. */
export async function listJobs(
  ctx: ActorContext,
  input: { status?: JobStatus | undefined; page: PageRequest<JobSortField> },
): Promise<Result<Page<JobRecord>>> {
  if (!can(ctx.actor, 'platform:manage')) return err(DomainErrors.forbidden())
  return ok(await ctx.repos.jobs.list({ status: input.status }, input.page))
}

/** Puts a dead-lettered job back in the queue (due now, tries counted afresh), audited. */
export async function retryJob(ctx: ActorContext, id: string): Promise<Result<JobRecord>> {
  if (!can(ctx.actor, 'platform:manage')) return err(DomainErrors.forbidden())
  return ctx.transaction(async (repos) => {
    const job = await repos.jobs.findById(id)
    if (!job) return err(DomainErrors.notFound('Job'))
    if (job.status !== 'failed' || !(await repos.jobs.retry(id)))
      return err(
        DomainErrors.conflict(
          'job_not_failed',
          `Only a failed job can be retried (this one is ${job.status})`,
          { status: job.status },
        ),
      )
    await repos.audit.record({
      organizationId: job.organizationId,
      actorUserId: ctx.actor.userId,
      action: 'job.retry',
      entity: 'job',
      entityId: id,
      requestId: ctx.requestId,
      details: { kind: job.kind, attempts: job.attempts, last_error: job.lastError },
    })
    const retried = await repos.jobs.findById(id)
    return retried ? ok(retried) : err(DomainErrors.notFound('Job'))
  })
}
