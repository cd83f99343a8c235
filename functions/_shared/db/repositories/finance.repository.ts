import type {
  BuildingBasisHistory,
  CalendarDate,
  Cents,
  ChargeDistribution,
  Expense,
  ExpenseCategory,
  ExpenseFilter,
  ExpenseRepository,
  ExpenseStatus,
  FrozenPart,
  OwnerChargesReader,
  PaymentStatus,
  TenantScope,
  VatRate,
} from '@koprogo/domain'
import { and, asc, eq, gte, inArray, isNull, lt, lte, ne, or, type SQL, sql } from 'drizzle-orm'
import type { Database } from '../client.ts'
import { buildings, expenseOwnerParts, expenses, unitOwnerships, units } from '../schema/index.ts'
import { crossTenant } from '../tenant-scope.ts'
import { deferInsert } from '../write-batch.ts'
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
  status: row.status as ExpenseStatus,
  vatRate: row.vatRate as VatRate | null,
  distribution: row.distribution as ChargeDistribution | null,
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
      await deferInsert(db, expenses, expense)
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
            // A draft is not in the books yet: it charges nobody (ADR 0031).
            ne(expenses.status, 'draft'),
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
 * GET /owners/{id}/charges (ADR 0046). Posted expenses with a frozen distribution — all of them
 * since ADR 0037 — are read from `expense_owner_parts` (one row per owner part, written by the
 * database with the expense): the totals are one aggregate and the page one `limit/offset` over
 * the same index range, so the work per request no longer decodes every line. Expenses without
 * a frozen distribution (v1 rows) are still found by the owner's links active on their date and
 * computed by the domain from the basis history; a partial index finds them without reading the
 * others, and only when there are some is the page cut from the merged lines in code.
 */
