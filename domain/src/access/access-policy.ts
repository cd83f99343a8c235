import type { ActorContext } from '../context.ts'
import { type Actor, can, type IdentityQueries, type Permission } from '../identity/index.ts'
import type { Building, CalendarDate, Owner, PropertyQueries, TenantScope } from '../property/index.ts'
import { DomainErrors } from '../shared/domain-error.ts'
import { MAX_PER_PAGE } from '../shared/ports.ts'
import { err, ok, type Result } from '../shared/result.ts'
import type { SharedPorts } from '../shared/shared-ports.ts'

/*
 * The one access policy of the domain (ADR 0022). Two questions were answered four times (property,
 * governance, finance, documents); they are answered here once:
 *  - in which tenant does the actor work on a new row, a list, or an existing row (`scopeFor`,
 *    `listScopeFor`, `scopeForRow`, `readScopeFor`, `writeScopeFor`);
 *  - does an owner-role actor hold a lot in building X (`holdsLotIn`, the only query for it).
 * Anything an owner may not see answers not_found, never forbidden: an owner must not learn which
 * other rows exist.
 */

/** Repositories the policy reads: property's queries only (buildings, owners, links). */
type PropertyReads<K extends keyof PropertyQueries> = { readonly property: Pick<PropertyQueries, K> }

/** For creates and lists: a superadmin (who has no organization) names the tenant explicitly. */
export type TenantOption = { readonly organizationId?: string | null | undefined }

/**
 * The tenant a use case works in. Everyone but a superadmin works in the organization of their
 * token, whatever `organizationId` says (API.md: a body's organization_id is ignored for them).
 */
export function scopeFor(actor: Actor, organizationId?: string | null): Result<TenantScope> {
  if (actor.role === 'superadmin') {
    return organizationId
      ? ok({ organizationId })
      : err(DomainErrors.invalidField('organization_id', 'is required for a superadmin'))
  }
  return actor.organizationId ? ok({ organizationId: actor.organizationId }) : err(DomainErrors.forbidden())
}

/**
 * Where a top-level list reads (issue #20, item 11, one convention for every list): a superadmin
 * without `organizationId` reads every tenant (`null`), with it that one tenant; everyone else
 * reads the organization of their token, whatever they asked.
 */
export function listScopeFor(actor: Actor, organizationId?: string | null): Result<TenantScope | null> {
  if (actor.role === 'superadmin' && !organizationId) return ok(null)
  return scopeFor(actor, organizationId)
}

/**
 * For a use case on one existing row: a superadmin works in that row's tenant, found through the
 * repository's explicit cross-tenant lookup; an unknown id is a 404 for them as for anyone.
 */
export async function scopeForRow(
  actor: Actor,
  entity: string,
  organizationOf: () => Promise<string | null>,
): Promise<Result<TenantScope>> {
  if (actor.role !== 'superadmin') return scopeFor(actor)
  const organizationId = await organizationOf()
  return organizationId ? ok({ organizationId }) : err(DomainErrors.notFound(entity))
}

/** A role without `permission` is refused outright: a 403 reveals nothing about data. */
export function requirePermission(actor: Actor, permission: Permission): Result<null> {
  return can(actor, permission) ? ok(null) : err(DomainErrors.forbidden())
}

/**
 * The buildings an auditor-role actor was granted (`Actor.auditedBuildingIds`, loaded per request),
 * or null for any other role. The one answer to "which buildings does this auditor read"
 * (issue #16 item 5, ADR 0040): every read below and in the use cases goes through it.
 */
export function auditedBuildingsOf(actor: Actor): readonly string[] | null {
  return actor.role === 'auditor' ? (actor.auditedBuildingIds ?? []) : null
}

/** Whether `actor` is an auditor granted `buildingId` (false for every other role). */
export function auditsBuilding(actor: Actor, buildingId: string): boolean {
  return auditedBuildingsOf(actor)?.includes(buildingId) ?? false
}

/**
 * Whether an auditor may see owner `ownerId`: the owner holds or held a lot in a building granted
 * to them (the statements and accounts they check name those owners). False for other roles.
 */
export async function auditorSeesOwner(
  repos: PropertyReads<'quoteParts'>,
  scope: TenantScope,
  actor: Actor,
  ownerId: string,
): Promise<boolean> {
  const audited = auditedBuildingsOf(actor)
  if (!audited || audited.length === 0) return false
  const holdings = await repos.property.quoteParts.listOwnerHoldings(scope, ownerId)
  return holdings.some((h) => audited.includes(h.buildingId))
}

/** Syndics, accountants and superadmins read the whole organization; owners only what is theirs. */
export function readsOrganization(actor: Actor): boolean {
  return can(actor, 'organization:read')
}

/**
 * How far an actor's reads of building-bound records (meetings, documents) reach:
 * - platform: a superadmin, every tenant (rows are looked up through `organizationOf`);
 * - organization: syndic and accountant, every building of their firm;
 * - owner: an owner-role user, only buildings where their owner record holds an active unit;
 * - auditor: the assembly's account auditor, only the buildings granted to them, read-only;
 * - none: anyone else (an owner without organization), who sees nothing.
 */
