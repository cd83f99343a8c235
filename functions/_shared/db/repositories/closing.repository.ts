import type {
  AnnualAccounts,
  ChargeDistribution,
  ClosingRepository,
  FiscalYearClosing,
  KeyCharge,
  OwnerLanguage,
  OwnerStatement,
  OwnerStatementView,
  YearExpense,
} from '@koprogo/domain'
import { EXPENSE_SOURCE, ownerDisplayName } from '@koprogo/domain'
import { and, asc, between, eq, inArray, isNotNull, isNull, lt, lte, or, type SQL, sql } from 'drizzle-orm'
import { alias } from 'drizzle-orm/pg-core'
import type { Database } from '../client.ts'
import {
  budgetLines,
  budgets,
  buildingAuditors,
  callLines,
  callsForFunds,
  distributionKeys,
  expenses,
  fiscalYearClosings,
  ledgerEntries,
  ledgerLines,
  ownerStatements,
  owners,
  users,
} from '../schema/index.ts'
import { toOwner } from './property.repository.ts'

/*
 * The year-end close's store (ADR 0040) and its reads: aggregates over the expenses (with their
 * frozen distributions), the provision call lines and the ledger, each in one statement.
 */

const toClosing = (row: typeof fiscalYearClosings.$inferSelect): FiscalYearClosing => ({
  ...row,
  accounts: row.accounts as AnnualAccounts,
})

const toStatement = (row: typeof ownerStatements.$inferSelect): OwnerStatement => ({
  ...row,
  chargesByKey: row.chargesByKey as KeyCharge[],
  delivery: row.delivery as OwnerStatement['delivery'],
})

/** The owner parts of a frozen distribution (units → owners). */
function partsOf(distribution: unknown): YearExpense['parts'] {
  if (!distribution || typeof distribution !== 'object') return null
  const units = (distribution as ChargeDistribution).units
  if (!Array.isArray(units)) return null
  return units.flatMap((u) =>
    u.owners.map((o: ChargeDistribution['units'][number]['owners'][number]) => ({
      ownerId: o.ownerId,
      unitId: u.unitId,
      amountCents: o.amountCents,
    })),
  )
}

/** What a year's charge reads of an expense; its date is the expense's or its reversal's. */
const chargeColumns = {
  id: expenses.id,
  category: expenses.category,
  keyId: expenses.distributionKeyId,
  keyName: distributionKeys.name,
  amountCents: expenses.amountCents,
  distribution: expenses.distribution,
}

const toYearCharge = (r: {
  id: string
  date: string
  category: string
  keyId: string | null
  keyName: string | null
  amountCents: number
  distribution: unknown
}): YearExpense => ({
  id: r.id,
  date: r.date,
  category: r.category,
  keyId: r.keyId,
  keyName: r.keyName ?? null,
  amountCents: r.amountCents,
  parts: partsOf(r.distribution),
})

/**
 * The reversal of an expense's purchases entry (its cancellation or correction, ADR 0031), dated
 * `dateCondition`; correlated to the `expenses` row of the outer query.
 */
const reversalOf = (dateCondition: SQL) => sql`select 1 from ledger_entries r
  join ledger_entries o on o.id = r.reverses_entry_id and o.journal = 'purchases'
  where r.organization_id = ${expenses.organizationId} and r.building_id = ${expenses.buildingId}
    and r.source_kind = ${EXPENSE_SOURCE} and r.source_id = ${expenses.id}::text
    and r.entry_date ${dateCondition}`

