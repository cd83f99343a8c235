import { DomainErrors, type FieldIssue } from '../shared/domain-error.ts'
import { enterpriseNumberIssue, parseEnterpriseNumber } from '../shared/enterprise-number.value-object.ts'
import { err, ok, type Result } from '../shared/result.ts'
import { collectIssues, emailIssue, normalizeEmail, optionalText, requiredText } from '../shared/text.ts'

export type Building = {
  readonly id: string
  readonly organizationId: string
  readonly name: string
  readonly address: string
  readonly city: string
  readonly postalCode: string
  readonly country: string
  /**
   * The number of lots registered in the building, counted by the database (ADR 0018): never
   * written by a use case, so it cannot disagree with the lots.
   */
  readonly totalUnits: number
  /** The number of lots the syndic declared (the deed's, or v1's `total_units`); informational. */
  readonly declaredUnits: number | null
  readonly totalTantiemes: number
  readonly constructionYear: number | null
  /** The syndic's public identity (Civil Code art. 3.89 §2); see syndicIdentity(). */
  readonly syndicName: string | null
  /** Belgian enterprise number, normalized 0123.456.789. */
  readonly syndicEnterpriseNumber: string | null
  readonly syndicAddress: string | null
  readonly syndicEmail: string | null
  readonly syndicPhone: string | null
  readonly version: number
  readonly createdAt: Date
  readonly updatedAt: Date
}

export const DEFAULT_TOTAL_TANTIEMES = 1000
/** Fits a Postgres `integer` column; real buildings use 1000, 10 000 or 100 000. */
export const MAX_TANTIEMES = 1_000_000_000

/** Text lengths and numeric bounds of a building's fields, by wire name: the API's schemas are built from them. */
export const BUILDING_LIMITS = {
  name: 200,
  address: 255,
  city: 100,
  postal_code: 20,
  country: 100,
  syndic_name: 200,
  syndic_address: 500,
  syndic_phone: 50,
  declared_units: 100_000,
  total_tantiemes: MAX_TANTIEMES,
} as const

export type BuildingFields = {
  readonly name: string
  readonly address: string
  readonly city: string
  readonly postalCode: string
  readonly country: string
  readonly declaredUnits?: number | null | undefined
  readonly totalTantiemes?: number | undefined
  readonly constructionYear?: number | null | undefined
  readonly syndicName?: string | null | undefined
  readonly syndicEnterpriseNumber?: string | null | undefined
  readonly syndicAddress?: string | null | undefined
  readonly syndicEmail?: string | null | undefined
  readonly syndicPhone?: string | null | undefined
}

export type ValidBuildingFields = Required<{
  [K in keyof BuildingFields]: Exclude<BuildingFields[K], undefined>
}>

const blankToNull = (v: string | null | undefined): string | null => (v?.trim() ? v.trim() : null)

/** `currentYear` comes from the clock so the plausibility window moves with time and stays testable. */
export function validateBuilding(fields: BuildingFields, currentYear: number): Result<ValidBuildingFields> {
  const totalTantiemes = fields.totalTantiemes ?? DEFAULT_TOTAL_TANTIEMES
  const constructionYear = fields.constructionYear ?? null
  const declaredUnits = fields.declaredUnits ?? null
  const syndicName = blankToNull(fields.syndicName)
  const syndicEnterprise = blankToNull(fields.syndicEnterpriseNumber)
  const syndicAddress = blankToNull(fields.syndicAddress)
  const syndicEmail = fields.syndicEmail?.trim() ? normalizeEmail(fields.syndicEmail) : null
  const syndicPhone = blankToNull(fields.syndicPhone)
  const issues = collectIssues(
    requiredText('name', fields.name, BUILDING_LIMITS.name),
    requiredText('address', fields.address, BUILDING_LIMITS.address),
    requiredText('city', fields.city, BUILDING_LIMITS.city),
    requiredText('postal_code', fields.postalCode, BUILDING_LIMITS.postal_code),
    requiredText('country', fields.country, BUILDING_LIMITS.country),
    declaredUnits === null
      ? undefined
      : positiveIntIssue('declared_units', declaredUnits, BUILDING_LIMITS.declared_units),
    positiveIntIssue('total_tantiemes', totalTantiemes, MAX_TANTIEMES),
    constructionYear === null ||
      (Number.isInteger(constructionYear) && constructionYear >= 1000 && constructionYear <= currentYear + 5)
      ? undefined
      : { path: 'construction_year', message: `must be a year between 1000 and ${currentYear + 5}` },
    optionalText('syndic_name', syndicName, BUILDING_LIMITS.syndic_name),
    enterpriseNumberIssue('syndic_enterprise_number', syndicEnterprise),
    optionalText('syndic_address', syndicAddress, BUILDING_LIMITS.syndic_address),
    syndicEmail === null ? undefined : emailIssue('syndic_email', syndicEmail),
    optionalText('syndic_phone', syndicPhone, BUILDING_LIMITS.syndic_phone),
  )
  if (issues.length > 0) return err(DomainErrors.validation('Invalid building', issues))
  return ok({
    name: fields.name.trim(),
    address: fields.address.trim(),
    city: fields.city.trim(),
    postalCode: fields.postalCode.trim(),
    country: fields.country.trim(),
    declaredUnits,
    totalTantiemes,
    constructionYear,
    syndicName,
    syndicEnterpriseNumber: syndicEnterprise === null ? null : normalizedEnterprise(syndicEnterprise),
    syndicAddress,
    syndicEmail,
    syndicPhone,
  })
}

export function positiveIntIssue(path: string, value: number, max: number): FieldIssue | undefined {
  if (!Number.isInteger(value) || value <= 0) return { path, message: 'must be an integer greater than 0' }
  if (value > max) return { path, message: `must be at most ${max}` }
  return undefined
}

function normalizedEnterprise(valid: string): string {
  const parsed = parseEnterpriseNumber(valid)
  return parsed.ok ? parsed.value : valid
}
