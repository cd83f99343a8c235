import { auditedBuildingsOf, listScopeFor, readsOrganization, type TenantOption } from '../access/index.ts'
import type { UseCaseCall } from '../context.ts'
import { DomainErrors } from '../shared/domain-error.ts'
import type { Page, PageRequest } from '../shared/ports.ts'
import { err, ok, type Result } from '../shared/result.ts'
import type { Building } from './building.entity.ts'
import type { BuildingFilter, BuildingSortField, PropertyContext } from './property.ports.ts'

/**
 * Organization readers list every building; an owner lists the buildings of their active units; an
 * auditor the buildings granted to them (never the rest of the firm's, nor their count); a
 * superadmin without an organization filter lists every organization's.
 */
export async function listBuildings({
  ctx,
  input: { filter, page, options = {} },
}: UseCaseCall<
  PropertyContext,
  {
    readonly filter: BuildingFilter
    readonly page: PageRequest<BuildingSortField>
    readonly options?: TenantOption | undefined
  }
>): Promise<Result<Page<Building>>> {
  const scope = listScopeFor(ctx.actor, options.organizationId)
  if (!scope.ok) return scope
  if (scope.value === null) return ok(await ctx.repos.property.buildings.listAcrossTenants(filter, page))
  if (readsOrganization(ctx.actor))
    return ok(await ctx.repos.property.buildings.list(scope.value, filter, page))
  const audited = auditedBuildingsOf(ctx.actor)
  if (audited) {
    // `ids` of the query narrows further, never widens (intersection).
    const ids = filter.ids ? audited.filter((id) => filter.ids?.includes(id)) : audited
    return ok(await ctx.repos.property.buildings.list(scope.value, { ...filter, ids }, page))
  }
  if (ctx.actor.role !== 'owner') return err(DomainErrors.forbidden())
  return ok(
    await ctx.repos.property.buildings.list(
      scope.value,
      { ...filter, ownedByUserId: ctx.actor.userId },
      page,
    ),
  )
}
