import { auditorSeesOwner, readsOrganization, scopeForRow } from '../access/index.ts'
import type { UseCaseCall } from '../context.ts'
import { DomainErrors } from '../shared/domain-error.ts'
import { err, ok, type Result } from '../shared/result.ts'
import type { Owner } from './owner.entity.ts'
import type { PropertyContext } from './property.ports.ts'

/** An owner-role caller may read only the owner record linked to their own account; an auditor the owners of their buildings. */
export async function getOwner({
  ctx,
  input: { id },
}: UseCaseCall<PropertyContext, { readonly id: string }>): Promise<Result<Owner>> {
  const scope = await scopeForRow(ctx.actor, 'Owner', () => ctx.repos.property.owners.organizationOf(id))
  if (!scope.ok) return scope
  const owner = await ctx.repos.property.owners.findById(scope.value, id)
  if (!owner) return err(DomainErrors.notFound('Owner'))
  if (readsOrganization(ctx.actor)) return ok(owner)
  if (await auditorSeesOwner(ctx.repos, scope.value, ctx.actor, id)) return ok(owner)
  return ctx.actor.role === 'owner' && owner.userId === ctx.actor.userId
    ? ok(owner)
    : err(DomainErrors.notFound('Owner'))
}
