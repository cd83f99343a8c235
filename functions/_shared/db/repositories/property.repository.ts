import {
  type Building,
  type BuildingFilter,
  type BuildingRepository,
  type Owner,
  type OwnerFilter,
  type OwnerLanguage,
  type OwnerRepository,
  type OwnerType,
  type TenantScope,
  todayOf,
  type Unit,
  type UnitOwnership,
  type UnitOwnershipRepository,
  type UnitRepository,
  type UnitRepresentation,
  type UnitType,
} from '@koprogo/domain'
import {
  and,
  asc,
  eq,
  exists,
  gte,
  ilike,
  inArray,
  isNotNull,
  isNull,
  lte,
  ne,
  not,
  type SQL,
  sql,
} from 'drizzle-orm'
import type { Database } from '../client.ts'
import {
  budgets,
  buildings,
  distributionKeys,
  documents,
  expenses,
  meetings,
  owners,
  unitOwnerships,
  unitRepresentatives,
  units,
} from '../schema/index.ts'
import { crossTenant } from '../tenant-scope.ts'
import { deferInsert } from '../write-batch.ts'
import { containsPattern } from './like-pattern.ts'
import {
  allOf,
  countAll,
  deleteVersioned,
  isUnfiltered,
  listAllTenantsPage,
  listPage,
  listTenantPage,
  updateVersioned,
} from './paginate.ts'

/** The platform's today in the buildings' time zone, when a caller gave no date. */
const today = () => todayOf({ now: () => new Date() })

/**
 * Units where the given user's owner record holds a link not ended by `onDate` (the owner role's
 * view: a seller until the deed date, a buyer as soon as the sale is recorded).
 */
function ownedByUser(userId: string, unitId: SQL | typeof units.id, onDate: string = today()): SQL {
  return exists(
    sql`(select 1 from ${unitOwnerships} o join ${owners} w on w.id = o.owner_id
         where o.unit_id = ${unitId} and (o.end_date is null or o.end_date > ${onDate})
           and w.user_id = ${userId})`,
  )
}

/** Units held on `onDate` by some link (start ≤ date < end; the end date is exclusive). */
function heldOn(unitId: typeof units.id, onDate: string): SQL {
  return exists(
    sql`(select 1 from ${unitOwnerships} o where o.unit_id = ${unitId}
         and o.start_date <= ${onDate} and (o.end_date is null or o.end_date > ${onDate}))`,
  )
}

async function organizationOf(
  db: Database,
  table: typeof buildings | typeof units | typeof owners,
  id: string,
) {
  const [row] = await db
    .select({ org: table.organizationId })
    .from(table)
    .where(and(eq(table.id, id), crossTenant('a superadmin: the row names its tenant')))
    .limit(1)
  return row?.org ?? null
}

const buildingColumns = {
  name: buildings.name,
  city: buildings.city,
  created_at: buildings.createdAt,
  construction_year: buildings.constructionYear,
  total_units: buildings.totalUnits,
}

/** The filter's conditions, without the tenant (the caller adds it, or marks the list cross-tenant). */
function buildingConditions(db: Database, filter: BuildingFilter): SQL | undefined {
  return allOf(
    // Partial and case-insensitive (`brux` finds Bruxelles), wildcards literal; the tenant's
    // organization_id index narrows the rows first, so no trigram index is needed at this size.
    filter.city ? ilike(buildings.city, containsPattern(filter.city)) : undefined,
    filter.constructionYear !== undefined
      ? eq(buildings.constructionYear, filter.constructionYear)
      : undefined,
    filter.minUnits !== undefined ? gte(buildings.totalUnits, filter.minUnits) : undefined,
    filter.maxUnits !== undefined ? lte(buildings.totalUnits, filter.maxUnits) : undefined,
    filter.ids ? inArray(buildings.id, [...filter.ids]) : undefined,
    filter.ownedByUserId
      ? exists(
          db
            .select({ one: sql`1` })
            .from(units)
            .where(and(eq(units.buildingId, buildings.id), ownedByUser(filter.ownedByUserId, units.id))),
        )
      : undefined,
  )
}

