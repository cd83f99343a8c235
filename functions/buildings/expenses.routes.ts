import { createRoute, type OpenAPIHono } from '@hono/zod-openapi'
import { listExpenses } from '@koprogo/domain'
import { bearer, errors, json, paginated, respond, toPageRequest } from '../_shared/http.ts'
import { type AppEnv, actorContext } from '../_shared/runtime.ts'
import {
  BuildingExpenseListQuery,
  ExpensePageSchema,
  toExpenseDto,
  toExpenseFilter,
} from '../expenses/schema.ts'
import { BuildingIdParam } from './schema.ts'

/** GET /buildings/{building_id}/expenses: the /expenses list narrowed to one building (404 if not visible). */
export function mountBuildingExpenses(app: OpenAPIHono<AppEnv>): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/{building_id}/expenses',
      tags: ['Expenses'],
      summary: 'Expenses of one building',
      security: bearer,
      request: { params: BuildingIdParam, query: BuildingExpenseListQuery },
      responses: {
        200: json(ExpensePageSchema, 'A page'),
        400: errors[400],
        403: errors[403],
        404: errors[404],
      },
    }),
    async (c) => {
      const q = c.req.valid('query')
      const page = toPageRequest(q)
      const query = { ...toExpenseFilter(q), buildingId: c.req.valid('param').building_id }
      return respond(c, await listExpenses({ ctx: actorContext(c), input: { query, page } }), (p) =>
        c.json(paginated(p, page, toExpenseDto), 200),
      )
    },
  )
}
