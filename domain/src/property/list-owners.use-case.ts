import type { ActorContext } from '../context.ts'
import { DomainErrors } from '../shared/domain-error.ts'
import type { Page, PageRequest } from '../shared/ports.ts'
import { err, ok, type Result } from '../shared/result.ts'
import { normalizeEmail } from '../shared/text.ts'
import type { Owner } from './owner.entity.ts'
import type { OwnerFilter, OwnerSortField } from './property.ports.ts'
import { readsOrganization, scopeFor, type TenantOption } from './property-access.ts'

/** The organization's register of owners: personal data, so organization readers only. */
export async function listOwners(
  ctx: ActorContext,
  filter: OwnerFilter,
  page: PageRequest<OwnerSortField>,
  options: TenantOption = {},
): Promise<Result<Page<Owner>>> {
  if (!readsOrganization(ctx.actor)) return err(DomainErrors.forbidden())
  const scope = scopeFor(ctx.actor, options.organizationId)
  if (!scope.ok) return scope
  // E-mails are stored lower-cased, so the exact-match filter must be too.
  const email = filter.email === undefined ? undefined : normalizeEmail(filter.email)
  return ok(await ctx.repos.owners.list(scope.value, { ...filter, email }, page))
}
