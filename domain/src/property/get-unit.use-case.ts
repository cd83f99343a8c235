import type { ActorContext } from '../context.ts'
import { DomainErrors } from '../shared/domain-error.ts'
import { err, ok, type Result } from '../shared/result.ts'
import { actorMayReadUnit, scopeForRow } from './property-access.ts'
import type { Unit } from './unit.entity.ts'

/** An owner sees only the units they hold an active share of; any other is a 404. */
export async function getUnit(ctx: ActorContext, id: string): Promise<Result<Unit>> {
  const scope = await scopeForRow(ctx.actor, 'Unit', () => ctx.repos.units.organizationOf(id))
  if (!scope.ok) return scope
  if (!(await actorMayReadUnit(ctx.repos, scope.value, ctx.actor, id)))
    return err(DomainErrors.notFound('Unit'))
  const unit = await ctx.repos.units.findById(scope.value, id)
  return unit ? ok(unit) : err(DomainErrors.notFound('Unit'))
}
