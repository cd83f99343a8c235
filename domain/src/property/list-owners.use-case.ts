import { auditedBuildingsOf, listScopeFor, readsOrganization, type TenantOption } from '../access/index.ts'
import type { UseCaseCall } from '../context.ts'
import { DomainErrors } from '../shared/domain-error.ts'
import type { Page, PageRequest } from '../shared/ports.ts'
import { err, ok, type Result } from '../shared/result.ts'
import { normalizeEmail } from '../shared/text.ts'
import type { Owner } from './owner.entity.ts'
import type { OwnerFilter, OwnerSortField, PropertyContext } from './property.ports.ts'

/**
 * The organization's register of owners: personal data, so organization readers read it whole (a
 * superadmin without an organization filter: every organization's), and an owner-role caller only
 * the records linked to their own account (v1 let them call it; issue #20, item 14); an auditor
 * the owners of the buildings granted to them (whose statements they check).
 */
export async function listOwners({
  ctx,
  input: { filter, page, options = {} },
}: UseCaseCall<
  PropertyContext,
  {
    readonly filter: OwnerFilter
    readonly page: PageRequest<OwnerSortField>
    readonly options?: TenantOption | undefined
  }
>): Promise<Result<Page<Owner>>> {
  const own = ctx.actor.role === 'owner'
  const audited = auditedBuildingsOf(ctx.actor)
  if (!readsOrganization(ctx.actor) && !own && !audited) return err(DomainErrors.forbidden())
  if (audited?.length === 0) return ok({ items: [], total: 0 })
  const scope = listScopeFor(ctx.actor, options.organizationId)
  if (!scope.ok) return scope
  // E-mails are stored lower-cased, so the exact-match filter must be too.
  const email = filter.email === undefined ? undefined : normalizeEmail(filter.email)
  const query = {
    ...filter,
    email,
    userId: own ? ctx.actor.userId : undefined,
    holdsInBuildingIds: audited ?? undefined,
  }
  if (scope.value === null) return ok(await ctx.repos.property.owners.listAcrossTenants(query, page))
  return ok(await ctx.repos.property.owners.list(scope.value, query, page))
}
