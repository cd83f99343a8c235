import { requirePermission, scopeForRow } from '../access/index.ts'
import type { UseCaseCall } from '../context.ts'
import { DomainErrors } from '../shared/domain-error.ts'
import { err, ok, type Result } from '../shared/result.ts'
import { recordEvent } from '../shared/unit-of-work.ts'
import { checkVersion } from '../shared/versioning.ts'
import type { PropertyContext } from './property.ports.ts'

/**
 * Only an empty building may go: its units carry quotas and ownership history, and its expenses,
 * meetings and documents are records worth keeping.
 */
export async function deleteBuilding({
  ctx,
  input: { id, expectedVersion },
}: UseCaseCall<
  PropertyContext,
  { readonly id: string; readonly expectedVersion: number | undefined }
>): Promise<Result<null>> {
  const allowed = requirePermission(ctx.actor, 'property:write')
  if (!allowed.ok) return allowed
  const scope = await scopeForRow(ctx.actor, 'Building', () =>
    ctx.repos.property.buildings.organizationOf(id),
  )
  if (!scope.ok) return scope
  return ctx.transaction(async (repos) => {
    // The lock makes a concurrent unit creation wait, so no unit can slip in after the count.
    const current = await repos.property.buildings.lockById(scope.value, id)
    if (!current) return err(DomainErrors.notFound('Building'))
    const fresh = checkVersion('Building', current.version, expectedVersion)
    if (!fresh.ok) return fresh
    if ((await repos.property.units.count(scope.value, { buildingId: id })) > 0) {
      return err(DomainErrors.conflict('building_has_units', 'Delete the units of this building first'))
    }
    // Its accounts (expenses, budgets, distribution keys), minutes and documents are history too:
    // a building that has them stays.
    if (await repos.property.buildings.hasLinkedRecords(scope.value, id)) {
      return err(
        DomainErrors.conflict(
          'building_has_records',
          'This building has expenses, meetings or documents; it is kept',
        ),
      )
    }
    if (!(await repos.property.buildings.delete(scope.value, id, current.version))) {
      return err(DomainErrors.versionConflict('Building', current.version))
    }
    await recordEvent(ctx, repos, 'BuildingDeleted', scope.value, id)
    return ok(null)
  })
}
