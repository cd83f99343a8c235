import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi'
import { SEARCH_HIT_KINDS, SEARCH_MAX_LIMIT, SEARCH_TEXT_MAX, searchDirectory } from '@koprogo/domain'
import { bearer, errors, json, respond } from '../_shared/http.ts'
import { type AppEnv, actorContext } from '../_shared/runtime.ts'

const SearchHitSchema = z
  .object({
    kind: z.enum(SEARCH_HIT_KINDS),
    id: z.uuid(),
    label: z.string(),
    detail: z.string(),
    building_id: z.uuid().nullable(),
  })
  .openapi('SearchHit')

export const SearchResultSchema = z.object({ items: z.array(SearchHitSchema) }).openapi('SearchResult')

const SearchQuery = z.object({
  q: z.string().max(SEARCH_TEXT_MAX),
  limit: z.coerce.number().int().min(1).max(SEARCH_MAX_LIMIT).default(8),
})

/**
 * GET /stats/search: the header's one search box over buildings, lots and owners. It lives in the
 * stats resource (the directory read side of the dashboards) so it needs no Worker of its own.
 */
export function registerSearch(app: OpenAPIHono<AppEnv>): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/search',
      tags: ['Stats'],
      summary:
        'Buildings, lots and owners of the own organization whose names, addresses, cities or numbers contain q (any case)',
      security: bearer,
      request: { query: SearchQuery },
      responses: {
        200: json(SearchResultSchema, 'At most `limit` hits per kind'),
        400: errors[400],
        403: errors[403],
      },
    }),
    async (c) => {
      const q = c.req.valid('query')
      const result = await searchDirectory({ ctx: actorContext(c), input: q })
      return respond(c, result, (hits) =>
        c.json(
          {
            items: hits.map((h) => ({
              kind: h.kind,
              id: h.id,
              label: h.label,
              detail: h.detail,
              building_id: h.buildingId,
            })),
          },
          200,
        ),
      )
    },
  )
}
