import type { StatsRepository } from '@koprogo/domain'
import { sql } from 'drizzle-orm'
import type { Database } from '../client.ts'
import { crossTenant } from '../tenant-scope.ts'

/** All dashboard counters in one round trip (one scalar sub-select per table). */
export function statsRepository(db: Database): StatsRepository {
  return {
    async count(scope) {
      const org = scope.organizationId
      const f = (column = 'organization_id') => (org ? sql`where ${sql.raw(column)} = ${org}` : sql``)
      const result = (await db.execute(sql`select
          (select count(*) from organizations ${f('id')})::int as organizations,
          (select count(*) from organizations ${org ? sql`where id = ${org} and is_active` : sql`where is_active`})::int as active,
          (select count(*) from users ${f()})::int as users,
          (select count(*) from buildings ${f()})::int as buildings,
          (select count(*) from owners ${f()})::int as owners,
          (select count(*) from units ${f()})::int as units,
          (select count(*) from expenses ${f()})::int as expenses,
          (select count(*) from meetings ${f()})::int as meetings
          ${org ? sql`` : sql`where ${crossTenant('platform counters for a superadmin')}`}`)) as unknown as {
        rows: Record<string, number>[]
      }
      const r = result.rows[0] ?? {}
      return {
        totalOrganizations: r.organizations ?? 0,
        activeSubscriptions: r.active ?? 0,
        totalUsers: r.users ?? 0,
        totalBuildings: r.buildings ?? 0,
        totalOwners: r.owners ?? 0,
        totalUnits: r.units ?? 0,
        totalExpenses: r.expenses ?? 0,
        totalMeetings: r.meetings ?? 0,
      }
    },
  }
}
