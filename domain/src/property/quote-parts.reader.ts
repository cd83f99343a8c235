import { MAX_PER_PAGE } from '../shared/ports.ts'
import type { PropertyPorts } from './property.ports.ts'
import {
  bearsCharges,
  type ChargeBasisUnit,
  holdsOn,
  type OwnerHolding,
  type QuotePartsReader,
} from './quote-parts.ts'

/**
 * QuotePartsReader built only from the property repositories: correct by construction (same
 * rows, same end-exclusive rule as property), but one query per unit. Adapters may wire it as
 * `quoteParts` right away and swap in a single-query SQL reader when volumes demand it.
 */
export function quotePartsReaderFromProperty(
  repos: Pick<PropertyPorts, 'buildings' | 'units' | 'unitOwnerships'>,
): QuotePartsReader {
  return {
    async loadBuildingBasis(scope, buildingId, onDate) {
      const building = await repos.buildings.findById(scope, buildingId)
      if (!building) return null
      const units: ChargeBasisUnit[] = []
      // Pages of the maximum size an adapter accepts; stops on a short page.
      for (let page = 1; ; page++) {
        const batch = await repos.units.list(
          scope,
          { buildingId },
          { page, perPage: MAX_PER_PAGE, sortBy: 'unit_number', order: 'asc' },
        )
        for (const unit of batch.items) {
          const links = await repos.unitOwnerships.listForUnit(scope, unit.id, { includeEnded: true })
          units.push({
            unitId: unit.id,
            unitNumber: unit.unitNumber,
            quota: unit.quota,
            owners: links
              .filter((l) => holdsOn(l, onDate) && bearsCharges(l.rightType))
              .map((l) => ({ ownerId: l.ownerId, sharePpm: l.sharePpm })),
          })
        }
        if (batch.items.length < MAX_PER_PAGE || units.length >= batch.total) break
      }
      return { totalTantiemes: building.totalTantiemes, units }
    },

    async listOwnerHoldings(scope, ownerId) {
      const links = await repos.unitOwnerships.listForOwner(scope, ownerId, { includeEnded: true })
      const buildingOf = new Map<string, string | null>()
      const holdings: OwnerHolding[] = []
      for (const link of links) {
        if (!buildingOf.has(link.unitId)) {
          buildingOf.set(link.unitId, (await repos.units.findById(scope, link.unitId))?.buildingId ?? null)
        }
        const buildingId = buildingOf.get(link.unitId)
        // A unit that vanished (should not happen: units with history cannot be deleted) carries nothing.
        if (!buildingId) continue
        holdings.push({ unitId: link.unitId, buildingId, startDate: link.startDate, endDate: link.endDate })
      }
      return holdings
    },
  }
}
