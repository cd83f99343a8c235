import { sql } from 'drizzle-orm'
import { bigint, check, date, index, integer, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import { id, timestamps, tstz, version } from './columns.ts'
import { organizations } from './organizations.ts'
import { buildings, owners, units } from './property.ts'

/*
 * The association's books (ADR 0031): entries and their lines, append-only (a trigger refuses
 * UPDATE and DELETE, migration 0011's hand-written part) and balanced per entry (a deferred
 * constraint trigger checks Σ debit = Σ credit at commit). Money is integer cents.
 */

/** Per building: the month its fiscal year starts (no row = calendar year). */
export const ledgerSettings = pgTable(
  'ledger_settings',
  {
    buildingId: uuid('building_id')
      .primaryKey()
      .references(() => buildings.id),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    fiscalYearStartMonth: integer('fiscal_year_start_month').notNull().default(1),
    version: version(),
    ...timestamps(),
  },
  (t) => [check('ledger_settings_start_month', sql`${t.fiscalYearStartMonth} BETWEEN 1 AND 12`)],
)

export const ledgerEntries = pgTable(
  'ledger_entries',
  {
    id: id(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    buildingId: uuid('building_id')
      .notNull()
      .references(() => buildings.id),
    fiscalYear: integer('fiscal_year').notNull(),
    journal: text('journal').notNull(),
    entryDate: date('entry_date', { mode: 'string' }).notNull(),
    label: text('label').notNull(),
    sourceKind: text('source_kind').notNull(),
    sourceId: text('source_id').notNull(),
    /** The entry this one reverses; unique: an entry is reversed at most once. */
    reversesEntryId: uuid('reverses_entry_id'),
    totalCents: bigint('total_cents', { mode: 'number' }).notNull(),
    createdAt: tstz('created_at').notNull().defaultNow(),
  },
  (t) => [
    index('ledger_entries_org_building_year_date_idx').on(
      t.organizationId,
      t.buildingId,
      t.fiscalYear,
      t.entryDate,
      t.id,
    ),
    index('ledger_entries_org_source_idx').on(t.organizationId, t.buildingId, t.sourceKind, t.sourceId),
    uniqueIndex('ledger_entries_reverses_unique').on(t.reversesEntryId),
    check(
      'ledger_entries_journal',
      sql`${t.journal} IN ('purchases', 'sales', 'financial', 'miscellaneous')`,
    ),
    check('ledger_entries_total_positive', sql`${t.totalCents} > 0`),
  ],
)

export const ledgerLines = pgTable(
  'ledger_lines',
  {
    id: id(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    entryId: uuid('entry_id')
      .notNull()
      .references(() => ledgerEntries.id),
    buildingId: uuid('building_id')
      .notNull()
      .references(() => buildings.id),
    fiscalYear: integer('fiscal_year').notNull(),
    position: integer('position').notNull(),
    account: text('account').notNull(),
    debitCents: bigint('debit_cents', { mode: 'number' }).notNull(),
    creditCents: bigint('credit_cents', { mode: 'number' }).notNull(),
    ownerId: uuid('owner_id').references(() => owners.id),
    unitId: uuid('unit_id').references(() => units.id),
    supplierId: uuid('supplier_id'),
  },
  (t) => [
    index('ledger_lines_org_building_year_account_idx').on(
      t.organizationId,
      t.buildingId,
      t.fiscalYear,
      t.account,
    ),
    index('ledger_lines_org_entry_idx').on(t.organizationId, t.entryId, t.position),
    index('ledger_lines_org_owner_idx').on(t.organizationId, t.buildingId, t.ownerId),
    check(
      'ledger_lines_one_side',
      sql`${t.debitCents} >= 0 AND ${t.creditCents} >= 0 AND (${t.debitCents} = 0) <> (${t.creditCents} = 0)`,
    ),
  ],
)
