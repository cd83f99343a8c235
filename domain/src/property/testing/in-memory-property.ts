import type { ActorContext, Repositories } from '../../context.ts'
import type { Actor } from '../../identity/actor.ts'
import type {
  LoginAttemptStore,
  OrganizationRepository,
  RefreshTokenRepository,
  UserRepository,
} from '../../identity/identity.ports.ts'
import type { Organization } from '../../identity/organization.entity.ts'
import type { PasswordLinkRepository } from '../../identity/password-link.ts'
import { checkPlanLimit } from '../../identity/plan-limits.ts'
import type { Role } from '../../identity/role.value-object.ts'
import type { User } from '../../identity/user.entity.ts'
import type { AuditEntry } from '../../shared/audit.ts'
import { DomainErrors } from '../../shared/domain-error.ts'
import type { Page, PageRequest } from '../../shared/ports.ts'
import type { Result } from '../../shared/result.ts'
import { StoreRefused } from '../../shared/store-refused.ts'
import type { Building } from '../building.entity.ts'
import { type CalendarDate, todayOf } from '../calendar-date.value-object.ts'
import { quotaExceedsTotal, unitNumberTaken } from '../create-unit.use-case.ts'
import type { Owner } from '../owner.entity.ts'
import { holdsOnDate } from '../ownership-timeline.ts'
import type {
  BuildingFilter,
  BuildingRepository,
  BuildingSortField,
  OwnerFilter,
  OwnerRepository,
  OwnerSortField,
  TenantScope,
  UnitFilter,
  UnitOwnershipRepository,
  UnitRepository,
  UnitSortField,
} from '../property.ports.ts'
import type { QuotePartsReader } from '../quote-parts.ts'
import type { Unit } from '../unit.entity.ts'
import type { UnitOwnership } from '../unit-ownership.entity.ts'
import type { UnitRepresentation } from '../unit-representation.entity.ts'

/**
 * In-memory stand-ins for the property ports, for domain tests only. They follow the port
 * contracts literally (tenant filter on every call, conditional updates on version) so a use case
 * that passes here fails only for adapter reasons against Postgres. The transaction snapshots the
 * whole store and restores it on an Err or a throw, like a rollback.
 */
type State = {
  buildings: Map<string, Building>
  units: Map<string, Unit>
  owners: Map<string, Owner>
  ownerships: Map<string, UnitOwnership>
  representations: Map<string, UnitRepresentation>
  users: Map<string, User>
  organizations: Map<string, Organization>
  audit: AuditEntry[]
}

export class InMemoryPropertyStore {
  state: State = {
    buildings: new Map(),
    units: new Map(),
    owners: new Map(),
    ownerships: new Map(),
    representations: new Map(),
    users: new Map(),
    organizations: new Map(),
    audit: [],
  }
  /** Every lockById call, as 'building:<id>' or 'unit:<id>', so tests can check the locking contract. */
  locks: string[] = []
  /** Building ids that other contexts (expenses, meetings, documents) refer to. */
  linkedBuildings = new Set<string>()
  now = new Date('2026-03-15T10:00:00.000Z')
  private seq = 0

  nextId(): string {
    this.seq += 1
    return `00000000-0000-4000-8000-${this.seq.toString().padStart(12, '0')}`
  }

  snapshot(): State {
    const s = this.state
    return {
      buildings: new Map(s.buildings),
      units: new Map(s.units),
      owners: new Map(s.owners),
      ownerships: new Map(s.ownerships),
      representations: new Map(s.representations),
      users: new Map(s.users),
      organizations: new Map(s.organizations),
      audit: [...s.audit],
    }
  }

  restore(state: State): void {
    this.state = state
  }

  addOrganization(id: string): void {
    const org: Organization = {
      id,
      name: `Org ${id}`,
      slug: `org-${id}`,
      contactEmail: `contact@${id}.test`,
      contactPhone: null,
      subscriptionPlan: 'Professional',
      maxBuildings: 20,
      maxUsers: 50,
      isActive: true,
      version: 1,
      createdAt: this.now,
      updatedAt: this.now,
    }
    this.state.organizations.set(id, org)
  }

