import { sql } from 'drizzle-orm'
import type { Database } from '../_shared/db/client.ts'

/**
 * Every (organization, table) whose maintained count (`tenant_row_counts`, migrations/0003)
 * differs from a real count, in one statement — so one snapshot, which makes the check valid
 * even while other tests write to the same database.
 */
export async function rowCountMismatches(db: Database): Promise<unknown[]> {
  const result = (await db.execute(sql`
    with actual as (
      select organization_id, 'buildings' as table_name, count(*)::int as n from buildings group by 1
      union all select organization_id, 'units', count(*)::int from units group by 1
      union all select organization_id, 'owners', count(*)::int from owners group by 1
      union all select organization_id, 'expenses', count(*)::int from expenses group by 1
    )
    , kept as (
      select organization_id, table_name, sum(row_count)::int as n from tenant_row_counts group by 1, 2
    )
    select organization_id, table_name, k.n as kept, a.n as actual
    from kept k full join actual a using (organization_id, table_name)
    where coalesce(k.n, 0) <> coalesce(a.n, 0)`)) as unknown as { rows: unknown[] }
  return result.rows
}
