import { z } from '@hono/zod-openapi'
import {
  sharePpmToDecimal,
  UNIT_SORT_FIELDS,
  UNIT_TYPES,
  type Unit,
  type UnitOwnership,
} from '@koprogo/domain'
import { optionalId, organizationFilter, pageQuery } from '../_shared/http.ts'

const UnitType = z.enum(UNIT_TYPES)

export const UnitSchema = z
  .object({
    id: z.uuid(),
    organization_id: z.uuid(),
    building_id: z.uuid(),
    unit_number: z.string(),
    unit_type: UnitType,
    floor: z.number().int().nullable(),
    surface_area: z.number(),
    quota: z.number().int().openapi({ description: 'Quote-part in tantièmes of the building total' }),
    owner_id: z.uuid().nullable().openapi({ description: 'Primary contact among the active owners' }),
    version: z.number().int(),
    created_at: z.string(),
    updated_at: z.string(),
  })
  .openapi('Unit')

export function toUnitDto(u: Unit): z.infer<typeof UnitSchema> {
  return {
    id: u.id,
    organization_id: u.organizationId,
    building_id: u.buildingId,
    unit_number: u.unitNumber,
    unit_type: u.unitType,
    floor: u.floor,
    surface_area: u.surfaceArea,
    quota: u.quota,
    owner_id: u.ownerId,
    version: u.version,
    created_at: u.createdAt.toISOString(),
    updated_at: u.updatedAt.toISOString(),
  }
}

export const UnitOwnershipSchema = z
  .object({
    id: z.uuid(),
    unit_id: z.uuid(),
    owner_id: z.uuid(),
    ownership_share: z.number().openapi({ description: '0 < s ≤ 1' }),
    share_ppm: z.number().int().openapi({ description: 'The exact share in millionths' }),
    is_primary_contact: z.boolean(),
    start_date: z.string(),
    end_date: z.string().nullable(),
    version: z.number().int(),
    created_at: z.string(),
    updated_at: z.string(),
  })
  .openapi('UnitOwnership')

export function toOwnershipDto(o: UnitOwnership): z.infer<typeof UnitOwnershipSchema> {
  return {
    id: o.id,
    unit_id: o.unitId,
    owner_id: o.ownerId,
    ownership_share: sharePpmToDecimal(o.sharePpm),
    share_ppm: o.sharePpm,
    is_primary_contact: o.isPrimaryContact,
    start_date: o.startDate,
    end_date: o.endDate,
    version: o.version,
    created_at: o.createdAt.toISOString(),
    updated_at: o.updatedAt.toISOString(),
  }
}

const fields = {
  unit_number: z.string().max(50),
  unit_type: UnitType,
  floor: z.number().int().nullish(),
  surface_area: z.number(),
  quota: z.number(),
}

export const CreateUnitBody = z
  .object({
    ...fields,
    building_id: z.uuid(),
    organization_id: optionalId().openapi({
      description: 'Sent by v1 clients; ignored: a unit belongs to its building’s organization',
    }),
  })
  .openapi('CreateUnit')
export const UpdateUnitBody = z
  .object(fields)
  .partial()
  .extend({ version: z.number().int().positive().optional() })
  .openapi('UpdateUnit')

export const UnitFilterQuery = {
  unit_type: UnitType.optional(),
  has_owner: z.stringbool().optional(),
  floor: z.coerce.number().int().min(-2_147_483_648).max(2_147_483_647).optional(),
  min_area: z.coerce.number().optional(),
  max_area: z.coerce.number().optional(),
}

export const UnitListQuery = pageQuery(UNIT_SORT_FIELDS, 'unit_number').extend({
  ...UnitFilterQuery,
  building_id: z.uuid().optional(),
  organization_id: organizationFilter,
})

export const BuildingUnitsQuery = pageQuery(UNIT_SORT_FIELDS, 'unit_number').extend(UnitFilterQuery)

const Share = z.union([z.number(), z.string().max(20)])

/** `ownership_percentage` is v1's name for the same share (a decimal 0 < s ≤ 1, despite its name). */
export const AddOwnerBody = z
  .object({
    owner_id: z.uuid(),
    ownership_share: Share.optional().openapi({
      description: '0 < s ≤ 1 (required unless ownership_percentage)',
    }),
    ownership_percentage: Share.optional().openapi({
      description:
        'v1’s name for ownership_share (same decimal 0 < s ≤ 1); used when ownership_share is absent',
    }),
    is_primary_contact: z.boolean().optional(),
    start_date: z.string().max(40).optional(),
  })
  .refine((b) => b.ownership_share !== undefined || b.ownership_percentage !== undefined, {
    path: ['ownership_share'],
    message: 'Required',
  })
  .openapi('AddUnitOwner')

export const HistoryQuery = z.object({ include_history: z.stringbool().optional() })

export const UnitOwnerParams = z.object({
  id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }),
  owner_id: z.uuid().openapi({ param: { name: 'owner_id', in: 'path' } }),
})

export const AssignOwnerParams = z.object({
  unit_id: z.uuid().openapi({ param: { name: 'unit_id', in: 'path' } }),
  owner_id: z.uuid().openapi({ param: { name: 'owner_id', in: 'path' } }),
})

export const EndOwnershipQuery = z.object({ end_date: z.string().max(40).optional() })
