import { DomainErrors } from '../shared/domain-error.ts'
import { err, ok, type Result } from '../shared/result.ts'
import { COMMON_PASSWORDS } from './common-passwords.ts'

export const PASSWORD_MIN = 8
export const PASSWORD_MAX = 128

/** Applies to passwords people choose through the API (register, create user, change). */
export function checkPassword(password: string, email?: string): Result<string> {
  const length = [...password].length
  if (length < PASSWORD_MIN)
    return err(DomainErrors.invalidField('password', `must be at least ${PASSWORD_MIN} characters`))
  if (length > PASSWORD_MAX)
    return err(DomainErrors.invalidField('password', `must be at most ${PASSWORD_MAX} characters`))
  const lower = password.toLowerCase()
  if (COMMON_PASSWORDS.has(lower))
    return err(DomainErrors.invalidField('password', 'is too common; choose another'))
  if (email && lower === email.toLowerCase())
    return err(DomainErrors.invalidField('password', 'must not be your e-mail'))
  return ok(password)
}
