import type { DirectorySearchReader, SearchHit } from '@koprogo/domain'
import { and, asc, eq, ilike, or, sql } from 'drizzle-orm'
import type { Database } from '../client.ts'
import { buildings, owners, units } from '../schema/index.ts'
import { containsPattern } from './like-pattern.ts'

/**
 * Three small queries (buildings, lots, owners), each bound to the tenant first: the substring
 * match runs over one organization's rows (found through its organization_id index), so a
 * leading-% pattern never scans another tenant's data.
 */
export function directorySearchReader(db: Database): DirectorySearchReader {
  return {
    async search(scope, text, limit) {
      const p = containsPattern(text)
      const [b, u, o] = await Promise.all([
        db
          .select({
            id: buildings.id,
            name: buildings.name,
            address: buildings.address,
            city: buildings.city,
          })
          .from(buildings)
          .where(
            and(
              eq(buildings.organizationId, scope.organizationId),
              or(ilike(buildings.name, p), ilike(buildings.address, p), ilike(buildings.city, p)),
            ),
          )
          .orderBy(asc(buildings.name), asc(buildings.id))
          .limit(limit),
        db
          .select({
            id: units.id,
            unitNumber: units.unitNumber,
            buildingId: units.buildingId,
            buildingName: buildings.name,
          })
          .from(units)
          .innerJoin(
            buildings,
            and(eq(buildings.id, units.buildingId), eq(buildings.organizationId, scope.organizationId)),
          )
          .where(and(eq(units.organizationId, scope.organizationId), ilike(units.unitNumber, p)))
          .orderBy(asc(buildings.name), asc(units.unitNumber), asc(units.id))
          .limit(limit),
        db
          .select({
            id: owners.id,
            label: sql<string>`coalesce(nullif(trim(concat_ws(' ', ${owners.firstName}, ${owners.lastName})), ''), ${owners.companyName}, '')`,
            city: owners.city,
          })
          .from(owners)
          .where(
            and(
              eq(owners.organizationId, scope.organizationId),
              or(
                ilike(owners.lastName, p),
                ilike(owners.firstName, p),
                ilike(owners.companyName, p),
                ilike(owners.city, p),
                ilike(sql`concat_ws(' ', ${owners.firstName}, ${owners.lastName})`, p),
              ),
            ),
          )
          .orderBy(asc(owners.sortName), asc(owners.id))
          .limit(limit),
      ])
      const hits: SearchHit[] = [
        ...b.map((r) => ({
          kind: 'building' as const,
          id: r.id,
          label: r.name,
          detail: `${r.address}, ${r.city}`,
          buildingId: null,
        })),
        ...u.map((r) => ({
          kind: 'unit' as const,
          id: r.id,
          label: r.unitNumber,
          detail: r.buildingName,
          buildingId: r.buildingId,
        })),
        ...o.map((r) => ({
          kind: 'owner' as const,
          id: r.id,
          label: r.label,
          detail: r.city,
          buildingId: null,
        })),
      ]
      return hits
    },
  }
}
