import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi'
import { EXPENSE_GROUPINGS, getExpenseStats } from '@koprogo/domain'
import { bearer, errors, json, respond } from '../_shared/http.ts'
import { type AppEnv, actorContext } from '../_shared/runtime.ts'

const ExpenseTotalSchema = z
  .object({
    key: z.string().openapi({ description: 'The category, or the month as YYYY-MM' }),
    total_cents: z.number().int(),
    count: z.number().int(),
  })
  .openapi('ExpenseTotal')

export const ExpenseStatsSchema = z
  .object({ group: z.enum(EXPENSE_GROUPINGS), items: z.array(ExpenseTotalSchema) })
  .openapi('ExpenseStats')

const ExpenseStatsQuery = z.object({
  group: z.enum(EXPENSE_GROUPINGS).default('category'),
  building_id: z.uuid().optional(),
})

/** GET /stats/expenses: the sums behind the dashboards' charts (by category or by month). */
export function registerExpenseStats(app: OpenAPIHono<AppEnv>): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/expenses',
      tags: ['Stats'],
      summary: 'Expense totals of the own organization (or one building), by category or by month',
      security: bearer,
      request: { query: ExpenseStatsQuery },
      responses: {
        200: json(ExpenseStatsSchema, 'Totals in cents, sorted by key'),
        400: errors[400],
        403: errors[403],
        404: errors[404],
      },
    }),
    async (c) => {
      const q = c.req.valid('query')
      const result = await getExpenseStats({
        ctx: actorContext(c),
        input: { group: q.group, buildingId: q.building_id },
      })
      return respond(c, result, (items) =>
        c.json(
          {
            group: q.group,
            items: items.map((i) => ({ key: i.key, total_cents: i.totalCents, count: i.count })),
          },
          200,
        ),
      )
    },
  )
}
