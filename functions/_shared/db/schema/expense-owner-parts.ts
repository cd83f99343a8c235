import { sql } from 'drizzle-orm'
import { bigint, boolean, date, index, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core'
import { expenses } from './finance.ts'

/**
 * Each owner's part of each posted expense, as its frozen distribution says (ADR 0046): one row
 * per (expense, unit, owner) the distribution names. Written by triggers on `expenses` in the
 * same statement as the expense (migrations/0025, hand-written part), never by the application:
 * the rows exist exactly while the expense is posted (approved or paid, not cancelled) and
 * follow its payment status; a later quota, key or register change does not touch them, because
 * the distribution is frozen at approval. GET /owners/{id}/charges reads its totals and its page
 * here in one index range (docs/performance.md "Owner charges from owner parts").
 */
export const expenseOwnerParts = pgTable(
  'expense_owner_parts',
  {
    organizationId: uuid('organization_id').notNull(),
    ownerId: uuid('owner_id').notNull(),
    expenseId: uuid('expense_id')
      .notNull()
      .references(() => expenses.id, { onDelete: 'cascade' }),
    buildingId: uuid('building_id').notNull(),
    expenseDate: date('expense_date', { mode: 'string' }).notNull(),
    unitId: uuid('unit_id').notNull(),
    unitNumber: text('unit_number').notNull(),
    /** The owner's part in cents (negative for a credit note). */
    amountCents: bigint('amount_cents', { mode: 'number' }).notNull(),
    /** The association has paid the supplier (payment_status 'Paid'). */
    paid: boolean('paid').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.expenseId, t.unitId, t.ownerId] }),
    // The page's order (expense date, expense id, unit number in code-point order, unit id) with
    // the columns the totals need: the page and the totals are one range of this index.
    index('expense_owner_parts_owner_idx').on(
      t.organizationId,
      t.ownerId,
      t.expenseDate,
      t.expenseId,
      sql`${t.unitNumber} collate "C"`,
      t.unitId,
    ),
  ],
)
