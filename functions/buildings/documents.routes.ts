import { createRoute, type OpenAPIHono } from '@hono/zod-openapi'
import { listBuildingDocuments } from '@koprogo/domain'
import { bearer, errors, json, paginated, respond, toPageRequest } from '../_shared/http.ts'
import { type AppEnv, actorContext } from '../_shared/runtime.ts'
import { DocumentPageSchema, NestedDocumentListQuery, toDocumentDto } from '../documents/schema.ts'
import { BuildingIdParam } from './schema.ts'

/** GET /buildings/{building_id}/documents: an unknown, foreign or (owner) not-owned building is a 404. */
export function mountBuildingDocuments(app: OpenAPIHono<AppEnv>): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/{building_id}/documents',
      tags: ['Documents'],
      summary: 'Documents of one building',
      security: bearer,
      request: { params: BuildingIdParam, query: NestedDocumentListQuery },
      responses: { 200: json(DocumentPageSchema, 'A page'), 400: errors[400], 404: errors[404] },
    }),
    async (c) => {
      const q = c.req.valid('query')
      const page = toPageRequest(q)
      const id = c.req.valid('param').building_id
      const result = await listBuildingDocuments({
        ctx: actorContext(c),
        input: { buildingId: id, query: { documentType: q.document_type }, page },
      })
      return respond(c, result, (p) => c.json(paginated(p, page, toDocumentDto), 200))
    },
  )
}
