import type {
  BankMovement,
  BankRepository,
  BankStatement,
  MatchKind,
  MovementStatus,
  StatementFormat,
} from '@koprogo/domain'
import { and, asc, eq, inArray } from 'drizzle-orm'
import type { Database } from '../client.ts'
import { bankMovements, bankStatements, ownerPayerIbans } from '../schema/index.ts'
import { crossTenant } from '../tenant-scope.ts'

// The checks on format/purpose/status/match_kind keep these columns within the domain's enums.
const toStatement = (row: typeof bankStatements.$inferSelect): BankStatement => ({
  ...row,
  format: row.format as StatementFormat,
  accountPurpose: row.accountPurpose as BankStatement['accountPurpose'],
})

const toMovement = (row: typeof bankMovements.$inferSelect): BankMovement => ({
  id: row.id,
  organizationId: row.organizationId,
  buildingId: row.buildingId,
  statementId: row.statementId,
  bankAccountId: row.bankAccountId,
  identityKey: row.identityKey,
  sequence: row.sequence,
  detail: row.detail,
  valueDate: row.valueDate,
  bookingDate: row.bookingDate,
  amountCents: row.amountCents,
  counterpartyName: row.counterpartyName,
  counterpartyIban: row.counterpartyIban,
  structuredCommunication: row.structuredCommunication,
  freeText: row.freeText,
  counterpartyAddress: row.counterpartyAddress,
  information: row.information,
  bankReference: row.bankReference,
  status: row.status as MovementStatus,
  match:
    row.matchKind && row.matchedAt
      ? {
          kind: row.matchKind as MatchKind,
          ownerId: row.ownerId,
          paymentId: row.paymentId,
          expenseId: row.expenseId,
          matchedBy: row.matchedBy,
          matchedAt: row.matchedAt,
        }
      : null,
  createdAt: row.createdAt,
})

/** Rows per INSERT: PostgreSQL takes at most 65,535 parameters; a movement binds 20. */
const CHUNK = 1_000

