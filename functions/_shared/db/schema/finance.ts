import { sql } from 'drizzle-orm'
import { bigint, check, date, index, pgTable, text, uuid } from 'drizzle-orm/pg-core'
import { distributionKeys } from './budget.ts'
import { id, timestamps, version } from './columns.ts'
import { organizations } from './organizations.ts'
import { buildings } from './property.ts'

/** Money is integer cents (bigint); euros exist only on the wire for v1 clients. */
export const expenses = pgTable(
  'expenses',
  {
    id: id(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    buildingId: uuid('building_id')
      .notNull()
      .references(() => buildings.id),
    category: text('category').notNull(),
    description: text('description').notNull(),
    amountCents: bigint('amount_cents', { mode: 'number' }).notNull(),
    expenseDate: date('expense_date', { mode: 'string' }).notNull(),
    paymentStatus: text('payment_status').notNull().default('Pending'),
    supplier: text('supplier'),
    invoiceNumber: text('invoice_number'),
    paidDate: date('paid_date', { mode: 'string' }),
    /** The distribution key (budget.ts); null: the general key, the building's quote-parts. */
    distributionKeyId: uuid('distribution_key_id').references(() => distributionKeys.id),
    version: version(),
    ...timestamps(),
  },
  (t) => [
    index('expenses_org_date_idx').on(t.organizationId, t.expenseDate),
    index('expenses_org_building_date_idx').on(t.organizationId, t.buildingId, t.expenseDate),
    index('expenses_org_created_idx').on(t.organizationId, t.createdAt, t.id),
    check('expenses_amount_positive', sql`${t.amountCents} > 0`),
  ],
)
