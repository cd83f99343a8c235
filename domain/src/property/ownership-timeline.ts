import { DomainErrors } from '../shared/domain-error.ts'
import { err, ok, type Result } from '../shared/result.ts'
import type { CalendarDate } from './calendar-date.value-object.ts'
import { FULL_SHARE_PPM, sharePpmToDecimal } from './share.value-object.ts'

/**
 * The dated rules of a unit's ownership links, shared by every write (add, end, assign, transfer)
 * and every read "on a date". A link covers the days `startDate <= day < endDate`: the end date is
 * EXCLUSIVE, so on a deed's date the buyer holds the lot and the seller no longer does — the same
 * rule as the charge-distribution basis (finance `holdsOnDate`, SQL `end_date > :date`).
 */

/** Full ownership, or one side of a dismembered one (usufruct / bare ownership, nue-propriété). */
export const RIGHT_TYPES = ['full', 'usufruct', 'bare'] as const
export type RightType = (typeof RIGHT_TYPES)[number]

export function isRightType(value: unknown): value is RightType {
  return typeof value === 'string' && (RIGHT_TYPES as readonly string[]).includes(value)
}

export type DatedLink = {
  readonly ownerId: string
  readonly sharePpm: number
  readonly rightType: RightType
  readonly startDate: CalendarDate
  /** Exclusive; null while open-ended. */
  readonly endDate: CalendarDate | null
}

export function holdsOnDate(link: Pick<DatedLink, 'startDate' | 'endDate'>, date: CalendarDate): boolean {
  return link.startDate <= date && (link.endDate === null || date < link.endDate)
}

/** A link ended the day it started never took effect (e.g. a future link cancelled by assign-owner). */
export function isEmptyLink(link: Pick<DatedLink, 'startDate' | 'endDate'>): boolean {
  return link.endDate !== null && link.endDate <= link.startDate
}

function overlap(a: DatedLink, b: DatedLink): boolean {
  return (b.endDate === null || a.startDate < b.endDate) && (a.endDate === null || b.startDate < a.endDate)
}

/** Σ of one right's shares on a date. */
function sumOn(links: readonly DatedLink[], date: CalendarDate, right: RightType): number {
  let sum = 0
  for (const l of links) if (l.rightType === right && holdsOnDate(l, date)) sum += l.sharePpm
  return sum
}

/**
 * Checks a unit's whole set of links (closed, open and future) for every day, not only today:
 *  - Σfull + Σusufruct ≤ 1 and Σfull + Σbare ≤ 1 — full ownership excludes a dismembered one for
 *    the same part, and each side of a dismembered lot is shared at most up to 1 (indivision);
 *  - one owner never holds two links of the unit on the same day (a part bought from a co-owner
 *    ends the old link and starts a new one with the total share).
 * Sums are constant between two change points (a start or an end of some link), so checking each
 * change point covers every interval.
 */
export function checkOwnershipTimeline(all: readonly DatedLink[]): Result<null> {
  const links = all.filter((l) => !isEmptyLink(l))
  for (let i = 0; i < links.length; i++) {
    for (let j = i + 1; j < links.length; j++) {
      const a = links[i] as DatedLink
      const b = links[j] as DatedLink
      if (a.ownerId === b.ownerId && overlap(a, b)) {
        // Dates are strings: the later one is the last in sorted order (Math.max would give NaN).
        const from = [a.startDate, b.startDate].sort()[1]
        return err(
          DomainErrors.conflict(
            'owner_already_linked',
            `This owner already holds a share of this unit on ${from}: end that link first (or include the owner among the sellers)`,
          ),
        )
      }
    }
  }
  const points = [
    ...new Set(links.flatMap((l) => (l.endDate === null ? [l.startDate] : [l.startDate, l.endDate]))),
  ]
  points.sort()
  for (const day of points) {
    const full = sumOn(links, day, 'full')
    const usufruct = sumOn(links, day, 'usufruct')
    const bare = sumOn(links, day, 'bare')
    const worst = Math.max(full + usufruct, full + bare)
    if (worst > FULL_SHARE_PPM) {
      return err(
        DomainErrors.conflict(
          'ownership_share_exceeded',
          `The shares of this unit would exceed 1 from ${day} (full ${sharePpmToDecimal(full)}, usufruct ${sharePpmToDecimal(usufruct)}, bare ${sharePpmToDecimal(bare)}; full + usufruct and full + bare may not exceed 1 on any date)`,
          {
            day,
            full: sharePpmToDecimal(full),
            usufruct: sharePpmToDecimal(usufruct),
            bare: sharePpmToDecimal(bare),
          },
        ),
      )
    }
  }
  return ok(null)
}
