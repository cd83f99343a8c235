import { requirePermission, scopeForRow } from '../access/index.ts'
import type { UseCaseCall } from '../context.ts'
import { DomainErrors } from '../shared/domain-error.ts'
import { err, ok, type Result } from '../shared/result.ts'
import { recordEvent } from '../shared/unit-of-work.ts'
import { todayOf } from './calendar-date.value-object.ts'
import { applyOwnershipChanges } from './ownership-changes.ts'
import type { PropertyContext } from './property.ports.ts'
import { FULL_SHARE_PPM } from './share.value-object.ts'
import type { Unit } from './unit.entity.ts'
import { planAssignSoleOwner, type UnitOwnership } from './unit-ownership.entity.ts'

/**
 * v1 PUT /units/{unit_id}/assign-owner/{owner_id}: the owner becomes the unit's sole owner from
 * today in Brussels (share 1, full ownership, primary contact); every link still running on or
 * after today ends today, history kept.
 */
export async function assignOwner({
  ctx,
  input: { unitId, ownerId },
}: UseCaseCall<PropertyContext, { readonly unitId: string; readonly ownerId: string }>): Promise<
  Result<Unit>
> {
  const allowed = requirePermission(ctx.actor, 'property:write')
  if (!allowed.ok) return allowed
  const scope = await scopeForRow(ctx.actor, 'Unit', () => ctx.repos.property.units.organizationOf(unitId))
  if (!scope.ok) return scope
  const now = ctx.clock.now()
  const today = todayOf(ctx.clock)
  return ctx.transaction(async (repos) => {
    const unit = await repos.property.units.lockById(scope.value, unitId)
    if (!unit) return err(DomainErrors.notFound('Unit'))
    if (!(await repos.property.owners.findById(scope.value, ownerId)))
      return err(DomainErrors.notFound('Owner'))
    const links = await repos.property.unitOwnerships.listForUnit(scope.value, unitId, { includeEnded: true })
    const link: UnitOwnership = {
      id: ctx.ids.next(),
      organizationId: scope.value.organizationId,
      unitId,
      ownerId,
      sharePpm: FULL_SHARE_PPM,
      rightType: 'full',
      isPrimaryContact: true,
      startDate: today,
      endDate: null,
      version: 1,
      createdAt: now,
      updatedAt: now,
    }
    const planned = planAssignSoleOwner(links, link, today, now)
    if (!planned.ok) return planned
    const changes = planned.value
    // Re-assigning the current sole owner (a replayed v1 request) changes nothing: no audit either.
    if (changes.inserted.length === 0 && changes.updated.length === 0) return ok(unit)
    const saved = await applyOwnershipChanges(repos, scope.value, unit, changes, now)
    if (!saved.ok) return saved
    await recordEvent(ctx, repos, 'UnitOwnerAssigned', scope.value, unitId, {
      owner_id: ownerId,
      ended_ownership_ids: changes.updated.map((l) => l.id),
      created_ownership_id: changes.inserted[0]?.id ?? null,
    })
    return saved
  })
}
