import { z } from '@hono/zod-openapi'
import {
  BUILDING_LIMITS,
  BUILDING_SORT_FIELDS,
  type Building,
  DomainErrors,
  EMAIL_MAX,
  err,
  ok,
  type Result,
} from '@koprogo/domain'
import { optionalId, organizationFilter, pageQuery } from '../_shared/http.ts'
import { WIRE_BOUNDS } from '../_shared/wire-bounds.ts'

export const BuildingSchema = z
  .object({
    id: z.uuid(),
    organization_id: z.uuid(),
    name: z.string(),
    address: z.string(),
    city: z.string(),
    postal_code: z.string(),
    country: z.string(),
    total_units: z
      .number()
      .int()
      .openapi({ description: 'The number of lots registered in the building, counted (ADR 0018)' }),
    declared_units: z
      .number()
      .int()
      .nullable()
      .openapi({ description: 'The number of lots the syndic declared; informational, not enforced' }),
    total_tantiemes: z.number().int(),
    construction_year: z.number().int().nullable(),
    syndic_name: z.string().nullable(),
    syndic_enterprise_number: z.string().nullable().openapi({ example: '0123.456.749' }),
    syndic_address: z.string().nullable(),
    syndic_email: z.string().nullable(),
    syndic_phone: z.string().nullable(),
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
    declared_units: b.declaredUnits,
    total_tantiemes: b.totalTantiemes,
    construction_year: b.constructionYear,
    syndic_name: b.syndicName,
    syndic_enterprise_number: b.syndicEnterpriseNumber,
    syndic_address: b.syndicAddress,
    syndic_email: b.syndicEmail,
    syndic_phone: b.syndicPhone,
    version: b.version,
    created_at: b.createdAt.toISOString(),
    updated_at: b.updatedAt.toISOString(),
  }
}

const fields = {
  name: z.string().max(BUILDING_LIMITS.name),
  address: z.string().max(BUILDING_LIMITS.address),
  city: z.string().max(BUILDING_LIMITS.city),
  postal_code: z.string().max(BUILDING_LIMITS.postal_code),
  country: z.string().max(BUILDING_LIMITS.country),
  // Numeric bounds are advertised, and checked by the domain (its message names the field).
  declared_units: z.number().int().nullish().openapi({
    description: 'The number of lots the deed declares; informational (ADR 0018)',
    maximum: BUILDING_LIMITS.declared_units,
  }),
  total_units: z.number().int().optional().openapi({
    description:
      'v1 name of declared_units, still accepted (stored as declared_units). Responses report the counted lots.',
    deprecated: true,
  }),
  total_tantiemes: z.number().int().optional().openapi({ maximum: BUILDING_LIMITS.total_tantiemes }),
  construction_year: z.number().int().nullish(),
  syndic_name: z
    .string()
    .max(BUILDING_LIMITS.syndic_name)
    .nullish()
    .openapi({ description: "Default: the organization's name (Civil Code art. 3.89 §2)" }),
  syndic_enterprise_number: z
    .string()
    .max(WIRE_BOUNDS.enterprise_number_text)
    .nullish()
    .openapi({ description: 'Belgian KBO/BCE number, checked and normalized to 0123.456.749' }),
  syndic_address: z.string().max(BUILDING_LIMITS.syndic_address).nullish(),
  syndic_email: z
    .string()
    .max(EMAIL_MAX)
    .nullish()
    .openapi({ description: "Default: the organization's contact e-mail" }),
  syndic_phone: z
    .string()
    .max(BUILDING_LIMITS.syndic_phone)
    .nullish()
    .openapi({ description: "Default: the organization's contact phone" }),
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
  city: z.string().max(BUILDING_LIMITS.city).optional(),
  construction_year: z.coerce.number().int().min(-2_147_483_648).max(2_147_483_647).optional(),
  min_units: z.coerce.number().int().min(-2_147_483_648).max(2_147_483_647).optional(),
  max_units: z.coerce.number().int().min(-2_147_483_648).max(2_147_483_647).optional(),
  organization_id: organizationFilter,
})

export const BuildingIdParam = z.object({
  building_id: z.uuid().openapi({ param: { name: 'building_id', in: 'path' } }),
})

type BuildingBody = z.infer<typeof UpdateBuildingBody>

/**
 * Wire body → domain fields. `total_units` is v1's name for the declared number: taken as
 * declared_units, and refused when both are sent and disagree (the API never picks one silently).
 */
export function toBuildingFields(b: BuildingBody) {
  if (b.declared_units !== undefined && b.total_units !== undefined && b.declared_units !== b.total_units) {
    return err(
      DomainErrors.invalidField(
        'total_units',
        'differs from declared_units: send one of them (total_units is the v1 name of declared_units)',
      ),
    )
  }
  const declared = b.declared_units !== undefined ? b.declared_units : b.total_units
  return ok({
    name: b.name,
    address: b.address,
    city: b.city,
    postalCode: b.postal_code,
    country: b.country,
    declaredUnits: declared,
    totalTantiemes: b.total_tantiemes,
    constructionYear: b.construction_year,
    syndicName: b.syndic_name,
    syndicEnterpriseNumber: b.syndic_enterprise_number,
    syndicAddress: b.syndic_address,
    syndicEmail: b.syndic_email,
    syndicPhone: b.syndic_phone,
  })
}

/** A v1 client sent total_units: its validation errors name the field it sent, not declared_units. */
export function inClientTerms<T>(b: BuildingBody, result: Result<T>): Result<T> {
  if (result.ok || result.error.kind !== 'validation') return result
  if (b.total_units === undefined || b.declared_units !== undefined) return result
  const issues = result.error.issues.map((i) =>
    i.path === 'declared_units' ? { ...i, path: 'total_units' } : i,
  )
  return err({ ...result.error, issues })
}
