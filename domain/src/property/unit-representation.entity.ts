import type { CalendarDate } from './calendar-date.value-object.ts'
import { holdsOnDate } from './ownership-timeline.ts'
import type { UnitOwnership } from './unit-ownership.entity.ts'

/**
 * Who represents a lot, from `startDate` until the next designation of the same lot: the owner
 * who votes at general assemblies and the one who receives calls for funds. Civil Code art. 3.87
 * §1: when a lot is dismembered or held in indivision, the holders designate one mandataire.
 * A null field, or a designated owner who does not hold a right in the lot on the date, falls
 * back to the default: the usufructuary(ies) of a dismembered lot, otherwise the full owners.
 * (The assembly counts the lot's votes once, whatever the number of holders marked.)
 */
export type UnitRepresentation = {
  readonly id: string
  readonly organizationId: string
  readonly unitId: string
  readonly startDate: CalendarDate
  readonly voterOwnerId: string | null
  readonly callsOwnerId: string | null
  readonly version: number
  readonly createdAt: Date
  readonly updatedAt: Date
}

export type LinkRoles = { readonly votes: boolean; readonly receivesCalls: boolean }

/** The designation in force on `date`: the latest one starting on or before it. */
export function representationOn(
  designations: readonly UnitRepresentation[],
  date: CalendarDate,
): UnitRepresentation | null {
  let best: UnitRepresentation | null = null
  for (const d of designations) if (d.startDate <= date && (!best || d.startDate > best.startDate)) best = d
  return best
}

/**
 * The default representatives among the links holding the lot: the holders who use it and bear
 * its ordinary charges — full owners and usufructuaries (so the usufructuary of a dismembered lot,
 * the full owners otherwise, both for a lot partly dismembered); the bare owners only when nobody
 * else holds a right that day.
 */
function defaultHolders(holding: readonly UnitOwnership[]): Set<string> {
  const users = holding.filter((l) => l.rightType !== 'bare').map((l) => l.ownerId)
  return new Set(users.length > 0 ? users : holding.map((l) => l.ownerId))
}

/** votes / receives_calls of each link holding the lot on `date` (by link id). */
export function rolesOn(
  links: readonly UnitOwnership[],
  designations: readonly UnitRepresentation[],
  date: CalendarDate,
): Map<string, LinkRoles> {
  const holding = links.filter((l) => holdsOnDate(l, date))
  const fallback = defaultHolders(holding)
  const designation = representationOn(designations, date)
  const pick = (designated: string | null | undefined): Set<string> =>
    designated && holding.some((l) => l.ownerId === designated) ? new Set([designated]) : fallback
  const voters = pick(designation?.voterOwnerId)
  const recipients = pick(designation?.callsOwnerId)
  return new Map(
    holding.map((l) => [l.id, { votes: voters.has(l.ownerId), receivesCalls: recipients.has(l.ownerId) }]),
  )
}
