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
import { buildings, expenses, unitOwnerships, units } from '../schema/index.ts'
import { crossTenant } from '../tenant-scope.ts'
import { deferWrite } from '../write-batch.ts'
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
      await deferWrite(db, db.insert(expenses).values(expense))
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
 * GET /owners/{id}/charges in three queries, whatever the owner holds: a line is an (expense,
 * unit) pair joined on the owner's links active on the expense date. One query returns every
 * line as a narrow row (no sort, no payload: cheaper than sorting the joined rows in SQL, twice
 * slower on PGlite as measured); the page is cut from them in code-point order and its expenses'
 * text read by id; the third gives each building's units and every link, from which the domain
 * builds the basis of any day (docs/reliability.md "Bounded work, duplicates and plan limits").
 */
export function ownerChargesReader(db: Database): OwnerChargesReader {
  return {
    async read(scope, ownerId, period, page) {
      const org = scope.organizationId
      const lineJoin = allOf(
        eq(expenses.organizationId, org),
        eq(expenses.buildingId, units.buildingId),
        ne(expenses.paymentStatus, 'Cancelled'),
        ne(expenses.status, 'draft'),
        // The link held on the invoice date, or — for a charge covering a period — on any day of
        // it (a sale inside the period charges seller and buyer, by the frozen split).
        sql`${unitOwnerships.startDate} <= coalesce(${expenses.periodEnd}, ${expenses.expenseDate})`,
        or(
          isNull(unitOwnerships.endDate),
          sql`${unitOwnerships.endDate} > coalesce(${expenses.periodStart}, ${expenses.expenseDate})`,
        ),
        period.dateFrom ? gte(expenses.expenseDate, period.dateFrom) : undefined,
        period.dateTo ? lte(expenses.expenseDate, period.dateTo) : undefined,
      ) as SQL
      // One row per expense with the owner's links it touches (their unit ids, one per link
      // line) and, when it has a frozen distribution, only the units of it naming the owner:
      // one jsonpath evaluation and one detoast per expense instead of one per (expense, link)
      // line — the frozen JSON read was most of the request (docs/performance.md).
      const perExpense = db
        .select({
          id: expenses.id,
          expenseDate: expenses.expenseDate,
          amountCents: expenses.amountCents,
          paid: sql<string>`(case when ${expenses.paymentStatus} = 'Paid' then 1 else 0 end)`.as('paid'),
          unitIds: sql<string>`string_agg(${unitOwnerships.unitId}::text, ' ')`.as('unit_ids'),
        })
        .from(unitOwnerships)
        .innerJoin(units, eq(units.id, unitOwnerships.unitId))
        .innerJoin(expenses, lineJoin)
        .where(and(eq(unitOwnerships.organizationId, org), eq(unitOwnerships.ownerId, ownerId)))
        .groupBy(expenses.id)
        .as('per_expense')
      const [linkRows, history] = await Promise.all([
        // All of it as one JSON text value: decoding 2,500 driver rows costs more than one parse.
        db
          .select({
            all: sql<
              string | null
            >`jsonb_agg(jsonb_build_array(${perExpense.expenseDate}, ${perExpense.id}, ${perExpense.amountCents}, ${perExpense.paid}, ${perExpense.unitIds}, (case when ${expenses.distribution} is null then null else jsonb_path_query_array(${expenses.distribution}, '$.units[*] ? (exists(@.owners[*] ? (@.ownerId == $o)))', jsonb_build_object('o', ${ownerId}::text)) end)))::text`,
          })
          .from(perExpense)
          // The frozen JSON joined back after grouping: sorting the lines with it was the cost.
          .innerJoin(expenses, and(eq(expenses.organizationId, org), eq(expenses.id, perExpense.id))),
        db
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
          ),
      ])
      type Line = {
        expenseDate: string
        id: string
        amountCents: number
        paid: boolean
        frozen: FrozenPart
        unitId: string
        buildingId: string
        unitNumber: string
      }
      const unitOf = new Map(history.map((h) => [h.unitId, h]))
      type FrozenUnit = { unitId?: unknown; owners?: { ownerId?: unknown; amountCents?: unknown }[] }
      const lines: Line[] = []
      const all = JSON.parse(linkRows[0]?.all ?? '[]') as [
        string,
        string,
        number,
        number,
        string,
        FrozenUnit[] | null,
      ][]
      for (const [expenseDate, id, amountCents, paid, unitIds, parts] of all) {
        for (const unitId of unitIds.split(' ')) {
          const unit = unitOf.get(unitId)
          if (!unit) continue
          // The owner's part through this unit in the frozen split (the first unit and owner
          // entries that match, as jsonb_path_query_first read them); null when it does not name them.
          let frozen: FrozenPart = 'none'
          if (parts !== null) {
            const owner = parts.find((u) => u.unitId === unitId)?.owners?.find((o) => o.ownerId === ownerId)
            frozen = owner && owner.amountCents !== undefined ? Number(owner.amountCents) : null
          }
          lines.push({
            unitId,
            buildingId: unit.buildingId,
            unitNumber: unit.unitNumber,
            expenseDate,
            id,
            amountCents,
            paid: paid === 1,
            frozen,
          })
        }
      }
      // Expense date, expense id, unit number, unit id — plain code-unit comparison, the
      // distribution's unit order (compareUnits); uuids compare as their lower-case text.
      const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)
      lines.sort(
        (a, b) =>
          cmp(a.expenseDate, b.expenseDate) ||
          cmp(a.id, b.id) ||
          cmp(a.unitNumber, b.unitNumber) ||
          cmp(a.unitId, b.unitId),
      )
      const from = (page.page - 1) * page.perPage
      const pageLines = lines.slice(from, from + page.perPage)
      const pageIds = [...new Set(pageLines.map((l) => l.id))]
      const details =
        pageIds.length === 0
          ? []
          : await db
              .select({
                id: expenses.id,
                buildingId: expenses.buildingId,
                category: expenses.category,
                description: expenses.description,
                expenseDate: expenses.expenseDate,
                paymentStatus: expenses.paymentStatus,
                amountCents: expenses.amountCents,
              })
              .from(expenses)
              .where(and(eq(expenses.organizationId, org), inArray(expenses.id, pageIds)))
      const byId = new Map(details.map((e) => [e.id, e]))
      const rows = pageLines.flatMap((l) => {
        const e = byId.get(l.id)
        return e ? [{ unitId: l.unitId, frozen: l.frozen, e }] : []
      })
      const byBuilding = new Map<
        string,
        {
          totalTantiemes: number
          units: Map<string, BuildingBasisHistory['units'][number]>
          links: BuildingBasisHistory['links'][number][]
        }
      >()
      for (const r of history) {
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
      return {
        page: rows.map(({ unitId, frozen, e }) => ({
          unitId,
          frozen,
          expense: {
            ...e,
            category: e.category as ExpenseCategory,
            paymentStatus: e.paymentStatus as PaymentStatus,
            amountCents: e.amountCents as Cents,
            expenseDate: e.expenseDate as CalendarDate,
          },
        })),
        groups: lines.map((l) => ({
          buildingId: l.buildingId,
          unitId: l.unitId,
          expenseDate: l.expenseDate as CalendarDate,
          amountCents: l.amountCents,
          paid: l.paid,
          lines: 1,
          frozen: l.frozen,
        })),
        histories: [...byBuilding].map(([buildingId, b]) => ({
          buildingId,
          totalTantiemes: b.totalTantiemes,
          units: [...b.units.values()],
          links: b.links,
        })),
      }
    },
  }
}
