import { requirePermission, scopeForRow } from '../access/index.ts'
import type { UseCaseCall } from '../context.ts'
import { DomainErrors } from '../shared/domain-error.ts'
import { err, ok, type Result } from '../shared/result.ts'
import { recordEvent } from '../shared/unit-of-work.ts'
import { parseCalendarDate } from './calendar-date.value-object.ts'
import { holdsOnDate } from './ownership-timeline.ts'
import type { PropertyContext } from './property.ports.ts'
import type { UnitRepresentation } from './unit-representation.entity.ts'

export type SetUnitRepresentationInput = {
  /** From this date until the lot's next designation. */
  readonly startDate: string
  /** The owner who votes for the lot; null: the default (usufructuaries, else full owners). */
  readonly voterOwnerId: string | null
  /** The owner who receives the calls for funds; null: the same default. */
  readonly callsOwnerId: string | null
}

/**
 * PUT /units/{id}/representatives: records who votes and who receives calls for funds for a lot
 * from a date (Civil Code art. 3.87 §1: the holders of a dismembered or undivided lot designate
 * one mandataire). A designated owner must hold a right in the lot on the start date. Saving the
 * same start date again replaces that designation.
 */
export async function setUnitRepresentation({
  ctx,
  input: { unitId, fields: input },
}: UseCaseCall<
  PropertyContext,
  { readonly unitId: string; readonly fields: SetUnitRepresentationInput }
>): Promise<Result<UnitRepresentation>> {
  const allowed = requirePermission(ctx.actor, 'property:write')
  if (!allowed.ok) return allowed
  const startDate = parseCalendarDate(input.startDate, 'start_date')
  if (!startDate.ok) return startDate
  const scope = await scopeForRow(ctx.actor, 'Unit', () => ctx.repos.property.units.organizationOf(unitId))
  if (!scope.ok) return scope
  const now = ctx.clock.now()
  return ctx.transaction(async (repos) => {
    const unit = await repos.property.units.lockById(scope.value, unitId)
    if (!unit) return err(DomainErrors.notFound('Unit'))
    const links = await repos.property.unitOwnerships.listForUnit(scope.value, unitId, { includeEnded: true })
    const holder = (field: string, id: string | null) =>
      id === null || links.some((l) => l.ownerId === id && holdsOnDate(l, startDate.value))
        ? null
        : { path: field, message: `does not hold a right in this unit on ${startDate.value}` }
    const issues = [
      holder('voter_owner_id', input.voterOwnerId),
      holder('calls_owner_id', input.callsOwnerId),
    ]
    const found = issues.filter((i) => i !== null)
    if (found.length > 0) return err(DomainErrors.validation('Invalid representatives', found))
    const saved = await repos.property.unitOwnerships.saveRepresentation(scope.value, {
      id: ctx.ids.next(),
      organizationId: scope.value.organizationId,
      unitId,
      startDate: startDate.value,
      voterOwnerId: input.voterOwnerId,
      callsOwnerId: input.callsOwnerId,
      version: 1,
      createdAt: now,
      updatedAt: now,
    })
    await recordEvent(ctx, repos, 'UnitRepresentationSet', scope.value, unitId, {
      start_date: saved.startDate,
      voter_owner_id: saved.voterOwnerId,
      calls_owner_id: saved.callsOwnerId,
    })
    return ok(saved)
  })
}