export type ReadAccess =
  | { readonly kind: 'platform' }
  | { readonly kind: 'organization'; readonly scope: TenantScope }
  | { readonly kind: 'owner'; readonly scope: TenantScope; readonly userId: string }
  | { readonly kind: 'auditor'; readonly scope: TenantScope; readonly buildingIds: readonly string[] }
  | { readonly kind: 'none' }

export function readAccessOf(ctx: { readonly actor: Actor }): ReadAccess {
  const { actor } = ctx
  if (can(actor, 'platform:manage')) return { kind: 'platform' }
  if (actor.organizationId === null) return { kind: 'none' }
  const scope = { organizationId: actor.organizationId }
  if (can(actor, 'organization:read')) return { kind: 'organization', scope }
  if (actor.role === 'owner') return { kind: 'owner', scope, userId: actor.userId }
  const audited = auditedBuildingsOf(actor)
  if (audited) return { kind: 'auditor', scope, buildingIds: audited }
  return { kind: 'none' }
}

/**
 * The tenant scope to read row `id` in, or null when the actor may not see that tenant at all.
 * A superadmin reads any tenant, so the row's own organization is looked up first; everyone else
 * is confined to their organization, where another tenant's row is simply missing.
 */
export async function readScopeFor(
  access: ReadAccess,
  organizationOf: (id: string) => Promise<string | null>,
  id: string,
): Promise<TenantScope | null> {
  switch (access.kind) {
    case 'platform': {
      const organizationId = await organizationOf(id)
      return organizationId === null ? null : { organizationId }
    }
    case 'organization':
    case 'owner':
    case 'auditor':
      return access.scope
    case 'none':
      return null
  }
}

/**
 * The tenant scope in which an actor holding `permission` writes row `id`. A role without the
 * permission is refused outright (403 reveals nothing about data); a row no scope reaches is a
 * 404, exactly like a missing one.
 */
export async function writeScopeFor(
  ctx: { readonly actor: Actor },
  permission: Permission,
  organizationOf: (id: string) => Promise<string | null>,
  id: string,
  entity: string,
): Promise<Result<TenantScope>> {
  if (!can(ctx.actor, permission)) return err(DomainErrors.forbidden())
  const organizationId = can(ctx.actor, 'platform:manage')
    ? await organizationOf(id)
    : ctx.actor.organizationId
  return organizationId === null ? err(DomainErrors.notFound(entity)) : ok({ organizationId })
}

/**
 * Whether the user's owner record holds a link not ended by today on a lot of `buildingId`:
 * the one query behind "an owner sees building X" (a seller until the deed date, a buyer as soon
 * as the sale is recorded).
 */
export async function holdsLotIn(
  repos: PropertyReads<'buildings'>,
  scope: TenantScope,
  userId: string,
  buildingId: string,
): Promise<boolean> {
  const found = await repos.property.buildings.list(
    scope,
    { ids: [buildingId], ownedByUserId: userId },
    { page: 1, perPage: 1, sortBy: 'created_at', order: 'asc' },
  )
  return found.total > 0
}

/** Every building where the user holds a lot (usually one or two). */
export async function ownedBuildingIds(
  repos: PropertyReads<'buildings'>,
  scope: TenantScope,
  userId: string,
): Promise<readonly string[]> {
  const ids: string[] = []
  for (let page = 1; ; page++) {
    const batch = await repos.property.buildings.list(
      scope,
      { ownedByUserId: userId },
      { page, perPage: MAX_PER_PAGE, sortBy: 'created_at', order: 'asc' },
    )
    ids.push(...batch.items.map((b) => b.id))
    if (batch.items.length === 0 || ids.length >= batch.total) return ids
  }
}

/**
 * An owner-role caller may see a building while they hold a lot in it; an auditor the buildings
 * granted to them; organization readers always.
 */
export async function actorMayReadBuilding(
  repos: PropertyReads<'buildings'>,
  scope: TenantScope,
  actor: Actor,
  buildingId: string,
): Promise<boolean> {
  if (readsOrganization(actor)) return true
  if (actor.role === 'auditor') return auditsBuilding(actor, buildingId)
  if (actor.role !== 'owner') return false
  return holdsLotIn(repos, scope, actor.userId, buildingId)
}

/** The owner record linked to the calling user in this tenant, if any. */
export async function ownerRecordOf(
  repos: PropertyReads<'owners'>,
  scope: TenantScope,
  actor: Actor,
): Promise<Owner | null> {
  return repos.property.owners.findByUserId(scope, actor.userId)
}

/**
 * An owner-role caller may see a unit while their owner record holds a link on it that has not
 * ended by `today` (a seller keeps seeing the lot until the deed date; a buyer sees it from the
 * moment the sale is recorded). An auditor sees every unit of the buildings granted to them.
 */
