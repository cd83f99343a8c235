import { sql } from 'drizzle-orm'
import { bigint, check, date, index, integer, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core'
import { distributionKeys } from './budget.ts'
import { id, timestamps, tstz, version } from './columns.ts'
import { organizations } from './organizations.ts'
import { buildings } from './property.ts'
import { suppliers } from './suppliers.ts'

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
    // The lifecycle (ADR 0031): draft → approved (posted) → paid; cancelled by reversal. Rows made
    // before it are approved (v1 had no draft) and posted at their next money event (posted_at null).
    status: text('status').notNull().default('approved'),
    postedAt: tstz('posted_at'),
    amountExclVatCents: bigint('amount_excl_vat_cents', { mode: 'number' }),
    vatRate: integer('vat_rate'),
    vatCents: bigint('vat_cents', { mode: 'number' }),
    supplierEnterpriseNumber: text('supplier_enterprise_number'),
    supplierIban: text('supplier_iban'),
    correctsExpenseId: uuid('corrects_expense_id'),
    correctedByExpenseId: uuid('corrected_by_expense_id'),
    cancelReason: text('cancel_reason'),
    /** The distribution frozen at approval (a later quota change does not rewrite it). */
    distribution: jsonb('distribution'),
    /** The distribution key (budget.ts); null: the general key, the building's quote-parts. */
    distributionKeyId: uuid('distribution_key_id').references(() => distributionKeys.id),
    /** The supplier record (suppliers.ts, ADR 0037); null: a free-text (v1) supplier. */
    supplierId: uuid('supplier_id').references(() => suppliers.id),
    version: version(),
    ...timestamps(),
  },
  (t) => [
    index('expenses_org_date_idx').on(t.organizationId, t.expenseDate),
    index('expenses_org_building_date_idx').on(t.organizationId, t.buildingId, t.expenseDate),
    index('expenses_org_created_idx').on(t.organizationId, t.createdAt, t.id),
    index('expenses_org_supplier_idx').on(t.organizationId, t.supplierId),
    // Negative: a credit note. Zero is no expense.
    check('expenses_amount_not_zero', sql`${t.amountCents} <> 0`),
    check('expenses_status', sql`${t.status} IN ('draft', 'approved', 'paid', 'cancelled')`),
    check('expenses_vat_rate', sql`${t.vatRate} IS NULL OR ${t.vatRate} IN (0, 6, 12, 21)`),
  ],
)
