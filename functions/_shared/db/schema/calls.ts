import { sql } from 'drizzle-orm'
import { bigint, check, date, index, integer, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import { id, timestamps, tstz, version } from './columns.ts'
import { documents } from './documents.ts'
import { organizations } from './organizations.ts'
import { buildings, owners, units } from './property.ts'
import { users } from './users.ts'

/*
 * Calls for funds, owner payments and the building's bank accounts (issue #15 items 6, 7;
 * ADR 0032). Money is integer cents. What a letter printed (IBAN, BIC, holder) is copied onto the
 * call, so a later change of account never rewrites a letter already sent.
 */

/** The association's accounts: one for the working capital, one for the reserve fund (art. 3.86 §3). */
export const buildingBankAccounts = pgTable(
  'building_bank_accounts',
  {
    id: id(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    buildingId: uuid('building_id')
      .notNull()
      .references(() => buildings.id),
    purpose: text('purpose').notNull(),
    iban: text('iban').notNull(),
    bic: text('bic'),
    holderName: text('holder_name').notNull(),
    version: version(),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex('building_bank_accounts_building_purpose_uq').on(t.organizationId, t.buildingId, t.purpose),
    check('building_bank_accounts_purpose', sql`${t.purpose} in ('working_capital', 'reserve')`),
  ],
)

export const callsForFunds = pgTable(
  'calls_for_funds',
  {
    id: id(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    buildingId: uuid('building_id')
      .notNull()
      .references(() => buildings.id),
    /** 1, 2, 3… per building: the first four digits of every line's structured communication. */
    number: integer('number').notNull(),
    kind: text('kind').notNull(),
    label: text('label').notNull(),
    issueDate: date('issue_date', { mode: 'string' }).notNull(),
    dueDate: date('due_date', { mode: 'string' }).notNull(),
    totalCents: bigint('total_cents', { mode: 'number' }).notNull(),
    /** Which budget period a provision call is (budget-keys' budget id, period index of periods). */
    budgetRef: text('budget_ref'),
    periodIndex: integer('period_index'),
    periods: integer('periods'),
    /** The assembly resolution that voted the works (extraordinary calls). */
    resolutionRef: text('resolution_ref'),
    account: text('account').notNull(),
    iban: text('iban').notNull(),
    bic: text('bic'),
    holderName: text('holder_name').notNull(),
    language: text('language').notNull().default('fr'),
    issuedBy: uuid('issued_by').references(() => users.id),
    version: version(),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex('calls_for_funds_building_number_uq').on(t.organizationId, t.buildingId, t.number),
    index('calls_for_funds_org_building_due_idx').on(t.organizationId, t.buildingId, t.dueDate),
    check(
      'calls_for_funds_kind',
      sql`${t.kind} in ('provision', 'reserve', 'extraordinary', 'regularisation')`,
    ),
    check('calls_for_funds_total_positive', sql`${t.totalCents} > 0`),
  ],
)

/** One owner for one lot of one call, with its own structured communication. */
export const callLines = pgTable(
  'call_lines',
  {
    id: id(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    buildingId: uuid('building_id')
      .notNull()
      .references(() => buildings.id),
    callId: uuid('call_id')
      .notNull()
      .references(() => callsForFunds.id),
    lineNumber: integer('line_number').notNull(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    /** As printed on the letter. */
    unitNumber: text('unit_number').notNull(),
    ownerId: uuid('owner_id')
      .notNull()
      .references(() => owners.id),
    amountCents: bigint('amount_cents', { mode: 'number' }).notNull(),
    /** Twelve digits (structured communication), unique within the building. */
    communication: text('communication').notNull(),
    dueDate: date('due_date', { mode: 'string' }).notNull(),
    /** 'email' (consenting owner with an address) or 'post'; decided at issue. */
    delivery: text('delivery').notNull(),
    documentId: uuid('document_id').references(() => documents.id),
    emailedAt: tstz('emailed_at'),
    createdAt: tstz('created_at').notNull().defaultNow(),
    /**
     * Σ of the line's payment allocations, kept by the database (triggers on payment_allocations,
     * ADR 0048) so the owner account finds the open lines and what is due without summing every
     * allocation of the owner's history per request.
     */
    paidCents: bigint('paid_cents', { mode: 'number' }).notNull().default(0),
  },
  (t) => [
    uniqueIndex('call_lines_building_communication_uq').on(t.organizationId, t.buildingId, t.communication),
    uniqueIndex('call_lines_call_line_uq').on(t.callId, t.lineNumber),
    // The owner account's pages: one building's lines of the owner, by due date then id (ADR 0048).
    index('call_lines_org_owner_idx').on(t.organizationId, t.ownerId, t.buildingId, t.dueDate, t.id),
    // What is still to pay: only the open lines, a short range whatever the history's length.
    index('call_lines_owner_open_idx')
      .on(t.organizationId, t.ownerId, t.buildingId, t.dueDate)
      .where(sql`${t.paidCents} < ${t.amountCents}`),
    check('call_lines_amount_positive', sql`${t.amountCents} > 0`),
    check('call_lines_delivery', sql`${t.delivery} in ('email', 'post')`),
  ],
)

/** A payment an owner made, recorded by hand (bank statements come next). */
export const ownerPayments = pgTable(
  'owner_payments',
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
    amountCents: bigint('amount_cents', { mode: 'number' }).notNull(),
    paymentDate: date('payment_date', { mode: 'string' }).notNull(),
    communication: text('communication'),
    payer: text('payer'),
    account: text('account').notNull(),
    /** What no due line absorbed at recording: the owner's credit. */
    creditCents: bigint('credit_cents', { mode: 'number' }).notNull(),
    recordedBy: uuid('recorded_by').references(() => users.id),
    createdAt: tstz('created_at').notNull().defaultNow(),
  },
  (t) => [
    // The owner account's pages: one building's payments of the owner, by date then id (ADR 0048).
    index('owner_payments_org_owner_idx').on(t.organizationId, t.ownerId, t.buildingId, t.paymentDate, t.id),
    check('owner_payments_amount_positive', sql`${t.amountCents} > 0`),
  ],
)

export const paymentAllocations = pgTable(
  'payment_allocations',
  {
    id: id(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    paymentId: uuid('payment_id')
      .notNull()
      .references(() => ownerPayments.id),
    lineId: uuid('line_id')
      .notNull()
      .references(() => callLines.id),
    amountCents: bigint('amount_cents', { mode: 'number' }).notNull(),
  },
  (t) => [
    index('payment_allocations_org_line_idx').on(t.organizationId, t.lineId),
    check('payment_allocations_amount_positive', sql`${t.amountCents} > 0`),
  ],
)