export function ownerChargesReader(db: Database): OwnerChargesReader {
  return {
    async read(scope, ownerId, period, page) {
      const org = scope.organizationId
      const p = expenseOwnerParts
      const inPeriod = allOf(
        eq(p.organizationId, org),
        eq(p.ownerId, ownerId),
        period.dateFrom ? gte(p.expenseDate, period.dateFrom) : undefined,
        period.dateTo ? lte(p.expenseDate, period.dateTo) : undefined,
        // An account auditor: the expenses of the granted buildings only (lines and totals).
        period.buildingIds ? inArray(p.buildingId, [...period.buildingIds]) : undefined,
      ) as SQL
      const from = (page.page - 1) * page.perPage
      // Unit numbers in code-point order ("C"), as the domain's compareUnits and the index.
      const frozenLines = (offset: number, limit: number) => {
        const slice = db
          .select({
            expenseId: p.expenseId,
            unitId: p.unitId,
            unitNumber: p.unitNumber,
            part: p.amountCents,
          })
          .from(p)
          .where(inPeriod)
          .orderBy(asc(p.expenseDate), asc(p.expenseId), sql`${p.unitNumber} collate "C"`, asc(p.unitId))
          .limit(limit)
          .offset(offset)
          .as('slice')
        return db
          .select({
            unitId: slice.unitId,
            unitNumber: slice.unitNumber,
            part: slice.part,
            ...detailColumns,
          })
          .from(slice)
          .innerJoin(expenses, and(eq(expenses.organizationId, org), eq(expenses.id, slice.expenseId)))
          .orderBy(
            asc(expenses.expenseDate),
            asc(expenses.id),
            sql`${slice.unitNumber} collate "C"`,
            asc(slice.unitId),
          )
      }
      const [[totals], undistributed, pageLines] = await Promise.all([
        db
          .select({
            lines: sql<number>`count(*)::int`,
            totalCents: sql<string>`coalesce(sum(${p.amountCents}), 0)::text`,
            paidCents: sql<string>`coalesce(sum(${p.amountCents}) filter (where ${p.paid}), 0)::text`,
          })
          .from(p)
          .where(inPeriod),
        undistributedLines(db, org, ownerId, period),
        frozenLines(from, page.perPage),
      ])
      const frozenTotals = {
        lines: totals?.lines ?? 0,
        totalCents: Number(totals?.totalCents ?? 0),
        paidCents: Number(totals?.paidCents ?? 0),
      }
      if (undistributed.length === 0)
        return {
          page: pageLines.map(({ unitId, part, unitNumber: _n, ...e }) => ({
            unitId,
            frozen: part,
            expense: toChargeExpense(e),
          })),
          groups: [],
          frozenTotals,
          histories: [],
        }

      // Some v1 lines: the page is cut from both kinds merged in the page's order. The frozen
      // lines that can be on it are the first from + perPage ones.
      const frozen = await frozenLines(0, from + page.perPage)
      type Merged = {
        expenseDate: string
        id: string
        unitNumber: string
        unitId: string
        frozen: FrozenPart
        detail?: (typeof frozen)[number]
      }
      const merged: Merged[] = [
        ...frozen.map((f) => ({
          expenseDate: f.expenseDate,
          id: f.id,
          unitNumber: f.unitNumber,
          unitId: f.unitId,
          frozen: f.part as FrozenPart,
          detail: f,
        })),
        ...undistributed.map((l) => ({ ...l, frozen: 'none' as FrozenPart })),
      ]
      // Expense date, expense id, unit number, unit id — plain code-unit comparison, the
      // distribution's unit order (compareUnits); uuids compare as their lower-case text.
      const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)
      merged.sort(
        (a, b) =>
          cmp(a.expenseDate, b.expenseDate) ||
          cmp(a.id, b.id) ||
          cmp(a.unitNumber, b.unitNumber) ||
          cmp(a.unitId, b.unitId),
      )
      const slice = merged.slice(from, from + page.perPage)
      const missing = [...new Set(slice.filter((l) => !l.detail).map((l) => l.id))]
      const [details, history] = await Promise.all([
        missing.length === 0
          ? []
          : db
              .select(detailColumns)
              .from(expenses)
              .where(and(eq(expenses.organizationId, org), inArray(expenses.id, missing))),
        basisHistory(db, org, ownerId),
      ])
      const byId = new Map(details.map((e) => [e.id, e]))
      return {
        page: slice.flatMap((l) => {
          const e = l.detail ?? byId.get(l.id)
          return e ? [{ unitId: l.unitId, frozen: l.frozen, expense: toChargeExpense(e) }] : []
        }),
        groups: undistributed.map((l) => ({
          buildingId: l.buildingId,
          unitId: l.unitId,
          expenseDate: l.expenseDate as CalendarDate,
          amountCents: l.amountCents,
          paid: l.paid,
          lines: 1,
          frozen: 'none' as const,
        })),
        frozenTotals,
        histories: history,
      }
    },
  }
}

const detailColumns = {
  id: expenses.id,
  buildingId: expenses.buildingId,
  category: expenses.category,
  description: expenses.description,
  expenseDate: expenses.expenseDate,
  paymentStatus: expenses.paymentStatus,
  amountCents: expenses.amountCents,
}

const toChargeExpense = (e: {
  id: string
  buildingId: string
  category: string
  description: string
  expenseDate: string
  paymentStatus: string
  amountCents: number
}) => ({
  ...e,
  category: e.category as ExpenseCategory,
  paymentStatus: e.paymentStatus as PaymentStatus,
  amountCents: e.amountCents as Cents,
  expenseDate: e.expenseDate as CalendarDate,
})

/**
 * The owner's lines of expenses with no frozen distribution (v1 rows): an (expense, unit) pair
 * per link of the owner active on the expense date — or, for a charge covering a period, on any
 * day of it. The conditions are literal so the planner matches `expenses_undistributed_idx`.
 */