  addUser(id: string, role: Role, organizationId: string | null): User {
    const user: User = {
      id,
      email: `${id}@users.test`,
      firstName: 'Test',
      lastName: role,
      role,
      organizationId,
      isActive: true,
      passwordHash: 'x',
      sessionEpoch: 0,
      version: 1,
      createdAt: this.now,
      updatedAt: this.now,
    }
    this.state.users.set(id, user)
    return user
  }

  repositories(): Repositories {
    return {
      // Other contexts' repositories: typed but absent, so new ones added to Repositories by other
      // contexts do not break these fakes, and a stray call fails loudly.
      ...unused<Omit<Repositories, PropertyAndIdentityRepositories>>(),
      property: {
        buildings: buildingRepository(this),
        units: unitRepository(this),
        owners: ownerRepository(this),
        unitOwnerships: unitOwnershipRepository(this),
        quoteParts: unused<QuotePartsReader>(),
      },
      identity: {
        users: userRepository(this),
        organizations: organizationRepository(this),
        refreshTokens: unused<RefreshTokenRepository>(),
        loginAttempts: unused<LoginAttemptStore>(),
        passwordLinks: unused<PasswordLinkRepository>(),
      },
      audit: { record: async (entry) => void this.state.audit.push(entry) },
    }
  }

  /** An ActorContext over this store; passwords, sessions and settings are not used by property. */
  context(actor: Actor, requestId = 'req-test'): ActorContext {
    const repos = this.repositories()
    return {
      ...unused<Omit<ActorContext, 'actor' | 'requestId' | 'clock' | 'ids' | 'repos' | 'transaction'>>(),
      actor,
      requestId,
      clock: { now: () => this.now },
      ids: { next: () => this.nextId() },
      repos,
      transaction: async <T>(work: (r: Repositories) => Promise<Result<T>>): Promise<Result<T>> => {
        const before = this.snapshot()
        try {
          const result = await work(repos)
          if (!result.ok) this.restore(before)
          return result
        } catch (e) {
          this.restore(before)
          // The store's own refusals (the Postgres adapter's counted limits) answer as Err.
          if (e instanceof StoreRefused) return { ok: false, error: e.domainError }
          throw e
        }
      },
    }
  }
}

export function actorOf(role: Role, organizationId: string | null, userId = `${role}-user`): Actor {
  return { userId, email: `${userId}@users.test`, role, organizationId }
}

type PropertyAndIdentityRepositories = 'property' | 'identity' | 'audit'

/**
 * A port the property use cases never call, typed as T: any method call is a test failure.
 * Spread into an object it contributes nothing, so spread members must be set explicitly after.
 * `then` stays undefined so the proxy is never mistaken for a promise.
 */
function unused<T extends object>(): T {
  return new Proxy({} as T, {
    get: (_t, prop) =>
      prop === 'then'
        ? undefined
        : () => {
            throw new Error(`unexpected call to ${String(prop)}`)
          },
  })
}

function inScope<T extends { organizationId: string }>(scope: TenantScope, row: T | undefined): T | null {
  return row && row.organizationId === scope.organizationId ? row : null
}

function rows<T extends { organizationId: string }>(map: Map<string, T>, scope: TenantScope): T[] {
  return [...map.values()].filter((r) => r.organizationId === scope.organizationId)
}

function conditionalUpdate<T extends { id: string; organizationId: string; version: number }>(
  map: Map<string, T>,
  scope: TenantScope,
  next: T,
): boolean {
  const stored = inScope(scope, map.get(next.id))
  if (!stored || stored.version !== next.version - 1 || next.organizationId !== scope.organizationId)
    return false
  map.set(next.id, next)
  return true
}