export function buildingRepository(db: Database): BuildingRepository {
  const buildingFilter = (filter: BuildingFilter) => buildingConditions(db, filter)
  const scoped = (scope: TenantScope, id: string) =>
    and(eq(buildings.organizationId, scope.organizationId), eq(buildings.id, id))
  return {
    async findById(scope, id) {
      const [row] = await db.select().from(buildings).where(scoped(scope, id)).limit(1)
      return row ?? null
    },
    async lockById(scope, id) {
      const [row] = await db.select().from(buildings).where(scoped(scope, id)).limit(1).for('update')
      return row ?? null
    },
    // total_units is the database's count of lots (migration 0008 triggers): never written here.
    async insert(_scope, { totalUnits: _count, ...building }) {
      await deferInsert(db, buildings, building)
    },
    async update(scope, { totalUnits: _count, ...building }: Building) {
      return updateVersioned(db, buildings, eq(buildings.organizationId, scope.organizationId), building)
    },
    async delete(scope, id, version) {
      return deleteVersioned(db, buildings, eq(buildings.organizationId, scope.organizationId), id, version)
    },
    async list(scope, filter, page) {
      if (filter.ids?.length === 0) return { items: [], total: 0 }
      const condition = allOf(eq(buildings.organizationId, scope.organizationId), buildingFilter(filter))
      if (isUnfiltered(filter))
        return listTenantPage(db, buildings, scope.organizationId, page, buildingColumns, (row) => row)
      return listPage(db, buildings, condition, page, buildingColumns, (row) => row)
    },
    async listAcrossTenants(filter, page) {
      if (filter.ids?.length === 0) return { items: [], total: 0 }
      return listAllTenantsPage(db, buildings, buildingFilter(filter), page, buildingColumns, (row) => row)
    },
    organizationOf: (id) => organizationOf(db, buildings, id),
    async hasLinkedRecords(scope, id) {
      const result = (await db.execute(sql`select
          exists (select 1 from ${expenses} where organization_id = ${scope.organizationId} and building_id = ${id})
          or exists (select 1 from ${meetings} where organization_id = ${scope.organizationId} and building_id = ${id})
          or exists (select 1 from ${documents} where organization_id = ${scope.organizationId} and building_id = ${id})
          or exists (select 1 from ${budgets} where organization_id = ${scope.organizationId} and building_id = ${id})
          or exists (select 1 from ${distributionKeys} where organization_id = ${scope.organizationId} and building_id = ${id})
          as linked`)) as unknown as { rows: { linked: boolean }[] }
      return result.rows[0]?.linked === true
    },
  }
}

type UnitRow = typeof units.$inferSelect
const toUnit = (row: UnitRow): Unit => ({ ...row, unitType: row.unitType as UnitType })

export function unitRepository(db: Database): UnitRepository {
  const scoped = (scope: TenantScope, id: string) =>
    and(eq(units.organizationId, scope.organizationId), eq(units.id, id))
  const conditions = (filter: Parameters<UnitRepository['list']>[1]) =>
    allOf(
      filter.buildingId ? eq(units.buildingId, filter.buildingId) : undefined,
      filter.buildingIds ? inArray(units.buildingId, [...filter.buildingIds]) : undefined,
      filter.unitType ? eq(units.unitType, filter.unitType) : undefined,
      filter.hasOwner === true
        ? heldOn(units.id, filter.onDate ?? today())
        : filter.hasOwner === false
          ? not(heldOn(units.id, filter.onDate ?? today()))
          : undefined,
      filter.floor !== undefined ? eq(units.floor, filter.floor) : undefined,
      filter.minArea !== undefined ? gte(units.surfaceArea, filter.minArea) : undefined,
      filter.maxArea !== undefined ? lte(units.surfaceArea, filter.maxArea) : undefined,
      filter.ownedByUserId ? ownedByUser(filter.ownedByUserId, units.id, filter.ownedOn) : undefined,
    )
  const filtered = (scope: TenantScope, filter: Parameters<UnitRepository['list']>[1]) =>
    allOf(eq(units.organizationId, scope.organizationId), conditions(filter))
  const columns = {
    unit_number: units.unitNumber,
    floor: units.floor,
    surface_area: units.surfaceArea,
    quota: units.quota,
    unit_type: units.unitType,
    created_at: units.createdAt,
  }
  return {
    async findById(scope, id) {
      const [row] = await db.select().from(units).where(scoped(scope, id)).limit(1)
      return row ? toUnit(row) : null
    },
    async lockById(scope, id) {
      const [row] = await db.select().from(units).where(scoped(scope, id)).limit(1).for('update')
      return row ? toUnit(row) : null
    },
    async insert(_scope, unit) {
      await deferInsert(db, units, unit)
    },
    async update(scope, unit) {
      return updateVersioned(db, units, eq(units.organizationId, scope.organizationId), unit)
    },
    async delete(scope, id, version) {
      return deleteVersioned(db, units, eq(units.organizationId, scope.organizationId), id, version)
    },
    async list(scope, filter, page) {
      const condition = filtered(scope, filter)
      // `onDate` and `ownedOn` only date `hasOwner` and `ownedByUserId`: alone they narrow nothing,
      // and the use case always sets `onDate` — the total then comes from the counter, not count(*).
      const { onDate: _onDate, ownedOn: _ownedOn, ...narrowing } = filter
      if (isUnfiltered(narrowing))
        return listTenantPage(db, units, scope.organizationId, page, columns, toUnit)
      return listPage(db, units, condition, page, columns, toUnit)
    },
    listAcrossTenants: (filter, page) =>
      listAllTenantsPage(db, units, conditions(filter), page, columns, toUnit),
    async count(scope, filter) {
      const [row] = await db.select({ n: countAll }).from(units).where(filtered(scope, filter))
      return row?.n ?? 0
    },
    async sumQuotas(scope, buildingId, excludeUnitId) {
      const [row] = await db
        .select({ total: sql<number>`cast(coalesce(sum(${units.quota}), 0) as integer)` })
        .from(units)
        .where(
          allOf(
            eq(units.organizationId, scope.organizationId),
            eq(units.buildingId, buildingId),
            excludeUnitId ? ne(units.id, excludeUnitId) : undefined,
          ),
        )
      return row?.total ?? 0
    },
    async unitNumberTaken(scope, buildingId, unitNumber, excludeUnitId) {
      const rows = await db
        .select({ id: units.id })
        .from(units)
        .where(
          allOf(
            eq(units.organizationId, scope.organizationId),
            eq(units.buildingId, buildingId),
            eq(units.unitNumber, unitNumber),
            excludeUnitId ? ne(units.id, excludeUnitId) : undefined,
          ),
        )
        .limit(1)
      return rows.length > 0
    },
    organizationOf: (id) => organizationOf(db, units, id),
  }
}

