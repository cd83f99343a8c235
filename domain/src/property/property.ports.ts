import type { ActorContext } from '../context.ts'
import type { IdentityQueries } from '../identity/index.ts'
import type { Page, PageRequest } from '../shared/ports.ts'
import type { SharedPorts } from '../shared/shared-ports.ts'
import type { Building } from './building.entity.ts'
import type { CalendarDate } from './calendar-date.value-object.ts'
import type { Owner, OwnerLanguage, OwnerType } from './owner.entity.ts'
import type { QuotePartsReader } from './quote-parts.ts'
import type { Unit, UnitType } from './unit.entity.ts'
import type { UnitOwnership } from './unit-ownership.entity.ts'
import type { UnitRepresentation } from './unit-representation.entity.ts'

/**
 * The tenant a repository call is bound to. Every method of a tenant-owned repository takes it
 * first and must filter on it: a row of another organization behaves exactly like a missing row.
 */
export type TenantScope = { readonly organizationId: string }

/** Sort keys the HTTP layer may pass through as `sort_by` (wire spelling, whitelisted). */
export const BUILDING_SORT_FIELDS = [
  'name',
  'city',
  'created_at',
  'construction_year',
  'total_units',
] as const
export type BuildingSortField = (typeof BUILDING_SORT_FIELDS)[number]

export const UNIT_SORT_FIELDS = [
  'unit_number',
  'floor',
  'surface_area',
  'quota',
  'unit_type',
  'created_at',
] as const
export type UnitSortField = (typeof UNIT_SORT_FIELDS)[number]

export const OWNER_SORT_FIELDS = ['last_name', 'first_name', 'email', 'city', 'created_at'] as const
export type OwnerSortField = (typeof OWNER_SORT_FIELDS)[number]

/** Every field is optional; absent (undefined) means "no condition". Conditions are ANDed. */
export type BuildingFilter = {
  /** Case-insensitive exact match on city. */
  readonly city?: string | undefined
  readonly constructionYear?: number | undefined
  /** Bounds (inclusive) on totalUnits, the number of lots registered. */
  readonly minUnits?: number | undefined
  readonly maxUnits?: number | undefined
  /** Restricts to these ids (an empty array matches nothing). */
  readonly ids?: readonly string[] | undefined
  /** Only buildings with a unit on which this user's owner record (owners.user_id) holds an active link. */
  readonly ownedByUserId?: string | undefined
}

export type UnitFilter = {
  readonly buildingId?: string | undefined
  /** Restricts to units of these buildings (an auditor's granted buildings; never empty). */
  readonly buildingIds?: readonly string[] | undefined
  readonly unitType?: UnitType | undefined
  /** true: some link holds the unit on `onDate`; false: none does. */
  readonly hasOwner?: boolean | undefined
  /** The day `hasOwner` answers for (the adapter's today in Brussels when absent). */
  readonly onDate?: CalendarDate | undefined
  readonly floor?: number | undefined
  /** Bounds (inclusive) on surfaceArea. */
  readonly minArea?: number | undefined
  readonly maxArea?: number | undefined
  /** Only units with a link not ended by `ownedOn` (end null or later) whose owner's userId is this user. */
  readonly ownedByUserId?: string | undefined
  readonly ownedOn?: CalendarDate | undefined
}

export type OwnerFilter = {
  /** Exact match on the lower-cased e-mail (the caller lower-cases it). */
  readonly email?: string | undefined
  /** Exact match. */
  readonly phone?: string | undefined
  /** Case-insensitive substring matches. */
  readonly lastName?: string | undefined
  readonly firstName?: string | undefined
  readonly companyName?: string | undefined
  /** Exact match on the normalized number (0123.456.789): the register import matches companies by it. */
  readonly enterpriseNumber?: string | undefined
  readonly ownerType?: OwnerType | undefined
  readonly preferredLanguage?: OwnerLanguage | undefined
  readonly emailConsent?: boolean | undefined
  /** false: the owners reached by paper mail only (no e-mail address). */
  readonly hasEmail?: boolean | undefined
  /** Only the records linked to this user account (owners.user_id): the owner role's view. */
  readonly userId?: string | undefined
  /**
   * Only owners holding or having held a link on a unit of one of these buildings (an auditor's
   * granted buildings, to read their statements; never empty).
   */
  readonly holdsInBuildingIds?: readonly string[] | undefined
}

