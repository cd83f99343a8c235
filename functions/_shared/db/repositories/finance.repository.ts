import type {
  Cents,
  ChargeBasisReader,
  Expense,
  ExpenseCategory,
  ExpenseFilter,
  ExpenseRepository,
  PaymentStatus,
  TenantScope,
} from '@koprogo/domain'
import { and, asc, eq, gte, inArray, isNull, lt, lte, ne, or, type SQL, sql } from 'drizzle-orm'
import type { Database } from '../client.ts'
import { buildings, expenses, unitOwnerships, units } from '../schema/index.ts'
import { crossTenant } from '../tenant-scope.ts'
import {
  allOf,
  isUnfiltered,
  listAllTenantsPage,
  listPage,
  listTenantPage,
  updateVersioned,
} from './paginate.ts'

type Row = typeof expenses.$inferSelect
const toExpense = (row: Row): Expense => ({
  ...row,
  category: row.category as ExpenseCategory,
  paymentStatus: row.paymentStatus as PaymentStatus,
  amountCents: row.amountCents as Cents,
})

const expenseColumns = {
  expense_date: expenses.expenseDate,
  amount: expenses.amountCents,
  created_at: expenses.createdAt,
  category: expenses.category,
  payment_status: expenses.paymentStatus,
}

/** The filter's conditions, without the tenant (the caller adds it, or marks the list cross-tenant). */
function expenseConditions(filter: ExpenseFilter): SQL | undefined {
  const windows = filter.visibleWindows?.map((w) =>
    allOf(
      eq(expenses.buildingId, w.buildingId),
      w.dateFrom ? gte(expenses.expenseDate, w.dateFrom) : undefined,
      w.dateToExclusive ? lt(expenses.expenseDate, w.dateToExclusive) : undefined,
    ),
  )
  return allOf(
    filter.buildingId ? eq(expenses.buildingId, filter.buildingId) : undefined,
    filter.category ? eq(expenses.category, filter.category) : undefined,
    filter.status ? eq(expenses.paymentStatus, filter.status) : undefined,
    filter.paid === true
      ? eq(expenses.paymentStatus, 'Paid')
      : filter.paid === false
        ? ne(expenses.paymentStatus, 'Paid')
        : undefined,
    filter.dateFrom ? gte(expenses.expenseDate, filter.dateFrom) : undefined,
    filter.dateTo ? lte(expenses.expenseDate, filter.dateTo) : undefined,
    filter.minAmountCents !== undefined ? gte(expenses.amountCents, filter.minAmountCents) : undefined,
    filter.maxAmountCents !== undefined ? lte(expenses.amountCents, filter.maxAmountCents) : undefined,
    windows ? or(...windows) : undefined,
  )
}

export function expenseRepository(db: Database): ExpenseRepository {
  const scoped = (scope: TenantScope, id: string) =>
    and(eq(expenses.organizationId, scope.organizationId), eq(expenses.id, id))
  return {
    async findById(scope, id) {
      const [row] = await db.select().from(expenses).where(scoped(scope, id)).limit(1)
      return row ? toExpense(row) : null
    },
    async insert(_scope, expense) {
      await db.insert(expenses).values(expense)
    },
    async update(scope, expense) {
      return updateVersioned(db, expenses, eq(expenses.organizationId, scope.organizationId), expense)
    },
    async list(scope, filter, page) {
      if (filter.visibleWindows?.length === 0) return { items: [], total: 0 }
      const condition = allOf(eq(expenses.organizationId, scope.organizationId), expenseConditions(filter))
      if (isUnfiltered(filter))
        return listTenantPage(db, expenses, scope.organizationId, page, expenseColumns, toExpense)
      return listPage(db, expenses, condition, page, expenseColumns, toExpense)
    },
    async listAcrossTenants(filter, page) {
      if (filter.visibleWindows?.length === 0) return { items: [], total: 0 }
      return listAllTenantsPage(db, expenses, expenseConditions(filter), page, expenseColumns, toExpense)
    },
    async listChargeable(scope, buildingIds, period) {
      if (buildingIds.length === 0) return []
      const rows = await db
        .select()
        .from(expenses)
        .where(
          allOf(
            eq(expenses.organizationId, scope.organizationId),
            inArray(expenses.buildingId, [...buildingIds]),
            ne(expenses.paymentStatus, 'Cancelled'),
            period.dateFrom ? gte(expenses.expenseDate, period.dateFrom) : undefined,
            period.dateTo ? lte(expenses.expenseDate, period.dateTo) : undefined,
          ),
        )
        .orderBy(asc(expenses.expenseDate), asc(expenses.id))
      return rows.map(toExpense)
    },
    async organizationOf(id) {
      const [row] = await db
        .select({ org: expenses.organizationId })
        .from(expenses)
        .where(and(eq(expenses.id, id), crossTenant('a superadmin: the row names its tenant')))
        .limit(1)
      return row?.org ?? null
    },
  }
}

/**
 * The distribution basis in two queries (the building, then every unit with the links active on
 * the date via one LEFT JOIN), instead of one query per unit.
 */
export function chargeBasisReader(db: Database): ChargeBasisReader {
  return {
    async loadBuildingBasis(scope, buildingId, onDate) {
      const [building] = await db
        .select({ total: buildings.totalTantiemes })
        .from(buildings)
        .where(and(eq(buildings.organizationId, scope.organizationId), eq(buildings.id, buildingId)))
        .limit(1)
      if (!building) return null
      const rows = await db
        .select({
          unitId: units.id,
          unitNumber: units.unitNumber,
          quota: units.quota,
          ownerId: unitOwnerships.ownerId,
          sharePpm: unitOwnerships.sharePpm,
        })
        .from(units)
        .leftJoin(
          unitOwnerships,
          and(
            eq(unitOwnerships.unitId, units.id),
            // Bare ownership bears no charges: the usufructuary does (domain finance `bearsCharges`).
            ne(unitOwnerships.rightType, 'bare'),
            lte(unitOwnerships.startDate, onDate),
            or(isNull(unitOwnerships.endDate), sql`${unitOwnerships.endDate} > ${onDate}`),
          ),
        )
        .where(and(eq(units.organizationId, scope.organizationId), eq(units.buildingId, buildingId)))
      const byUnit = new Map<
        string,
        { unitId: string; unitNumber: string; quota: number; owners: { ownerId: string; sharePpm: number }[] }
      >()
      for (const r of rows) {
        let unit = byUnit.get(r.unitId)
        if (!unit) {
          unit = { unitId: r.unitId, unitNumber: r.unitNumber, quota: r.quota, owners: [] }
          byUnit.set(r.unitId, unit)
        }
        if (r.ownerId && r.sharePpm !== null) unit.owners.push({ ownerId: r.ownerId, sharePpm: r.sharePpm })
      }
      return { totalTantiemes: building.total, units: [...byUnit.values()] }
    },
    async listOwnerHoldings(scope, ownerId) {
      return db
        .select({
          unitId: unitOwnerships.unitId,
          buildingId: units.buildingId,
          startDate: unitOwnerships.startDate,
          endDate: unitOwnerships.endDate,
        })
        .from(unitOwnerships)
        .innerJoin(units, eq(units.id, unitOwnerships.unitId))
        .where(
          and(eq(unitOwnerships.organizationId, scope.organizationId), eq(unitOwnerships.ownerId, ownerId)),
        )
        .orderBy(asc(unitOwnerships.startDate), asc(unitOwnerships.unitId))
    },
  }
}
