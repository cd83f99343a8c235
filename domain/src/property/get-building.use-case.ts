import { actorMayReadBuilding, scopeForRow } from '../access/index.ts'
import type { UseCaseCall } from '../context.ts'
import { DomainErrors } from '../shared/domain-error.ts'
import { err, ok, type Result } from '../shared/result.ts'
import type { Building } from './building.entity.ts'
import type { PropertyContext } from './property.ports.ts'

/** An owner sees only buildings where they own an active unit; any other is a 404, not a 403. */
export async function getBuilding({
  ctx,
  input: { id },
}: UseCaseCall<PropertyContext, { readonly id: string }>): Promise<Result<Building>> {
  const scope = await scopeForRow(ctx.actor, 'Building', () =>
    ctx.repos.property.buildings.organizationOf(id),
  )
  if (!scope.ok) return scope
  if (!(await actorMayReadBuilding(ctx.repos, scope.value, ctx.actor, id))) {
    return err(DomainErrors.notFound('Building'))
  }
  const building = await ctx.repos.property.buildings.findById(scope.value, id)
  return building ? ok(building) : err(DomainErrors.notFound('Building'))
}
