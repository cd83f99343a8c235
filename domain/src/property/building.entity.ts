import { DomainErrors, type FieldIssue } from '../shared/domain-error.ts'
import { err, ok, type Result } from '../shared/result.ts'
import { collectIssues, requiredText } from '../shared/text.ts'

export type Building = {
  readonly id: string
  readonly organizationId: string
  readonly name: string
  readonly address: string
  readonly city: string
  readonly postalCode: string
  readonly country: string
  readonly totalUnits: number
  readonly totalTantiemes: number
  readonly constructionYear: number | null
  readonly version: number
  readonly createdAt: Date
  readonly updatedAt: Date
}

export const DEFAULT_TOTAL_TANTIEMES = 1000
/** Fits a Postgres `integer` column; real buildings use 1000, 10 000 or 100 000. */
export const MAX_TANTIEMES = 1_000_000_000

export type BuildingFields = {
  readonly name: string
  readonly address: string
  readonly city: string
  readonly postalCode: string
  readonly country: string
  readonly totalUnits: number
  readonly totalTantiemes?: number | undefined
  readonly constructionYear?: number | null | undefined
}

export type ValidBuildingFields = Required<{
  [K in keyof BuildingFields]: Exclude<BuildingFields[K], undefined>
}>

/** `currentYear` comes from the clock so the plausibility window moves with time and stays testable. */
export function validateBuilding(fields: BuildingFields, currentYear: number): Result<ValidBuildingFields> {
  const totalTantiemes = fields.totalTantiemes ?? DEFAULT_TOTAL_TANTIEMES
  const constructionYear = fields.constructionYear ?? null
  const issues = collectIssues(
    requiredText('name', fields.name, 200),
    requiredText('address', fields.address, 255),
    requiredText('city', fields.city, 100),
    requiredText('postal_code', fields.postalCode, 20),
    requiredText('country', fields.country, 100),
    positiveIntIssue('total_units', fields.totalUnits, 100_000),
    positiveIntIssue('total_tantiemes', totalTantiemes, MAX_TANTIEMES),
    constructionYear === null ||
      (Number.isInteger(constructionYear) && constructionYear >= 1000 && constructionYear <= currentYear + 5)
      ? undefined
      : { path: 'construction_year', message: `must be a year between 1000 and ${currentYear + 5}` },
  )
  if (issues.length > 0) return err(DomainErrors.validation('Invalid building', issues))
  return ok({
    name: fields.name.trim(),
    address: fields.address.trim(),
    city: fields.city.trim(),
    postalCode: fields.postalCode.trim(),
    country: fields.country.trim(),
    totalUnits: fields.totalUnits,
    totalTantiemes,
    constructionYear,
  })
}

export function positiveIntIssue(path: string, value: number, max: number): FieldIssue | undefined {
  if (!Number.isInteger(value) || value <= 0) return { path, message: 'must be an integer greater than 0' }
  if (value > max) return { path, message: `must be at most ${max}` }
  return undefined
}
