import { z } from '@hono/zod-openapi'
import {
  RIGHT_TYPES,
  sharePpmToDecimal,
  UNIT_LIMITS,
  UNIT_SORT_FIELDS,
  UNIT_TYPES,
  type Unit,
  type UnitOwnership,
  type UnitOwnershipView,
  type UnitRepresentation,
} from '@koprogo/domain'
import { optionalId, organizationFilter, pageQuery } from '../_shared/http.ts'
import { WIRE_BOUNDS } from '../_shared/wire-bounds.ts'

const UnitType = z.enum(UNIT_TYPES)
const RightType = z.enum(RIGHT_TYPES).openapi({
  description:
    "'full' ownership, or one side of a dismembered lot: 'usufruct' or 'bare' (nue-propriété). Shares add up per right on every date: Σfull + Σusufruct ≤ 1 and Σfull + Σbare ≤ 1",
})

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
    owner_id: z.uuid().nullable().openapi({
      description:
        'The owner on the asked `date` (default today in Europe/Brussels): the primary contact among the links holding the lot that day, else the largest share',
    }),
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
    right_type: RightType,
    is_primary_contact: z.boolean(),
    start_date: z.string().openapi({ description: 'First day the link holds the lot' }),
    end_date: z.string().nullable().openapi({
      description: 'EXCLUSIVE: the first day it no longer holds it (a deed date); null while open',
    }),
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
    right_type: o.rightType,
    is_primary_contact: o.isPrimaryContact,
    start_date: o.startDate,
    end_date: o.endDate,
    version: o.version,
    created_at: o.createdAt.toISOString(),
    updated_at: o.updatedAt.toISOString(),
  }
}

const DateQuery = z
  .string()
  .max(WIRE_BOUNDS.date_text)
  .optional()
  .openapi({ description: 'YYYY-MM-DD: the day the answer is for (default today in Europe/Brussels)' })

const fields = {
  unit_number: z.string().max(UNIT_LIMITS.unit_number),
  unit_type: UnitType,
  floor: z.number().int().nullish(),
  // Numeric bounds are advertised, and checked by the domain (its message names the field).
  surface_area: z.number().openapi({ maximum: UNIT_LIMITS.surface_area }),
  quota: z.number().openapi({ maximum: UNIT_LIMITS.quota }),
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
  date: DateQuery,
  building_id: z.uuid().optional(),
  organization_id: organizationFilter,
})

export const BuildingUnitsQuery = pageQuery(UNIT_SORT_FIELDS, 'unit_number').extend({
  ...UnitFilterQuery,
  date: DateQuery,
})

export const UnitOwnershipViewSchema = UnitOwnershipSchema.extend({
  votes: z.boolean().openapi({ description: 'Votes for the lot at general assemblies on the asked date' }),
  receives_calls: z
    .boolean()
    .openapi({ description: 'Receives the calls for funds of the lot on the asked date' }),
}).openapi('UnitOwnershipOnDate')

export function toOwnershipViewDto(o: UnitOwnershipView): z.infer<typeof UnitOwnershipViewSchema> {
  return { ...toOwnershipDto(o), votes: o.votes, receives_calls: o.receivesCalls }
}

const Share = z
  .union([z.number(), z.string().max(WIRE_BOUNDS.share_text)])
  .openapi({ description: 'Decimal 0 < s ≤ 1, at most 6 decimals' })

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
    right_type: RightType.optional(),
    is_primary_contact: z.boolean().optional(),
    start_date: z.string().max(WIRE_BOUNDS.date_text).optional(),
  })
  .refine((b) => b.ownership_share !== undefined || b.ownership_percentage !== undefined, {
    path: ['ownership_share'],
    message: 'Required',
  })
  .openapi('AddUnitOwner')

export const HistoryQuery = z.object({ include_history: z.stringbool().optional(), date: DateQuery })
export const UnitDateQuery = z.object({ date: DateQuery })

export const TransferBody = z
  .object({
    deed_date: z.string().max(WIRE_BOUNDS.date_text).openapi({
      description: "The deed's date: sellers' links end on it (exclusive) and buyers' links start on it",
    }),
    sellers: z
      .array(z.uuid())
      .max(100)
      .optional()
      .openapi({ description: 'Owner ids; default: every owner holding the lot on the deed date' }),
    buyers: z
      .array(
        z.object({
          owner_id: z.uuid(),
          ownership_share: Share,
          right_type: RightType.optional(),
          is_primary_contact: z.boolean().optional(),
        }),
      )
      .min(1)
      .max(100),
    version: z.number().int().positive().optional(),
  })
  .openapi('UnitTransfer')

export const TransferResultSchema = z
  .object({
    unit: UnitSchema,
    ended: z.array(UnitOwnershipSchema),
    started: z.array(UnitOwnershipSchema),
  })
  .openapi('UnitTransferResult')

export const RepresentativesBody = z
  .object({
    start_date: z.string().max(WIRE_BOUNDS.date_text),
    voter_owner_id: z.uuid().nullable(),
    calls_owner_id: z.uuid().nullable(),
  })
  .openapi('UnitRepresentatives')

export const RepresentativesSchema = z
  .object({
    id: z.uuid(),
    unit_id: z.uuid(),
    start_date: z.string(),
    voter_owner_id: z.uuid().nullable(),
    calls_owner_id: z.uuid().nullable(),
    version: z.number().int(),
  })
  .openapi('UnitRepresentation')

export function toRepresentationDto(r: UnitRepresentation): z.infer<typeof RepresentativesSchema> {
  return {
    id: r.id,
    unit_id: r.unitId,
    start_date: r.startDate,
    voter_owner_id: r.voterOwnerId,
    calls_owner_id: r.callsOwnerId,
    version: r.version,
  }
}

export const UnitOwnerParams = z.object({
  id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }),
  owner_id: z.uuid().openapi({ param: { name: 'owner_id', in: 'path' } }),
})

export const AssignOwnerParams = z.object({
  unit_id: z.uuid().openapi({ param: { name: 'unit_id', in: 'path' } }),
  owner_id: z.uuid().openapi({ param: { name: 'owner_id', in: 'path' } }),
})

export const EndOwnershipQuery = z.object({ end_date: z.string().max(WIRE_BOUNDS.date_text).optional() })
