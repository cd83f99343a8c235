import { DomainErrors } from '../shared/domain-error.ts'
import { err, ok, type Result } from '../shared/result.ts'
import { collectIssues, emailIssue, normalizeEmail, optionalText, requiredText } from '../shared/text.ts'

export const SUBSCRIPTION_PLANS = ['Free', 'Starter', 'Professional', 'Enterprise'] as const
export type SubscriptionPlan = (typeof SUBSCRIPTION_PLANS)[number]

/** Text lengths of an organization's fields, by wire name: the API's schemas are built from them. */
export const ORGANIZATION_LIMITS = { name: 200, slug: 60, contact_phone: 50 } as const

/** Default limits per plan, used when an organization is created without explicit ones. */
export const PLAN_LIMITS: Record<SubscriptionPlan, { maxBuildings: number; maxUsers: number }> = {
  Free: { maxBuildings: 1, maxUsers: 3 },
  Starter: { maxBuildings: 5, maxUsers: 10 },
  Professional: { maxBuildings: 20, maxUsers: 50 },
  Enterprise: { maxBuildings: 1000, maxUsers: 1000 },
}

export type Organization = {
  readonly id: string
  readonly name: string
  readonly slug: string
  readonly contactEmail: string
  readonly contactPhone: string | null
  readonly subscriptionPlan: SubscriptionPlan
  readonly maxBuildings: number
  readonly maxUsers: number
  readonly isActive: boolean
  readonly version: number
  readonly createdAt: Date
  readonly updatedAt: Date
}

export type OrganizationFields = {
  readonly name: string
  readonly slug?: string | undefined
  readonly contactEmail: string
  readonly contactPhone?: string | null | undefined
  readonly subscriptionPlan?: SubscriptionPlan | undefined
  readonly maxBuildings?: number | undefined
  readonly maxUsers?: number | undefined
  readonly isActive?: boolean | undefined
}

/** "Syndic Dupont & Fils SRL" → "syndic-dupont-fils-srl" (accents folded, ASCII only). */
export function slugify(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, ORGANIZATION_LIMITS.slug)
  return slug.length > 0 ? slug : 'organization'
}

const SLUG = new RegExp(`^[a-z0-9](?:[a-z0-9-]{0,${ORGANIZATION_LIMITS.slug - 2}}[a-z0-9])?$`)

export function validateOrganization(fields: OrganizationFields): Result<Required<OrganizationFields>> {
  const plan = fields.subscriptionPlan ?? 'Free'
  const slug = fields.slug ?? slugify(fields.name)
  const contactEmail = normalizeEmail(fields.contactEmail)
  const limits = PLAN_LIMITS[plan]
  const maxBuildings = fields.maxBuildings ?? limits.maxBuildings
  const maxUsers = fields.maxUsers ?? limits.maxUsers
  const issues = collectIssues(
    requiredText('name', fields.name, ORGANIZATION_LIMITS.name),
    SLUG.test(slug) ? undefined : { path: 'slug', message: 'must be lowercase letters, digits and dashes' },
    emailIssue('contact_email', contactEmail),
    optionalText('contact_phone', fields.contactPhone, ORGANIZATION_LIMITS.contact_phone),
    Number.isInteger(maxBuildings) && maxBuildings > 0
      ? undefined
      : { path: 'max_buildings', message: 'must be > 0' },
    Number.isInteger(maxUsers) && maxUsers > 0 ? undefined : { path: 'max_users', message: 'must be > 0' },
  )
  if (issues.length > 0) return err(DomainErrors.validation('Invalid organization', issues))
  return ok({
    name: fields.name.trim(),
    slug,
    contactEmail,
    contactPhone: fields.contactPhone ?? null,
    subscriptionPlan: plan,
    maxBuildings,
    maxUsers,
    isActive: fields.isActive ?? true,
  })
}
