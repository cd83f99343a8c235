import type { QuotePartsReader } from '@koprogo/domain'
import { and, asc, eq, isNull, lte, ne, or, sql } from 'drizzle-orm'
import type { Database } from '../client.ts'
import { buildings, unitOwnerships, units } from '../schema/index.ts'

/**
 * The distribution basis in one query (the building, every unit and the links active on the date
 * via LEFT JOINs; was two: the building's total, then the units), instead of one query per unit.
 */
export function quotePartsReader(db: Database): QuotePartsReader {
  return {
    async loadBuildingBasis(scope, buildingId, onDate) {
      // One statement from the building: its total, and each unit (LEFT JOIN: a building without
      // units still gives its one row) with the links active on the date.
      const rows = await db
        .select({
          total: buildings.totalTantiemes,
          unitId: units.id,
          unitNumber: units.unitNumber,
          quota: units.quota,
          ownerId: unitOwnerships.ownerId,
          sharePpm: unitOwnerships.sharePpm,
        })
        .from(buildings)
        .leftJoin(
          units,
          and(eq(units.organizationId, scope.organizationId), eq(units.buildingId, buildings.id)),
        )
        .leftJoin(
          unitOwnerships,
          and(
            // The tenant first: index unit_ownerships_org_unit_idx (organization_id, unit_id) then
            // serves the join. Without it no index fitted and, at 10× data, the plan read every
            // ownership of every tenant once per lot (docs/performance.md, growth of the heavy
            // operations).
            eq(unitOwnerships.organizationId, scope.organizationId),
            eq(unitOwnerships.unitId, units.id),
            // Bare ownership bears no charges: the usufructuary does (domain property `bearsCharges`).
            ne(unitOwnerships.rightType, 'bare'),
            lte(unitOwnerships.startDate, onDate),
            or(isNull(unitOwnerships.endDate), sql`${unitOwnerships.endDate} > ${onDate}`),
          ),
        )
        .where(and(eq(buildings.organizationId, scope.organizationId), eq(buildings.id, buildingId)))
      const building = rows[0]
      if (!building) return null
      const byUnit = new Map<
        string,
        { unitId: string; unitNumber: string; quota: number; owners: { ownerId: string; sharePpm: number }[] }
      >()
      for (const r of rows) {
        if (r.unitId === null || r.unitNumber === null || r.quota === null) continue
        let unit = byUnit.get(r.unitId)
        if (!unit) {
          unit = { unitId: r.unitId, unitNumber: r.unitNumber, quota: r.quota, owners: [] }
          byUnit.set(r.unitId, unit)
        }
        if (r.ownerId && r.sharePpm !== null) unit.owners.push({ ownerId: r.ownerId, sharePpm: r.sharePpm })
      }
      return { totalTantiemes: building.total, units: [...byUnit.values()] }
    },
    async listOwnerHoldings(scope, ownerId) {
      return db
        .select({
          unitId: unitOwnerships.unitId,
          buildingId: units.buildingId,
          startDate: unitOwnerships.startDate,
          endDate: unitOwnerships.endDate,
        })
        .from(unitOwnerships)
        .innerJoin(units, eq(units.id, unitOwnerships.unitId))
        .where(
          and(eq(unitOwnerships.organizationId, scope.organizationId), eq(unitOwnerships.ownerId, ownerId)),
        )
        .orderBy(asc(unitOwnerships.startDate), asc(unitOwnerships.unitId))
    },
  }
}
