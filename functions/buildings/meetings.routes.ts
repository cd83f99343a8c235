import { createRoute, type OpenAPIHono } from '@hono/zod-openapi'
import { listBuildingMeetings } from '@koprogo/domain'
import { bearer, errors, json, paginated, respond, toPageRequest } from '../_shared/http.ts'
import { type AppEnv, actorContext } from '../_shared/runtime.ts'
import {
  BuildingMeetingListQuery,
  MeetingPageSchema,
  toMeetingDto,
  toMeetingFilter,
} from '../meetings/schema.ts'
import { BuildingIdParam } from './schema.ts'

/** GET /buildings/{building_id}/meetings: an unknown, foreign or (owner) not-owned building is a 404. */
export function mountBuildingMeetings(app: OpenAPIHono<AppEnv>): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/{building_id}/meetings',
      tags: ['Meetings'],
      summary: 'Meetings of one building',
      security: bearer,
      request: { params: BuildingIdParam, query: BuildingMeetingListQuery },
      responses: { 200: json(MeetingPageSchema, 'A page'), 400: errors[400], 404: errors[404] },
    }),
    async (c) => {
      const q = c.req.valid('query')
      const page = toPageRequest(q)
      const id = c.req.valid('param').building_id
      const result = await listBuildingMeetings({
        ctx: actorContext(c),
        input: { buildingId: id, query: toMeetingFilter(q), page },
      })
      return respond(c, result, (p) => c.json(paginated(p, page, toMeetingDto), 200))
    },
  )
}
