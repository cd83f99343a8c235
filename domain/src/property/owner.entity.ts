import { DomainErrors } from '../shared/domain-error.ts'
import { err, ok, type Result } from '../shared/result.ts'
import { collectIssues, emailIssue, normalizeEmail, optionalText, requiredText } from '../shared/text.ts'

/** A co-owner (copropriétaire): a person the syndic registers, optionally linked to a login. */
export type Owner = {
  readonly id: string
  readonly organizationId: string
  readonly firstName: string
  readonly lastName: string
  /** Lower-cased; unique within the organization. */
  readonly email: string
  readonly phone: string | null
  readonly address: string
  readonly city: string
  readonly postalCode: string
  readonly country: string
  /** The user account (role owner, same organization) that sees this owner's units. */
  readonly userId: string | null
  readonly version: number
  readonly createdAt: Date
  readonly updatedAt: Date
}

export type OwnerFields = {
  readonly firstName: string
  readonly lastName: string
  readonly email: string
  readonly phone?: string | null | undefined
  readonly address: string
  readonly city: string
  readonly postalCode: string
  readonly country: string
}

export type ValidOwnerFields = Omit<Required<OwnerFields>, 'phone'> & { readonly phone: string | null }

export function validateOwner(fields: OwnerFields): Result<ValidOwnerFields> {
  const email = normalizeEmail(fields.email)
  // A blank phone from a form means "none", not an empty number.
  const phone = fields.phone?.trim() ? fields.phone.trim() : null
  const issues = collectIssues(
    requiredText('first_name', fields.firstName, 100),
    requiredText('last_name', fields.lastName, 100),
    emailIssue('email', email),
    optionalText('phone', phone, 50),
    requiredText('address', fields.address, 255),
    requiredText('city', fields.city, 100),
    requiredText('postal_code', fields.postalCode, 20),
    requiredText('country', fields.country, 100),
  )
  if (issues.length > 0) return err(DomainErrors.validation('Invalid owner', issues))
  return ok({
    firstName: fields.firstName.trim(),
    lastName: fields.lastName.trim(),
    email,
    phone,
    address: fields.address.trim(),
    city: fields.city.trim(),
    postalCode: fields.postalCode.trim(),
    country: fields.country.trim(),
  })
}
