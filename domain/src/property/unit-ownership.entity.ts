import { DomainErrors } from '../shared/domain-error.ts'
import { err, ok, type Result } from '../shared/result.ts'
import type { CalendarDate } from './calendar-date.value-object.ts'
import { FULL_SHARE_PPM, sharePpmToDecimal } from './share.value-object.ts'

/**
 * One owner's share of one unit over a period (indivision, usufruct). Rows are never deleted:
 * a sale ends the seller's link and starts the buyer's, so past ownership stays answerable.
 */
export type UnitOwnership = {
  readonly id: string
  readonly organizationId: string
  readonly unitId: string
  readonly ownerId: string
  /** Millionths of the unit, 1..1_000_000 (wire: ownership_share = sharePpm / 1e6). */
  readonly sharePpm: number
  readonly isPrimaryContact: boolean
  readonly startDate: CalendarDate
  /** null while the link is active. */
  readonly endDate: CalendarDate | null
  readonly version: number
  readonly createdAt: Date
  readonly updatedAt: Date
}

/**
 * What one ownership operation changes on a unit: the row to insert, the rows to rewrite (each
 * with its version already bumped) and the unit's resulting denormalized `ownerId`.
 */
export type OwnershipChanges = {
  readonly inserted: UnitOwnership | null
  readonly updated: readonly UnitOwnership[]
  readonly primaryOwnerId: string | null
}

export function isActiveOwnership(link: UnitOwnership): boolean {
  return link.endDate === null
}

export function activeSharePpm(links: readonly UnitOwnership[]): number {
  return links.filter(isActiveOwnership).reduce((sum, l) => sum + l.sharePpm, 0)
}

/** Who takes over as primary contact: the largest share, then the smallest ownerId (stable). */
export function successorPrimary(active: readonly UnitOwnership[]): UnitOwnership | undefined {
  return [...active].sort(
    (a, b) => b.sharePpm - a.sharePpm || (a.ownerId < b.ownerId ? -1 : a.ownerId > b.ownerId ? 1 : 0),
  )[0]
}

/** Adds `link` (a new, active row) to the unit whose active links are `active`. */
export function planAddOwnership(
  active: readonly UnitOwnership[],
  link: UnitOwnership,
  now: Date,
): Result<OwnershipChanges & { readonly inserted: UnitOwnership }> {
  if (active.some((a) => a.ownerId === link.ownerId)) {
    return err(
      DomainErrors.conflict('owner_already_linked', 'This owner already holds an active share of this unit'),
    )
  }
  const used = activeSharePpm(active)
  if (used + link.sharePpm > FULL_SHARE_PPM) {
    return err(
      DomainErrors.conflict(
        'ownership_share_exceeded',
        `The active shares of this unit would exceed 1 (available: ${sharePpmToDecimal(FULL_SHARE_PPM - used)})`,
      ),
    )
  }
  // The first active link is the contact whatever the caller asked: a unit with owners always has one.
  const primary = link.isPrimaryContact || !active.some((a) => a.isPrimaryContact)
  const inserted: UnitOwnership = { ...link, isPrimaryContact: primary, endDate: null }
  const updated = primary
    ? active.filter((a) => a.isPrimaryContact).map((a) => bump({ ...a, isPrimaryContact: false }, now))
    : []
  const primaryOwnerId = primary ? link.ownerId : (active.find((a) => a.isPrimaryContact)?.ownerId ?? null)
  return ok({ inserted, updated, primaryOwnerId })
}

/** Ends `ownerId`'s active link on `endDate`; a departing primary contact is replaced. */
export function planEndOwnership(
  active: readonly UnitOwnership[],
  ownerId: string,
  endDate: CalendarDate,
  now: Date,
): Result<OwnershipChanges> {
  const target = active.find((a) => a.ownerId === ownerId)
  if (!target) return err(DomainErrors.notFound('UnitOwnership'))
  if (endDate < target.startDate) {
    return err(
      DomainErrors.invalidField('end_date', `must be on or after the start date ${target.startDate}`),
    )
  }
  const remaining = active.filter((a) => a.id !== target.id)
  const updated: UnitOwnership[] = [bump({ ...target, endDate }, now)]
  let primary = remaining.find((a) => a.isPrimaryContact)
  if (!primary) {
    primary = successorPrimary(remaining)
    if (primary) updated.push(bump({ ...primary, isPrimaryContact: true }, now))
  }
  return ok({ inserted: null, updated, primaryOwnerId: primary?.ownerId ?? null })
}

/**
 * v1 `assign-owner`: `link` becomes the unit's only active link (share 1, primary) and every
 * other active link ends on `endDate`. A link that starts after `endDate` ends the day it starts
 * (it never took effect) so end ≥ start always holds. Assigning the current sole owner is a no-op.
 */
export function planAssignSoleOwner(
  active: readonly UnitOwnership[],
  link: UnitOwnership,
  endDate: CalendarDate,
  now: Date,
): OwnershipChanges {
  const [only, ...others] = active
  if (
    only &&
    others.length === 0 &&
    only.ownerId === link.ownerId &&
    only.sharePpm === FULL_SHARE_PPM &&
    only.isPrimaryContact
  ) {
    return { inserted: null, updated: [], primaryOwnerId: link.ownerId }
  }
  const updated = active.map((a) =>
    bump({ ...a, endDate: a.startDate > endDate ? a.startDate : endDate }, now),
  )
  const inserted: UnitOwnership = { ...link, sharePpm: FULL_SHARE_PPM, isPrimaryContact: true, endDate: null }
  return { inserted, updated, primaryOwnerId: link.ownerId }
}

function bump(link: UnitOwnership, now: Date): UnitOwnership {
  return { ...link, version: link.version + 1, updatedAt: now }
}
