import { z } from '@hono/zod-openapi'
import { EMAIL_MAX, ORGANIZATION_LIMITS, ORGANIZATION_SORT_FIELDS, SUBSCRIPTION_PLANS } from '@koprogo/domain'
import { pageQuery } from '../_shared/http.ts'

const Plan = z.enum(SUBSCRIPTION_PLANS)

export const CreateOrganizationBody = z
  .object({
    name: z.string().max(ORGANIZATION_LIMITS.name),
    slug: z.string().max(ORGANIZATION_LIMITS.slug).optional(),
    contact_email: z.string().max(EMAIL_MAX),
    contact_phone: z.string().max(ORGANIZATION_LIMITS.contact_phone).nullish(),
    subscription_plan: Plan.optional(),
    max_buildings: z.number().int().positive().optional(),
    max_users: z.number().int().positive().optional(),
  })
  .openapi('CreateOrganization')

export const UpdateOrganizationBody = CreateOrganizationBody.partial()
  .extend({ is_active: z.boolean().optional(), version: z.number().int().positive().optional() })
  .openapi('UpdateOrganization')

export const OrganizationListQuery = pageQuery(ORGANIZATION_SORT_FIELDS, 'created_at')