export interface BuildingRepository {
  /** The building, or null when missing or of another tenant. */
  findById(scope: TenantScope, id: string): Promise<Building | null>
  /** Like findById, but row-locks it (SELECT … FOR UPDATE) until the transaction ends: serializes quota changes. */
  lockById(scope: TenantScope, id: string): Promise<Building | null>
  /**
   * Inserts a new row (version 1); building.organizationId equals scope.organizationId. Counts it
   * against the organization's plan in the same write, race-safe: at the limit it throws
   * StoreRefused(plan_limit_reached) — at the end of the unit of work if the writes are batched.
   */
  insert(scope: TenantScope, building: Building): Promise<void>
  /** Writes only when the stored version equals `building.version - 1`; false otherwise (or missing). */
  update(scope: TenantScope, building: Building): Promise<boolean>
  /** Deletes only when the stored version equals `version`; false when missing or changed. */
  delete(scope: TenantScope, id: string, version: number): Promise<boolean>
  /** One page of the tenant's buildings matching `filter`, sorted by page.sortBy then id. */
  list(
    scope: TenantScope,
    filter: BuildingFilter,
    page: PageRequest<BuildingSortField>,
  ): Promise<Page<Building>>
  /**
   * Cross-tenant, superadmin only: one page of every tenant's buildings matching `filter`, grouped
   * by organization (newest organizationId first), then sorted by page.sortBy then id.
   */
  listAcrossTenants(filter: BuildingFilter, page: PageRequest<BuildingSortField>): Promise<Page<Building>>
  /** Cross-tenant, superadmin only: the organization owning this building, or null if none has it. */
  organizationOf(id: string): Promise<string | null>
  /** Whether expenses, meetings or documents of other contexts refer to this building. */
  hasLinkedRecords(scope: TenantScope, id: string): Promise<boolean>
}

export interface UnitRepository {
  /** The unit, or null when missing or of another tenant. */
  findById(scope: TenantScope, id: string): Promise<Unit | null>
  /** Like findById, but row-locks it until the transaction ends: serializes ownership changes of one unit. */
  lockById(scope: TenantScope, id: string): Promise<Unit | null>
  /**
   * Inserts a new row (version 1). Adds its quota to the building's used tantièmes in the same
   * write, race-safe: beyond total_tantiemes it throws StoreRefused(quota_exceeds_total), a unit
   * number the building already has is a conflict (unit_number_taken), a building gone missing
   * StoreRefused(not_found) — at the end of the unit of work if the writes are batched.
   */
  insert(scope: TenantScope, unit: Unit): Promise<void>
  /** Writes only when the stored version equals `unit.version - 1`; false otherwise (or missing). */
  update(scope: TenantScope, unit: Unit): Promise<boolean>
  /** Deletes only when the stored version equals `version`; false when missing or changed. */
  delete(scope: TenantScope, id: string, version: number): Promise<boolean>
  /** One page of the tenant's units matching `filter`, sorted by page.sortBy then id. */
  list(scope: TenantScope, filter: UnitFilter, page: PageRequest<UnitSortField>): Promise<Page<Unit>>
  /** Cross-tenant, superadmin only: like BuildingRepository.listAcrossTenants, for units. */
  listAcrossTenants(filter: UnitFilter, page: PageRequest<UnitSortField>): Promise<Page<Unit>>
  /** How many of the tenant's units match `filter` (e.g. { buildingId } before deleting a building). */
  count(scope: TenantScope, filter: UnitFilter): Promise<number>
  /** Σ quota of the building's units, leaving out `excludeUnitId` (the unit being re-quoted); 0 if none. */
  sumQuotas(scope: TenantScope, buildingId: string, excludeUnitId?: string): Promise<number>
  /** Whether another unit of the building (not `excludeUnitId`) has exactly this unit number. */
  unitNumberTaken(
    scope: TenantScope,
    buildingId: string,
    unitNumber: string,
    excludeUnitId?: string,
  ): Promise<boolean>
  /** Cross-tenant, superadmin only: the organization owning this unit, or null if none has it. */
  organizationOf(id: string): Promise<string | null>
}

