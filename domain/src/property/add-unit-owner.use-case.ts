import { requirePermission, scopeForRow } from '../access/index.ts'
import type { UseCaseCall } from '../context.ts'
import { DomainErrors } from '../shared/domain-error.ts'
import { err, ok, type Result } from '../shared/result.ts'
import { recordEvent } from '../shared/unit-of-work.ts'
import { parseCalendarDate, todayOf } from './calendar-date.value-object.ts'
import { applyOwnershipChanges } from './ownership-changes.ts'
import type { RightType } from './ownership-timeline.ts'
import type { PropertyContext } from './property.ports.ts'
import { sharePpmFromDecimal } from './share.value-object.ts'
import { planAddOwnership, type UnitOwnership } from './unit-ownership.entity.ts'

export type AddUnitOwnerInput = {
  readonly ownerId: string
  /** The v1 decimal 0 < s ≤ 1 (number or string), at most 6 decimals. */
  readonly ownershipShare: number | string
  /** Defaults to false; the first active link of a unit becomes the primary contact anyway. */
  readonly isPrimaryContact?: boolean | undefined
  /** 'YYYY-MM-DD' or full ISO; defaults to today (Brussels). */
  readonly startDate?: string | undefined
  /** 'full' (default), 'usufruct' or 'bare'. */
  readonly rightType?: RightType | undefined
}

/** POST /units/{id}/owners: adds an owner's share; a new primary contact demotes the previous one. */
export async function addUnitOwner({
  ctx,
  input: { unitId, fields: input },
}: UseCaseCall<PropertyContext, { readonly unitId: string; readonly fields: AddUnitOwnerInput }>): Promise<
  Result<UnitOwnership>
> {
  const allowed = requirePermission(ctx.actor, 'property:write')
  if (!allowed.ok) return allowed
  const share = sharePpmFromDecimal(input.ownershipShare)
  if (!share.ok) return share
  const startDate =
    input.startDate === undefined ? ok(todayOf(ctx.clock)) : parseCalendarDate(input.startDate, 'start_date')
  if (!startDate.ok) return startDate
  const scope = await scopeForRow(ctx.actor, 'Unit', () => ctx.repos.property.units.organizationOf(unitId))
  if (!scope.ok) return scope
  const now = ctx.clock.now()
  const today = todayOf(ctx.clock)
  return ctx.transaction(async (repos) => {
    // The unit's lock serializes every change of its links, so the share sum read below holds.
    const unit = await repos.property.units.lockById(scope.value, unitId)
    if (!unit) return err(DomainErrors.notFound('Unit'))
    if (!(await repos.property.owners.findById(scope.value, input.ownerId)))
      return err(DomainErrors.notFound('Owner'))
    // Every link, ended and future ones too: the shares are checked on every date, not only today.
    const links = await repos.property.unitOwnerships.listForUnit(scope.value, unitId, { includeEnded: true })
    const planned = planAddOwnership(
      links,
      {
        id: ctx.ids.next(),
        organizationId: scope.value.organizationId,
        unitId,
        ownerId: input.ownerId,
        sharePpm: share.value,
        rightType: input.rightType ?? 'full',
        isPrimaryContact: input.isPrimaryContact ?? false,
        startDate: startDate.value,
        endDate: null,
        version: 1,
        createdAt: now,
        updatedAt: now,
      },
      today,
      now,
    )
    if (!planned.ok) return planned
    const inserted = planned.value.inserted[0] as UnitOwnership
    const saved = await applyOwnershipChanges(repos, scope.value, unit, planned.value, now)
    if (!saved.ok) return saved
    await recordEvent(ctx, repos, 'UnitOwnerAdded', scope.value, inserted.id, {
      unit_id: unitId,
      owner_id: input.ownerId,
      share_ppm: inserted.sharePpm,
      right_type: inserted.rightType,
      start_date: inserted.startDate,
      is_primary_contact: inserted.isPrimaryContact,
      demoted_ownership_ids: planned.value.updated.map((l) => l.id),
    })
    return ok(inserted)
  })
}
