import { z } from '@hono/zod-openapi'
import { pageQuery } from '../_shared/http.ts'

const Plan = z.enum(['Free', 'Starter', 'Professional', 'Enterprise'])

export const CreateOrganizationBody = z
  .object({
    name: z.string().max(200),
    slug: z.string().max(60).optional(),
    contact_email: z.string().max(254),
    contact_phone: z.string().max(50).nullish(),
    subscription_plan: Plan.optional(),
    max_buildings: z.number().int().positive().optional(),
    max_users: z.number().int().positive().optional(),
  })
  .openapi('CreateOrganization')

export const UpdateOrganizationBody = CreateOrganizationBody.partial()
  .extend({ is_active: z.boolean().optional(), version: z.number().int().positive().optional() })
  .openapi('UpdateOrganization')

export const OrganizationListQuery = pageQuery(['name', 'created_at', 'slug'], 'created_at')
