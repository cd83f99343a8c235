import { DomainErrors } from '../shared/domain-error.ts'
import { err, ok, type Result } from '../shared/result.ts'
import { collectIssues, emailIssue, normalizeEmail, requiredText } from '../shared/text.ts'
import type { Role } from './role.value-object.ts'

/** Text lengths of a user's fields, by wire name: the API's schemas are built from them. */
export const USER_LIMITS = { first_name: 100, last_name: 100 } as const

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
    requiredText('first_name', input.firstName, USER_LIMITS.first_name),
    requiredText('last_name', input.lastName, USER_LIMITS.last_name),
  )
  if (issues.length > 0) return err(DomainErrors.validation('Invalid user', issues))
  return ok({ email, firstName: input.firstName.trim(), lastName: input.lastName.trim() })
}