function conditionalDelete<T extends { organizationId: string; version: number }>(
  map: Map<string, T>,
  scope: TenantScope,
  id: string,
  version: number,
): boolean {
  const stored = inScope(scope, map.get(id))
  if (!stored || stored.version !== version) return false
  map.delete(id)
  return true
}

function insertRow<T extends { id: string; organizationId: string }>(
  map: Map<string, T>,
  scope: TenantScope,
  row: T,
): void {
  if (row.organizationId !== scope.organizationId) throw new Error('row outside scope')
  if (map.has(row.id)) throw new Error(`duplicate id ${row.id}`)
  map.set(row.id, row)
}

type Sortable = string | number | null

function paginate<T extends { id: string }, S extends string>(
  items: T[],
  page: PageRequest<S>,
  key: (item: T, field: S) => Sortable,
): Page<T> {
  const dir = page.order === 'desc' ? -1 : 1
  const sorted = [...items].sort((a, b) => {
    const x = key(a, page.sortBy)
    const y = key(b, page.sortBy)
    if (x !== y) {
      if (x === null) return 1
      if (y === null) return -1
      return (x < y ? -1 : 1) * dir
    }
    return a.id < b.id ? -1 : a.id > b.id ? 1 : 0
  })
  const start = (page.page - 1) * page.perPage
  return { items: sorted.slice(start, start + page.perPage), total: items.length }
}

/**
 * A cross-tenant page: every tenant's matching rows grouped by organization, newest (greatest id)
 * first, then sorted as `paginate` does within each organization.
 */
function paginateAcrossTenants<T extends { id: string; organizationId: string }, S extends string>(
  items: T[],
  page: PageRequest<S>,
  key: (item: T, field: S) => Sortable,
  matches: (scope: TenantScope, item: T) => boolean,
): Page<T> {
  const organizations = [...new Set(items.map((i) => i.organizationId))].sort().reverse()
  const grouped = organizations.flatMap((organizationId) => {
    const scope = { organizationId }
    const all = { page: 1, perPage: Number.MAX_SAFE_INTEGER, sortBy: page.sortBy, order: page.order }
    return paginate(
      items.filter((i) => i.organizationId === organizationId && matches(scope, i)),
      all,
      key,
    ).items
  })
  const start = (page.page - 1) * page.perPage
  return { items: grouped.slice(start, start + page.perPage), total: grouped.length }
}

function activeOwnerIdsOfUser(store: InMemoryPropertyStore, scope: TenantScope, userId: string): Set<string> {
  return new Set(
    rows(store.state.owners, scope)
      .filter((o) => o.userId === userId)
      .map((o) => o.id),
  )
}

function unitsOwnedByUser(
  store: InMemoryPropertyStore,
  scope: TenantScope,
  userId: string,
  onDate: CalendarDate = todayOf({ now: () => store.now }),
): Set<string> {
  const ownerIds = activeOwnerIdsOfUser(store, scope, userId)
  return new Set(
    rows(store.state.ownerships, scope)
      .filter((l) => (l.endDate === null || l.endDate > onDate) && ownerIds.has(l.ownerId))
      .map((l) => l.unitId),
  )
}

function buildingMatches(
  store: InMemoryPropertyStore,
  scope: TenantScope,
  b: Building,
  f: BuildingFilter,
): boolean {
  if (f.city !== undefined && b.city.toLowerCase() !== f.city.toLowerCase()) return false
  if (f.constructionYear !== undefined && b.constructionYear !== f.constructionYear) return false
  if (f.minUnits !== undefined && b.totalUnits < f.minUnits) return false
  if (f.maxUnits !== undefined && b.totalUnits > f.maxUnits) return false
  if (f.ids !== undefined && !f.ids.includes(b.id)) return false
  if (f.ownedByUserId !== undefined) {
    const owned = unitsOwnedByUser(store, scope, f.ownedByUserId)
    if (!rows(store.state.units, scope).some((u) => u.buildingId === b.id && owned.has(u.id))) return false
  }
  return true
}

