import type { UseCaseCall } from '../context.ts'
import { DomainErrors } from '../shared/domain-error.ts'
import { stripUndefined } from '../shared/object.ts'
import type { Page, PageRequest } from '../shared/ports.ts'
import { err, ok, type Result } from '../shared/result.ts'
import { recordEvent } from '../shared/unit-of-work.ts'
import { checkVersion } from '../shared/versioning.ts'
import type { IdentityContext, OrganizationSortField } from './identity.ports.ts'
import { type Organization, type OrganizationFields, validateOrganization } from './organization.entity.ts'
import { can } from './permissions.ts'

export async function listOrganizations({
  ctx,
  input: { page },
}: UseCaseCall<IdentityContext, { readonly page: PageRequest<OrganizationSortField> }>): Promise<
  Result<Page<Organization>>
> {
  if (!can(ctx.actor, 'platform:manage')) return err(DomainErrors.forbidden())
  return ok(await ctx.repos.identity.organizations.list(page))
}

/** A superadmin reads any organization; members read their own; anyone else gets a 404. */
export async function getOrganization({
  ctx,
  input: { id },
}: UseCaseCall<IdentityContext, { readonly id: string }>): Promise<Result<Organization>> {
  if (!can(ctx.actor, 'platform:manage') && ctx.actor.organizationId !== id) {
    return err(DomainErrors.notFound('Organization'))
  }
  const org = await ctx.repos.identity.organizations.findById(id)
  return org ? ok(org) : err(DomainErrors.notFound('Organization'))
}

export async function updateOrganization({
  ctx,
  input: { id, changes, expectedVersion },
}: UseCaseCall<
  IdentityContext,
  {
    readonly id: string
    readonly changes: Partial<OrganizationFields>
    readonly expectedVersion: number | undefined
  }
>): Promise<Result<Organization>> {
  if (!can(ctx.actor, 'platform:manage')) return err(DomainErrors.forbidden())
  return ctx.transaction(async (repos) => {
    const current = await repos.identity.organizations.findById(id)
    if (!current) return err(DomainErrors.notFound('Organization'))
    const fresh = checkVersion('Organization', current.version, expectedVersion)
    if (!fresh.ok) return fresh
    const valid = validateOrganization({ ...current, ...stripUndefined(changes) })
    if (!valid.ok) return valid
    if (
      valid.value.slug !== current.slug &&
      (await repos.identity.organizations.slugTaken(valid.value.slug))
    ) {
      return err(DomainErrors.conflict('slug_taken', 'An organization with this slug already exists'))
    }
    const next: Organization = {
      ...current,
      ...valid.value,
      version: current.version + 1,
      updatedAt: ctx.clock.now(),
    }
    if (!(await repos.identity.organizations.update(next)))
      return err(DomainErrors.versionConflict('Organization', current.version + 1))
    await recordEvent(ctx, repos, 'OrganizationUpdated', { organizationId: id }, id, {
      fields: Object.keys(stripUndefined(changes)),
    })
    return ok(next)
  })
}
