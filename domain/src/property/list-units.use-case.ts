import type { ActorContext } from '../context.ts'
import { DomainErrors } from '../shared/domain-error.ts'
import type { Page, PageRequest } from '../shared/ports.ts'
import { err, ok, type Result } from '../shared/result.ts'
import type { TenantScope, UnitFilter, UnitSortField } from './property.ports.ts'
import {
  actorMayReadBuilding,
  listScopeFor,
  readsOrganization,
  scopeForRow,
  type TenantOption,
} from './property-access.ts'
import type { Unit } from './unit.entity.ts'

/** GET /units: organization readers list every unit; an owner lists the units they hold a share of. */
export async function listUnits(
  ctx: ActorContext,
  filter: UnitFilter,
  page: PageRequest<UnitSortField>,
  options: TenantOption = {},
): Promise<Result<Page<Unit>>> {
  const scope = listScopeFor(ctx.actor, options.organizationId)
  if (!scope.ok) return scope
  // A superadmin without an organization filter: every organization's units.
  if (scope.value === null) return ok(await ctx.repos.units.listAcrossTenants(filter, page))
  return listInScope(ctx, scope.value, filter, page)
}

/**
 * GET /buildings/{id}/units: like listUnits within one building, which must exist and be visible
 * to the caller (a 404 otherwise, where listUnits would just answer an empty page).
 */
export async function listBuildingUnits(
  ctx: ActorContext,
  buildingId: string,
  filter: UnitFilter,
  page: PageRequest<UnitSortField>,
): Promise<Result<Page<Unit>>> {
  const scope = await scopeForRow(ctx.actor, 'Building', () => ctx.repos.buildings.organizationOf(buildingId))
  if (!scope.ok) return scope
  if (
    !(await actorMayReadBuilding(ctx.repos, scope.value, ctx.actor, buildingId)) ||
    !(await ctx.repos.buildings.findById(scope.value, buildingId))
  ) {
    return err(DomainErrors.notFound('Building'))
  }
  return listInScope(ctx, scope.value, { ...filter, buildingId }, page)
}

async function listInScope(
  ctx: ActorContext,
  scope: TenantScope,
  filter: UnitFilter,
  page: PageRequest<UnitSortField>,
): Promise<Result<Page<Unit>>> {
  if (readsOrganization(ctx.actor)) return ok(await ctx.repos.units.list(scope, filter, page))
  if (ctx.actor.role !== 'owner') return err(DomainErrors.forbidden())
  return ok(await ctx.repos.units.list(scope, { ...filter, ownedByUserId: ctx.actor.userId }, page))
}
