import type {
  Budget,
  BudgetPorts,
  BuildingFinanceSettings,
  Cents,
  DistributionKey,
  DistributionKeyKind,
  ExpenseCategory,
  ProvisionPeriodicity,
  SaleSplitRule,
} from '@koprogo/domain'
import { and, asc, desc, eq, gte, inArray, lte, ne, sql } from 'drizzle-orm'
import { uuidv7 } from '../../ids.ts'
import type { Database } from '../client.ts'
import {
  budgetLines,
  budgets,
  buildingFinanceSettings,
  distributionKeyMembers,
  distributionKeys,
  expenses,
} from '../schema/index.ts'
import { crossTenant } from '../tenant-scope.ts'

/** Distribution keys, budgets and finance settings over Drizzle (schema/budget.ts). */
export function budgetRepositories(db: Database): BudgetPorts {
  return {
    distributionKeys: distributionKeyRepository(db),
    budgets: budgetRepository(db),
    financeSettings: financeSettingsRepository(db),
  }
}

type KeyRow = typeof distributionKeys.$inferSelect

function distributionKeyRepository(db: Database): BudgetPorts['distributionKeys'] {
  // Members of several keys in one query, grouped by key (unit id order, as the domain sorts them).
  async function withMembers(org: string, rows: readonly KeyRow[]): Promise<DistributionKey[]> {
    if (rows.length === 0) return []
    const members = await db
      .select()
      .from(distributionKeyMembers)
      .where(
        and(
          eq(distributionKeyMembers.organizationId, org),
          inArray(
            distributionKeyMembers.keyId,
            rows.map((r) => r.id),
          ),
        ),
      )
      .orderBy(asc(distributionKeyMembers.keyId), asc(distributionKeyMembers.unitId))
    return rows.map((row) => ({
      ...row,
      kind: row.kind as DistributionKeyKind,
      members: members.filter((m) => m.keyId === row.id).map((m) => ({ unitId: m.unitId, weight: m.weight })),
    }))
  }
  async function writeMembers(key: DistributionKey): Promise<void> {
    if (key.members.length === 0) return
    await db.insert(distributionKeyMembers).values(
      key.members.map((m) => ({
        organizationId: key.organizationId,
        keyId: key.id,
        unitId: m.unitId,
        weight: m.weight,
      })),
    )
  }
  const keyColumns = (key: DistributionKey) => ({
    id: key.id,
    organizationId: key.organizationId,
    buildingId: key.buildingId,
    name: key.name,
    kind: key.kind,
    statutory: key.statutory,
    resolutionId: key.resolutionId,
    resolutionReference: key.resolutionReference,
    version: key.version,
    createdAt: key.createdAt,
    updatedAt: key.updatedAt,
  })
  return {
    async listForBuilding(scope, buildingId) {
      const rows = await db
        .select()
        .from(distributionKeys)
        .where(
          and(
            eq(distributionKeys.organizationId, scope.organizationId),
            eq(distributionKeys.buildingId, buildingId),
          ),
        )
        .orderBy(asc(distributionKeys.name), asc(distributionKeys.id))
      return withMembers(scope.organizationId, rows)
    },
    async findById(scope, id) {
      const rows = await db
        .select()
        .from(distributionKeys)
        .where(and(eq(distributionKeys.organizationId, scope.organizationId), eq(distributionKeys.id, id)))
        .limit(1)
      return (await withMembers(scope.organizationId, rows))[0] ?? null
    },
    async insert(_scope, key) {
      await db.insert(distributionKeys).values(keyColumns(key))
      await writeMembers(key)
    },
    async update(scope, key) {
      const updated = await db
        .update(distributionKeys)
        .set(keyColumns(key))
        .where(
          and(
            eq(distributionKeys.organizationId, scope.organizationId),
            eq(distributionKeys.id, key.id),
            eq(distributionKeys.version, key.version - 1),
          ),
        )
        .returning({ id: distributionKeys.id })
      if (updated.length !== 1) return false
      await db
        .delete(distributionKeyMembers)
        .where(
          and(
            eq(distributionKeyMembers.organizationId, scope.organizationId),
            eq(distributionKeyMembers.keyId, key.id),
          ),
        )
      await writeMembers(key)
      return true
    },
    async delete(scope, id) {
      const rows = await db
        .delete(distributionKeys)
        .where(and(eq(distributionKeys.organizationId, scope.organizationId), eq(distributionKeys.id, id)))
        .returning({ id: distributionKeys.id })
      return rows.length === 1
    },
    async isUsed(scope, id) {
      const [expense] = await db
        .select({ id: expenses.id })
        .from(expenses)
        .where(and(eq(expenses.organizationId, scope.organizationId), eq(expenses.distributionKeyId, id)))
        .limit(1)
      if (expense) return true
      const [line] = await db
        .select({ id: budgetLines.id })
        .from(budgetLines)
        .where(
          and(eq(budgetLines.organizationId, scope.organizationId), eq(budgetLines.distributionKeyId, id)),
        )
        .limit(1)
      return line !== undefined
    },
    async organizationOf(id) {
      const [row] = await db
        .select({ org: distributionKeys.organizationId })
        .from(distributionKeys)
        .where(and(eq(distributionKeys.id, id), crossTenant('a superadmin: the row names its tenant')))
        .limit(1)
      return row?.org ?? null
    },
  }
}

