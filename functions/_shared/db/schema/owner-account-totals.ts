import { bigint, pgTable, primaryKey, smallint, uuid } from 'drizzle-orm/pg-core'

/**
 * The running totals of each owner's account in each building (ADR 0048): how many call lines and
 * payments, their sums and the payments' credit. Kept by statement-level triggers on `call_lines`
 * and `owner_payments` in the same statement as the rows (migrations/0026, hand-written part),
 * never by the application, so GET /owners/{id}/account reads a few rows instead of summing the
 * owner's history. As tenant_row_counts: each database connection adds to its own `slot`
 * (backend pid mod 8), so concurrent writers for one owner do not queue on one row; a total is
 * the sum over the slots (a slot alone may be negative).
 */
export const ownerAccountTotals = pgTable(
  'owner_account_totals',
  {
    organizationId: uuid('organization_id').notNull(),
    ownerId: uuid('owner_id').notNull(),
    buildingId: uuid('building_id').notNull(),
    slot: smallint('slot').notNull(),
    lines: bigint('lines', { mode: 'number' }).notNull().default(0),
    linesCents: bigint('lines_cents', { mode: 'number' }).notNull().default(0),
    payments: bigint('payments', { mode: 'number' }).notNull().default(0),
    paidCents: bigint('paid_cents', { mode: 'number' }).notNull().default(0),
    creditCents: bigint('credit_cents', { mode: 'number' }).notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.organizationId, t.ownerId, t.buildingId, t.slot] })],
)
