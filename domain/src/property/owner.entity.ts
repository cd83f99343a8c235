import { DomainErrors, type FieldIssue } from '../shared/domain-error.ts'
import { enterpriseNumberIssue, parseEnterpriseNumber } from '../shared/enterprise-number.value-object.ts'
import { err, ok, type Result } from '../shared/result.ts'
import { collectIssues, emailIssue, normalizeEmail, optionalText, requiredText } from '../shared/text.ts'
import { type CalendarDate, parseCalendarDate } from './calendar-date.value-object.ts'

/** A natural person, or a legal person (company, association, another ACP) holding lots. */
export const OWNER_TYPES = ['person', 'company'] as const
export type OwnerType = (typeof OWNER_TYPES)[number]

/** The languages letters and e-mails are written in: Belgium's three plus English. */
export const OWNER_LANGUAGES = ['fr', 'nl', 'de', 'en'] as const
export type OwnerLanguage = (typeof OWNER_LANGUAGES)[number]
/** v1 clients send no language; French is the language of the v1 application and its documents. */
export const DEFAULT_OWNER_LANGUAGE: OwnerLanguage = 'fr'

/** Text lengths of an owner's fields, by wire name: the API's schemas are built from them. */
export const OWNER_LIMITS = {
  first_name: 100,
  last_name: 100,
  company_name: 200,
  legal_representative: 200,
  phone: 50,
  address: 255,
  city: 100,
  postal_code: 20,
  country: 100,
  correspondence_address: 500,
} as const

/** A co-owner (copropriétaire): a person or a company the syndic registers, optionally linked to a login. */
export type Owner = {
  readonly id: string
  readonly organizationId: string
  readonly ownerType: OwnerType
  /** Required for a person; for a company, optionally its contact person. */
  readonly firstName: string | null
  readonly lastName: string | null
  /** Company only: its registered name, Belgian enterprise number (0123.456.789) and representative. */
  readonly companyName: string | null
  readonly enterpriseNumber: string | null
  readonly legalRepresentative: string | null
  /** Lower-cased; unique within the organization; null for an owner reached by paper mail only. */
  readonly email: string | null
  readonly phone: string | null
  /** The owner's address (domicile or registered office). */
  readonly address: string
  readonly city: string
  readonly postalCode: string
  readonly country: string
  /** Where letters go when not to the address above (free text, several lines). */
  readonly correspondenceAddress: string | null
  readonly preferredLanguage: OwnerLanguage
  /** Written consent to receive documents (convocations, calls for funds) by e-mail. */
  readonly emailConsent: boolean
  /** The day consent was given; null while there is none. */
  readonly emailConsentDate: CalendarDate | null
  /** The user account (role owner, same organization) that sees this owner's units. */
  readonly userId: string | null
  readonly version: number
  readonly createdAt: Date
  readonly updatedAt: Date
}

export type OwnerFields = {
  readonly ownerType?: OwnerType | undefined
  readonly firstName?: string | null | undefined
  readonly lastName?: string | null | undefined
  readonly companyName?: string | null | undefined
  readonly enterpriseNumber?: string | null | undefined
  readonly legalRepresentative?: string | null | undefined
  readonly email?: string | null | undefined
  readonly phone?: string | null | undefined
  readonly address: string
  readonly city: string
  readonly postalCode: string
  readonly country: string
  readonly correspondenceAddress?: string | null | undefined
  readonly preferredLanguage?: OwnerLanguage | undefined
  readonly emailConsent?: boolean | undefined
  readonly emailConsentDate?: CalendarDate | null | undefined
}

export type ValidOwnerFields = Omit<
  Owner,
  'id' | 'organizationId' | 'userId' | 'version' | 'createdAt' | 'updatedAt'
>

/** A blank text from a form means "none", not an empty value. */
const blankToNull = (v: string | null | undefined): string | null => (v?.trim() ? v.trim() : null)

const COMPANY_ONLY = ['companyName', 'enterpriseNumber', 'legalRepresentative'] as const
const WIRE: Record<(typeof COMPANY_ONLY)[number], string> = {
  companyName: 'company_name',
  enterpriseNumber: 'enterprise_number',
  legalRepresentative: 'legal_representative',
}

/**
 * `today` bounds the consent date (consent cannot be given in the future) and is its default
 * when consent is given without a date.
 */
