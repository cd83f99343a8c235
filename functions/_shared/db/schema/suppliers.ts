import { sql } from 'drizzle-orm'
import { check, index, pgTable, text, uuid } from 'drizzle-orm/pg-core'
import { id, timestamps, version } from './columns.ts'
import { organizations } from './organizations.ts'

/**
 * The organization's suppliers (ADR 0037): expenses name one (expenses.supplier_id) and the
 * purchase entries carry it on their 440 line (ledger_lines.supplier_id), so a supplier's account
 * is read from the books. Numbers are stored normalized (the domain checks them: enterprise number
 * mod 97, IBAN by ibantools).
 */
export const suppliers = pgTable(
  'suppliers',
  {
    id: id(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    name: text('name').notNull(),
    enterpriseNumber: text('enterprise_number'),
    vatNumber: text('vat_number'),
    iban: text('iban'),
    address: text('address'),
    language: text('language'),
    email: text('email'),
    version: version(),
    ...timestamps(),
  },
  (t) => [
    index('suppliers_org_name_idx').on(t.organizationId, t.name, t.id),
    index('suppliers_org_enterprise_idx').on(t.organizationId, t.enterpriseNumber),
    check('suppliers_language', sql`${t.language} IS NULL OR ${t.language} IN ('fr', 'nl', 'de', 'en')`),
  ],
)
