import { DomainErrors } from '../shared/domain-error.ts'
import { err, ok, type Result } from '../shared/result.ts'
import { collectIssues, requiredText } from '../shared/text.ts'
import { MAX_TANTIEMES, positiveIntIssue } from './building.entity.ts'

export const UNIT_TYPES = ['Apartment', 'Parking', 'Cellar', 'Commercial', 'Other'] as const
export type UnitType = (typeof UNIT_TYPES)[number]

export function isUnitType(value: unknown): value is UnitType {
  return typeof value === 'string' && (UNIT_TYPES as readonly string[]).includes(value)
}

export type Unit = {
  readonly id: string
  readonly organizationId: string
  readonly buildingId: string
  readonly unitNumber: string
  readonly unitType: UnitType
  readonly floor: number | null
  /** m², at most 2 decimals (stored as numeric(10,2)). */
  readonly surfaceArea: number
  /** Quote-part in tantièmes of the building's totalTantiemes. */
  readonly quota: number
  /**
   * Denormalized v1 `owner_id`: the primary contact among the active ownerships, or null.
   * Only the ownership use cases write it, in the same transaction as the links.
   */
  readonly ownerId: string | null
  readonly version: number
  readonly createdAt: Date
  readonly updatedAt: Date
}

export type UnitFields = {
  readonly unitNumber: string
  readonly unitType: UnitType
  readonly floor?: number | null | undefined
  readonly surfaceArea: number
  readonly quota: number
}

export type ValidUnitFields = {
  readonly unitNumber: string
  readonly unitType: UnitType
  readonly floor: number | null
  readonly surfaceArea: number
  readonly quota: number
}

const MAX_SURFACE = 10_000_000

/** Text lengths and numeric bounds of a lot's fields, by wire name: the API's schemas are built from them. */
export const UNIT_LIMITS = { unit_number: 50, surface_area: MAX_SURFACE, quota: MAX_TANTIEMES } as const

export function validateUnit(fields: UnitFields): Result<ValidUnitFields> {
  const floor = fields.floor ?? null
  const issues = collectIssues(
    requiredText('unit_number', fields.unitNumber, UNIT_LIMITS.unit_number),
    isUnitType(fields.unitType)
      ? undefined
      : { path: 'unit_type', message: `must be one of ${UNIT_TYPES.join(', ')}` },
    floor === null || (Number.isInteger(floor) && Math.abs(floor) <= 500)
      ? undefined
      : { path: 'floor', message: 'must be an integer between -500 and 500' },
    hasAtMostTwoDecimals(fields.surfaceArea) && fields.surfaceArea > 0 && fields.surfaceArea <= MAX_SURFACE
      ? undefined
      : { path: 'surface_area', message: 'must be greater than 0 with at most 2 decimals' },
    positiveIntIssue('quota', fields.quota, MAX_TANTIEMES),
  )
  if (issues.length > 0) return err(DomainErrors.validation('Invalid unit', issues))
  return ok({
    unitNumber: fields.unitNumber.trim(),
    unitType: fields.unitType,
    floor,
    surfaceArea: fields.surfaceArea,
    quota: fields.quota,
  })
}

/** Reads the number's shortest decimal form, so 0.1 + 0.2 (0.30000000000000004) is refused. */
function hasAtMostTwoDecimals(value: number): boolean {
  return Number.isFinite(value) && /^\d+(?:\.\d{1,2})?$/.test(String(value))
}
