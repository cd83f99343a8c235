import { z } from '@hono/zod-openapi'
import { type Organization, ROLES, SUBSCRIPTION_PLANS, type User } from '@koprogo/domain'

/** Wire shapes (snake_case, v1 names) and the one mapping from entities to them per entity. */
export const UserSchema = z
  .object({
    id: z.uuid(),
    email: z.string(),
    first_name: z.string(),
    last_name: z.string(),
    role: z.enum(ROLES),
    organization_id: z.uuid().nullable(),
    is_active: z.boolean(),
    version: z.number().int(),
    created_at: z.string(),
    updated_at: z.string(),
  })
  .openapi('User')

export function toUserDto(u: User): z.infer<typeof UserSchema> {
  return {
    id: u.id,
    email: u.email,
    first_name: u.firstName,
    last_name: u.lastName,
    role: u.role,
    organization_id: u.organizationId,
    is_active: u.isActive,
    version: u.version,
    created_at: u.createdAt.toISOString(),
    updated_at: u.updatedAt.toISOString(),
  }
}

export const OrganizationSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    slug: z.string(),
    contact_email: z.string(),
    contact_phone: z.string().nullable(),
    subscription_plan: z.enum(SUBSCRIPTION_PLANS),
    max_buildings: z.number().int(),
    max_users: z.number().int(),
    is_active: z.boolean(),
    version: z.number().int(),
    created_at: z.string(),
    updated_at: z.string(),
  })
  .openapi('Organization')

export function toOrganizationDto(o: Organization): z.infer<typeof OrganizationSchema> {
  return {
    id: o.id,
    name: o.name,
    slug: o.slug,
    contact_email: o.contactEmail,
    contact_phone: o.contactPhone,
    subscription_plan: o.subscriptionPlan,
    max_buildings: o.maxBuildings,
    max_users: o.maxUsers,
    is_active: o.isActive,
    version: o.version,
    created_at: o.createdAt.toISOString(),
    updated_at: o.updatedAt.toISOString(),
  }
}
