import type { ActorContext } from '../context.ts'
import { DomainErrors } from '../shared/domain-error.ts'
import { err, ok, type Result } from '../shared/result.ts'
import { actorMayReadUnit, scopeForRow } from './property-access.ts'
import type { UnitOwnership } from './unit-ownership.entity.ts'

/** GET /units/{id}/owners: the active links by default, the whole history on request. */
export async function listUnitOwners(
  ctx: ActorContext,
  unitId: string,
  options: { readonly includeHistory?: boolean | undefined } = {},
): Promise<Result<readonly UnitOwnership[]>> {
  const scope = await scopeForRow(ctx.actor, 'Unit', () => ctx.repos.units.organizationOf(unitId))
  if (!scope.ok) return scope
  if (
    !(await actorMayReadUnit(ctx.repos, scope.value, ctx.actor, unitId)) ||
    !(await ctx.repos.units.findById(scope.value, unitId))
  ) {
    return err(DomainErrors.notFound('Unit'))
  }
  return ok(
    await ctx.repos.unitOwnerships.listForUnit(scope.value, unitId, {
      includeEnded: options.includeHistory ?? false,
    }),
  )
}