export interface OwnerRepository {
  /** The owner, or null when missing or of another tenant. */
  findById(scope: TenantScope, id: string): Promise<Owner | null>
  /** The tenant's owner record linked to this user account, or null (at most one exists). */
  findByUserId(scope: TenantScope, userId: string): Promise<Owner | null>
  /** Whether another owner of the tenant (not `excludeOwnerId`) has this lower-cased e-mail (never called with none). */
  emailTaken(scope: TenantScope, email: string, excludeOwnerId?: string): Promise<boolean>
  /** Inserts a new row (version 1). */
  insert(scope: TenantScope, owner: Owner): Promise<void>
  /** Writes only when the stored version equals `owner.version - 1`; false otherwise (or missing). */
  update(scope: TenantScope, owner: Owner): Promise<boolean>
  /** One page of the tenant's owners matching `filter`, sorted by page.sortBy then id. */
  list(scope: TenantScope, filter: OwnerFilter, page: PageRequest<OwnerSortField>): Promise<Page<Owner>>
  /** Cross-tenant, superadmin only: like BuildingRepository.listAcrossTenants, for owners. */
  listAcrossTenants(filter: OwnerFilter, page: PageRequest<OwnerSortField>): Promise<Page<Owner>>
  /** Cross-tenant, superadmin only: the organization owning this owner record, or null if none has it. */
  organizationOf(id: string): Promise<string | null>
}

/** Ownership rows are history: they are inserted and ended (updated), never deleted. */
export interface UnitOwnershipRepository {
  /** Inserts a new row (version 1). */
  insert(scope: TenantScope, ownership: UnitOwnership): Promise<void>
  /** Writes only when the stored version equals `ownership.version - 1`; false otherwise. */
  update(scope: TenantScope, ownership: UnitOwnership): Promise<boolean>
  /** The unit's open links (endDate null); callers hold the unit's lock when they mean to change them. */
  listActiveForUnit(scope: TenantScope, unitId: string): Promise<readonly UnitOwnership[]>
  /** The links of these units (history included), for views "on a date"; one query. */
  listForUnits(scope: TenantScope, unitIds: readonly string[]): Promise<readonly UnitOwnership[]>
  /** The unit's representative designations (who votes, who receives calls), any order. */
  listRepresentations(scope: TenantScope, unitId: string): Promise<readonly UnitRepresentation[]>
  /** Inserts the designation, or replaces the one of the same unit and start date (version + 1). */
  saveRepresentation(scope: TenantScope, representation: UnitRepresentation): Promise<UnitRepresentation>
  /** The unit's links, ended ones too when includeEnded; ordered by startDate, then ownerId. */
  listForUnit(
    scope: TenantScope,
    unitId: string,
    options: { readonly includeEnded: boolean },
  ): Promise<readonly UnitOwnership[]>
  /** The owner's links across units, ended ones too when includeEnded; ordered by startDate, then unitId. */
  listForOwner(
    scope: TenantScope,
    ownerId: string,
    options: { readonly includeEnded: boolean },
  ): Promise<readonly UnitOwnership[]>
  /** Whether any link, active or ended, ever existed for this unit (such a unit cannot be deleted). */
  hasOwnershipHistory(scope: TenantScope, unitId: string): Promise<boolean>
}

/** The property context's own repositories (its ports bundle). */
export type PropertyPorts = {
  readonly buildings: BuildingRepository
  readonly units: UnitRepository
  readonly owners: OwnerRepository
  readonly unitOwnerships: UnitOwnershipRepository
  /** Quote-parts held on a date (quote-parts.ts), the service finance and assemblies read. */
  readonly quoteParts: QuotePartsReader
}

/**
 * What other contexts may read of property, through property/index.ts: buildings (to check one
 * exists in the tenant, and which an owner holds a lot in), an owner's record and lots, and the
 * quote-parts held on a date. Never a write.
 */
export type PropertyQueries = {
  readonly buildings: Pick<BuildingRepository, 'findById' | 'organizationOf' | 'list'>
  readonly units: Pick<UnitRepository, 'count' | 'list' | 'findById'>
  readonly owners: Pick<OwnerRepository, 'findByUserId' | 'findById' | 'organizationOf'>
  readonly unitOwnerships: Pick<UnitOwnershipRepository, 'listForUnit' | 'listForUnits'>
  readonly quoteParts: QuotePartsReader
}

/** What the property use cases see in a transaction. */
export type PropertyRepos = SharedPorts & {
  readonly property: PropertyPorts
  readonly identity: IdentityQueries
}
export type PropertyContext = ActorContext<PropertyRepos>
