import { auditedBuildingsOf, auditorSeesOwner, readsOrganization, scopeForRow } from '../access/index.ts'
import type { UseCaseCall } from '../context.ts'
import { DomainErrors } from '../shared/domain-error.ts'
import { err, ok, type Result } from '../shared/result.ts'
import { parseCalendarDate, todayOf } from './calendar-date.value-object.ts'
import { holdsOnDate } from './ownership-timeline.ts'
import type { PropertyContext } from './property.ports.ts'
import type { UnitOwnership } from './unit-ownership.entity.ts'

/**
 * GET /owners/{id}/units: the owner's links holding a unit on `date` (default today in Brussels),
 * or all of them with `includeHistory`; an owner reads only their own.
 */
export async function listOwnerUnits({
  ctx,
  input: { ownerId, options = {} },
}: UseCaseCall<
  PropertyContext,
  {
    readonly ownerId: string
    readonly options?: { readonly includeHistory?: boolean | undefined; readonly date?: string | undefined }
  }
>): Promise<Result<readonly UnitOwnership[]>> {
  const date = options.date === undefined ? ok(todayOf(ctx.clock)) : parseCalendarDate(options.date, 'date')
  if (!date.ok) return date
  const scope = await scopeForRow(ctx.actor, 'Owner', () => ctx.repos.property.owners.organizationOf(ownerId))
  if (!scope.ok) return scope
  const owner = await ctx.repos.property.owners.findById(scope.value, ownerId)
  const visible =
    owner !== null &&
    (readsOrganization(ctx.actor) ||
      (ctx.actor.role === 'owner' && owner.userId === ctx.actor.userId) ||
      (await auditorSeesOwner(ctx.repos, scope.value, ctx.actor, ownerId)))
  if (!visible) return err(DomainErrors.notFound('Owner'))
  let links = await ctx.repos.property.unitOwnerships.listForOwner(scope.value, ownerId, {
    includeEnded: true,
  })
  const audited = auditedBuildingsOf(ctx.actor)
  if (audited) {
    // An auditor sees the owner's lots in the audited buildings only, never their other holdings.
    const holdings = await ctx.repos.property.quoteParts.listOwnerHoldings(scope.value, ownerId)
    const visible = new Set(holdings.filter((h) => audited.includes(h.buildingId)).map((h) => h.unitId))
    links = links.filter((l) => visible.has(l.unitId))
  }
  return ok(options.includeHistory === true ? links : links.filter((l) => holdsOnDate(l, date.value)))
}
