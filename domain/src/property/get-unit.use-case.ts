import { actorMayReadUnit, scopeForRow } from '../access/index.ts'
import type { UseCaseCall } from '../context.ts'
import { DomainErrors } from '../shared/domain-error.ts'
import { err, ok, type Result } from '../shared/result.ts'
import { parseCalendarDate, todayOf } from './calendar-date.value-object.ts'
import { unitsOn } from './ownership-views.ts'
import type { PropertyContext } from './property.ports.ts'
import type { Unit } from './unit.entity.ts'

/**
 * The unit as it stands on `date` (default: today in Brussels): `ownerId` is its owner that day.
 * An owner sees only the units they hold a share of that has not ended by today; any other is a 404.
 */
export async function getUnit({
  ctx,
  input: { id, options = {} },
}: UseCaseCall<
  PropertyContext,
  { readonly id: string; readonly options?: { readonly date?: string | undefined } }
>): Promise<Result<Unit>> {
  const today = todayOf(ctx.clock)
  const date = options.date === undefined ? ok(today) : parseCalendarDate(options.date, 'date')
  if (!date.ok) return date
  const scope = await scopeForRow(ctx.actor, 'Unit', () => ctx.repos.property.units.organizationOf(id))
  if (!scope.ok) return scope
  if (!(await actorMayReadUnit(ctx.repos, scope.value, ctx.actor, id, today)))
    return err(DomainErrors.notFound('Unit'))
  const unit = await ctx.repos.property.units.findById(scope.value, id)
  if (!unit) return err(DomainErrors.notFound('Unit'))
  const [dated] = await unitsOn(ctx.repos, scope.value, [unit], date.value)
  return ok(dated as Unit)
}