export function validateOwner(fields: OwnerFields, today: CalendarDate): Result<ValidOwnerFields> {
  const ownerType = fields.ownerType ?? 'person'
  const email = fields.email?.trim() ? normalizeEmail(fields.email) : null
  const phone = blankToNull(fields.phone)
  const firstName = blankToNull(fields.firstName)
  const lastName = blankToNull(fields.lastName)
  const companyName = blankToNull(fields.companyName)
  const legalRepresentative = blankToNull(fields.legalRepresentative)
  const rawEnterprise = blankToNull(fields.enterpriseNumber)
  const correspondenceAddress = blankToNull(fields.correspondenceAddress)
  const preferredLanguage = fields.preferredLanguage ?? DEFAULT_OWNER_LANGUAGE
  const emailConsent = fields.emailConsent ?? false
  const issues: FieldIssue[] = collectIssues(
    (OWNER_TYPES as readonly string[]).includes(ownerType)
      ? undefined
      : { path: 'owner_type', message: `must be one of ${OWNER_TYPES.join(', ')}` },
    ownerType === 'person'
      ? requiredText('first_name', firstName, OWNER_LIMITS.first_name)
      : optionalText('first_name', firstName, OWNER_LIMITS.first_name),
    ownerType === 'person'
      ? requiredText('last_name', lastName, OWNER_LIMITS.last_name)
      : optionalText('last_name', lastName, OWNER_LIMITS.last_name),
    ownerType === 'company'
      ? requiredText('company_name', companyName, OWNER_LIMITS.company_name)
      : undefined,
    ownerType === 'company' ? enterpriseNumberIssue('enterprise_number', rawEnterprise) : undefined,
    ownerType === 'company'
      ? optionalText('legal_representative', legalRepresentative, OWNER_LIMITS.legal_representative)
      : undefined,
    email === null ? undefined : emailIssue('email', email),
    optionalText('phone', phone, OWNER_LIMITS.phone),
    requiredText('address', fields.address, OWNER_LIMITS.address),
    requiredText('city', fields.city, OWNER_LIMITS.city),
    requiredText('postal_code', fields.postalCode, OWNER_LIMITS.postal_code),
    requiredText('country', fields.country, OWNER_LIMITS.country),
    optionalText('correspondence_address', correspondenceAddress, OWNER_LIMITS.correspondence_address),
    (OWNER_LANGUAGES as readonly string[]).includes(preferredLanguage)
      ? undefined
      : { path: 'preferred_language', message: `must be one of ${OWNER_LANGUAGES.join(', ')}` },
    emailConsent && email === null
      ? { path: 'email_consent', message: 'needs an e-mail address to consent to' }
      : undefined,
  )
  // A person carries no company data: refused rather than silently dropped.
  if (ownerType === 'person') {
    const given = { companyName, enterpriseNumber: rawEnterprise, legalRepresentative }
    for (const key of COMPANY_ONLY) {
      if (given[key] !== null) issues.push({ path: WIRE[key], message: 'is only for owner_type company' })
    }
  }
  const consentDate = consentDateOf(emailConsent, fields.emailConsentDate ?? null, today, issues)
  if (issues.length > 0) return err(DomainErrors.validation('Invalid owner', issues))
  const enterprise = rawEnterprise === null ? null : parseEnterpriseNumber(rawEnterprise)
  return ok({
    ownerType,
    firstName,
    lastName,
    companyName,
    enterpriseNumber: enterprise?.ok ? enterprise.value : null,
    legalRepresentative,
    email,
    phone,
    address: fields.address.trim(),
    city: fields.city.trim(),
    postalCode: fields.postalCode.trim(),
    country: fields.country.trim(),
    correspondenceAddress,
    preferredLanguage,
    emailConsent,
    emailConsentDate: consentDate,
  })
}

/** With consent: the given day (not after today) or today; without: none. */
function consentDateOf(
  consent: boolean,
  given: CalendarDate | null,
  today: CalendarDate,
  issues: FieldIssue[],
): CalendarDate | null {
  if (!consent) {
    if (given !== null) issues.push({ path: 'email_consent_date', message: 'needs email_consent true' })
    return null
  }
  if (given === null) return today
  const parsed = parseCalendarDate(given, 'email_consent_date')
  if (!parsed.ok) {
    issues.push({ path: 'email_consent_date', message: 'must be a date YYYY-MM-DD' })
    return null
  }
  if (parsed.value > today) issues.push({ path: 'email_consent_date', message: 'cannot be in the future' })
  return parsed.value
}

/**
 * The fields to start an update from when the owner type changes: switching to a person drops the
 * company's name, number and representative (a person has none); the caller's changes apply on top.
 */
export function ownerTypeSwitchBase(current: Owner, nextType: OwnerType | undefined): Owner {
  if (nextType !== 'person' || current.ownerType === 'person') return current
  return {
    ...current,
    ownerType: 'person',
    companyName: null,
    enterpriseNumber: null,
    legalRepresentative: null,
  }
}

/** How the owner is named on screens and letters: the company's name, or "First Last". */
export function ownerDisplayName(
  owner: Pick<Owner, 'ownerType' | 'firstName' | 'lastName' | 'companyName'>,
): string {
  if (owner.ownerType === 'company' && owner.companyName) return owner.companyName
  return [owner.firstName, owner.lastName].filter((p): p is string => Boolean(p)).join(' ')
}

/**
 * Whether documents may be sent to this owner by e-mail (Civil Code art. 3.87 §3: convocations
 * go by registered letter unless the addressee agreed individually, expressly and in writing to
 * receive them another way). Everyone else gets paper mail at `letterAddress`.
 */
export function mayReceiveDocumentsByEmail(owner: Pick<Owner, 'email' | 'emailConsent'>): boolean {
  return owner.email !== null && owner.emailConsent
}

/** The lines of the postal address letters are sent to. */
export function letterAddress(owner: Owner): string[] {
  const name = ownerDisplayName(owner)
  const attention =
    owner.ownerType === 'company' && owner.legalRepresentative ? [`c/o ${owner.legalRepresentative}`] : []
  const body = owner.correspondenceAddress
    ? owner.correspondenceAddress
        .split(/\r?\n/)
        .map((l) => l.trim())
        .filter(Boolean)
    : [owner.address, `${owner.postalCode} ${owner.city}`, owner.country]
  return [name, ...attention, ...body]
}
