import { requirePermission, scopeForRow } from '../access/index.ts'
import type { UseCaseCall } from '../context.ts'
import { DomainErrors, type FieldIssue } from '../shared/domain-error.ts'
import { err, ok, type Result } from '../shared/result.ts'
import { recordEvent } from '../shared/unit-of-work.ts'
import { checkVersion } from '../shared/versioning.ts'
import { parseCalendarDate, todayOf } from './calendar-date.value-object.ts'
import { applyOwnershipChanges } from './ownership-changes.ts'
import type { RightType } from './ownership-timeline.ts'
import type { PropertyContext } from './property.ports.ts'
import { sharePpmFromDecimal } from './share.value-object.ts'
import type { Unit } from './unit.entity.ts'
import { planTransfer, type UnitOwnership } from './unit-ownership.entity.ts'

export type TransferBuyerInput = {
  readonly ownerId: string
  /** The v1 decimal 0 < s ≤ 1 (number or string), at most 6 decimals. */
  readonly ownershipShare: number | string
  readonly rightType?: RightType | undefined
  readonly isPrimaryContact?: boolean | undefined
}

export type TransferUnitInput = {
  /** The deed's date: the sellers' links end on it (exclusive) and the buyers' start on it. */
  readonly deedDate: string
  /** Owner ids; absent: every owner holding the lot on the deed date. */
  readonly sellers?: readonly string[] | undefined
  readonly buyers: readonly TransferBuyerInput[]
}

export type TransferResult = {
  readonly unit: Unit
  readonly ended: readonly UnitOwnership[]
  readonly started: readonly UnitOwnership[]
}

/**
 * POST /units/{id}/transfer: a sale (or any change of hands on a deed date) as ONE operation —
 * the sellers' links end and the buyers' start in one transaction under the unit's row lock,
 * checked on every date, written to the audit log as one `unit.transfer` event, and versioned on
 * the unit (If-Match), whose version always moves.
 */
export async function transferUnit({
  ctx,
  input: { unitId, fields: input, expectedVersion },
}: UseCaseCall<
  PropertyContext,
  {
    readonly unitId: string
    readonly fields: TransferUnitInput
    readonly expectedVersion: number | undefined
  }
>): Promise<Result<TransferResult>> {
  const allowed = requirePermission(ctx.actor, 'property:write')
  if (!allowed.ok) return allowed
  const deedDate = parseCalendarDate(input.deedDate, 'deed_date')
  if (!deedDate.ok) return deedDate
  const issues: FieldIssue[] = []
  const shares = input.buyers.map((b, i) => {
    const share = sharePpmFromDecimal(b.ownershipShare, `buyers[${i}].ownership_share`)
    if (!share.ok) issues.push(...(share.error.kind === 'validation' ? share.error.issues : []))
    return share.ok ? share.value : 0
  })
  if (input.buyers.length === 0) issues.push({ path: 'buyers', message: 'must name at least one buyer' })
  const buyerIds = input.buyers.map((b) => b.ownerId)
  buyerIds.forEach((id, i) => {
    if (buyerIds.indexOf(id) !== i) issues.push({ path: `buyers[${i}].owner_id`, message: 'appears twice' })
  })
  if (input.buyers.filter((b) => b.isPrimaryContact === true).length > 1) {
    issues.push({ path: 'buyers', message: 'at most one buyer may be the primary contact' })
  }
  const sellers = input.sellers ?? null
  sellers?.forEach((id, i) => {
    if (sellers.indexOf(id) !== i) issues.push({ path: `sellers[${i}]`, message: 'appears twice' })
  })
  if (issues.length > 0) return err(DomainErrors.validation('Invalid transfer', issues))
  const scope = await scopeForRow(ctx.actor, 'Unit', () => ctx.repos.property.units.organizationOf(unitId))
  if (!scope.ok) return scope
  const now = ctx.clock.now()
  const today = todayOf(ctx.clock)
  return ctx.transaction(async (repos) => {
    // The unit's lock serializes every change of its links: the dated check below holds at commit.
    const unit = await repos.property.units.lockById(scope.value, unitId)
    if (!unit) return err(DomainErrors.notFound('Unit'))
    const fresh = checkVersion('Unit', unit.version, expectedVersion)
    if (!fresh.ok) return fresh
    for (const id of new Set([...buyerIds, ...(sellers ?? [])])) {
      if (!(await repos.property.owners.findById(scope.value, id))) return err(DomainErrors.notFound('Owner'))
    }
    const links = await repos.property.unitOwnerships.listForUnit(scope.value, unitId, { includeEnded: true })
    const buyers: UnitOwnership[] = input.buyers.map((b, i) => ({
      id: ctx.ids.next(),
      organizationId: scope.value.organizationId,
      unitId,
      ownerId: b.ownerId,
      sharePpm: shares[i] ?? 0,
      rightType: b.rightType ?? 'full',
      isPrimaryContact: b.isPrimaryContact ?? false,
      startDate: deedDate.value,
      endDate: null,
      version: 1,
      createdAt: now,
      updatedAt: now,
    }))
    const planned = planTransfer(links, deedDate.value, sellers, buyers, today, now)
    if (!planned.ok) return planned
    const saved = await applyOwnershipChanges(repos, scope.value, unit, planned.value, now, {
      bumpUnit: true,
    })
    if (!saved.ok) return saved
    const started = planned.value.inserted
    const ended = planned.value.ended
    const summary = (l: UnitOwnership) => ({
      ownership_id: l.id,
      owner_id: l.ownerId,
      share_ppm: l.sharePpm,
      right_type: l.rightType,
      start_date: l.startDate,
      end_date: l.endDate,
    })
    await recordEvent(ctx, repos, 'OwnershipTransferred', scope.value, unitId, {
      deed_date: deedDate.value,
      ended: ended.map(summary),
      started: started.map(summary),
      primary_contact_changes: planned.value.updated
        .filter((l) => !ended.some((e) => e.id === l.id))
        .map((l) => ({ ownership_id: l.id, is_primary_contact: l.isPrimaryContact })),
    })
    return ok({ unit: saved.value, ended, started })
  })
}
