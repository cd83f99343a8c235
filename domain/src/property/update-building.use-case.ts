import { requirePermission, scopeForRow } from '../access/index.ts'
import type { UseCaseCall } from '../context.ts'
import { DomainErrors } from '../shared/domain-error.ts'
import { stripUndefined } from '../shared/object.ts'
import { err, ok, type Result } from '../shared/result.ts'
import { recordEvent } from '../shared/unit-of-work.ts'
import { checkVersion } from '../shared/versioning.ts'
import { type Building, type BuildingFields, validateBuilding } from './building.entity.ts'
import type { PropertyContext } from './property.ports.ts'

export type UpdateBuildingInput = Partial<BuildingFields>

export async function updateBuilding({
  ctx,
  input: { id, changes, expectedVersion },
}: UseCaseCall<
  PropertyContext,
  { readonly id: string; readonly changes: UpdateBuildingInput; readonly expectedVersion: number | undefined }
>): Promise<Result<Building>> {
  const allowed = requirePermission(ctx.actor, 'property:write')
  if (!allowed.ok) return allowed
  const scope = await scopeForRow(ctx.actor, 'Building', () =>
    ctx.repos.property.buildings.organizationOf(id),
  )
  if (!scope.ok) return scope
  const now = ctx.clock.now()
  return ctx.transaction(async (repos) => {
    // Locked even when total_tantiemes is unchanged: it costs little and keeps one code path
    // serialized with unit creations that read the same total.
    const current = await repos.property.buildings.lockById(scope.value, id)
    if (!current) return err(DomainErrors.notFound('Building'))
    const fresh = checkVersion('Building', current.version, expectedVersion)
    if (!fresh.ok) return fresh
    const valid = validateBuilding({ ...current, ...stripUndefined(changes) }, now.getUTCFullYear())
    if (!valid.ok) return valid
    if (valid.value.totalTantiemes < current.totalTantiemes) {
      const used = await repos.property.units.sumQuotas(scope.value, id)
      if (used > valid.value.totalTantiemes) {
        return err(
          DomainErrors.conflict(
            'total_tantiemes_below_quotas',
            `total_tantiemes cannot be lower than the units' quotas already registered (${used})`,
            { used },
          ),
        )
      }
    }
    const next: Building = { ...current, ...valid.value, version: current.version + 1, updatedAt: now }
    if (!(await repos.property.buildings.update(scope.value, next))) {
      return err(DomainErrors.versionConflict('Building', next.version))
    }
    await recordEvent(ctx, repos, 'BuildingUpdated', scope.value, id, {
      fields: Object.keys(stripUndefined(changes)),
    })
    return ok(next)
  })
}
