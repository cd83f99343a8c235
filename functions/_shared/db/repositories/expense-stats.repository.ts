import type { ExpenseStatsReader } from '@koprogo/domain'
import { and, asc, count, eq, sql, sum } from 'drizzle-orm'
import type { Database } from '../client.ts'
import { expenses } from '../schema/index.ts'

/** Sums in the database (one GROUP BY over the tenant's expenses, on the organization index). */
export function expenseStatsReader(db: Database): ExpenseStatsReader {
  return {
    async totals(scope, filter) {
      const key =
        filter.group === 'month'
          ? sql<string>`to_char(${expenses.expenseDate}, 'YYYY-MM')`
          : expenses.category
      const rows = await db
        .select({ key, total: sum(expenses.amountCents).mapWith(Number), count: count() })
        .from(expenses)
        .where(
          and(
            eq(expenses.organizationId, scope.organizationId),
            filter.buildingId ? eq(expenses.buildingId, filter.buildingId) : undefined,
          ),
        )
        .groupBy(key)
        .orderBy(asc(key))
      return rows.map((r) => ({ key: String(r.key), totalCents: r.total ?? 0, count: r.count }))
    },
  }
}
