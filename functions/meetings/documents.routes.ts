import { createRoute, type OpenAPIHono } from '@hono/zod-openapi'
import { listMeetingDocuments } from '@koprogo/domain'
import { bearer, errors, IdParam, json, paginated, respond, toPageRequest } from '../_shared/http.ts'
import { type AppEnv, actorContext } from '../_shared/runtime.ts'
import { DocumentPageSchema, NestedDocumentListQuery, toDocumentDto } from '../documents/schema.ts'

/** GET /meetings/{id}/documents: visible exactly when the meeting is (404 otherwise). */
export function mountMeetingDocuments(app: OpenAPIHono<AppEnv>): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/{id}/documents',
      tags: ['Documents'],
      summary: 'Documents linked to one meeting (minutes, convocation…)',
      security: bearer,
      request: { params: IdParam, query: NestedDocumentListQuery },
      responses: { 200: json(DocumentPageSchema, 'A page'), 400: errors[400], 404: errors[404] },
    }),
    async (c) => {
      const q = c.req.valid('query')
      const page = toPageRequest(q)
      const id = c.req.valid('param').id
      const result = await listMeetingDocuments({
        ctx: actorContext(c),
        input: { meetingId: id, query: { documentType: q.document_type }, page },
      })
      return respond(c, result, (p) => c.json(paginated(p, page, toDocumentDto), 200))
    },
  )
}
