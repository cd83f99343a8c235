import { DomainErrors } from '../shared/domain-error.ts'
import { err, ok, type Result } from '../shared/result.ts'
import type { CalendarDate } from './calendar-date.value-object.ts'
import { checkOwnershipTimeline, holdsOnDate, isEmptyLink, type RightType } from './ownership-timeline.ts'
import { FULL_SHARE_PPM } from './share.value-object.ts'

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
  /** 'full' ownership, or 'usufruct' / 'bare' of a dismembered lot; shares add up per right. */
  readonly rightType: RightType
  readonly isPrimaryContact: boolean
  readonly startDate: CalendarDate
  /** Exclusive (the deed's date belongs to the buyer); null while open-ended. */
  readonly endDate: CalendarDate | null
  readonly version: number
  readonly createdAt: Date
  readonly updatedAt: Date
}

/**
 * What one ownership operation changes on a unit: the rows to insert, the rows to rewrite (each
 * with its version already bumped) and the unit's resulting denormalized `ownerId` (its owner today).
 */
export type OwnershipChanges = {
  readonly inserted: readonly UnitOwnership[]
  readonly updated: readonly UnitOwnership[]
  readonly primaryOwnerId: string | null
}

/**
 * An open-ended link (no end date yet). The primary-contact flag is unique among open links (DB
 * partial index); a link with a future end date is still current until then but no longer open.
 */
export function isOpenOwnership(link: UnitOwnership): boolean {
  return link.endDate === null
}

/** Who takes over as primary contact: the largest share, then the smallest ownerId (stable). */
export function successorPrimary(links: readonly UnitOwnership[]): UnitOwnership | undefined {
  return [...links].sort(
    (a, b) => b.sharePpm - a.sharePpm || (a.ownerId < b.ownerId ? -1 : a.ownerId > b.ownerId ? 1 : 0),
  )[0]
}

/** The links that hold the unit on `date` (start ≤ date < end). */
export function linksOn(links: readonly UnitOwnership[], date: CalendarDate): UnitOwnership[] {
  return links.filter((l) => holdsOnDate(l, date))
}

/**
 * The v1 `owner_id` of a unit on `date`: the primary contact among the links holding it that day,
 * else the largest share. A seller whose link ends at a future deed date is still the owner today.
 * Two holders can both carry the flag (a co-owner leaving at a future date keeps it on the closed
 * link while the open links get their own): the open link's — the current designation — wins,
 * then the largest share, so the answer never depends on the order the links were read in.
 */
export function ownerIdOn(links: readonly UnitOwnership[], date: CalendarDate): string | null {
  const holding = linksOn(links, date)
  const primaries = holding.filter((l) => l.isPrimaryContact)
  const chosen =
    successorPrimary(primaries.filter(isOpenOwnership)) ??
    successorPrimary(primaries) ??
    successorPrimary(holding)
  return chosen?.ownerId ?? null
}

/**
 * Applies `inserted` and `updated` to the unit's links, checks the result on every date, makes
 * sure exactly one open link is the primary contact (`preferredPrimaryId` first, then the current
 * one, then the largest share) and bumps each changed row once.
 */
function finish(
  links: readonly UnitOwnership[],
  inserted: readonly UnitOwnership[],
  updated: readonly UnitOwnership[],
  preferredPrimaryId: string | null,
  today: CalendarDate,
  now: Date,
): Result<OwnershipChanges> {
  const byId = new Map(links.map((l) => [l.id, l]))
  const changed = new Set<string>()
  for (const u of updated) {
    byId.set(u.id, u)
    changed.add(u.id)
  }
  const fresh = new Map(inserted.map((l) => [l.id, l]))
  for (const l of inserted) byId.set(l.id, l)
  const after = [...byId.values()]
  const checked = checkOwnershipTimeline(after)
  if (!checked.ok) return checked
  const open = after.filter(isOpenOwnership)
  const primary =
    open.find((l) => l.id === preferredPrimaryId) ??
    open.find((l) => l.isPrimaryContact) ??
    successorPrimary(open)
  for (const l of open) {
    const wanted = l.id === primary?.id
    if (l.isPrimaryContact !== wanted) {
      byId.set(l.id, { ...l, isPrimaryContact: wanted })
      if (!fresh.has(l.id)) changed.add(l.id)
    }
  }
  const final = [...byId.values()]
  return ok({
    inserted: inserted.map((l) => byId.get(l.id) as UnitOwnership),
    updated: [...changed].map((id) => bump(byId.get(id) as UnitOwnership, now)),
    primaryOwnerId: ownerIdOn(final, today),
  })
}

