import { requirePermission, scopeForRow } from '../access/index.ts'
import type { UseCaseCall } from '../context.ts'
import { type DomainError, DomainErrors } from '../shared/domain-error.ts'
import { err, ok, type Result } from '../shared/result.ts'
import { recordEvent } from '../shared/unit-of-work.ts'
import type { Building } from './building.entity.ts'
import type { PropertyContext, PropertyRepos, TenantScope } from './property.ports.ts'
import { type Unit, type UnitFields, validateUnit } from './unit.entity.ts'

export type CreateUnitInput = UnitFields & { readonly buildingId: string }

export async function createUnit({
  ctx,
  input,
}: UseCaseCall<PropertyContext, CreateUnitInput>): Promise<Result<Unit>> {
  const allowed = requirePermission(ctx.actor, 'property:write')
  if (!allowed.ok) return allowed
  const valid = validateUnit(input)
  if (!valid.ok) return valid
  const scope = await scopeForRow(ctx.actor, 'Building', () =>
    ctx.repos.property.buildings.organizationOf(input.buildingId),
  )
  if (!scope.ok) return scope
  const now = ctx.clock.now()
  const unit: Unit = {
    id: ctx.ids.next(),
    organizationId: scope.value.organizationId,
    buildingId: input.buildingId,
    ...valid.value,
    ownerId: null,
    version: 1,
    createdAt: now,
    updatedAt: now,
  }
  return ctx.transaction(async (repos) => {
    // The store checks, in the insert itself and race-safe, that the building still exists, that
    // its unit numbers stay unique and that its quotas stay within total_tantiemes (the used
    // tantièmes are kept on the building's row, re-checked after any lock wait): no lock-then-sum
    // round trips (ADR 0047). A refusal ends this unit of work in Err.
    await repos.property.units.insert(scope.value, unit)
    await recordEvent(ctx, repos, 'UnitCreated', scope.value, unit.id, { building_id: unit.buildingId })
    return ok(unit)
  })
}

export function unitNumberTaken(): DomainError {
  return DomainErrors.conflict('unit_number_taken', 'Another unit of this building has this unit number')
}

/**
 * Σ quotas of the building's units (without `excludeUnitId`) + `quota` must stay within
 * total_tantiemes. The caller holds the building's lock.
 */
export async function checkQuotaRoom(
  repos: PropertyRepos,
  scope: TenantScope,
  building: Building,
  quota: number,
  excludeUnitId?: string,
): Promise<Result<null>> {
  const used = await repos.property.units.sumQuotas(scope, building.id, excludeUnitId)
  if (used + quota > building.totalTantiemes)
    return err(quotaExceedsTotal(quota, used, building.totalTantiemes))
  return ok(null)
}

/** `quota` more tantièmes do not fit: `used` of `total` are taken (also the store's refusal). */
export function quotaExceedsTotal(quota: number, used: number, total: number): DomainError {
  return DomainErrors.conflict(
    'quota_exceeds_total',
    `quota ${quota} exceeds the tantièmes left in this building (${total - used} of ${total})`,
    { quota, left: total - used, total },
  )
}