function unitMatches(store: InMemoryPropertyStore, scope: TenantScope, u: Unit, f: UnitFilter): boolean {
  if (f.buildingId !== undefined && u.buildingId !== f.buildingId) return false
  if (f.unitType !== undefined && u.unitType !== f.unitType) return false
  if (f.hasOwner !== undefined) {
    const day = f.onDate ?? todayOf({ now: () => store.now })
    const held = rows(store.state.ownerships, scope).some((l) => l.unitId === u.id && holdsOnDate(l, day))
    if (held !== f.hasOwner) return false
  }
  if (f.floor !== undefined && u.floor !== f.floor) return false
  if (f.minArea !== undefined && u.surfaceArea < f.minArea) return false
  if (f.maxArea !== undefined && u.surfaceArea > f.maxArea) return false
  if (f.ownedByUserId !== undefined && !unitsOwnedByUser(store, scope, f.ownedByUserId, f.ownedOn).has(u.id))
    return false
  return true
}

function ownerMatches(o: Owner, f: OwnerFilter): boolean {
  const contains = (value: string, part: string | undefined) =>
    part === undefined || value.toLowerCase().includes(part.toLowerCase())
  if (f.userId !== undefined && o.userId !== f.userId) return false
  if (f.email !== undefined && o.email !== f.email) return false
  if (f.phone !== undefined && o.phone !== f.phone) return false
  if (f.enterpriseNumber !== undefined && o.enterpriseNumber !== f.enterpriseNumber) return false
  if (f.ownerType !== undefined && o.ownerType !== f.ownerType) return false
  if (f.preferredLanguage !== undefined && o.preferredLanguage !== f.preferredLanguage) return false
  if (f.emailConsent !== undefined && o.emailConsent !== f.emailConsent) return false
  if (f.hasEmail !== undefined && (o.email !== null) !== f.hasEmail) return false
  const has = (value: string | null, part: string | undefined) =>
    part === undefined || (value !== null && contains(value, part))
  return has(o.lastName, f.lastName) && has(o.firstName, f.firstName) && has(o.companyName, f.companyName)
}

const buildingKey = (b: Building, field: BuildingSortField): Sortable =>
  ({
    name: b.name,
    city: b.city,
    created_at: b.createdAt.getTime(),
    construction_year: b.constructionYear,
    total_units: b.totalUnits,
  })[field]

const unitKey = (u: Unit, field: UnitSortField): Sortable =>
  ({
    unit_number: u.unitNumber,
    floor: u.floor,
    surface_area: u.surfaceArea,
    quota: u.quota,
    unit_type: u.unitType,
    created_at: u.createdAt.getTime(),
  })[field]

const ownerKey = (o: Owner, field: OwnerSortField): Sortable =>
  ({
    // Like the owners.sort_name column: a company sorts by its name among the persons.
    last_name: o.lastName ?? o.companyName,
    first_name: o.firstName,
    email: o.email,
    city: o.city,
    created_at: o.createdAt.getTime(),
  })[field]