type OwnerRow = typeof owners.$inferSelect
// The checks owners_type_known and owners_language_known keep these columns within the enums.
// sort_name is generated by the database: kept out of the entity (and so out of every UPDATE).
export const toOwner = ({ sortName: _sort, ...row }: OwnerRow): Owner => ({
  ...row,
  ownerType: row.ownerType as OwnerType,
  preferredLanguage: row.preferredLanguage as OwnerLanguage,
})

const ownerColumns = {
  last_name: owners.sortName,
  first_name: owners.firstName,
  email: owners.email,
  city: owners.city,
  created_at: owners.createdAt,
}

/** The filter's conditions, without the tenant (the caller adds it, or marks the list cross-tenant). */
function ownerConditions(filter: OwnerFilter): SQL | undefined {
  const like = containsPattern
  return allOf(
    filter.userId ? eq(owners.userId, filter.userId) : undefined,
    filter.holdsInBuildingIds
      ? exists(
          sql`(select 1 from ${unitOwnerships} o join ${units} on ${units.id} = o.unit_id
               where o.owner_id = ${owners.id} and o.organization_id = ${owners.organizationId}
                 and ${inArray(units.buildingId, [...filter.holdsInBuildingIds])})`,
        )
      : undefined,
    filter.email ? eq(owners.email, filter.email) : undefined,
    filter.phone ? eq(owners.phone, filter.phone) : undefined,
    filter.lastName ? ilike(owners.lastName, like(filter.lastName)) : undefined,
    filter.firstName ? ilike(owners.firstName, like(filter.firstName)) : undefined,
    filter.companyName ? ilike(owners.companyName, like(filter.companyName)) : undefined,
    filter.enterpriseNumber ? eq(owners.enterpriseNumber, filter.enterpriseNumber) : undefined,
    filter.ownerType ? eq(owners.ownerType, filter.ownerType) : undefined,
    filter.preferredLanguage ? eq(owners.preferredLanguage, filter.preferredLanguage) : undefined,
    filter.emailConsent !== undefined ? eq(owners.emailConsent, filter.emailConsent) : undefined,
    filter.hasEmail === true
      ? isNotNull(owners.email)
      : filter.hasEmail === false
        ? isNull(owners.email)
        : undefined,
  )
}

