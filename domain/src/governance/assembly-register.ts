import {
  BUILDING_TIME_ZONE,
  type CalendarDate,
  calendarDateIn,
  rolesOn,
  type UnitOwnership,
  type UnitRepresentation,
} from '../property/index.ts'
import type { AssemblyVoter, AssemblyVoterUnit, OnlineProxy } from './assembly/index.ts'
import type { BuildingHoldings, FrozenRegister } from './assembly.ports.ts'

/** The calendar day (Brussels) whose register an assembly uses: the day it is held. */
export const meetingDay = (scheduledDate: Date): CalendarDate =>
  calendarDateIn(scheduledDate, BUILDING_TIME_ZONE)

/**
 * The attendance register of a meeting from the property register on its day (issue #14 item 3):
 * each lot's votes are its quote-parts (art. 3.87 §6), cast by who votes for the lot that day —
 * the designated representative of a lot in indivision or dismemberment (art. 3.87 §1), else
 * property's default (usufructuaries, otherwise full owners: rolesOn). When the default leaves
 * several co-holders and none was designated, the lot's votes go to the one holding the largest
 * share (then the smallest owner id), so the lot is counted once; the syndic should have the
 * designation recorded. A lot nobody holds that day has no voter (its votes still count in the
 * building's total: they can never be "present").
 */
export function buildAssemblyRegister(input: {
  readonly meetingId: string
  readonly buildingId: string
  readonly day: CalendarDate
  readonly holdings: BuildingHoldings
  readonly proxies: readonly OnlineProxy[]
}): FrozenRegister {
  const { holdings, day } = input
  const linksByUnit = groupBy(holdings.links, (l) => l.unitId)
  const designationsByUnit = groupBy(holdings.designations, (d) => d.unitId)
  const owners = new Map(holdings.owners.map((o) => [o.id, o]))
  const byVoter = new Map<string, AssemblyVoterUnit[]>()
  for (const unit of [...holdings.units].sort((a, b) => a.unitNumber.localeCompare(b.unitNumber))) {
    const links: readonly UnitOwnership[] = linksByUnit.get(unit.unitId) ?? []
    const designations: readonly UnitRepresentation[] = designationsByUnit.get(unit.unitId) ?? []
    const roles = rolesOn(links, designations, day)
    const voting = links.filter((l) => roles.get(l.id)?.votes === true)
    if (voting.length === 0) continue
    const voter = [...voting].sort((a, b) => b.sharePpm - a.sharePpm || (a.ownerId < b.ownerId ? -1 : 1))[0]
    if (!voter) continue
    const units = byVoter.get(voter.ownerId) ?? []
    units.push({ unitId: unit.unitId, unitNumber: unit.unitNumber, quota: unit.quota })
    byVoter.set(voter.ownerId, units)
  }
  const voters: AssemblyVoter[] = [...byVoter.entries()]
    .map(([ownerId, units]) => ({
      ownerId,
      name: owners.get(ownerId)?.name ?? '',
      votes: units.reduce((sum, u) => sum + u.quota, 0),
      units,
    }))
    .sort((a, b) => a.name.localeCompare(b.name) || (a.ownerId < b.ownerId ? -1 : 1))
  return {
    register: {
      meetingId: input.meetingId,
      buildingId: input.buildingId,
      totalVotes: holdings.totalTantiemes,
      voters,
      proxies: input.proxies,
    },
    syndicOwnerIds: holdings.owners.filter((o) => o.staff).map((o) => o.id),
  }
}

function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>()
  for (const row of rows) {
    const k = key(row)
    const list = map.get(k)
    if (list) list.push(row)
    else map.set(k, [row])
  }
  return map
}