type BudgetRow = typeof budgets.$inferSelect

function budgetRepository(db: Database): BudgetPorts['budgets'] {
  async function withLines(org: string, rows: readonly BudgetRow[]): Promise<Budget[]> {
    if (rows.length === 0) return []
    const lines = await db
      .select()
      .from(budgetLines)
      .where(
        and(
          eq(budgetLines.organizationId, org),
          inArray(
            budgetLines.budgetId,
            rows.map((r) => r.id),
          ),
        ),
      )
      .orderBy(asc(budgetLines.budgetId), asc(budgetLines.position))
    return rows.map((row) =>
      toBudget(
        row,
        lines.filter((l) => l.budgetId === row.id),
      ),
    )
  }
  async function writeLines(budget: Budget): Promise<void> {
    if (budget.lines.length === 0) return
    await db.insert(budgetLines).values(
      budget.lines.map((l, position) => ({
        id: uuidv7(),
        organizationId: budget.organizationId,
        budgetId: budget.id,
        position,
        category: l.category,
        label: l.label,
        distributionKeyId: l.distributionKeyId,
        amountCents: l.amountCents,
      })),
    )
  }
  const byOrg = (org: string) => eq(budgets.organizationId, org)
  return {
    async listForBuilding(scope, buildingId) {
      const rows = await db
        .select()
        .from(budgets)
        .where(and(byOrg(scope.organizationId), eq(budgets.buildingId, buildingId)))
        .orderBy(desc(budgets.fiscalYear), asc(budgets.createdAt), asc(budgets.id))
      return withLines(scope.organizationId, rows)
    },
    async findById(scope, id) {
      const rows = await db
        .select()
        .from(budgets)
        .where(and(byOrg(scope.organizationId), eq(budgets.id, id)))
        .limit(1)
      return (await withLines(scope.organizationId, rows))[0] ?? null
    },
    async findApproved(scope, buildingId, fiscalYear) {
      const rows = await db
        .select()
        .from(budgets)
        .where(
          and(
            byOrg(scope.organizationId),
            eq(budgets.buildingId, buildingId),
            eq(budgets.fiscalYear, fiscalYear),
            eq(budgets.status, 'approved'),
          ),
        )
        .limit(1)
      return (await withLines(scope.organizationId, rows))[0] ?? null
    },
    async insert(_scope, budget) {
      await db.insert(budgets).values(budgetColumns(budget))
      await writeLines(budget)
    },
    async update(scope, budget) {
      const updated = await db
        .update(budgets)
        .set(budgetColumns(budget))
        .where(
          and(
            byOrg(scope.organizationId),
            eq(budgets.id, budget.id),
            eq(budgets.version, budget.version - 1),
          ),
        )
        .returning({ id: budgets.id })
      if (updated.length !== 1) return false
      await db
        .delete(budgetLines)
        .where(and(eq(budgetLines.organizationId, scope.organizationId), eq(budgetLines.budgetId, budget.id)))
      await writeLines(budget)
      return true
    },
    async delete(scope, id) {
      const rows = await db
        .delete(budgets)
        .where(and(byOrg(scope.organizationId), eq(budgets.id, id)))
        .returning({ id: budgets.id })
      return rows.length === 1
    },
    async organizationOf(id) {
      const [row] = await db
        .select({ org: budgets.organizationId })
        .from(budgets)
        .where(and(eq(budgets.id, id), crossTenant('a superadmin: the row names its tenant')))
        .limit(1)
      return row?.org ?? null
    },
    async ordinaryChargesCents(scope, buildingId, from, to) {
      const [row] = await db
        .select({ total: sql<string | null>`sum(${expenses.amountCents})` })
        .from(expenses)
        .where(
          and(
            eq(expenses.organizationId, scope.organizationId),
            eq(expenses.buildingId, buildingId),
            ne(expenses.paymentStatus, 'Cancelled'),
            ne(expenses.category, 'Works'),
            gte(expenses.expenseDate, from),
            lte(expenses.expenseDate, to),
          ),
        )
      return Number(row?.total ?? 0)
    },
  }
}

