import type { UseCaseCall } from '../context.ts'
import { DomainErrors } from '../shared/domain-error.ts'
import { err, ok, type Result } from '../shared/result.ts'
import { recordEvent } from '../shared/unit-of-work.ts'
import type { IdentityContext, IdentityPublicContext, IdentityRepos } from './identity.ports.ts'
import { type Organization, type OrganizationFields, validateOrganization } from './organization.entity.ts'
import { can } from './permissions.ts'

/** A step inside the caller's transaction (not a use case): it gets that transaction's repositories. */
export async function createOrganizationRecord(
  ctx: IdentityPublicContext,
  repos: IdentityRepos,
  createdBy: string | null,
  fields: OrganizationFields,
): Promise<Result<Organization>> {
  const valid = validateOrganization(fields)
  if (!valid.ok) return valid
  let slug = valid.value.slug
  if (fields.slug && (await repos.identity.organizations.slugTaken(slug))) {
    return err(DomainErrors.conflict('slug_taken', 'An organization with this slug already exists'))
  }
  // A derived slug gets a numeric suffix rather than failing: two firms may share a name.
  for (let n = 2; (await repos.identity.organizations.slugTaken(slug)) && n < 1000; n++) {
    slug = `${valid.value.slug.slice(0, 55)}-${n}`
  }
  const now = ctx.clock.now()
  const organization: Organization = {
    id: ctx.ids.next(),
    ...valid.value,
    slug,
    version: 1,
    createdAt: now,
    updatedAt: now,
  }
  await repos.identity.organizations.insert(organization)
  await recordEvent(
    { requestId: ctx.requestId, actorUserId: createdBy },
    repos,
    'OrganizationCreated',
    { organizationId: organization.id },
    organization.id,
  )
  return ok(organization)
}

export async function createOrganization({
  ctx,
  input: { fields },
}: UseCaseCall<IdentityContext, { readonly fields: OrganizationFields }>): Promise<Result<Organization>> {
  if (!can(ctx.actor, 'platform:manage')) return err(DomainErrors.forbidden())
  return ctx.transaction((repos) => createOrganizationRecord(ctx, repos, ctx.actor.userId, fields))
}