function undistributedLines(
  db: Database,
  org: string,
  ownerId: string,
  period: {
    readonly dateFrom?: string | undefined
    readonly dateTo?: string | undefined
    readonly buildingIds?: readonly string[] | undefined
  },
) {
  return db
    .select({
      expenseDate: expenses.expenseDate,
      id: expenses.id,
      amountCents: expenses.amountCents,
      paid: sql<boolean>`${expenses.paymentStatus} = 'Paid'`,
      unitId: unitOwnerships.unitId,
      buildingId: units.buildingId,
      unitNumber: units.unitNumber,
    })
    .from(unitOwnerships)
    .innerJoin(units, eq(units.id, unitOwnerships.unitId))
    .innerJoin(
      expenses,
      allOf(
        eq(expenses.organizationId, org),
        eq(expenses.buildingId, units.buildingId),
        sql`${expenses.distribution} is null and ${expenses.status} <> 'draft' and ${expenses.paymentStatus} <> 'Cancelled'`,
        sql`${unitOwnerships.startDate} <= coalesce(${expenses.periodEnd}, ${expenses.expenseDate})`,
        or(
          isNull(unitOwnerships.endDate),
          sql`${unitOwnerships.endDate} > coalesce(${expenses.periodStart}, ${expenses.expenseDate})`,
        ),
        period.dateFrom ? gte(expenses.expenseDate, period.dateFrom) : undefined,
        period.dateTo ? lte(expenses.expenseDate, period.dateTo) : undefined,
        period.buildingIds ? inArray(expenses.buildingId, [...period.buildingIds]) : undefined,
      ) as SQL,
    )
    .where(and(eq(unitOwnerships.organizationId, org), eq(unitOwnerships.ownerId, ownerId)))
}

/** Each building where the owner holds a unit: its units and every link, the basis of any day. */
async function basisHistory(db: Database, org: string, ownerId: string): Promise<BuildingBasisHistory[]> {
  const rows = await db
    .select({
      buildingId: buildings.id,
      totalTantiemes: buildings.totalTantiemes,
      unitId: units.id,
      unitNumber: units.unitNumber,
      quota: units.quota,
      ownerId: unitOwnerships.ownerId,
      sharePpm: unitOwnerships.sharePpm,
      startDate: unitOwnerships.startDate,
      endDate: unitOwnerships.endDate,
    })
    .from(units)
    .innerJoin(buildings, eq(buildings.id, units.buildingId))
    .leftJoin(unitOwnerships, eq(unitOwnerships.unitId, units.id))
    .where(
      and(
        eq(units.organizationId, org),
        inArray(
          units.buildingId,
          db
            .select({ id: sql`u2.building_id` })
            .from(sql`unit_ownerships o2 join units u2 on u2.id = o2.unit_id`)
            .where(sql`o2.organization_id = ${org} and o2.owner_id = ${ownerId}`),
        ),
      ),
    )
  const byBuilding = new Map<
    string,
    {
      totalTantiemes: number
      units: Map<string, BuildingBasisHistory['units'][number]>
      links: BuildingBasisHistory['links'][number][]
    }
  >()
  for (const r of rows) {
    let b = byBuilding.get(r.buildingId)
    if (!b) {
      b = { totalTantiemes: r.totalTantiemes, units: new Map(), links: [] }
      byBuilding.set(r.buildingId, b)
    }
    b.units.set(r.unitId, { unitId: r.unitId, unitNumber: r.unitNumber, quota: r.quota })
    if (r.ownerId !== null && r.sharePpm !== null && r.startDate !== null)
      b.links.push({
        unitId: r.unitId,
        ownerId: r.ownerId,
        sharePpm: r.sharePpm,
        startDate: r.startDate as CalendarDate,
        endDate: r.endDate as CalendarDate | null,
      })
  }
  return [...byBuilding].map(([buildingId, b]) => ({
    buildingId,
    totalTantiemes: b.totalTantiemes,
    units: [...b.units.values()],
    links: b.links,
  }))
}
