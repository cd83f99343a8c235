import { requirePermission, scopeForRow } from '../access/index.ts'
import type { UseCaseCall } from '../context.ts'
import { DomainErrors } from '../shared/domain-error.ts'
import { err, ok, type Result } from '../shared/result.ts'
import { recordEvent } from '../shared/unit-of-work.ts'
import { parseCalendarDate, todayOf } from './calendar-date.value-object.ts'
import { applyOwnershipChanges } from './ownership-changes.ts'
import type { PropertyContext } from './property.ports.ts'
import { planEndOwnership, type UnitOwnership } from './unit-ownership.entity.ts'

/**
 * DELETE /units/{id}/owners/{owner_id}: ends the owner's active link (the row stays as history).
 * If they were the primary contact, the remaining owner with the largest share takes over.
 */
export async function endUnitOwner({
  ctx,
  input: { unitId, ownerId, options = {} },
}: UseCaseCall<
  PropertyContext,
  {
    readonly unitId: string
    readonly ownerId: string
    readonly options?: { readonly endDate?: string | undefined }
  }
>): Promise<Result<UnitOwnership>> {
  const allowed = requirePermission(ctx.actor, 'property:write')
  if (!allowed.ok) return allowed
  const endDate =
    options.endDate === undefined ? ok(todayOf(ctx.clock)) : parseCalendarDate(options.endDate, 'end_date')
  if (!endDate.ok) return endDate
  const scope = await scopeForRow(ctx.actor, 'Unit', () => ctx.repos.property.units.organizationOf(unitId))
  if (!scope.ok) return scope
  const now = ctx.clock.now()
  const today = todayOf(ctx.clock)
  return ctx.transaction(async (repos) => {
    const unit = await repos.property.units.lockById(scope.value, unitId)
    if (!unit) return err(DomainErrors.notFound('Unit'))
    const links = await repos.property.unitOwnerships.listForUnit(scope.value, unitId, { includeEnded: true })
    const planned = planEndOwnership(links, ownerId, endDate.value, today, now)
    if (!planned.ok) return planned
    const ended = planned.value.ended
    const saved = await applyOwnershipChanges(repos, scope.value, unit, planned.value, now)
    if (!saved.ok) return saved
    await recordEvent(ctx, repos, 'UnitOwnershipEnded', scope.value, ended.id, {
      unit_id: unitId,
      owner_id: ownerId,
      end_date: ended.endDate,
      new_primary_owner_id: planned.value.primaryOwnerId,
    })
    return ok(ended)
  })
}