/** Adds `link` (a new open-ended row) to the unit whose links, history included, are `links`. */
export function planAddOwnership(
  links: readonly UnitOwnership[],
  link: UnitOwnership,
  today: CalendarDate,
  now: Date,
): Result<OwnershipChanges> {
  const inserted: UnitOwnership = { ...link, endDate: null }
  // The first open link is the contact whatever the caller asked: a unit with owners always has one.
  return finish(links, [inserted], [], link.isPrimaryContact ? link.id : null, today, now)
}

/** Ends `ownerId`'s open link on `endDate` (exclusive); a departing primary contact is replaced. */
export function planEndOwnership(
  links: readonly UnitOwnership[],
  ownerId: string,
  endDate: CalendarDate,
  today: CalendarDate,
  now: Date,
): Result<OwnershipChanges & { readonly ended: UnitOwnership }> {
  const target = links.find((a) => a.ownerId === ownerId && isOpenOwnership(a))
  if (!target) return err(DomainErrors.notFound('UnitOwnership'))
  if (endDate < target.startDate) {
    return err(
      DomainErrors.invalidField('end_date', `must be on or after the start date ${target.startDate}`),
    )
  }
  const planned = finish(links, [], [{ ...target, endDate }], null, today, now)
  if (!planned.ok) return planned
  const ended = planned.value.updated.find((l) => l.id === target.id) as UnitOwnership
  return ok({ ...planned.value, ended })
}

/**
 * v1 `assign-owner`: `link` becomes the unit's only owner from `today` (share 1, full, primary);
 * every link still running on or after today ends today — one that starts later ends the day it
 * starts (it never takes effect), so end ≥ start always holds. Assigning the current sole owner
 * is a no-op.
 */
export function planAssignSoleOwner(
  links: readonly UnitOwnership[],
  link: UnitOwnership,
  today: CalendarDate,
  now: Date,
): Result<OwnershipChanges> {
  const running = links.filter((l) => !isEmptyLink(l) && (l.endDate === null || l.endDate > today))
  const [only, ...others] = running
  if (
    only &&
    others.length === 0 &&
    only.ownerId === link.ownerId &&
    only.sharePpm === FULL_SHARE_PPM &&
    only.rightType === 'full' &&
    only.endDate === null &&
    only.startDate <= today
  ) {
    return ok({ inserted: [], updated: [], primaryOwnerId: link.ownerId })
  }
  const ended = running.map((a) => ({ ...a, endDate: a.startDate > today ? a.startDate : today }))
  const inserted: UnitOwnership = {
    ...link,
    sharePpm: FULL_SHARE_PPM,
    rightType: 'full',
    isPrimaryContact: true,
    startDate: today,
    endDate: null,
  }
  return finish(links, [inserted], ended, inserted.id, today, now)
}

/**
 * A sale on `deedDate`: the sellers' links holding the lot that day end on it (exclusive, so the
 * deed day is the buyers'), the buyers' links start on it, and the result is checked on every
 * date like any other change. `sellerIds` null means every owner holding the lot on the deed date.
 */
export function planTransfer(
  links: readonly UnitOwnership[],
  deedDate: CalendarDate,
  sellerIds: readonly string[] | null,
  buyers: readonly UnitOwnership[],
  today: CalendarDate,
  now: Date,
): Result<OwnershipChanges & { readonly ended: readonly UnitOwnership[] }> {
  const holding = linksOn(links, deedDate)
  const sellers = sellerIds ?? [...new Set(holding.map((l) => l.ownerId))]
  const issues = sellers.flatMap((id, i) =>
    holding.some((l) => l.ownerId === id)
      ? []
      : [{ path: `sellers[${i}]`, message: `does not hold a share of this unit on ${deedDate}` }],
  )
  if (issues.length > 0) return err(DomainErrors.validation('Invalid transfer', issues))
  const ended = holding.filter((l) => sellers.includes(l.ownerId)).map((l) => ({ ...l, endDate: deedDate }))
  const inserted = buyers.map((b) => ({ ...b, startDate: deedDate, endDate: null }))
  const preferred = inserted.find((b) => b.isPrimaryContact)?.id ?? null
  // A buyer takes over the contact when a seller held it (the largest buyer share); when nobody
  // holds it, finish() picks the largest open share anyway.
  const sellerWasPrimary = ended.some((l) => l.isPrimaryContact)
  const primary = preferred ?? (sellerWasPrimary ? (successorPrimary(inserted)?.id ?? null) : null)
  const planned = finish(links, inserted, ended, primary, today, now)
  if (!planned.ok) return planned
  const endedIds = new Set(ended.map((l) => l.id))
  return ok({ ...planned.value, ended: planned.value.updated.filter((l) => endedIds.has(l.id)) })
}

function bump(link: UnitOwnership, now: Date): UnitOwnership {
  return { ...link, version: link.version + 1, updatedAt: now }
}
