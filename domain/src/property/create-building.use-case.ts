import type { ActorContext } from '../context.ts'
import { reservePlanCapacity } from '../identity/plan-limits.ts'
import { ok, type Result } from '../shared/result.ts'
import { type Building, type BuildingFields, validateBuilding } from './building.entity.ts'
import {
  auditEntry,
  checkTenantExists,
  requireWrite,
  scopeFor,
  type TenantOption,
} from './property-access.ts'

export type CreateBuildingInput = BuildingFields & TenantOption

export async function createBuilding(
  ctx: ActorContext,
  input: CreateBuildingInput,
): Promise<Result<Building>> {
  const allowed = requireWrite(ctx.actor)
  if (!allowed.ok) return allowed
  const scope = scopeFor(ctx.actor, input.organizationId)
  if (!scope.ok) return scope
  const now = ctx.clock.now()
  const valid = validateBuilding(input, now.getUTCFullYear())
  if (!valid.ok) return valid
  const tenant = await checkTenantExists(ctx, scope.value)
  if (!tenant.ok) return tenant
  const building: Building = {
    id: ctx.ids.next(),
    organizationId: scope.value.organizationId,
    ...valid.value,
    version: 1,
    createdAt: now,
    updatedAt: now,
  }
  return ctx.transaction(async (repos) => {
    // Under the organization's row lock: concurrent creates cannot overshoot the plan.
    const capacity = await reservePlanCapacity(repos, scope.value.organizationId, 'buildings')
    if (!capacity.ok) return capacity
    await repos.buildings.insert(scope.value, building)
    await repos.audit.record(auditEntry(ctx, scope.value, 'building.create', 'building', building.id))
    return ok(building)
  })
}
