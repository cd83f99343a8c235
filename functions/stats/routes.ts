import { createRoute, z } from '@hono/zod-openapi'
import { type DashboardStats, getDashboardStats } from '@koprogo/domain'
import { createResourceApp } from '../_shared/app.ts'
import { requireAuth } from '../_shared/auth.ts'
import { bearer, errors, json, respond } from '../_shared/http.ts'
import { actorContext } from '../_shared/runtime.ts'
import { registerExpenseStats } from './expense-stats.routes.ts'
import { registerSearch } from './search.routes.ts'

export const DashboardStatsSchema = z
  .object({
    total_organizations: z.number().int(),
    total_users: z.number().int(),
    total_buildings: z.number().int(),
    active_subscriptions: z.number().int(),
    total_owners: z.number().int(),
    total_units: z.number().int(),
    total_expenses: z.number().int(),
    total_meetings: z.number().int(),
  })
  .openapi('DashboardStats')

export function toDashboardStatsDto(s: DashboardStats): z.infer<typeof DashboardStatsSchema> {
  return {
    total_organizations: s.totalOrganizations,
    total_users: s.totalUsers,
    total_buildings: s.totalBuildings,
    active_subscriptions: s.activeSubscriptions,
    total_owners: s.totalOwners,
    total_units: s.totalUnits,
    total_expenses: s.totalExpenses,
    total_meetings: s.totalMeetings,
  }
}

export const statsApp = createResourceApp()
statsApp.use('*', requireAuth)

statsApp.openapi(
  createRoute({
    method: 'get',
    path: '/dashboard',
    tags: ['Stats'],
    summary: 'Counters: the platform for a superadmin, the own organization for syndic and accountant',
    security: bearer,
    responses: { 200: json(DashboardStatsSchema, 'Counters'), 403: errors[403] },
  }),
  async (c) =>
    respond(c, await getDashboardStats({ ctx: actorContext(c) }), (s) => c.json(toDashboardStatsDto(s), 200)),
)

registerExpenseStats(statsApp)
registerSearch(statsApp)