export function ownerRepository(db: Database): OwnerRepository {
  const scoped = (scope: TenantScope, id: string) =>
    and(eq(owners.organizationId, scope.organizationId), eq(owners.id, id))
  return {
    async findById(scope, id) {
      const [row] = await db.select().from(owners).where(scoped(scope, id)).limit(1)
      return row ? toOwner(row) : null
    },
    async findByUserId(scope, userId) {
      const [row] = await db
        .select()
        .from(owners)
        .where(and(eq(owners.organizationId, scope.organizationId), eq(owners.userId, userId)))
        .limit(1)
      return row ? toOwner(row) : null
    },
    async emailTaken(scope, email, excludeOwnerId) {
      const rows = await db
        .select({ id: owners.id })
        .from(owners)
        .where(
          allOf(
            eq(owners.organizationId, scope.organizationId),
            eq(owners.email, email),
            excludeOwnerId ? ne(owners.id, excludeOwnerId) : undefined,
          ),
        )
        .limit(1)
      return rows.length > 0
    },
    async insert(_scope, owner) {
      await deferInsert(db, owners, owner)
    },
    async update(scope, owner: Owner) {
      return updateVersioned(db, owners, eq(owners.organizationId, scope.organizationId), owner)
    },
    async list(scope, filter, page) {
      const condition = allOf(eq(owners.organizationId, scope.organizationId), ownerConditions(filter))
      if (isUnfiltered(filter))
        return listTenantPage(db, owners, scope.organizationId, page, ownerColumns, toOwner)
      return listPage(db, owners, condition, page, ownerColumns, toOwner)
    },
    listAcrossTenants: (filter, page) =>
      listAllTenantsPage(db, owners, ownerConditions(filter), page, ownerColumns, toOwner),
    organizationOf: (id) => organizationOf(db, owners, id),
  }
}

export function unitOwnershipRepository(db: Database): UnitOwnershipRepository {
  const inScope = (scope: TenantScope) => eq(unitOwnerships.organizationId, scope.organizationId)
  return {
    async insert(_scope, ownership) {
      await db.insert(unitOwnerships).values(ownership)
    },
    async update(scope, ownership: UnitOwnership) {
      return updateVersioned(db, unitOwnerships, inScope(scope), ownership)
    },
    async listActiveForUnit(scope, unitId) {
      return db
        .select()
        .from(unitOwnerships)
        .where(and(inScope(scope), eq(unitOwnerships.unitId, unitId), isNull(unitOwnerships.endDate)))
        .orderBy(asc(unitOwnerships.startDate), asc(unitOwnerships.ownerId))
    },
    async listForUnits(scope, unitIds) {
      if (unitIds.length === 0) return []
      return db
        .select()
        .from(unitOwnerships)
        .where(and(inScope(scope), inArray(unitOwnerships.unitId, [...unitIds])))
        .orderBy(asc(unitOwnerships.startDate), asc(unitOwnerships.ownerId))
    },
    async listRepresentations(scope, unitId) {
      return db
        .select()
        .from(unitRepresentatives)
        .where(
          and(
            eq(unitRepresentatives.organizationId, scope.organizationId),
            eq(unitRepresentatives.unitId, unitId),
          ),
        )
    },
    async saveRepresentation(scope, r) {
      // One designation per lot and start date: saving the same date again replaces it.
      const [row] = await db
        .insert(unitRepresentatives)
        .values(r)
        .onConflictDoUpdate({
          target: [unitRepresentatives.unitId, unitRepresentatives.startDate],
          set: {
            voterOwnerId: r.voterOwnerId,
            callsOwnerId: r.callsOwnerId,
            version: sql`${unitRepresentatives.version} + 1`,
            updatedAt: r.updatedAt,
          },
          setWhere: eq(unitRepresentatives.organizationId, scope.organizationId),
        })
        .returning()
      return row as UnitRepresentation
    },
    async listForUnit(scope, unitId, options) {
      return db
        .select()
        .from(unitOwnerships)
        .where(
          allOf(
            inScope(scope),
            eq(unitOwnerships.unitId, unitId),
            options.includeEnded ? undefined : isNull(unitOwnerships.endDate),
          ),
        )
        .orderBy(asc(unitOwnerships.startDate), asc(unitOwnerships.ownerId))
    },
    async listForOwner(scope, ownerId, options) {
      return db
        .select()
        .from(unitOwnerships)
        .where(
          allOf(
            inScope(scope),
            eq(unitOwnerships.ownerId, ownerId),
            options.includeEnded ? undefined : isNull(unitOwnerships.endDate),
          ),
        )
        .orderBy(asc(unitOwnerships.startDate), asc(unitOwnerships.unitId))
    },
    async hasOwnershipHistory(scope, unitId) {
      const rows = await db
        .select({ id: unitOwnerships.id })
        .from(unitOwnerships)
        .where(and(inScope(scope), eq(unitOwnerships.unitId, unitId)))
        .limit(1)
      return rows.length > 0
    },
  }
}
