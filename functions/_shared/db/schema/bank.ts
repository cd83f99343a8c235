import { sql } from 'drizzle-orm'
import { bigint, check, date, index, integer, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import { buildingBankAccounts, ownerPayments } from './calls.ts'
import { id, tstz } from './columns.ts'
import { expenses } from './finance.ts'
import { organizations } from './organizations.ts'
import { buildings, owners } from './property.ts'
import { users } from './users.ts'

/*
 * Bank statements and their movements (issue #16 items 1-3, ADR 0038). A statement belongs to
 * one of the building's bank accounts (working capital or reserve); a movement is unique per
 * account by its identity key (bank reference + date + amount + detail, or statement + sequence),
 * so importing a file twice or an overlapping statement creates nothing twice. A matched movement
 * points at exactly one owner payment (unique) or one expense it settled. Money in integer cents,
 * signed (credit > 0).
 */

export const bankStatements = pgTable(
  'bank_statements',
  {
    id: id(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    buildingId: uuid('building_id')
      .notNull()
      .references(() => buildings.id),
    bankAccountId: uuid('bank_account_id')
      .notNull()
      .references(() => buildingBankAccounts.id),
    accountPurpose: text('account_purpose').notNull(),
    iban: text('iban').notNull(),
    format: text('format').notNull(),
    statementNumber: text('statement_number').notNull(),
    oldBalanceDate: date('old_balance_date', { mode: 'string' }).notNull(),
    newBalanceDate: date('new_balance_date', { mode: 'string' }).notNull(),
    oldBalanceCents: bigint('old_balance_cents', { mode: 'number' }).notNull(),
    newBalanceCents: bigint('new_balance_cents', { mode: 'number' }).notNull(),
    freeCommunication: text('free_communication'),
    importedBy: uuid('imported_by').references(() => users.id),
    createdAt: tstz('created_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('bank_statements_account_number_uq').on(
      t.organizationId,
      t.bankAccountId,
      t.statementNumber,
      t.newBalanceDate,
    ),
    index('bank_statements_org_building_idx').on(t.organizationId, t.buildingId, t.newBalanceDate),
    check('bank_statements_format', sql`${t.format} in ('coda', 'camt053')`),
    check('bank_statements_purpose', sql`${t.accountPurpose} in ('working_capital', 'reserve')`),
  ],
)

// Foreign keys: the statement (which carries the tenant, building and account), the payment and
// the expense. The tenant/building/account/owner/user columns repeat what the statement and the
// payment already tie down, and are written by the import use case only: their FK checks would
// be five more index probes per row of a 10,000-movement import (docs/performance.md).
export const bankMovements = pgTable(
  'bank_movements',
  {
    id: id(),
    organizationId: uuid('organization_id').notNull(),
    buildingId: uuid('building_id').notNull(),
    statementId: uuid('statement_id')
      .notNull()
      .references(() => bankStatements.id),
    bankAccountId: uuid('bank_account_id').notNull(),
    identityKey: text('identity_key').notNull(),
    sequence: integer('sequence').notNull(),
    detail: integer('detail').notNull(),
    valueDate: date('value_date', { mode: 'string' }).notNull(),
    bookingDate: date('booking_date', { mode: 'string' }).notNull(),
    amountCents: bigint('amount_cents', { mode: 'number' }).notNull(),
    counterpartyName: text('counterparty_name'),
    counterpartyIban: text('counterparty_iban'),
    structuredCommunication: text('structured_communication'),
    freeText: text('free_text'),
    counterpartyAddress: text('counterparty_address'),
    information: text('information'),
    bankReference: text('bank_reference'),
    status: text('status').notNull(),
    matchKind: text('match_kind'),
    ownerId: uuid('owner_id'),
    paymentId: uuid('payment_id').references(() => ownerPayments.id),
    expenseId: uuid('expense_id').references(() => expenses.id),
    matchedBy: uuid('matched_by'),
    matchedAt: tstz('matched_at'),
    createdAt: tstz('created_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('bank_movements_account_identity_uq').on(t.organizationId, t.bankAccountId, t.identityKey),
    uniqueIndex('bank_movements_payment_uq').on(t.paymentId),
    index('bank_movements_org_statement_idx').on(t.organizationId, t.statementId, t.sequence, t.detail),
    index('bank_movements_org_building_status_idx').on(
      t.organizationId,
      t.buildingId,
      t.status,
      t.bookingDate,
    ),
    check('bank_movements_status', sql`${t.status} in ('unmatched', 'matched', 'batch')`),
    check(
      'bank_movements_match_kind',
      sql`${t.matchKind} is null or ${t.matchKind} in ('communication', 'iban', 'manual', 'expense')`,
    ),
    // A matched movement says what it matched; an unmatched one nothing.
    check(
      'bank_movements_match_consistent',
      sql`(${t.status} = 'matched') = (${t.matchKind} is not null) and (${t.status} <> 'matched' or ${t.paymentId} is not null or ${t.expenseId} is not null)`,
    ),
  ],
)

/** A payer IBAN remembered for an owner of a building once a movement from it was matched to them. */
export const ownerPayerIbans = pgTable(
  'owner_payer_ibans',
  {
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    buildingId: uuid('building_id')
      .notNull()
      .references(() => buildings.id),
    ownerId: uuid('owner_id')
      .notNull()
      .references(() => owners.id),
    iban: text('iban').notNull(),
    createdAt: tstz('created_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('owner_payer_ibans_uq').on(t.organizationId, t.buildingId, t.iban, t.ownerId)],
)
