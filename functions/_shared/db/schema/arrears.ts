import { sql } from 'drizzle-orm'
import {
  bigint,
  boolean,
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
import { callLines } from './calls.ts'
import { id, timestamps, tstz, version } from './columns.ts'
import { documents } from './documents.ts'
import { organizations } from './organizations.ts'
import { buildings, owners } from './property.ts'
import { users } from './users.ts'

/*
 * Arrears (issue #16 item 4, ADR 0039): the reminder ladder of a building, the reminders sent and
 * the call lines each one chased, the legal interest rates by year. Money in integer cents; rates
 * in hundredths of a percent.
 */

/** One row per building (absent: the defaults, 15/30/60 days, no fee, no interest). */
export const arrearsSettings = pgTable(
  'arrears_settings',
  {
    id: id(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    buildingId: uuid('building_id')
      .notNull()
      .references(() => buildings.id),
    /** [{ kind, days_after_due }], strictly increasing days (checked by the domain). */
    steps: jsonb('steps').notNull(),
    reminderFeeCents: bigint('reminder_fee_cents', { mode: 'number' }).notNull().default(0),
    feeBasis: text('fee_basis'),
    feeBasisRef: text('fee_basis_ref'),
    interestEnabled: boolean('interest_enabled').notNull().default(false),
    interestBasis: text('interest_basis'),
    interestBasisRef: text('interest_basis_ref'),
    /** The job runner runs the ladder every morning while true. */
    dailyRun: boolean('daily_run').notNull().default(false),
    /** Days after a closed year's statement before its regularisation to pay is due. */
    regularisationTermDays: integer('regularisation_term_days').notNull().default(30),
    version: version(),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex('arrears_settings_building_uq').on(t.organizationId, t.buildingId),
    check('arrears_settings_fee', sql`${t.reminderFeeCents} >= 0`),
    check('arrears_settings_regularisation_term', sql`${t.regularisationTermDays} between 0 and 365`),
    // Interest or a fee only with the statutes' or the assembly's say-so (the domain checks it too).
    check(
      'arrears_settings_interest_basis',
      sql`not ${t.interestEnabled} or (${t.interestBasis} in ('statutes', 'assembly') and ${t.interestBasisRef} is not null)`,
    ),
    check(
      'arrears_settings_fee_basis',
      sql`${t.reminderFeeCents} = 0 or (${t.feeBasis} in ('statutes', 'assembly') and ${t.feeBasisRef} is not null)`,
    ),
  ],
)

/** A reminder to one owner of one building for one ladder step: one letter. */
export const reminders = pgTable(
  'reminders',
  {
    id: id(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    buildingId: uuid('building_id')
      .notNull()
      .references(() => buildings.id),
    ownerId: uuid('owner_id')
      .notNull()
      .references(() => owners.id),
    step: integer('step').notNull(),
    kind: text('kind').notNull(),
    reminderDate: date('reminder_date', { mode: 'string' }).notNull(),
    outstandingCents: bigint('outstanding_cents', { mode: 'number' }).notNull(),
    interestCents: bigint('interest_cents', { mode: 'number' }).notNull().default(0),
    feeCents: bigint('fee_cents', { mode: 'number' }).notNull().default(0),
    delivery: text('delivery').notNull(),
    documentId: uuid('document_id').references(() => documents.id),
    emailedAt: tstz('emailed_at'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: tstz('created_at').notNull().defaultNow(),
  },
  (t) => [
    index('reminders_org_building_idx').on(t.organizationId, t.buildingId, t.reminderDate),
    index('reminders_org_owner_idx').on(t.organizationId, t.ownerId),
    check('reminders_kind', sql`${t.kind} in ('friendly', 'firm', 'formal_notice')`),
    check('reminders_delivery', sql`${t.delivery} in ('email', 'post', 'registered')`),
    check(
      'reminders_amounts',
      sql`${t.outstandingCents} > 0 and ${t.interestCents} >= 0 and ${t.feeCents} >= 0`,
    ),
  ],
)

/** The call lines a reminder chased, as they stood. (line, step) is unique: no step twice. */
export const reminderLines = pgTable(
  'reminder_lines',
  {
    id: id(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    reminderId: uuid('reminder_id')
      .notNull()
      .references(() => reminders.id),
    lineId: uuid('line_id')
      .notNull()
      .references(() => callLines.id),
    step: integer('step').notNull(),
    unitNumber: text('unit_number').notNull(),
    label: text('label').notNull(),
    communication: text('communication').notNull(),
    dueDate: date('due_date', { mode: 'string' }).notNull(),
    amountCents: bigint('amount_cents', { mode: 'number' }).notNull(),
    outstandingCents: bigint('outstanding_cents', { mode: 'number' }).notNull(),
    interestCents: bigint('interest_cents', { mode: 'number' }).notNull().default(0),
    interestFrom: date('interest_from', { mode: 'string' }),
    interestTo: date('interest_to', { mode: 'string' }),
  },
  (t) => [
    uniqueIndex('reminder_lines_line_step_uq').on(t.organizationId, t.lineId, t.step),
    index('reminder_lines_reminder_idx').on(t.organizationId, t.reminderId),
  ],
)

/**
 * Legal interest rates by year that differ from or add to the published table in the code
 * (domain/src/finance/arrears/legal-interest.ts): organization_id null = the platform's
 * (superadmin), else an organization's own. One row per (tenant or platform, year).
 */
export const legalInterestRates = pgTable(
  'legal_interest_rates',
  {
    id: id(),
    organizationId: uuid('organization_id').references(() => organizations.id),
    year: integer('year').notNull(),
    rateBp: integer('rate_bp').notNull(),
    source: text('source').notNull(),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex('legal_interest_rates_org_year_uq')
      .on(t.organizationId, t.year)
      .where(sql`${t.organizationId} is not null`),
    uniqueIndex('legal_interest_rates_platform_year_uq').on(t.year).where(sql`${t.organizationId} is null`),
    check('legal_interest_rates_rate', sql`${t.rateBp} >= 0 and ${t.rateBp} <= 2500`),
  ],
)
