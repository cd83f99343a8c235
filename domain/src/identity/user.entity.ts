import { DomainErrors } from '../shared/domain-error.ts'
import { err, ok, type Result } from '../shared/result.ts'
import { collectIssues, emailIssue, normalizeEmail, requiredText } from '../shared/text.ts'
import type { Role } from './role.value-object.ts'

export type User = {
  readonly id: string
  readonly email: string
  readonly firstName: string
  readonly lastName: string
  readonly role: Role
  readonly organizationId: string | null
  readonly isActive: boolean
  readonly passwordHash: string
  /**
   * Moves on when the user's sessions must end (password, role or activity change): tokens
   * issued under an older epoch are refused (ADR 0016).
   */
  readonly sessionEpoch: number
  readonly version: number
  readonly createdAt: Date
  readonly updatedAt: Date
}

export type UserProfileInput = {
  readonly email: string
  readonly firstName: string
  readonly lastName: string
}

/** Validates and normalizes the fields a person types; the e-mail is stored lower-cased. */
export function validateUserProfile(input: UserProfileInput): Result<UserProfileInput> {
  const email = normalizeEmail(input.email)
  const issues = collectIssues(
    emailIssue('email', email),
    requiredText('first_name', input.firstName, 100),
    requiredText('last_name', input.lastName, 100),
  )
  if (issues.length > 0) return err(DomainErrors.validation('Invalid user', issues))
  return ok({ email, firstName: input.firstName.trim(), lastName: input.lastName.trim() })
}
