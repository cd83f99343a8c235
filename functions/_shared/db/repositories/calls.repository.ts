import type {
  BankAccountPurpose,
  CallForFunds,
  CallKind,
  CallLine,
  CallLineWithPaid,
  CallsRepository,
  Iban,
  OwnerPayment,
} from '@koprogo/domain'
import { and, asc, eq, inArray, isNull, max, type SQL, sql } from 'drizzle-orm'
import type { Database } from '../client.ts'
import {
  buildingBankAccounts,
  callLines,
  callsForFunds,
  fiscalYearClosings,
  ownerPayments,
  ownerStatements,
  owners,
  paymentAllocations,
  unitRepresentatives,
  units,
} from '../schema/index.ts'
import { crossTenant } from '../tenant-scope.ts'
import { toOwner } from './property.repository.ts'

// The checks on kind/purpose/delivery keep these columns within the domain's enums.
const toCall = (row: typeof callsForFunds.$inferSelect): CallForFunds => ({
  ...row,
  kind: row.kind as CallKind,
  account: row.account as BankAccountPurpose,
  iban: row.iban as Iban,
})
const toLine = (row: typeof callLines.$inferSelect): CallLine => ({
  ...row,
  delivery: row.delivery as CallLine['delivery'],
})
export const toPayment = (row: typeof ownerPayments.$inferSelect): OwnerPayment => ({
  ...row,
  account: row.account as BankAccountPurpose,
})

/** What was paid on each line: the sum of its allocations, in the same statement. */
const paidOf = sql<number>`coalesce((select sum(${paymentAllocations.amountCents}) from ${paymentAllocations}
  where ${paymentAllocations.organizationId} = ${callLines.organizationId} and ${paymentAllocations.lineId} = ${callLines.id}), 0)`.mapWith(
  Number,
)

/** What was paid on each line as the database keeps it from the allocations (ADR 0048). */
export const storedPaid = sql<number>`${callLines.paidCents}`.mapWith(Number)

export function linesWithPaid(db: Database, where: SQL | undefined, paid: SQL<number> = paidOf) {
  return db
    .select({
      line: callLines,
      paidCents: paid,
      kind: callsForFunds.kind,
      callNumber: callsForFunds.number,
      label: callsForFunds.label,
      account: callsForFunds.account,
      iban: callsForFunds.iban,
      bic: callsForFunds.bic,
      holderName: callsForFunds.holderName,
    })
    .from(callLines)
    .innerJoin(
      callsForFunds,
      and(eq(callsForFunds.id, callLines.callId), eq(callsForFunds.organizationId, callLines.organizationId)),
    )
    .where(where)
}

export const toLineWithPaid = (r: Awaited<ReturnType<typeof linesWithPaid>>[number]): CallLineWithPaid => ({
  ...toLine(r.line),
  paidCents: r.paidCents,
  kind: r.kind as CallKind,
  callNumber: r.callNumber,
  label: r.label,
  account: r.account as BankAccountPurpose,
  iban: r.iban,
  bic: r.bic,
  holderName: r.holderName,
})

/** Rows per INSERT statement: 17 columns × 1000 stays far below Postgres' 65535 parameters. */
const CHUNK = 1000

