import { requirePermission, scopeFor, type TenantOption } from '../access/index.ts'
import type { UseCaseCall } from '../context.ts'
import { DomainErrors } from '../shared/domain-error.ts'
import { err, ok, type Result } from '../shared/result.ts'
import { recordEvent } from '../shared/unit-of-work.ts'
import { type Building, type BuildingFields, validateBuilding } from './building.entity.ts'
import type { PropertyContext } from './property.ports.ts'

export type CreateBuildingInput = BuildingFields & TenantOption

export async function createBuilding({
  ctx,
  input,
}: UseCaseCall<PropertyContext, CreateBuildingInput>): Promise<Result<Building>> {
  const allowed = requirePermission(ctx.actor, 'property:write')
  if (!allowed.ok) return allowed
  const scope = scopeFor(ctx.actor, input.organizationId)
  if (!scope.ok) return scope
  const now = ctx.clock.now()
  const valid = validateBuilding(input, now.getUTCFullYear())
  if (!valid.ok) return valid
  // Also the superadmin's check that the named tenant exists.
  const organization = await ctx.repos.identity.organizations.findById(scope.value.organizationId)
  if (!organization) return err(DomainErrors.notFound('Organization'))
  const v = valid.value
  const building: Building = {
    id: ctx.ids.next(),
    organizationId: scope.value.organizationId,
    ...v,
    // The managing organization is the syndic unless the building names another one; copied so
    // the building's responses show the identity its documents will carry (ADR 0018).
    syndicName: v.syndicName ?? organization.name,
    syndicEmail: v.syndicEmail ?? organization.contactEmail,
    syndicPhone: v.syndicPhone ?? organization.contactPhone,
    // Counted by the database from the lots; a new building has none.
    totalUnits: 0,
    version: 1,
    createdAt: now,
    updatedAt: now,
  }
  return ctx.transaction(async (repos) => {
    // The plan's limit is checked by the store in the insert itself, race-safe (the building
    // count is kept on the organization's row and re-checked after any lock wait): no
    // lock-then-count round trips (ADR 0047). At the limit this unit of work ends in Err.
    await repos.property.buildings.insert(scope.value, building)
    await recordEvent(ctx, repos, 'BuildingCreated', scope.value, building.id)
    return ok(building)
  })
}
