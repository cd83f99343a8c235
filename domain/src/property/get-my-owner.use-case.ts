import { DomainErrors } from '../shared/domain-error.ts'
import { err, ok, type Result } from '../shared/result.ts'
import type { Owner } from './owner.entity.ts'
import type { PropertyContext } from './property.ports.ts'

/** GET /owners/me: the owner record linked to the caller's account, whatever their role. */
export async function getMyOwner({ ctx }: { readonly ctx: PropertyContext }): Promise<Result<Owner>> {
  const organizationId = ctx.actor.organizationId
  if (!organizationId) return err(DomainErrors.notFound('Owner'))
  const owner = await ctx.repos.property.owners.findByUserId({ organizationId }, ctx.actor.userId)
  return owner ? ok(owner) : err(DomainErrors.notFound('Owner'))
}