export function callsRepository(db: Database): CallsRepository {
  return {
    async listBankAccounts(scope, buildingId) {
      const rows = await db
        .select()
        .from(buildingBankAccounts)
        .where(
          and(
            eq(buildingBankAccounts.organizationId, scope.organizationId),
            eq(buildingBankAccounts.buildingId, buildingId),
          ),
        )
        .orderBy(asc(buildingBankAccounts.purpose))
      return rows.map((r) => ({ ...r, purpose: r.purpose as BankAccountPurpose, iban: r.iban as Iban }))
    },
    async saveBankAccount(scope, a) {
      const [row] = await db
        .insert(buildingBankAccounts)
        .values(a)
        .onConflictDoUpdate({
          target: [
            buildingBankAccounts.organizationId,
            buildingBankAccounts.buildingId,
            buildingBankAccounts.purpose,
          ],
          set: {
            iban: a.iban,
            bic: a.bic,
            holderName: a.holderName,
            version: a.version,
            updatedAt: a.updatedAt,
          },
          setWhere: eq(buildingBankAccounts.organizationId, scope.organizationId),
        })
        .returning()
      if (!row) throw new Error('bank account not saved')
      return { ...row, purpose: row.purpose as BankAccountPurpose, iban: row.iban as Iban }
    },
    async nextCallNumber(scope, buildingId) {
      const [row] = await db
        .select({ n: max(callsForFunds.number) })
        .from(callsForFunds)
        .where(
          and(
            eq(callsForFunds.organizationId, scope.organizationId),
            eq(callsForFunds.buildingId, buildingId),
          ),
        )
      return (row?.n ?? 0) + 1
    },
    async insertCall(_scope, call, lines) {
      await db.insert(callsForFunds).values({ ...call, updatedAt: call.createdAt })
      for (let i = 0; i < lines.length; i += CHUNK) {
        await db.insert(callLines).values(lines.slice(i, i + CHUNK))
      }
    },
    async findCall(scope, id) {
      const [row] = await db
        .select()
        .from(callsForFunds)
        .where(and(eq(callsForFunds.organizationId, scope.organizationId), eq(callsForFunds.id, id)))
      return row ? toCall(row) : null
    },
    async organizationOfCall(id) {
      const [row] = await db
        .select({ org: callsForFunds.organizationId })
        .from(callsForFunds)
        .where(and(eq(callsForFunds.id, id), crossTenant('a superadmin: the row names its tenant')))
      return row?.org ?? null
    },
    async listCalls(scope, buildingId) {
      const rows = await db
        .select()
        .from(callsForFunds)
        .where(
          and(
            eq(callsForFunds.organizationId, scope.organizationId),
            eq(callsForFunds.buildingId, buildingId),
          ),
        )
        .orderBy(asc(callsForFunds.number))
      return rows.map(toCall)
    },
    async listLines(scope, callId) {
      const rows = await linesWithPaid(
        db,
        and(eq(callLines.organizationId, scope.organizationId), eq(callLines.callId, callId)),
      ).orderBy(asc(callLines.lineNumber))
      return rows.map(toLineWithPaid)
    },
    async ownerLines(scope, ownerId, buildingId) {
      const rows = await linesWithPaid(
        db,
        and(
          eq(callLines.organizationId, scope.organizationId),
          eq(callLines.ownerId, ownerId),
          buildingId ? eq(callLines.buildingId, buildingId) : undefined,
        ),
      ).orderBy(asc(callLines.dueDate), asc(callsForFunds.number), asc(callLines.lineNumber))
      return rows.map(toLineWithPaid)
    },
    async ownerRegularisations(scope, ownerId, buildingId) {
      // The statement stores the amount; the closing its posting date (the same entry as the 410's).
      const rows = await db
        .select({
          buildingId: ownerStatements.buildingId,
          fiscalYear: ownerStatements.fiscalYear,
          amountCents: ownerStatements.regularisationCents,
          date: fiscalYearClosings.regularisationDate,
          documentId: ownerStatements.documentId,
          lineId: callLines.id,
          lineDueDate: callLines.dueDate,
          // Kept by the database from the allocations (ADR 0048).
          lineOutstandingCents: sql<number | null>`${callLines.amountCents} - ${callLines.paidCents}`.mapWith(
            Number,
          ),
        })
        .from(ownerStatements)
        .innerJoin(
          fiscalYearClosings,
          and(
            eq(fiscalYearClosings.organizationId, ownerStatements.organizationId),
            eq(fiscalYearClosings.id, ownerStatements.closingId),
          ),
        )
        // The regularisation's due item, when the close made one (regularisation-call.ts).
        .leftJoin(
          callsForFunds,
          and(
            eq(callsForFunds.organizationId, ownerStatements.organizationId),
            eq(callsForFunds.buildingId, ownerStatements.buildingId),
            eq(callsForFunds.kind, 'regularisation'),
            eq(callsForFunds.budgetRef, sql`'closing:' || ${fiscalYearClosings.id}::text`),
          ),
        )
        .leftJoin(
          callLines,
          and(
            eq(callLines.organizationId, callsForFunds.organizationId),
            eq(callLines.callId, callsForFunds.id),
            eq(callLines.ownerId, ownerStatements.ownerId),
          ),
        )
        .where(
          and(
            eq(ownerStatements.organizationId, scope.organizationId),
            eq(ownerStatements.ownerId, ownerId),
            buildingId ? eq(ownerStatements.buildingId, buildingId) : undefined,
          ),
        )
        .orderBy(asc(fiscalYearClosings.regularisationDate), asc(ownerStatements.buildingId))
      return rows.map((r) => ({ ...r, lineOutstandingCents: r.lineId ? r.lineOutstandingCents : null }))
    },
    async buildingLines(scope, buildingId) {
      const rows = await linesWithPaid(
        db,
        and(eq(callLines.organizationId, scope.organizationId), eq(callLines.buildingId, buildingId)),
      ).orderBy(asc(callLines.dueDate), asc(callsForFunds.number), asc(callLines.lineNumber))
      return rows.map(toLineWithPaid)
    },
    async lineByCommunication(scope, buildingId, communication) {
      const [row] = await db
        .select()
        .from(callLines)
        .where(
          and(
            eq(callLines.organizationId, scope.organizationId),
            eq(callLines.buildingId, buildingId),
            eq(callLines.communication, communication),
          ),
        )
      return row ? toLine(row) : null
    },
    async setLineDocument(scope, lineId, documentId) {
      const rows = await db
        .update(callLines)
        .set({ documentId })
        .where(
          and(
            eq(callLines.organizationId, scope.organizationId),
            eq(callLines.id, lineId),
            isNull(callLines.documentId),
          ),
        )
        .returning({ id: callLines.id })
      return rows.length > 0
    },
    async markLineEmailed(scope, lineId, at) {
      // Conditional: two runs of the same job cannot both claim the e-mail of a line.
      const rows = await db
        .update(callLines)
        .set({ emailedAt: at })
        .where(
          and(
            eq(callLines.organizationId, scope.organizationId),
            eq(callLines.id, lineId),
            isNull(callLines.emailedAt),
          ),
        )
        .returning({ id: callLines.id })
      return rows.length > 0
    },
    async insertPayment(_scope, payment, allocations) {
      await db.insert(ownerPayments).values(payment)
      if (allocations.length > 0) await db.insert(paymentAllocations).values([...allocations])
    },
    async insertPayments(_scope, payments, allocations) {
      // Chunked: PostgreSQL binds at most 65,535 parameters per statement.
      for (let i = 0; i < payments.length; i += 1_000) {
        await db.insert(ownerPayments).values(payments.slice(i, i + 1_000))
      }
      for (let i = 0; i < allocations.length; i += 2_000) {
        await db.insert(paymentAllocations).values(allocations.slice(i, i + 2_000))
      }
    },
    async findPayment(scope, id) {
      const [row] = await db
        .select()
        .from(ownerPayments)
        .where(and(eq(ownerPayments.organizationId, scope.organizationId), eq(ownerPayments.id, id)))
      return row ? toPayment(row) : null
    },
    async deletePayment(scope, id) {
      await db
        .delete(paymentAllocations)
        .where(
          and(
            eq(paymentAllocations.organizationId, scope.organizationId),
            eq(paymentAllocations.paymentId, id),
          ),
        )
      const deleted = await db
        .delete(ownerPayments)
        .where(and(eq(ownerPayments.organizationId, scope.organizationId), eq(ownerPayments.id, id)))
        .returning({ id: ownerPayments.id })
      return deleted.length > 0
    },
    async listPayments(scope, filter) {
      const rows = await db
        .select()
        .from(ownerPayments)
        .where(
          and(
            eq(ownerPayments.organizationId, scope.organizationId),
            filter.buildingId ? eq(ownerPayments.buildingId, filter.buildingId) : undefined,
            filter.ownerId ? eq(ownerPayments.ownerId, filter.ownerId) : undefined,
          ),
        )
        .orderBy(asc(ownerPayments.paymentDate), asc(ownerPayments.createdAt))
      return rows.map(toPayment)
    },
    async ownersByIds(scope, ownerIds) {
      if (ownerIds.length === 0) return []
      const rows = await db
        .select()
        .from(owners)
        .where(and(eq(owners.organizationId, scope.organizationId), inArray(owners.id, [...ownerIds])))
      return rows.map(toOwner)
    },
    async representations(scope, buildingId) {
      const rows = await db
        .select({ r: unitRepresentatives })
        .from(unitRepresentatives)
        .innerJoin(
          units,
          and(
            eq(units.id, unitRepresentatives.unitId),
            eq(units.organizationId, unitRepresentatives.organizationId),
          ),
        )
        .where(
          and(eq(unitRepresentatives.organizationId, scope.organizationId), eq(units.buildingId, buildingId)),
        )
      return rows.map((x) => x.r)
    },
  }
}