export async function actorMayReadUnit(
  repos: PropertyReads<'owners' | 'unitOwnerships' | 'units'>,
  scope: TenantScope,
  actor: Actor,
  unitId: string,
  today: CalendarDate,
): Promise<boolean> {
  if (readsOrganization(actor)) return true
  if (actor.role === 'auditor') {
    const unit = await repos.property.units.findById(scope, unitId)
    return unit !== null && auditsBuilding(actor, unit.buildingId)
  }
  if (actor.role !== 'owner') return false
  const owner = await ownerRecordOf(repos, scope, actor)
  if (!owner) return false
  const links = await repos.property.unitOwnerships.listForUnit(scope, unitId, { includeEnded: true })
  return links.some((l) => l.ownerId === owner.id && (l.endDate === null || l.endDate > today))
}

/** Any context whose repositories include property's queries. */
export type ReaderContext = ActorContext<SharedPorts & { readonly property: PropertyQueries }>

/**
 * Whether a reader may see records of `buildingId` (the building must exist in the scope, and an
 * owner must hold a lot in it). Used before listing "the meetings of building X" so a foreign or
 * unknown building is a 404 rather than an empty page.
 */
export async function mayReadBuilding(
  ctx: ReaderContext,
  access: ReadAccess,
  buildingId: string,
): Promise<Result<TenantScope>> {
  const scope = await readScopeFor(
    access,
    (id) => ctx.repos.property.buildings.organizationOf(id),
    buildingId,
  )
  if (!scope) return err(DomainErrors.notFound('Building'))
  if (access.kind === 'auditor' && !access.buildingIds.includes(buildingId))
    return err(DomainErrors.notFound('Building'))
  if (access.kind === 'owner') {
    return (await holdsLotIn(ctx.repos, access.scope, access.userId, buildingId))
      ? ok(scope)
      : err(DomainErrors.notFound('Building'))
  }
  return (await ctx.repos.property.buildings.findById(scope, buildingId))
    ? ok(scope)
    : err(DomainErrors.notFound('Building'))
}

/**
 * One building-bound row the actor may read (a meeting, a document): its tenant through the
 * policy, then the row, then for an owner a lot in its building. Missing, foreign and not-owned
 * are the same 404.
 */
export async function findReadableRow<T extends { readonly buildingId: string }>(
  ctx: ReaderContext,
  entity: string,
  id: string,
  rows: {
    readonly organizationOf: (id: string) => Promise<string | null>
    readonly findById: (scope: TenantScope, id: string) => Promise<T | null>
  },
): Promise<Result<T>> {
  const access = readAccessOf(ctx)
  const scope = await readScopeFor(access, rows.organizationOf, id)
  if (!scope) return err(DomainErrors.notFound(entity))
  const row = await rows.findById(scope, id)
  if (!row) return err(DomainErrors.notFound(entity))
  if (access.kind === 'auditor' && !access.buildingIds.includes(row.buildingId))
    return err(DomainErrors.notFound(entity))
  if (
    access.kind === 'owner' &&
    !(await holdsLotIn(ctx.repos, access.scope, access.userId, row.buildingId))
  ) {
    return err(DomainErrors.notFound(entity))
  }
  return ok(row)
}

/**
 * Who reads a building's books, statements and annual accounts (ADR 0031, 0040): the roles holding
 * `finance:write` (syndic, accountant, superadmin) for any building of their scope, and an account
 * auditor (art. 3.91) only for the buildings a syndic granted them (`auditsBuilding`). Also the
 * gate of every other staff-only read of one building (bank statements, reminders). Anyone else is
 * refused (403: owners read their own account); a building outside the reach is a 404, exactly like
 * a missing one — an auditor learns nothing of the other buildings.
 */
export async function booksReadScope(ctx: ReaderContext, buildingId: string): Promise<Result<TenantScope>> {
  const read = await booksReadBuilding(ctx, buildingId)
  return read.ok ? ok(read.value.scope) : read
}

/** `booksReadScope` with the building it had to read anyway, for a reader that needs it. */
export async function booksReadBuilding(
  ctx: ReaderContext,
  buildingId: string,
): Promise<Result<{ readonly scope: TenantScope; readonly building: Building }>> {
  const { actor } = ctx
  let scope: TenantScope
  if (actor.role === 'auditor') {
    if (actor.organizationId === null || !auditsBuilding(actor, buildingId))
      return err(DomainErrors.notFound('Building'))
    scope = { organizationId: actor.organizationId }
  } else {
    const allowed = requirePermission(actor, 'finance:write')
    if (!allowed.ok) return allowed
    const scoped = await scopeForRow(actor, 'Building', () =>
      ctx.repos.property.buildings.organizationOf(buildingId),
    )
    if (!scoped.ok) return scoped
    scope = scoped.value
  }
  const building = await ctx.repos.property.buildings.findById(scope, buildingId)
  return building ? ok({ scope, building }) : err(DomainErrors.notFound('Building'))
}

/** A superadmin may name any tenant, so make sure it exists before writing into it. */
export async function checkTenantExists(
  ctx: ActorContext<SharedPorts & { readonly identity: Pick<IdentityQueries, 'organizations'> }>,
  scope: TenantScope,
): Promise<Result<null>> {
  if (ctx.actor.role !== 'superadmin') return ok(null)
  const org = await ctx.repos.identity.organizations.findById(scope.organizationId)
  return org ? ok(null) : err(DomainErrors.notFound('Organization'))
}