function buildingRepository(store: InMemoryPropertyStore): BuildingRepository {
  // Like the database trigger (migration 0008): the stored totalUnits is never the writer's, it
  // is the number of the building's lots at read time.
  const counted = (b: Building | undefined): Building | undefined =>
    b && {
      ...b,
      totalUnits: [...store.state.units.values()].filter((u) => u.buildingId === b.id).length,
    }
  const map = () => new Map([...store.state.buildings].map(([id, b]) => [id, counted(b) as Building]))
  return {
    findById: async (scope, id) => inScope(scope, map().get(id)),
    lockById: async (scope, id) => {
      store.locks.push(`building:${id}`)
      return inScope(scope, map().get(id))
    },
    // The plan's building limit, checked with the insert as the Postgres adapter does (ADR 0047).
    insert: async (scope, b) => {
      const org = store.state.organizations.get(scope.organizationId)
      const count = [...store.state.buildings.values()].filter(
        (x) => x.organizationId === scope.organizationId,
      ).length
      const room = org ? checkPlanLimit(org, 'buildings', count) : null
      if (room && !room.ok) throw new StoreRefused(room.error)
      insertRow(store.state.buildings, scope, b)
    },
    update: async (scope, b) => conditionalUpdate(store.state.buildings, scope, b),
    delete: async (scope, id, version) => conditionalDelete(store.state.buildings, scope, id, version),
    // Expenses, meetings and documents are other contexts' rows; tests name the ids that have them.
    hasLinkedRecords: async (scope, id) =>
      inScope(scope, map().get(id)) !== null && store.linkedBuildings.has(id),
    list: async (scope, filter, page) =>
      paginate(
        rows(map(), scope).filter((b) => buildingMatches(store, scope, b, filter)),
        page,
        buildingKey,
      ),
    listAcrossTenants: async (filter, page) =>
      paginateAcrossTenants([...map().values()], page, buildingKey, (scope, b) =>
        buildingMatches(store, scope, b, filter),
      ),
    organizationOf: async (id) => map().get(id)?.organizationId ?? null,
  }
}

function unitRepository(store: InMemoryPropertyStore): UnitRepository {
  const map = () => store.state.units
  return {
    findById: async (scope, id) => inScope(scope, map().get(id)),
    lockById: async (scope, id) => {
      store.locks.push(`unit:${id}`)
      return inScope(scope, map().get(id))
    },
    // Building, unit number and quota room, checked with the insert as the Postgres adapter does.
    insert: async (scope, u) => {
      const building = inScope(scope, store.state.buildings.get(u.buildingId))
      if (!building) throw new StoreRefused(DomainErrors.notFound('Building'))
      const siblings = rows(map(), scope).filter((x) => x.buildingId === u.buildingId)
      if (siblings.some((x) => x.unitNumber === u.unitNumber)) throw new StoreRefused(unitNumberTaken())
      const used = siblings.reduce((sum, x) => sum + x.quota, 0)
      if (used + u.quota > building.totalTantiemes) {
        throw new StoreRefused(quotaExceedsTotal(u.quota, used, building.totalTantiemes))
      }
      insertRow(map(), scope, u)
    },
    update: async (scope, u) => conditionalUpdate(map(), scope, u),
    delete: async (scope, id, version) => conditionalDelete(map(), scope, id, version),
    list: async (scope, filter, page) =>
      paginate(
        rows(map(), scope).filter((u) => unitMatches(store, scope, u, filter)),
        page,
        unitKey,
      ),
    listAcrossTenants: async (filter, page) =>
      paginateAcrossTenants([...map().values()], page, unitKey, (scope, u) =>
        unitMatches(store, scope, u, filter),
      ),
    count: async (scope, filter) =>
      rows(map(), scope).filter((u) => unitMatches(store, scope, u, filter)).length,
    sumQuotas: async (scope, buildingId, excludeUnitId) =>
      rows(map(), scope)
        .filter((u) => u.buildingId === buildingId && u.id !== excludeUnitId)
        .reduce((sum, u) => sum + u.quota, 0),
    unitNumberTaken: async (scope, buildingId, unitNumber, excludeUnitId) =>
      rows(map(), scope).some(
        (u) => u.buildingId === buildingId && u.unitNumber === unitNumber && u.id !== excludeUnitId,
      ),
    organizationOf: async (id) => map().get(id)?.organizationId ?? null,
  }
}

function ownerRepository(store: InMemoryPropertyStore): OwnerRepository {
  const map = () => store.state.owners
  return {
    findById: async (scope, id) => inScope(scope, map().get(id)),
    findByUserId: async (scope, userId) => rows(map(), scope).find((o) => o.userId === userId) ?? null,
    emailTaken: async (scope, email, excludeOwnerId) =>
      rows(map(), scope).some((o) => o.email === email && o.id !== excludeOwnerId),
    insert: async (scope, o) => insertRow(map(), scope, o),
    update: async (scope, o) => conditionalUpdate(map(), scope, o),
    list: async (scope, filter, page) =>
      paginate(
        rows(map(), scope).filter((o) => ownerMatches(o, filter)),
        page,
        ownerKey,
      ),
    listAcrossTenants: async (filter, page) =>
      paginateAcrossTenants([...map().values()], page, ownerKey, (_scope, o) => ownerMatches(o, filter)),
    organizationOf: async (id) => map().get(id)?.organizationId ?? null,
  }
}

