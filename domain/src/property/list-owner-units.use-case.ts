import type { ActorContext } from '../context.ts'
import { DomainErrors } from '../shared/domain-error.ts'
import { err, ok, type Result } from '../shared/result.ts'
import { readsOrganization, scopeForRow } from './property-access.ts'
import type { UnitOwnership } from './unit-ownership.entity.ts'

/** GET /owners/{id}/units: the owner's links (active by default); an owner reads only their own. */
export async function listOwnerUnits(
  ctx: ActorContext,
  ownerId: string,
  options: { readonly includeHistory?: boolean | undefined } = {},
): Promise<Result<readonly UnitOwnership[]>> {
  const scope = await scopeForRow(ctx.actor, 'Owner', () => ctx.repos.owners.organizationOf(ownerId))
  if (!scope.ok) return scope
  const owner = await ctx.repos.owners.findById(scope.value, ownerId)
  const visible =
    owner !== null &&
    (readsOrganization(ctx.actor) || (ctx.actor.role === 'owner' && owner.userId === ctx.actor.userId))
  if (!visible) return err(DomainErrors.notFound('Owner'))
  return ok(
    await ctx.repos.unitOwnerships.listForOwner(scope.value, ownerId, {
      includeEnded: options.includeHistory ?? false,
    }),
  )
}
