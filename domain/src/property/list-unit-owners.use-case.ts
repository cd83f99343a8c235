import { actorMayReadUnit, scopeForRow } from '../access/index.ts'
import type { UseCaseCall } from '../context.ts'
import { DomainErrors } from '../shared/domain-error.ts'
import { err, ok, type Result } from '../shared/result.ts'
import { parseCalendarDate, todayOf } from './calendar-date.value-object.ts'
import { holdsOnDate } from './ownership-timeline.ts'
import type { PropertyContext } from './property.ports.ts'
import type { UnitOwnership } from './unit-ownership.entity.ts'
import { type LinkRoles, rolesOn } from './unit-representation.entity.ts'

/** A link with what it carries on the asked date: the lot's vote and its calls for funds. */
export type UnitOwnershipView = UnitOwnership & LinkRoles

/**
 * GET /units/{id}/owners: the links holding the unit on `date` (default today in Brussels), each
 * with `votes` / `receivesCalls` on that date; `includeHistory` returns every link (those not
 * holding the unit on the date carry neither role).
 */
export async function listUnitOwners({
  ctx,
  input: { unitId, options = {} },
}: UseCaseCall<
  PropertyContext,
  {
    readonly unitId: string
    readonly options?: { readonly includeHistory?: boolean | undefined; readonly date?: string | undefined }
  }
>): Promise<Result<readonly UnitOwnershipView[]>> {
  const today = todayOf(ctx.clock)
  const date = options.date === undefined ? ok(today) : parseCalendarDate(options.date, 'date')
  if (!date.ok) return date
  const scope = await scopeForRow(ctx.actor, 'Unit', () => ctx.repos.property.units.organizationOf(unitId))
  if (!scope.ok) return scope
  if (
    !(await actorMayReadUnit(ctx.repos, scope.value, ctx.actor, unitId, today)) ||
    !(await ctx.repos.property.units.findById(scope.value, unitId))
  ) {
    return err(DomainErrors.notFound('Unit'))
  }
  const links = await ctx.repos.property.unitOwnerships.listForUnit(scope.value, unitId, {
    includeEnded: true,
  })
  const designations = await ctx.repos.property.unitOwnerships.listRepresentations(scope.value, unitId)
  const roles = rolesOn(links, designations, date.value)
  const none: LinkRoles = { votes: false, receivesCalls: false }
  return ok(
    links
      .filter((l) => options.includeHistory === true || holdsOnDate(l, date.value))
      .map((l) => ({ ...l, ...(roles.get(l.id) ?? none) })),
  )
}
