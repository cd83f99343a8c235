import type { ActorContext } from '../context.ts'
import { can, type Permission } from '../identity/index.ts'
import type { PropertyQueries, TenantScope } from '../property/index.ts'
import { DomainErrors } from '../shared/domain-error.ts'
import { MAX_PER_PAGE } from '../shared/ports.ts'
import { err, ok, type Result } from '../shared/result.ts'
import type { SharedPorts } from '../shared/shared-ports.ts'

/**
 * How far an actor's reads of building-bound records (meetings, documents) reach:
 * - platform: a superadmin, every tenant (rows are looked up through `organizationOf`);
 * - organization: syndic and accountant, every building of their firm;
 * - owner: an owner-role user, only buildings where their owner record holds an active unit;
 * - none: anyone else (an owner without organization), who sees nothing.
 */
export type ReadAccess =
  | { readonly kind: 'platform' }
  | { readonly kind: 'organization'; readonly scope: TenantScope }
  | { readonly kind: 'owner'; readonly scope: TenantScope; readonly userId: string }
  | { readonly kind: 'none' }

/** Any context whose repositories include property's queries (buildings an owner holds a lot in). */
export type ReaderContext = ActorContext<SharedPorts & { readonly property: PropertyQueries }>

export function readAccessOf(ctx: ReaderContext): ReadAccess {
  const { actor } = ctx
  if (can(actor, 'platform:manage')) return { kind: 'platform' }
  if (actor.organizationId === null) return { kind: 'none' }
  const scope = { organizationId: actor.organizationId }
  if (can(actor, 'organization:read')) return { kind: 'organization', scope }
  if (actor.role === 'owner') return { kind: 'owner', scope, userId: actor.userId }
  return { kind: 'none' }
}

/** Whether an owner-role reader holds an active unit in `buildingId` (one indexed query). */
export async function ownsUnitIn(
  ctx: ReaderContext,
  access: { readonly scope: TenantScope; readonly userId: string },
  buildingId: string,
): Promise<boolean> {
  const found = await ctx.repos.property.buildings.list(
    access.scope,
    { ids: [buildingId], ownedByUserId: access.userId },
    { page: 1, perPage: 1, sortBy: 'created_at', order: 'asc' },
  )
  return found.total > 0
}

/** Every building where an owner-role reader holds an active unit (usually one or two). */
export async function ownedBuildingIds(
  ctx: ReaderContext,
  access: { readonly scope: TenantScope; readonly userId: string },
): Promise<readonly string[]> {
  const ids: string[] = []
  for (let page = 1; ; page++) {
    const batch = await ctx.repos.property.buildings.list(
      access.scope,
      { ownedByUserId: access.userId },
      { page, perPage: MAX_PER_PAGE, sortBy: 'created_at', order: 'asc' },
    )
    ids.push(...batch.items.map((b) => b.id))
    if (batch.items.length === 0 || ids.length >= batch.total) return ids
  }
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
  ctx: ReaderContext,
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
 * Whether a reader may see records of `buildingId` in `scope` (the building must exist there,
 * and an owner must hold a unit in it). Used before listing "the meetings of building X" so a
 * foreign or unknown building is a 404 rather than an empty page.
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
  if (access.kind === 'owner') {
    return (await ownsUnitIn(ctx, access, buildingId)) ? ok(scope) : err(DomainErrors.notFound('Building'))
  }
  return (await ctx.repos.property.buildings.findById(scope, buildingId))
    ? ok(scope)
    : err(DomainErrors.notFound('Building'))
}
