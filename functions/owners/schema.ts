import { z } from '@hono/zod-openapi'
import {
  EMAIL_MAX,
  OWNER_LANGUAGES,
  OWNER_LIMITS,
  OWNER_SORT_FIELDS,
  OWNER_TYPES,
  type Owner,
  ownerDisplayName,
} from '@koprogo/domain'
import { optionalId, organizationFilter, pageQuery } from '../_shared/http.ts'
import { WIRE_BOUNDS } from '../_shared/wire-bounds.ts'

export const OwnerSchema = z
  .object({
    id: z.uuid(),
    organization_id: z.uuid(),
    owner_type: z.enum(OWNER_TYPES),
    name: z.string().openapi({ description: 'Display name: the company name, or "first_name last_name"' }),
    first_name: z.string().nullable().openapi({ description: 'Always set for a person' }),
    last_name: z.string().nullable().openapi({ description: 'Always set for a person' }),
    company_name: z.string().nullable(),
    enterprise_number: z.string().nullable().openapi({ example: '0123.456.749' }),
    legal_representative: z.string().nullable(),
    email: z.string().nullable().openapi({ description: 'null: reached by paper mail only' }),
    phone: z.string().nullable(),
    address: z.string(),
    city: z.string(),
    postal_code: z.string(),
    country: z.string(),
    correspondence_address: z.string().nullable(),
    preferred_language: z.enum(OWNER_LANGUAGES),
    email_consent: z.boolean(),
    email_consent_date: z.string().nullable(),
    user_id: z.uuid().nullable(),
    version: z.number().int(),
    created_at: z.string(),
    updated_at: z.string(),
  })
  .openapi('Owner')

export function toOwnerDto(o: Owner): z.infer<typeof OwnerSchema> {
  return {
    id: o.id,
    organization_id: o.organizationId,
    owner_type: o.ownerType,
    name: ownerDisplayName(o),
    first_name: o.firstName,
    last_name: o.lastName,
    company_name: o.companyName,
    enterprise_number: o.enterpriseNumber,
    legal_representative: o.legalRepresentative,
    email: o.email,
    phone: o.phone,
    address: o.address,
    city: o.city,
    postal_code: o.postalCode,
    country: o.country,
    correspondence_address: o.correspondenceAddress,
    preferred_language: o.preferredLanguage,
    email_consent: o.emailConsent,
    email_consent_date: o.emailConsentDate,
    user_id: o.userId,
    version: o.version,
    created_at: o.createdAt.toISOString(),
    updated_at: o.updatedAt.toISOString(),
  }
}

/** The v1 fields keep their v1 meaning; the others are optional with the defaults the domain applies. */
const fields = {
  owner_type: z.enum(OWNER_TYPES).optional().openapi({ description: 'Default person' }),
  first_name: z
    .string()
    .max(OWNER_LIMITS.first_name)
    .nullish()
    .openapi({ description: 'Required for a person' }),
  last_name: z
    .string()
    .max(OWNER_LIMITS.last_name)
    .nullish()
    .openapi({ description: 'Required for a person' }),
  company_name: z
    .string()
    .max(OWNER_LIMITS.company_name)
    .nullish()
    .openapi({ description: 'Required for a company' }),
  enterprise_number: z.string().max(WIRE_BOUNDS.enterprise_number_text).nullish().openapi({
    description: 'Belgian KBO/BCE number (0123.456.749 or BE0123456749), checked',
    example: '0123.456.749',
  }),
  legal_representative: z.string().max(OWNER_LIMITS.legal_representative).nullish(),
  email: z
    .string()
    .max(EMAIL_MAX)
    .nullish()
    .openapi({ description: 'Optional: owners without e-mail get paper mail' }),
  phone: z.string().max(OWNER_LIMITS.phone).nullish(),
  address: z.string().max(OWNER_LIMITS.address),
  city: z.string().max(OWNER_LIMITS.city),
  postal_code: z.string().max(OWNER_LIMITS.postal_code),
  country: z.string().max(OWNER_LIMITS.country),
  correspondence_address: z
    .string()
    .max(OWNER_LIMITS.correspondence_address)
    .nullish()
    .openapi({ description: 'Where letters go when not to the address (several lines)' }),
  preferred_language: z.enum(OWNER_LANGUAGES).optional().openapi({ description: 'Default fr' }),
  email_consent: z.boolean().optional().openapi({
    description: 'Written consent to receive documents by e-mail; needs an e-mail. Default false',
  }),
  email_consent_date: z
    .string()
    .max(WIRE_BOUNDS.date_text)
    .nullish()
    .openapi({ description: 'YYYY-MM-DD, not in the future; defaults to today when consent is given' }),
}

export const CreateOwnerBody = z.object({ ...fields, organization_id: optionalId() }).openapi('CreateOwner')
export const UpdateOwnerBody = z
  .object(fields)
  .partial()
  .extend({ version: z.number().int().positive().optional() })
  .openapi('UpdateOwner')

export const OwnerListQuery = pageQuery(OWNER_SORT_FIELDS, 'last_name').extend({
  email: z.string().max(EMAIL_MAX).optional(),
  phone: z.string().max(OWNER_LIMITS.phone).optional(),
  last_name: z.string().max(OWNER_LIMITS.last_name).optional(),
  first_name: z.string().max(OWNER_LIMITS.first_name).optional(),
  company_name: z.string().max(OWNER_LIMITS.company_name).optional(),
  owner_type: z.enum(OWNER_TYPES).optional(),
  preferred_language: z.enum(OWNER_LANGUAGES).optional(),
  email_consent: z.stringbool().optional().openapi({ type: 'boolean' }),
  has_email: z.stringbool().optional().openapi({ type: 'boolean', description: 'false: paper-mail owners' }),
  organization_id: organizationFilter,
})

/** Wire body → domain fields (create and update share it; absent stays undefined). */
export function toOwnerFields(b: z.infer<typeof UpdateOwnerBody>) {
  return {
    ownerType: b.owner_type,
    firstName: b.first_name,
    lastName: b.last_name,
    companyName: b.company_name,
    enterpriseNumber: b.enterprise_number,
    legalRepresentative: b.legal_representative,
    email: b.email,
    phone: b.phone,
    address: b.address,
    city: b.city,
    postalCode: b.postal_code,
    country: b.country,
    correspondenceAddress: b.correspondence_address,
    preferredLanguage: b.preferred_language,
    emailConsent: b.email_consent,
    emailConsentDate: b.email_consent_date,
  }
}

export const LinkUserBody = z
  .object({ user_id: z.uuid().nullable(), version: z.number().int().positive().optional() })
  .openapi('LinkOwnerUser')
