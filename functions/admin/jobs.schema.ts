import { z } from '@hono/zod-openapi'
import { JOB_SORT_FIELDS, JOB_STATUSES, type JobRecord } from '@koprogo/domain'
import { pageQuery } from '../_shared/http.ts'

export const JobSchema = z
  .object({
    id: z.uuid(),
    kind: z.string(),
    organization_id: z.uuid().nullable(),
    status: z.enum(JOB_STATUSES),
    attempts: z
      .number()
      .int()
      .openapi({ description: 'Tries so far (the current one included while running)' }),
    last_error: z.string().nullable(),
    run_after: z.string().openapi({ description: 'Due from (the next try of a job waiting for a retry)' }),
    locked_until: z.string().nullable().openapi({ description: 'End of the running try’s lease' }),
    created_at: z.string(),
    done_at: z.string().nullable(),
  })
  .openapi('Job')

export function toJobDto(j: JobRecord): z.infer<typeof JobSchema> {
  return {
    id: j.id,
    kind: j.kind,
    organization_id: j.organizationId,
    status: j.status,
    attempts: j.attempts,
    last_error: j.lastError,
    run_after: j.runAfter.toISOString(),
    locked_until: j.lockedUntil?.toISOString() ?? null,
    created_at: j.createdAt.toISOString(),
    done_at: j.doneAt?.toISOString() ?? null,
  }
}

/** Newest first unless asked otherwise; `status` narrows to one state (e.g. the dead letters). */
export const JobListQuery = pageQuery(JOB_SORT_FIELDS, 'created_at').extend({
  order: z.enum(['asc', 'desc']).default('desc'),
  status: z
    .enum(JOB_STATUSES)
    .optional()
    .openapi({ param: { name: 'status', in: 'query' }, description: 'Only jobs in this state' }),
})
