import type { UseCaseCall } from '../context.ts'
import { can } from '../identity/index.ts'
import { DomainErrors } from '../shared/domain-error.ts'
import type { Page, PageRequest } from '../shared/ports.ts'
import { err, ok, type Result } from '../shared/result.ts'
import { recordEvent } from '../shared/unit-of-work.ts'
import type { JobRecord, JobSortField, JobStatus, PlatformContext } from './jobs.ts'

/** The job queue, newest first by default; platform operators (superadmin) only. */
export async function listJobs({
  ctx,
  input,
}: UseCaseCall<
  PlatformContext,
  { readonly status?: JobStatus | undefined; readonly page: PageRequest<JobSortField> }
>): Promise<Result<Page<JobRecord>>> {
  if (!can(ctx.actor, 'platform:manage')) return err(DomainErrors.forbidden())
  return ok(await ctx.repos.platform.jobs.list({ status: input.status }, input.page))
}

/** Puts a dead-lettered job back in the queue (due now, tries counted afresh), audited. */
export async function retryJob({
  ctx,
  input: { id },
}: UseCaseCall<PlatformContext, { readonly id: string }>): Promise<Result<JobRecord>> {
  if (!can(ctx.actor, 'platform:manage')) return err(DomainErrors.forbidden())
  return ctx.transaction(async (repos) => {
    const job = await repos.platform.jobs.findById(id)
    if (!job) return err(DomainErrors.notFound('Job'))
    if (job.status !== 'failed' || !(await repos.platform.jobs.retry(id)))
      return err(
        DomainErrors.conflict(
          'job_not_failed',
          `Only a failed job can be retried (this one is ${job.status})`,
          { status: job.status },
        ),
      )
    await recordEvent(ctx, repos, 'JobRetried', job, id, {
      kind: job.kind,
      attempts: job.attempts,
      last_error: job.lastError,
    })
    const retried = await repos.platform.jobs.findById(id)
    return retried ? ok(retried) : err(DomainErrors.notFound('Job'))
  })
}
