import { sql } from 'drizzle-orm'
import { check, date, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import { id, tstz } from './columns.ts'
import { expenses } from './finance.ts'
import { organizations } from './organizations.ts'
import { buildings } from './property.ts'

/**
 * Each e-invoice imported into a building (issue #16), so the same document is never imported
 * twice: the same supplier (enterprise number, else supplier record, else VAT number or name),
 * kind (an invoice and a credit note of the same number are two documents), number and issue
 * date — or the same file bytes (SHA-256) — is one document. `expense_id` is the first draft
 * expense it made, which the refusal names. The indexes back the use case's own check when two
 * imports of the same file race.
 */
export const einvoiceImports = pgTable(
  'einvoice_imports',
  {
    id: id(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    buildingId: uuid('building_id')
      .notNull()
      .references(() => buildings.id),
    expenseId: uuid('expense_id')
      .notNull()
      .references(() => expenses.id),
    kind: text('kind').notNull(),
    supplierKey: text('supplier_key').notNull(),
    invoiceNumber: text('invoice_number').notNull(),
    issueDate: date('issue_date', { mode: 'string' }).notNull(),
    fileHash: text('file_hash').notNull(),
    createdAt: tstz('created_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('einvoice_imports_document_uq').on(
      t.organizationId,
      t.buildingId,
      t.supplierKey,
      t.kind,
      t.invoiceNumber,
      t.issueDate,
    ),
    uniqueIndex('einvoice_imports_file_uq').on(t.organizationId, t.buildingId, t.fileHash),
    check('einvoice_imports_kind', sql`${t.kind} in ('invoice', 'credit-note')`),
  ],
)
