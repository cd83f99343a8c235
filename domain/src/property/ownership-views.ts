import type { CalendarDate } from './calendar-date.value-object.ts'
import type { PropertyRepos, TenantScope } from './property.ports.ts'
import type { Unit } from './unit.entity.ts'
import { ownerIdOn } from './unit-ownership.entity.ts'

/**
 * Units as they stand on `date`: `ownerId` is recomputed from the dated links (one query for the
 * page), so a link ending at a future deed date still shows its owner today, and a past or future
 * date shows who held the lot then.
 */
export async function unitsOn(
  repos: PropertyRepos,
  scope: TenantScope,
  units: readonly Unit[],
  date: CalendarDate,
): Promise<Unit[]> {
  if (units.length === 0) return []
  const links = await repos.property.unitOwnerships.listForUnits(
    scope,
    units.map((u) => u.id),
  )
  return units.map((u) => ({
    ...u,
    ownerId: ownerIdOn(
      links.filter((l) => l.unitId === u.id),
      date,
    ),
  }))
}

/** `unitsOn` for a page that spans organizations (a superadmin's unfiltered list): one query per tenant. */
export async function unitsOnAcrossTenants(
  repos: PropertyRepos,
  units: readonly Unit[],
  date: CalendarDate,
): Promise<Unit[]> {
  const byTenant = new Map<string, Unit[]>()
  for (const u of units) byTenant.set(u.organizationId, [...(byTenant.get(u.organizationId) ?? []), u])
  const resolved = new Map<string, Unit>()
  for (const [organizationId, group] of byTenant)
    for (const u of await unitsOn(repos, { organizationId }, group, date)) resolved.set(u.id, u)
  return units.map((u) => resolved.get(u.id) ?? u)
}
