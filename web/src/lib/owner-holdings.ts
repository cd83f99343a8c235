// An owner's lots today with their building (name and address): the owner page and the owner
// portal both show "which building each lot is in". Reads go through the offline cache.
import * as api from './api'
import type { Building, Unit, UnitOwnership } from './wire-types'

export interface Holding {
  link: UnitOwnership
  unit?: Unit
  building?: Building
}

export async function ownerHoldings(ownerId: string): Promise<Holding[]> {
  const links = (await api.owners.units(ownerId)).data
  const units = await Promise.all(
    links.map((l) =>
      api.units.read(l.unit_id).then(
        (r) => r.data,
        () => undefined,
      ),
    ),
  )
  const buildingIds = [...new Set(units.flatMap((u) => (u ? [u.building_id] : [])))]
  const buildings = new Map(
    (
      await Promise.all(
        buildingIds.map((id) =>
          api.buildings.read(id).then(
            (r) => r.data,
            () => undefined,
          ),
        ),
      )
    ).flatMap((b) => (b ? [[b.id, b] as const] : [])),
  )
  return links.map((link, i) => {
    const unit = units[i]
    return { link, unit, building: unit ? buildings.get(unit.building_id) : undefined }
  })
}

/** "Rue de la Loi 16, 1000 Bruxelles" */
export const addressLine = (b: Pick<Building, 'address' | 'postal_code' | 'city'>) =>
  `${b.address}, ${b.postal_code} ${b.city}`
