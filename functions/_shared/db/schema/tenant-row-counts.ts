import { bigint, pgTable, primaryKey, smallint, text, uuid } from 'drizzle-orm/pg-core'

/**
 * How many rows each tenant has in the tables whose unfiltered list every screen asks for
 * (buildings, units, owners, expenses). Kept exact by statement-level triggers in the same
 * transaction as the rows (migrations/0003, 0004), so a list's `total_items` is a read of a few
 * rows instead of a count over the tenant's rows (docs/performance.md). The count is the sum over
 * `slot`s: each database connection adds to its own slot (backend pid mod 8), so concurrent
 * writers of one tenant do not queue on a single counter row until their commits.
 */
export const tenantRowCounts = pgTable(
  'tenant_row_counts',
  {
    organizationId: uuid('organization_id').notNull(),
    tableName: text('table_name').notNull(),
    slot: smallint('slot').notNull().default(0),
    rowCount: bigint('row_count', { mode: 'number' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.organizationId, t.tableName, t.slot] })],
)
