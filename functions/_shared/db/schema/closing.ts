import { sql } from 'drizzle-orm'
import {
  bigint,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core'
import { id, tstz } from './columns.ts'
import { documents } from './documents.ts'
import { organizations } from './organizations.ts'
import { buildings, owners } from './property.ts'
import { users } from './users.ts'

/*
 * The year-end close (ADR 0040). A closed fiscal year has one row here and is frozen: the
 * migration's hand-written part adds triggers refusing any ledger entry or line dated in a closed
 * year of its building. Rows are never updated (closing is final) except a statement's document
 * and e-mail marks. Money is integer cents.
 */
export const fiscalYearClosings = pgTable(
  'fiscal_year_closings',
  {
    id: id(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    buildingId: uuid('building_id')
      .notNull()
      .references(() => buildings.id),
    fiscalYear: integer('fiscal_year').notNull(),
    periodFrom: date('period_from', { mode: 'string' }).notNull(),
    periodTo: date('period_to', { mode: 'string' }).notNull(),
    regularisationDate: date('regularisation_date', { mode: 'string' }).notNull(),
    ordinaryChargesCents: bigint('ordinary_charges_cents', { mode: 'number' }).notNull(),
    extraordinaryChargesCents: bigint('extraordinary_charges_cents', { mode: 'number' }).notNull(),
    provisionsCents: bigint('provisions_cents', { mode: 'number' }).notNull(),
    undistributedCents: bigint('undistributed_cents', { mode: 'number' }).notNull(),
    regularisationNetCents: bigint('regularisation_net_cents', { mode: 'number' }).notNull(),
    /** The annual accounts as closed (AnnualAccounts, cents): a closed year's accounts never change. */
    accounts: jsonb('accounts').notNull(),
    closedBy: uuid('closed_by').references(() => users.id),
    closedAt: tstz('closed_at').notNull().defaultNow(),
  },
  (t) => [
    // One close per building and year: a second (or a race) is refused.
    uniqueIndex('fiscal_year_closings_building_year_uq').on(t.organizationId, t.buildingId, t.fiscalYear),
  ],
)

export const ownerStatements = pgTable(
  'owner_statements',
  {
    id: id(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    closingId: uuid('closing_id')
      .notNull()
      .references(() => fiscalYearClosings.id),
    buildingId: uuid('building_id')
      .notNull()
      .references(() => buildings.id),
    fiscalYear: integer('fiscal_year').notNull(),
    ownerId: uuid('owner_id')
      .notNull()
      .references(() => owners.id),
    /** [{ keyId, keyName, amountCents }]: the owner's ordinary charges per distribution key. */
    chargesByKey: jsonb('charges_by_key').notNull(),
    chargesCents: bigint('charges_cents', { mode: 'number' }).notNull(),
    provisionsCents: bigint('provisions_cents', { mode: 'number' }).notNull(),
    regularisationCents: bigint('regularisation_cents', { mode: 'number' }).notNull(),
    extraordinaryCents: bigint('extraordinary_cents', { mode: 'number' }).notNull(),
    delivery: text('delivery').notNull(),
    documentId: uuid('document_id').references(() => documents.id),
    emailedAt: tstz('emailed_at'),
  },
  (t) => [
    uniqueIndex('owner_statements_closing_owner_uq').on(t.closingId, t.ownerId),
    index('owner_statements_org_owner_idx').on(t.organizationId, t.ownerId),
    check('owner_statements_delivery', sql`${t.delivery} in ('email', 'post')`),
  ],
)

/** An account auditor (art. 3.91) granted one building's books by its syndic (ADR 0040): read only. */
export const buildingAuditors = pgTable(
  'building_auditors',
  {
    id: id(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    buildingId: uuid('building_id')
      .notNull()
      .references(() => buildings.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    grantedBy: uuid('granted_by').references(() => users.id),
    createdAt: tstz('created_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('building_auditors_org_user_building_uq').on(t.organizationId, t.userId, t.buildingId)],
)