export function closingRepository(db: Database): ClosingRepository {
  return {
    async isClosed(scope, buildingId, fiscalYear) {
      const rows = await db
        .select({ id: fiscalYearClosings.id })
        .from(fiscalYearClosings)
        .where(
          and(
            eq(fiscalYearClosings.organizationId, scope.organizationId),
            eq(fiscalYearClosings.buildingId, buildingId),
            eq(fiscalYearClosings.fiscalYear, fiscalYear),
          ),
        )
        .limit(1)
      return rows.length > 0
    },

    async findClosing(scope, buildingId, fiscalYear) {
      const [row] = await db
        .select()
        .from(fiscalYearClosings)
        .where(
          and(
            eq(fiscalYearClosings.organizationId, scope.organizationId),
            eq(fiscalYearClosings.buildingId, buildingId),
            eq(fiscalYearClosings.fiscalYear, fiscalYear),
          ),
        )
      return row ? toClosing(row) : null
    },

    async findClosingById(scope, id) {
      const [row] = await db
        .select()
        .from(fiscalYearClosings)
        .where(
          and(eq(fiscalYearClosings.organizationId, scope.organizationId), eq(fiscalYearClosings.id, id)),
        )
      return row ? toClosing(row) : null
    },

    async listClosings(scope, buildingId) {
      const rows = await db
        .select()
        .from(fiscalYearClosings)
        .where(
          and(
            eq(fiscalYearClosings.organizationId, scope.organizationId),
            eq(fiscalYearClosings.buildingId, buildingId),
          ),
        )
        .orderBy(asc(fiscalYearClosings.fiscalYear))
      return rows.map(toClosing)
    },

    async yearExpenses(scope, buildingId, from, to) {
      const rows = await db
        .select({ ...chargeColumns, date: expenses.expenseDate })
        .from(expenses)
        .leftJoin(
          distributionKeys,
          and(
            eq(distributionKeys.organizationId, expenses.organizationId),
            eq(distributionKeys.id, expenses.distributionKeyId),
          ),
        )
        .where(
          and(
            eq(expenses.organizationId, scope.organizationId),
            eq(expenses.buildingId, buildingId),
            or(
              inArray(expenses.status, ['approved', 'paid']),
              // Cancelled after the year's end: still a charge of this year in the books (its
              // reversal is dated in a later year, which gives it back: reversedInYear).
              and(eq(expenses.status, 'cancelled'), sql`exists (${reversalOf(sql`> ${to}`)})`),
            ),
            between(expenses.expenseDate, from, to),
          ),
        )
        .orderBy(asc(expenses.expenseDate), asc(expenses.id))
      return rows.map(toYearCharge)
    },

    async reversedInYear(scope, buildingId, from, to) {
      const original = alias(ledgerEntries, 'original')
      const rows = await db
        .select({ ...chargeColumns, date: ledgerEntries.entryDate })
        .from(expenses)
        .innerJoin(
          ledgerEntries,
          and(
            eq(ledgerEntries.organizationId, expenses.organizationId),
            eq(ledgerEntries.buildingId, expenses.buildingId),
            eq(ledgerEntries.sourceKind, EXPENSE_SOURCE),
            eq(ledgerEntries.sourceId, sql`${expenses.id}::text`),
            isNotNull(ledgerEntries.reversesEntryId),
          ),
        )
        .innerJoin(
          original,
          and(eq(original.id, ledgerEntries.reversesEntryId), eq(original.journal, 'purchases')),
        )
        .leftJoin(
          distributionKeys,
          and(
            eq(distributionKeys.organizationId, expenses.organizationId),
            eq(distributionKeys.id, expenses.distributionKeyId),
          ),
        )
        .where(
          and(
            eq(expenses.organizationId, scope.organizationId),
            eq(expenses.buildingId, buildingId),
            eq(expenses.status, 'cancelled'),
            lt(expenses.expenseDate, from),
            between(ledgerEntries.entryDate, from, to),
          ),
        )
        .orderBy(asc(ledgerEntries.entryDate), asc(expenses.id))
      return rows.map(toYearCharge)
    },

    async provisionsCalled(scope, buildingId, from, to) {
      return db
        .select({ ownerId: callLines.ownerId, unitId: callLines.unitId, amountCents: callLines.amountCents })
        .from(callLines)
        .innerJoin(
          callsForFunds,
          and(
            eq(callsForFunds.organizationId, callLines.organizationId),
            eq(callsForFunds.id, callLines.callId),
          ),
        )
        .where(
          and(
            eq(callLines.organizationId, scope.organizationId),
            eq(callLines.buildingId, buildingId),
            eq(callsForFunds.kind, 'provision'),
            between(callsForFunds.issueDate, from, to),
          ),
        )
    },

    async approvedBudgetByCategory(scope, buildingId, fiscalYear) {
      const [budget] = await db
        .select({ id: budgets.id })
        .from(budgets)
        .where(
          and(
            eq(budgets.organizationId, scope.organizationId),
            eq(budgets.buildingId, buildingId),
            eq(budgets.fiscalYear, fiscalYear),
            eq(budgets.status, 'approved'),
          ),
        )
      if (!budget) return null
      const rows = await db
        .select({ category: budgetLines.category, amountCents: sql<string>`sum(${budgetLines.amountCents})` })
        .from(budgetLines)
        .where(and(eq(budgetLines.organizationId, scope.organizationId), eq(budgetLines.budgetId, budget.id)))
        .groupBy(budgetLines.category)
      return rows.map((r) => ({ category: r.category, amountCents: Number(r.amountCents) }))
    },

    async totalsThrough(scope, buildingId, fiscalYear) {
      const rows = await db
        .select({
          account: ledgerLines.account,
          debitCents: sql<string>`sum(${ledgerLines.debitCents})`,
          creditCents: sql<string>`sum(${ledgerLines.creditCents})`,
        })
        .from(ledgerLines)
        .where(
          and(
            eq(ledgerLines.organizationId, scope.organizationId),
            eq(ledgerLines.buildingId, buildingId),
            lte(ledgerLines.fiscalYear, fiscalYear),
          ),
        )
        .groupBy(ledgerLines.account)
      return rows.map((r) => ({
        account: r.account,
        debitCents: Number(r.debitCents),
        creditCents: Number(r.creditCents),
      }))
    },

    async insertClosing(scope, closing, statements) {
      await db.insert(fiscalYearClosings).values({ ...closing, organizationId: scope.organizationId })
      // Batches keep each statement's parameters under the drivers' limits (500 lots and more).
      for (let i = 0; i < statements.length; i += 500) {
        await db
          .insert(ownerStatements)
          .values(statements.slice(i, i + 500).map((s) => ({ ...s, organizationId: scope.organizationId })))
      }
    },

    async listStatements(scope, closingId) {
      const rows = await db
        .select({ statement: ownerStatements, owner: owners })
        .from(ownerStatements)
        .innerJoin(
          owners,
          and(
            eq(owners.organizationId, ownerStatements.organizationId),
            eq(owners.id, ownerStatements.ownerId),
          ),
        )
        .where(
          and(
            eq(ownerStatements.organizationId, scope.organizationId),
            eq(ownerStatements.closingId, closingId),
          ),
        )
        .orderBy(asc(owners.lastName), asc(owners.firstName), asc(ownerStatements.ownerId))
      return rows.map((r): OwnerStatementView => {
        const owner = toOwner(r.owner)
        return {
          ...toStatement(r.statement),
          ownerName: ownerDisplayName(owner),
          language: owner.preferredLanguage as OwnerLanguage,
        }
      })
    },

    async setStatementDocument(scope, statementId, documentId) {
      const rows = await db
        .update(ownerStatements)
        .set({ documentId })
        .where(
          and(
            eq(ownerStatements.organizationId, scope.organizationId),
            eq(ownerStatements.id, statementId),
            isNull(ownerStatements.documentId),
          ),
        )
        .returning({ id: ownerStatements.id })
      return rows.length > 0
    },

    async markStatementEmailed(scope, statementId, at) {
      const rows = await db
        .update(ownerStatements)
        .set({ emailedAt: at })
        .where(
          and(
            eq(ownerStatements.organizationId, scope.organizationId),
            eq(ownerStatements.id, statementId),
            isNull(ownerStatements.emailedAt),
          ),
        )
        .returning({ id: ownerStatements.id })
      return rows.length > 0
    },

    async grantAuditor(scope, grant) {
      const [user] = await db
        .select({ role: users.role })
        .from(users)
        .where(and(eq(users.organizationId, scope.organizationId), eq(users.id, grant.userId)))
      if (user?.role !== 'auditor') return 'not_an_auditor'
      const rows = await db
        .insert(buildingAuditors)
        .values({ ...grant, organizationId: scope.organizationId })
        .onConflictDoNothing()
        .returning({ id: buildingAuditors.id })
      return rows.length > 0 ? 'granted' : 'already'
    },

    async revokeAuditor(scope, buildingId, userId) {
      const rows = await db
        .delete(buildingAuditors)
        .where(
          and(
            eq(buildingAuditors.organizationId, scope.organizationId),
            eq(buildingAuditors.buildingId, buildingId),
            eq(buildingAuditors.userId, userId),
          ),
        )
        .returning({ id: buildingAuditors.id })
      return rows.length > 0
    },

    async listAuditors(scope, buildingId) {
      const rows = await db
        .select({
          grant: buildingAuditors,
          email: users.email,
          firstName: users.firstName,
          lastName: users.lastName,
        })
        .from(buildingAuditors)
        .innerJoin(users, eq(users.id, buildingAuditors.userId))
        .where(
          and(
            eq(buildingAuditors.organizationId, scope.organizationId),
            eq(buildingAuditors.buildingId, buildingId),
          ),
        )
        .orderBy(asc(buildingAuditors.createdAt))
      return rows.map((r) => ({ ...r.grant, email: r.email, name: `${r.firstName} ${r.lastName}`.trim() }))
    },

    async ownersByIds(scope, ownerIds) {
      if (ownerIds.length === 0) return []
      const rows = await db
        .select()
        .from(owners)
        .where(and(eq(owners.organizationId, scope.organizationId), inArray(owners.id, [...ownerIds])))
      return rows.map(toOwner)
    },
  }
}

/** The buildings granted to an auditor user (read per request by `authenticate`). */
export async function auditedBuildingIdsOf(
  db: Database,
  who: { readonly organizationId: string; readonly userId: string },
): Promise<readonly string[]> {
  const rows = await db
    .select({ buildingId: buildingAuditors.buildingId })
    .from(buildingAuditors)
    .where(
      and(eq(buildingAuditors.organizationId, who.organizationId), eq(buildingAuditors.userId, who.userId)),
    )
  return rows.map((r) => r.buildingId)
}
