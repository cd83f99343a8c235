import { requirePermission, scopeForRow } from '../access/index.ts'
import type { UseCaseCall } from '../context.ts'
import { DomainErrors } from '../shared/domain-error.ts'
import { stripUndefined } from '../shared/object.ts'
import { err, ok, type Result } from '../shared/result.ts'
import { recordEvent } from '../shared/unit-of-work.ts'
import { checkVersion } from '../shared/versioning.ts'
import { checkQuotaRoom, unitNumberTaken } from './create-unit.use-case.ts'
import type { PropertyContext } from './property.ports.ts'
import { type Unit, type UnitFields, validateUnit } from './unit.entity.ts'

/** A unit stays in its building; owner_id changes only through the ownership use cases. */
export type UpdateUnitInput = Partial<UnitFields>

export async function updateUnit({
  ctx,
  input: { id, changes, expectedVersion },
}: UseCaseCall<
  PropertyContext,
  { readonly id: string; readonly changes: UpdateUnitInput; readonly expectedVersion: number | undefined }
>): Promise<Result<Unit>> {
  const allowed = requirePermission(ctx.actor, 'property:write')
  if (!allowed.ok) return allowed
  const scope = await scopeForRow(ctx.actor, 'Unit', () => ctx.repos.property.units.organizationOf(id))
  if (!scope.ok) return scope
  const now = ctx.clock.now()
  return ctx.transaction(async (repos) => {
    const current = await repos.property.units.findById(scope.value, id)
    if (!current) return err(DomainErrors.notFound('Unit'))
    const fresh = checkVersion('Unit', current.version, expectedVersion)
    if (!fresh.ok) return fresh
    const valid = validateUnit({ ...current, ...stripUndefined(changes) })
    if (!valid.ok) return valid
    if (
      valid.value.unitNumber !== current.unitNumber &&
      (await repos.property.units.unitNumberTaken(
        scope.value,
        current.buildingId,
        valid.value.unitNumber,
        id,
      ))
    ) {
      return err(unitNumberTaken())
    }
    if (valid.value.quota !== current.quota) {
      // Same lock as unit creation: quota changes of one building happen one at a time.
      const building = await repos.property.buildings.lockById(scope.value, current.buildingId)
      if (!building) return err(DomainErrors.notFound('Building'))
      const room = await checkQuotaRoom(repos, scope.value, building, valid.value.quota, id)
      if (!room.ok) return room
    }
    const next: Unit = { ...current, ...valid.value, version: current.version + 1, updatedAt: now }
    if (!(await repos.property.units.update(scope.value, next))) {
      return err(DomainErrors.versionConflict('Unit', next.version))
    }
    await recordEvent(ctx, repos, 'UnitUpdated', scope.value, id, {
      fields: Object.keys(stripUndefined(changes)),
    })
    return ok(next)
  })
}
