import { z } from '@hono/zod-openapi'
import { EMAIL_MAX, LOCALES, ORGANIZATION_LIMITS, ROLES, USER_LIMITS } from '@koprogo/domain'
import { UserSchema } from '../_shared/dto.ts'
import { optionalId } from '../_shared/http.ts'
import { newPassword, WIRE_BOUNDS } from '../_shared/wire-bounds.ts'

export const LoginBody = z
  .object({
    email: z.string().min(1).max(EMAIL_MAX),
    password: z.string().min(1).max(WIRE_BOUNDS.login_password),
  })
  .openapi('LoginRequest')

export const RegisterBody = z
  .object({
    email: z.string().min(1).max(EMAIL_MAX),
    password: newPassword().min(1),
    first_name: z.string().max(USER_LIMITS.first_name),
    last_name: z.string().max(USER_LIMITS.last_name),
    role: z.enum(ROLES),
    organization_id: optionalId(),
    organization_name: z.string().max(ORGANIZATION_LIMITS.name).optional(),
  })
  .openapi('RegisterRequest')

/** `refresh_token` may be left out by a browser holding the refresh cookie (ADR 0017). */
export const RefreshBody = z
  .object({ refresh_token: z.string().min(1).max(WIRE_BOUNDS.refresh_token).optional() })
  .openapi('RefreshRequest')

export const SessionSchema = z
  .object({
    token: z.string(),
    refresh_token: z.string(),
    token_type: z.literal('Bearer'),
    expires_in: z.number().int(),
    user: UserSchema,
  })
  .openapi('Session')

const Locale = z.enum(LOCALES)

export const ForgotPasswordBody = z
  .object({
    email: z.string().min(1).max(EMAIL_MAX),
    /** The language of the e-mail: the page's language. */
    locale: Locale.optional(),
  })
  .openapi('ForgotPasswordRequest')

export const AcceptedSchema = z.object({ message: z.string() }).openapi('Accepted')

/** Completes an invitation or a reset: the token from the e-mailed link and the new password. */
export const ResetPasswordBody = z
  .object({ token: z.string().min(1).max(WIRE_BOUNDS.password_link_token), password: newPassword() })
  .openapi('ResetPasswordRequest')

export const ChangePasswordBody = z
  .object({
    current_password: z.string().min(1).max(WIRE_BOUNDS.login_password),
    new_password: newPassword(),
    locale: Locale.optional(),
  })
  .openapi('ChangePasswordRequest')
