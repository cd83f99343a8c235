import { requirePermission, scopeForRow } from '../access/index.ts'
import type { UseCaseCall } from '../context.ts'
import { DomainErrors } from '../shared/domain-error.ts'
import { err, ok, type Result } from '../shared/result.ts'
import { recordEvent } from '../shared/unit-of-work.ts'
import { checkVersion } from '../shared/versioning.ts'
import type { PropertyContext } from './property.ports.ts'

/** A unit that ever had an owner is part of the register's history and cannot be deleted. */
export async function deleteUnit({
  ctx,
  input: { id, expectedVersion },
}: UseCaseCall<
  PropertyContext,
  { readonly id: string; readonly expectedVersion: number | undefined }
>): Promise<Result<null>> {
  const allowed = requirePermission(ctx.actor, 'property:write')
  if (!allowed.ok) return allowed
  const scope = await scopeForRow(ctx.actor, 'Unit', () => ctx.repos.property.units.organizationOf(id))
  if (!scope.ok) return scope
  return ctx.transaction(async (repos) => {
    // Locked so that an ownership being added concurrently either lands first (and we refuse)
    // or finds the unit gone.
    const current = await repos.property.units.lockById(scope.value, id)
    if (!current) return err(DomainErrors.notFound('Unit'))
    const fresh = checkVersion('Unit', current.version, expectedVersion)
    if (!fresh.ok) return fresh
    if (await repos.property.unitOwnerships.hasOwnershipHistory(scope.value, id)) {
      return err(
        DomainErrors.conflict('unit_has_ownership_history', 'A unit that has had owners cannot be deleted'),
      )
    }
    if (!(await repos.property.units.delete(scope.value, id, current.version))) {
      return err(DomainErrors.versionConflict('Unit', current.version))
    }
    await recordEvent(ctx, repos, 'UnitDeleted', scope.value, id, { building_id: current.buildingId })
    return ok(null)
  })
}
