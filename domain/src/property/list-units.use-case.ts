import {
  actorMayReadBuilding,
  auditedBuildingsOf,
  listScopeFor,
  readsOrganization,
  scopeForRow,
  type TenantOption,
} from '../access/index.ts'
import type { UseCaseCall } from '../context.ts'
import { DomainErrors } from '../shared/domain-error.ts'
import type { Page, PageRequest } from '../shared/ports.ts'
import { err, ok, type Result } from '../shared/result.ts'
import { parseCalendarDate, todayOf } from './calendar-date.value-object.ts'
import { unitsOn, unitsOnAcrossTenants } from './ownership-views.ts'
import type { PropertyContext, TenantScope, UnitFilter, UnitSortField } from './property.ports.ts'
import type { Unit } from './unit.entity.ts'

/** GET /units: organization readers list every unit; an owner lists the units they hold a share of. */
export async function listUnits({
  ctx,
  input: { filter, page, options = {} },
}: UseCaseCall<
  PropertyContext,
  {
    readonly filter: UnitFilter
    readonly page: PageRequest<UnitSortField>
    readonly options?: (TenantOption & DateOption) | undefined
  }
>): Promise<Result<Page<Unit>>> {
  const scope = listScopeFor(ctx.actor, options.organizationId)
  if (!scope.ok) return scope
  // A superadmin without an organization filter (scope null): every organization's units.
  return listInScope(ctx, scope.value, filter, page, options.date)
}

/** `date` ('YYYY-MM-DD'): the day owner_id and has_owner answer for; today in Brussels by default. */
export type DateOption = { readonly date?: string | undefined }

/**
 * GET /buildings/{id}/units: like listUnits within one building, which must exist and be visible
 * to the caller (a 404 otherwise, where listUnits would just answer an empty page).
 */
export async function listBuildingUnits({
  ctx,
  input: { buildingId, filter, page, options = {} },
}: UseCaseCall<
  PropertyContext,
  {
    readonly buildingId: string
    readonly filter: UnitFilter
    readonly page: PageRequest<UnitSortField>
    readonly options?: DateOption | undefined
  }
>): Promise<Result<Page<Unit>>> {
  const scope = await scopeForRow(ctx.actor, 'Building', () =>
    ctx.repos.property.buildings.organizationOf(buildingId),
  )
  if (!scope.ok) return scope
  if (
    !(await actorMayReadBuilding(ctx.repos, scope.value, ctx.actor, buildingId)) ||
    !(await ctx.repos.property.buildings.findById(scope.value, buildingId))
  ) {
    return err(DomainErrors.notFound('Building'))
  }
  return listInScope(ctx, scope.value, { ...filter, buildingId }, page, options.date)
}

async function listInScope(
  ctx: PropertyContext,
  scope: TenantScope | null,
  filter: UnitFilter,
  page: PageRequest<UnitSortField>,
  rawDate: string | undefined,
): Promise<Result<Page<Unit>>> {
  const today = todayOf(ctx.clock)
  const date = rawDate === undefined ? ok(today) : parseCalendarDate(rawDate, 'date')
  if (!date.ok) return date
  let found: Page<Unit>
  if (scope === null) {
    found = await ctx.repos.property.units.listAcrossTenants({ ...filter, onDate: date.value }, page)
    return ok({ ...found, items: await unitsOnAcrossTenants(ctx.repos, found.items, date.value) })
  }
  if (readsOrganization(ctx.actor)) {
    found = await ctx.repos.property.units.list(scope, { ...filter, onDate: date.value }, page)
  } else if (ctx.actor.role === 'owner') {
    // Visibility is about today (what the owner holds now or is buying); has_owner about `date`.
    const owned = { ...filter, onDate: date.value, ownedByUserId: ctx.actor.userId, ownedOn: today }
    found = await ctx.repos.property.units.list(scope, owned, page)
  } else if (auditedBuildingsOf(ctx.actor)) {
    // An auditor: the units of the buildings granted to them, nothing else of the firm.
    const audited = auditedBuildingsOf(ctx.actor) ?? []
    if (audited.length === 0) return ok({ items: [], total: 0 })
    found = await ctx.repos.property.units.list(
      scope,
      { ...filter, onDate: date.value, buildingIds: audited },
      page,
    )
  } else {
    return err(DomainErrors.forbidden())
  }
  return ok({ ...found, items: await unitsOn(ctx.repos, scope, found.items, date.value) })
}
