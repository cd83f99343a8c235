import { z } from '@hono/zod-openapi'
import { EMAIL_MAX, LOCALES, ROLES, USER_LIMITS, USER_SORT_FIELDS } from '@koprogo/domain'
import { optionalId, organizationFilter, pageQuery } from '../_shared/http.ts'
import { newPassword } from '../_shared/wire-bounds.ts'

const Role = z.enum(ROLES)

export const CreateUserBody = z
  .object({
    email: z.string().max(EMAIL_MAX),
    /** Left out: the user is invited by e-mail and chooses their password (ADR 0023). */
    password: newPassword().optional(),
    /** The language of the invitation e-mail (when there is no password). */
    locale: z.enum(LOCALES).optional(),
    first_name: z.string().max(USER_LIMITS.first_name),
    last_name: z.string().max(USER_LIMITS.last_name),
    role: Role,
    organization_id: optionalId(),
  })
  .openapi('CreateUser')

export const UpdateUserBody = z
  .object({
    email: z.string().max(EMAIL_MAX).optional(),
    password: newPassword().optional(),
    first_name: z.string().max(USER_LIMITS.first_name).optional(),
    last_name: z.string().max(USER_LIMITS.last_name).optional(),
    role: Role.optional(),
    version: z.number().int().positive().optional(),
  })
  .openapi('UpdateUser')

export const UserListQuery = pageQuery(USER_SORT_FIELDS, 'created_at').extend({
  role: Role.optional(),
  organization_id: organizationFilter,
})
