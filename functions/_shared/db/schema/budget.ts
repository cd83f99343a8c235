import { sql } from 'drizzle-orm'
import {
  bigint,
  boolean,
  check,
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core'
import { id, timestamps, version } from './columns.ts'
import { organizations } from './organizations.ts'
import { buildings, units } from './property.ts'

/*
 * Distribution keys, budgets and building finance settings (issue #15 items 3–5). The assembly's
 * resolutions live in another helper's tables: resolution ids are kept without a foreign key until
 * those tables are merged (docs/finance.md "Budget").
 */

export const distributionKeys = pgTable(
  'distribution_keys',
  {
    id: id(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    buildingId: uuid('building_id')
      .notNull()
      .references(() => buildings.id),
    name: text('name').notNull(),
    kind: text('kind').notNull(),
    statutory: boolean('statutory').notNull().default(false),
    resolutionId: uuid('resolution_id'),
    resolutionReference: text('resolution_reference'),
    version: version(),
    ...timestamps(),
  },
  (t) => [
    index('distribution_keys_org_building_idx').on(t.organizationId, t.buildingId, t.name),
    check('distribution_keys_kind', sql`${t.kind} in ('general', 'subset', 'custom')`),
  ],
)

/** The lots of a subset/custom key; weight null in a subset key: the lot's quote-part. */
export const distributionKeyMembers = pgTable(
  'distribution_key_members',
  {
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    keyId: uuid('key_id')
      .notNull()
      .references(() => distributionKeys.id, { onDelete: 'cascade' }),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id, { onDelete: 'cascade' }),
    weight: bigint('weight', { mode: 'number' }),
  },
  (t) => [
    primaryKey({ columns: [t.keyId, t.unitId] }),
    index('distribution_key_members_org_key_idx').on(t.organizationId, t.keyId),
    check('distribution_key_members_weight_positive', sql`${t.weight} is null or ${t.weight} > 0`),
  ],
)

export const budgets = pgTable(
  'budgets',
  {
    id: id(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    buildingId: uuid('building_id')
      .notNull()
      .references(() => buildings.id),
    fiscalYear: integer('fiscal_year').notNull(),
    status: text('status').notNull().default('draft'),
    provisionPeriodicity: text('provision_periodicity').notNull().default('quarterly'),
    reserveContributionCents: bigint('reserve_contribution_cents', { mode: 'number' }).notNull().default(0),
    previousYearOrdinaryChargesCents: bigint('previous_year_ordinary_charges_cents', { mode: 'number' }),
    reserveWaiverResolutionId: uuid('reserve_waiver_resolution_id'),
    reserveWaiverReference: text('reserve_waiver_reference'),
    reserveWaiverDecidedOn: date('reserve_waiver_decided_on', { mode: 'string' }),
    approvalResolutionId: uuid('approval_resolution_id'),
    approvalReference: text('approval_reference'),
    approvedOn: date('approved_on', { mode: 'string' }),
    version: version(),
    ...timestamps(),
  },
  (t) => [
    index('budgets_org_building_year_idx').on(t.organizationId, t.buildingId, t.fiscalYear),
    // One approved budget per building and year; drafts may compete.
    uniqueIndex('budgets_one_approved_per_year')
      .on(t.buildingId, t.fiscalYear)
      .where(sql`${t.status} = 'approved'`),
    check('budgets_status', sql`${t.status} in ('draft', 'approved')`),
    check('budgets_periodicity', sql`${t.provisionPeriodicity} in ('monthly', 'quarterly')`),
    check('budgets_reserve_non_negative', sql`${t.reserveContributionCents} >= 0`),
    check(
      'budgets_approved_has_decision',
      sql`${t.status} = 'draft' or (${t.approvedOn} is not null and (${t.approvalResolutionId} is not null or ${t.approvalReference} is not null))`,
    ),
  ],
)

export const budgetLines = pgTable(
  'budget_lines',
  {
    id: id(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    budgetId: uuid('budget_id')
      .notNull()
      .references(() => budgets.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    category: text('category').notNull(),
    label: text('label').notNull().default(''),
    /** null: the general key (the building's quote-parts). */
    distributionKeyId: uuid('distribution_key_id').references(() => distributionKeys.id),
    amountCents: bigint('amount_cents', { mode: 'number' }).notNull(),
  },
  (t) => [
    index('budget_lines_org_budget_idx').on(t.organizationId, t.budgetId, t.position),
    index('budget_lines_key_idx').on(t.distributionKeyId),
    check('budget_lines_amount_positive', sql`${t.amountCents} > 0`),
  ],
)

/** Per-building finance rules where practice differs (the sale split). No row: the defaults. */
export const buildingFinanceSettings = pgTable(
  'building_finance_settings',
  {
    buildingId: uuid('building_id')
      .primaryKey()
      .references(() => buildings.id, { onDelete: 'cascade' }),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    saleSplitRule: text('sale_split_rule').notNull().default('days'),
    version: version(),
    ...timestamps(),
  },
  (t) => [
    index('building_finance_settings_org_idx').on(t.organizationId),
    check('building_finance_settings_rule', sql`${t.saleSplitRule} in ('days', 'invoice_date', 'due_date')`),
  ],
)
