import { z } from '@hono/zod-openapi'
import { OWNER_SORT_FIELDS, type Owner } from '@koprogo/domain'
import { optionalId, organizationFilter, pageQuery } from '../_shared/http.ts'

export const OwnerSchema = z
  .object({
    id: z.uuid(),
    organization_id: z.uuid(),
    first_name: z.string(),
    last_name: z.string(),
    email: z.string(),
    phone: z.string().nullable(),
    address: z.string(),
    city: z.string(),
    postal_code: z.string(),
    country: z.string(),
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
    first_name: o.firstName,
    last_name: o.lastName,
    email: o.email,
    phone: o.phone,
    address: o.address,
    city: o.city,
    postal_code: o.postalCode,
    country: o.country,
    user_id: o.userId,
    version: o.version,
    created_at: o.createdAt.toISOString(),
    updated_at: o.updatedAt.toISOString(),
  }
}

const fields = {
  first_name: z.string().max(100),
  last_name: z.string().max(100),
  email: z.string().max(254),
  phone: z.string().max(50).nullish(),
  address: z.string().max(300),
  city: z.string().max(100),
  postal_code: z.string().max(20),
  country: z.string().max(100),
}

export const CreateOwnerBody = z.object({ ...fields, organization_id: optionalId() }).openapi('CreateOwner')
export const UpdateOwnerBody = z
  .object(fields)
  .partial()
  .extend({ version: z.number().int().positive().optional() })
  .openapi('UpdateOwner')

export const OwnerListQuery = pageQuery(OWNER_SORT_FIELDS, 'last_name').extend({
  email: z.string().max(254).optional(),
  phone: z.string().max(50).optional(),
  last_name: z.string().max(100).optional(),
  first_name: z.string().max(100).optional(),
  organization_id: organizationFilter,
})

export const LinkUserBody = z
  .object({ user_id: z.uuid().nullable(), version: z.number().int().positive().optional() })
  .openapi('LinkOwnerUser')