function byStartThen(key: 'ownerId' | 'unitId') {
  return (a: UnitOwnership, b: UnitOwnership) =>
    a.startDate < b.startDate
      ? -1
      : a.startDate > b.startDate
        ? 1
        : a[key] < b[key]
          ? -1
          : a[key] > b[key]
            ? 1
            : 0
}

function unitOwnershipRepository(store: InMemoryPropertyStore): UnitOwnershipRepository {
  const map = () => store.state.ownerships
  return {
    insert: async (scope, l) => insertRow(map(), scope, l),
    update: async (scope, l) => conditionalUpdate(map(), scope, l),
    listActiveForUnit: async (scope, unitId) =>
      rows(map(), scope)
        .filter((l) => l.unitId === unitId && l.endDate === null)
        .sort(byStartThen('ownerId')),
    listForUnits: async (scope, unitIds) =>
      rows(map(), scope)
        .filter((l) => unitIds.includes(l.unitId))
        .sort(byStartThen('ownerId')),
    listRepresentations: async (scope, unitId) =>
      rows(store.state.representations, scope).filter((r) => r.unitId === unitId),
    saveRepresentation: async (scope, r) => {
      const same = rows(store.state.representations, scope).find(
        (x) => x.unitId === r.unitId && x.startDate === r.startDate,
      )
      const saved = same ? { ...r, id: same.id, version: same.version + 1, createdAt: same.createdAt } : r
      store.state.representations.set(saved.id, saved)
      return saved
    },
    listForUnit: async (scope, unitId, { includeEnded }) =>
      rows(map(), scope)
        .filter((l) => l.unitId === unitId && (includeEnded || l.endDate === null))
        .sort(byStartThen('ownerId')),
    listForOwner: async (scope, ownerId, { includeEnded }) =>
      rows(map(), scope)
        .filter((l) => l.ownerId === ownerId && (includeEnded || l.endDate === null))
        .sort(byStartThen('unitId')),
    hasOwnershipHistory: async (scope, unitId) => rows(map(), scope).some((l) => l.unitId === unitId),
  }
}

function userRepository(store: InMemoryPropertyStore): UserRepository {
  const map = () => store.state.users
  return {
    findByEmail: async (email) => [...map().values()].find((u) => u.email === email) ?? null,
    findById: async (id) => map().get(id) ?? null,
    insert: async (u) => void map().set(u.id, u),
    update: async (u) => {
      const stored = map().get(u.id)
      if (!stored || stored.version !== u.version - 1) return false
      map().set(u.id, u)
      return true
    },
    list: async () => {
      throw new Error('unexpected call to users.list')
    },
  }
}

function organizationRepository(store: InMemoryPropertyStore): OrganizationRepository {
  const map = () => store.state.organizations
  return {
    findById: async (id) => map().get(id) ?? null,
    slugTaken: async (slug) => [...map().values()].some((o) => o.slug === slug),
    insert: async (o) => void map().set(o.id, o),
    update: async (o) => {
      const stored = map().get(o.id)
      if (!stored || stored.version !== o.version - 1) return false
      map().set(o.id, o)
      return true
    },
    // One writer at a time in memory: the lock has nothing to serialise.
    lockForPlanCheck: async (id) => map().get(id) ?? null,
    countRows: async (id, resource) =>
      [...(resource === 'buildings' ? store.state.buildings : store.state.users).values()].filter(
        (r) => r.organizationId === id,
      ).length,
    list: async () => {
      throw new Error('unexpected call to organizations.list')
    },
  }
}
