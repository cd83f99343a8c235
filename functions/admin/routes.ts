import { createRoute } from '@hono/zod-openapi'
import { listJobs, retryJob } from '@koprogo/domain'
import { createResourceApp } from '../_shared/app.ts'
import { requireAuth } from '../_shared/auth.ts'
import { bearer, errors, IdParam, json, pageOf, paginated, respond, toPageRequest } from '../_shared/http.ts'
import { actorContext } from '../_shared/runtime.ts'
import { JobListQuery, JobSchema, toJobDto } from './jobs.schema.ts'

/** Platform operations for the superadmin: the job queue (ADR 0019). */
export const adminApp = createResourceApp()
adminApp.use('*', requireAuth)

adminApp.openapi(
  createRoute({
    method: 'get',
    path: '/jobs',
    tags: ['Admin'],
    summary: 'The job queue (outbox), newest first, by status (superadmin)',
    security: bearer,
    request: { query: JobListQuery },
    responses: {
      200: json(pageOf(JobSchema, 'JobPage'), 'A page'),
      400: errors[400],
      403: errors[403],
    },
  }),
  async (c) => {
    const q = c.req.valid('query')
    const page = toPageRequest(q)
    return respond(c, await listJobs({ ctx: actorContext(c), input: { status: q.status, page } }), (p) =>
      c.json(paginated(p, page, toJobDto), 200),
    )
  },
)

adminApp.openapi(
  createRoute({
    method: 'post',
    path: '/jobs/{id}/retry',
    tags: ['Admin'],
    summary:
      'Put a failed (dead-lettered) job back in the queue, due now with its tries counted afresh (superadmin)',
    security: bearer,
    request: { params: IdParam },
    responses: {
      200: json(JobSchema, 'Back in the queue'),
      403: errors[403],
      404: errors[404],
      409: errors[409],
    },
  }),
  async (c) =>
    respond(c, await retryJob({ ctx: actorContext(c), input: { id: c.req.valid('param').id } }), (j) =>
      c.json(toJobDto(j), 200),
    ),
)

// The platform's legal interest rates (arrears, ADR 0039), in their own file.
import { mountAdminLegalRates } from './legal-interest-rates.routes.ts'

mountAdminLegalRates(adminApp)
