import { z } from '@hono/zod-openapi'
import { optionalId, organizationFilter, pageQuery } from '../_shared/http.ts'

const Role = z.enum(['superadmin', 'syndic', 'accountant', 'owner'])

export const CreateUserBody = z
  .object({
    email: z.string().max(254),
    /** Left out: the user is invited by e-mail and chooses their password (ADR 0023). */
    password: z.string().max(1024).optional(),
    /** The language of the invitation e-mail (when there is no password). */
    locale: z.enum(['fr', 'nl', 'de', 'en']).optional(),
    first_name: z.string().max(100),
    last_name: z.string().max(100),
    role: Role,
    organization_id: optionalId(),
  })
  .openapi('CreateUser')

export const UpdateUserBody = z
  .object({
    email: z.string().max(254).optional(),
    password: z.string().max(1024).optional(),
    first_name: z.string().max(100).optional(),
    last_name: z.string().max(100).optional(),
    role: Role.optional(),
    version: z.number().int().positive().optional(),
  })
  .openapi('UpdateUser')

export const UserListQuery = pageQuery(['email', 'last_name', 'created_at', 'role'], 'created_at').extend({
  role: Role.optional(),
  organization_id: organizationFilter,
})
