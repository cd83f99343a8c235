import { z } from '@hono/zod-openapi'
import { BUILDING_SORT_FIELDS, type Building } from '@koprogo/domain'
import { optionalId, organizationFilter, pageQuery } from '../_shared/http.ts'

export const BuildingSchema = z
  .object({
    id: z.uuid(),
    organization_id: z.uuid(),
    name: z.string(),
    address: z.string(),
    city: z.string(),
    postal_code: z.string(),
    country: z.string(),
    total_units: z.number().int(),
    total_tantiemes: z.number().int(),
    construction_year: z.number().int().nullable(),
    version: z.number().int(),
    created_at: z.string(),
    updated_at: z.string(),
  })
  .openapi('Building')

export function toBuildingDto(b: Building): z.infer<typeof BuildingSchema> {
  return {
    id: b.id,
    organization_id: b.organizationId,
    name: b.name,
    address: b.address,
    city: b.city,
    postal_code: b.postalCode,
    country: b.country,
    total_units: b.totalUnits,
    total_tantiemes: b.totalTantiemes,
    construction_year: b.constructionYear,
    version: b.version,
    created_at: b.createdAt.toISOString(),
    updated_at: b.updatedAt.toISOString(),
  }
}

const fields = {
  name: z.string().max(200),
  address: z.string().max(300),
  city: z.string().max(100),
  postal_code: z.string().max(20),
  country: z.string().max(100),
  total_units: z.number().int(),
  total_tantiemes: z.number().int().optional(),
  construction_year: z.number().int().nullish(),
}

export const CreateBuildingBody = z
  .object({ ...fields, organization_id: optionalId() })
  .openapi('CreateBuilding')

export const UpdateBuildingBody = z
  .object(fields)
  .partial()
  .extend({
    version: z.number().int().positive().optional(),
    organization_id: optionalId().openapi({
      description:
        'Sent by v1 forms on edit. Ignored for non-superadmins; for a superadmin it must be the building’s own organization (a building never moves: 400)',
    }),
  })
  .openapi('UpdateBuilding')

export const BuildingListQuery = pageQuery(BUILDING_SORT_FIELDS, 'created_at').extend({
  city: z.string().max(100).optional(),
  construction_year: z.coerce.number().int().min(-2_147_483_648).max(2_147_483_647).optional(),
  min_units: z.coerce.number().int().min(-2_147_483_648).max(2_147_483_647).optional(),
  max_units: z.coerce.number().int().min(-2_147_483_648).max(2_147_483_647).optional(),
  organization_id: organizationFilter,
})

export const BuildingIdParam = z.object({
  building_id: z.uuid().openapi({ param: { name: 'building_id', in: 'path' } }),
})
