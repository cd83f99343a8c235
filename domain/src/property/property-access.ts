import type { Actor } from '../identity/index.ts'
import { can } from '../identity/index.ts'
import type { AuditEntry } from '../shared/audit.ts'
import { DomainErrors } from '../shared/domain-error.ts'
import { err, ok, type Result } from '../shared/result.ts'
import type { CalendarDate } from './calendar-date.value-object.ts'
import type { Owner } from './owner.entity.ts'
import type { PropertyContext, PropertyRepos, TenantScope } from './property.ports.ts'

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

export function requireWrite(actor: Actor): Result<null> {
  return can(actor, 'property:write') ? ok(null) : err(DomainErrors.forbidden())
}

/** Syndics, accountants and superadmins read the whole organization; owners only what is theirs. */
export function readsOrganization(actor: Actor): boolean {
  return can(actor, 'organization:read')
}

/** The owner record linked to the calling user in this tenant, if any. */
export async function ownerRecordOf(
  repos: PropertyRepos,
  scope: TenantScope,
  actor: Actor,
): Promise<Owner | null> {
  return repos.property.owners.findByUserId(scope, actor.userId)
}

/**
 * An owner-role caller may see a unit while their owner record holds a link on it that has not
 * ended by `today` (a seller keeps seeing the lot until the deed date; a buyer sees it from the
 * moment the sale is recorded).
 */
export async function actorMayReadUnit(
  repos: PropertyRepos,
  scope: TenantScope,
  actor: Actor,
  unitId: string,
  today: CalendarDate,
): Promise<boolean> {
  if (readsOrganization(actor)) return true
  if (actor.role !== 'owner') return false
  const owner = await ownerRecordOf(repos, scope, actor)
  if (!owner) return false
  const links = await repos.property.unitOwnerships.listForUnit(scope, unitId, { includeEnded: true })
  return links.some((l) => l.ownerId === owner.id && (l.endDate === null || l.endDate > today))
}

/** An owner-role caller may see a building while they hold an active link on one of its units. */
export async function actorMayReadBuilding(
  repos: PropertyRepos,
  scope: TenantScope,
  actor: Actor,
  buildingId: string,
): Promise<boolean> {
  if (readsOrganization(actor)) return true
  if (actor.role !== 'owner') return false
  return (await repos.property.units.count(scope, { buildingId, ownedByUserId: actor.userId })) > 0
}

/** The one audit record of a property mutation, attributed to the caller and the request. */
export function auditEntry(
  ctx: PropertyContext,
  scope: TenantScope,
  action: string,
  entity: string,
  entityId: string,
  details?: Record<string, unknown>,
): AuditEntry {
  return {
    organizationId: scope.organizationId,
    actorUserId: ctx.actor.userId,
    action,
    entity,
    entityId,
    requestId: ctx.requestId,
    ...(details ? { details } : {}),
  }
}

/** A superadmin may name any tenant, so make sure it exists before writing into it. */
export async function checkTenantExists(ctx: PropertyContext, scope: TenantScope): Promise<Result<null>> {
  if (ctx.actor.role !== 'superadmin') return ok(null)
  const org = await ctx.repos.identity.organizations.findById(scope.organizationId)
  return org ? ok(null) : err(DomainErrors.notFound('Organization'))
}