function budgetColumns(b: Budget) {
  return {
    id: b.id,
    organizationId: b.organizationId,
    buildingId: b.buildingId,
    fiscalYear: b.fiscalYear,
    status: b.status,
    provisionPeriodicity: b.provisionPeriodicity,
    reserveContributionCents: b.reserveContributionCents,
    previousYearOrdinaryChargesCents: b.previousYearOrdinaryChargesCents,
    reserveWaiverResolutionId: b.reserveWaiver?.resolutionId ?? null,
    reserveWaiverReference: b.reserveWaiver?.resolutionReference ?? null,
    reserveWaiverDecidedOn: b.reserveWaiver?.decidedOn ?? null,
    approvalResolutionId: b.approval?.resolutionId ?? null,
    approvalReference: b.approval?.resolutionReference ?? null,
    approvedOn: b.approval?.approvedOn ?? null,
    version: b.version,
    createdAt: b.createdAt,
    updatedAt: b.updatedAt,
  }
}

function toBudget(row: BudgetRow, lines: readonly (typeof budgetLines.$inferSelect)[]): Budget {
  return {
    id: row.id,
    organizationId: row.organizationId,
    buildingId: row.buildingId,
    fiscalYear: row.fiscalYear,
    status: row.status as Budget['status'],
    provisionPeriodicity: row.provisionPeriodicity as ProvisionPeriodicity,
    lines: lines.map((l) => ({
      category: l.category as ExpenseCategory,
      label: l.label,
      distributionKeyId: l.distributionKeyId,
      amountCents: l.amountCents as Cents,
    })),
    reserveContributionCents: row.reserveContributionCents as Cents,
    previousYearOrdinaryChargesCents: row.previousYearOrdinaryChargesCents as Cents | null,
    reserveWaiver: row.reserveWaiverDecidedOn
      ? {
          resolutionId: row.reserveWaiverResolutionId,
          resolutionReference: row.reserveWaiverReference,
          decidedOn: row.reserveWaiverDecidedOn,
        }
      : null,
    approval: row.approvedOn
      ? {
          resolutionId: row.approvalResolutionId,
          resolutionReference: row.approvalReference,
          approvedOn: row.approvedOn,
        }
      : null,
    version: row.version,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  }
}

function financeSettingsRepository(db: Database): BudgetPorts['financeSettings'] {
  return {
    async find(scope, buildingId) {
      const [row] = await db
        .select()
        .from(buildingFinanceSettings)
        .where(
          and(
            eq(buildingFinanceSettings.organizationId, scope.organizationId),
            eq(buildingFinanceSettings.buildingId, buildingId),
          ),
        )
        .limit(1)
      return row ? toSettings(row) : null
    },
    async save(scope, s) {
      if (s.version === 1) {
        const rows = await db
          .insert(buildingFinanceSettings)
          .values({
            buildingId: s.buildingId,
            organizationId: scope.organizationId,
            saleSplitRule: s.saleSplitRule,
          })
          .onConflictDoNothing()
          .returning({ id: buildingFinanceSettings.buildingId })
        return rows.length === 1
      }
      const rows = await db
        .update(buildingFinanceSettings)
        .set({ saleSplitRule: s.saleSplitRule, version: s.version, updatedAt: new Date() })
        .where(
          and(
            eq(buildingFinanceSettings.organizationId, scope.organizationId),
            eq(buildingFinanceSettings.buildingId, s.buildingId),
            eq(buildingFinanceSettings.version, s.version - 1),
          ),
        )
        .returning({ id: buildingFinanceSettings.buildingId })
      return rows.length === 1
    },
  }
}

function toSettings(row: typeof buildingFinanceSettings.$inferSelect): BuildingFinanceSettings {
  return {
    buildingId: row.buildingId,
    organizationId: row.organizationId,
    saleSplitRule: row.saleSplitRule as SaleSplitRule,
    version: row.version,
  }
}
