import { bigint, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core'

/**
 * How many rows each tenant has in the tables whose unfiltered list every screen asks for
 * (buildings, units, owners, expenses). Kept exact by statement-level triggers in the same
 * transaction as the rows (migrations/0003_tenant_row_counts.sql), so a list's `total_items` is
 * one primary-key read instead of a count over the tenant's rows (docs/performance.md).
 */
export const tenantRowCounts = pgTable(
  'tenant_row_counts',
  {
    organizationId: uuid('organization_id').notNull(),
    tableName: text('table_name').notNull(),
    rowCount: bigint('row_count', { mode: 'number' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.organizationId, t.tableName] })],
)