export function bankRepository(db: Database): BankRepository {
  return {
    async findStatementByKey(scope, bankAccountId, statementNumber, newBalanceDate) {
      const [row] = await db
        .select()
        .from(bankStatements)
        .where(
          and(
            eq(bankStatements.organizationId, scope.organizationId),
            eq(bankStatements.bankAccountId, bankAccountId),
            eq(bankStatements.statementNumber, statementNumber),
            eq(bankStatements.newBalanceDate, newBalanceDate),
          ),
        )
      return row ? toStatement(row) : null
    },
    async insertStatement(_scope, statement) {
      await db.insert(bankStatements).values(statement)
    },
    async existingIdentities(scope, bankAccountId, keys) {
      const found = new Set<string>()
      for (let i = 0; i < keys.length; i += 5_000) {
        const rows = await db
          .select({ key: bankMovements.identityKey })
          .from(bankMovements)
          .where(
            and(
              eq(bankMovements.organizationId, scope.organizationId),
              eq(bankMovements.bankAccountId, bankAccountId),
              inArray(bankMovements.identityKey, [...keys.slice(i, i + 5_000)]),
            ),
          )
        for (const r of rows) found.add(r.key)
      }
      return found
    },
    async insertMovements(_scope, movements) {
      const inserted = new Set<string>()
      for (let i = 0; i < movements.length; i += CHUNK) {
        const rows = movements.slice(i, i + CHUNK).map(({ match, ...m }) => ({
          ...m,
          matchKind: match?.kind ?? null,
          ownerId: match?.ownerId ?? null,
          paymentId: match?.paymentId ?? null,
          expenseId: match?.expenseId ?? null,
          matchedBy: match?.matchedBy ?? null,
          matchedAt: match?.matchedAt ?? null,
        }))
        // An identity already imported (the same file, an overlapping statement) is skipped.
        const ids = await db
          .insert(bankMovements)
          .values(rows)
          .onConflictDoNothing({
            target: [bankMovements.organizationId, bankMovements.bankAccountId, bankMovements.identityKey],
          })
          .returning({ id: bankMovements.id })
        for (const { id } of ids) inserted.add(id)
      }
      return inserted
    },
    async listStatements(scope, buildingId) {
      const rows = await db
        .select()
        .from(bankStatements)
        .where(
          and(
            eq(bankStatements.organizationId, scope.organizationId),
            eq(bankStatements.buildingId, buildingId),
          ),
        )
        .orderBy(asc(bankStatements.newBalanceDate), asc(bankStatements.statementNumber))
      return rows.map(toStatement)
    },
    async findStatement(scope, id) {
      const [row] = await db
        .select()
        .from(bankStatements)
        .where(and(eq(bankStatements.organizationId, scope.organizationId), eq(bankStatements.id, id)))
      return row ? toStatement(row) : null
    },
    async listMovements(scope, filter) {
      const rows = await db
        .select()
        .from(bankMovements)
        .where(
          and(
            eq(bankMovements.organizationId, scope.organizationId),
            filter.buildingId ? eq(bankMovements.buildingId, filter.buildingId) : undefined,
            filter.statementId ? eq(bankMovements.statementId, filter.statementId) : undefined,
            filter.status ? eq(bankMovements.status, filter.status) : undefined,
          ),
        )
        .orderBy(asc(bankMovements.bookingDate), asc(bankMovements.sequence), asc(bankMovements.detail))
      return rows.map(toMovement)
    },
    async findMovement(scope, id) {
      const [row] = await db
        .select()
        .from(bankMovements)
        .where(and(eq(bankMovements.organizationId, scope.organizationId), eq(bankMovements.id, id)))
      return row ? toMovement(row) : null
    },
    async organizationOfMovement(id) {
      const [row] = await db
        .select({ org: bankMovements.organizationId })
        .from(bankMovements)
        .where(and(eq(bankMovements.id, id), crossTenant('superadmin: the tenant of a movement')))
      return row?.org ?? null
    },
    async organizationOfStatement(id) {
      const [row] = await db
        .select({ org: bankStatements.organizationId })
        .from(bankStatements)
        .where(and(eq(bankStatements.id, id), crossTenant('superadmin: the tenant of a statement')))
      return row?.org ?? null
    },
    async setMatch(scope, movementId, match, expected) {
      const values = match
        ? {
            status: 'matched',
            matchKind: match.kind,
            ownerId: match.ownerId,
            paymentId: match.paymentId,
            expenseId: match.expenseId,
            matchedBy: match.matchedBy,
            matchedAt: match.matchedAt,
          }
        : {
            status: 'unmatched',
            matchKind: null,
            ownerId: null,
            paymentId: null,
            expenseId: null,
            matchedBy: null,
            matchedAt: null,
          }
      const rows = await db
        .update(bankMovements)
        .set(values)
        .where(
          and(
            eq(bankMovements.organizationId, scope.organizationId),
            eq(bankMovements.id, movementId),
            eq(bankMovements.status, expected),
          ),
        )
        .returning({ id: bankMovements.id })
      return rows.length > 0
    },
    async rememberPayers(scope, buildingId, pairs) {
      for (let i = 0; i < pairs.length; i += 5_000) {
        const rows = pairs.slice(i, i + 5_000).map((p) => ({
          organizationId: scope.organizationId,
          buildingId,
          ownerId: p.ownerId,
          iban: p.iban,
        }))
        if (rows.length > 0) await db.insert(ownerPayerIbans).values(rows).onConflictDoNothing()
      }
    },
    async ownersOfPayer(scope, buildingId, iban) {
      const rows = await db
        .select({ ownerId: ownerPayerIbans.ownerId })
        .from(ownerPayerIbans)
        .where(
          and(
            eq(ownerPayerIbans.organizationId, scope.organizationId),
            eq(ownerPayerIbans.buildingId, buildingId),
            eq(ownerPayerIbans.iban, iban),
          ),
        )
        .orderBy(asc(ownerPayerIbans.createdAt))
      return rows.map((r) => r.ownerId)
    },
    async payers(scope, buildingId) {
      const rows = await db
        .select({ iban: ownerPayerIbans.iban, ownerId: ownerPayerIbans.ownerId })
        .from(ownerPayerIbans)
        .where(
          and(
            eq(ownerPayerIbans.organizationId, scope.organizationId),
            eq(ownerPayerIbans.buildingId, buildingId),
          ),
        )
      const map = new Map<string, string[]>()
      for (const r of rows) map.set(r.iban, [...(map.get(r.iban) ?? []), r.ownerId])
      return map
    },
    async rememberPayer(scope, buildingId, ownerId, iban) {
      await db
        .insert(ownerPayerIbans)
        .values({ organizationId: scope.organizationId, buildingId, ownerId, iban })
        .onConflictDoNothing()
    },
  }
}
