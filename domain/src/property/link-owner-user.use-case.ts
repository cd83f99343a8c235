import { requirePermission, scopeForRow } from '../access/index.ts'
import type { UseCaseCall } from '../context.ts'
import { DomainErrors } from '../shared/domain-error.ts'
import { err, ok, type Result } from '../shared/result.ts'
import { recordEvent } from '../shared/unit-of-work.ts'
import { checkVersion } from '../shared/versioning.ts'
import type { Owner } from './owner.entity.ts'
import type { PropertyContext } from './property.ports.ts'

/**
 * PUT /owners/{id}/link-user: gives a login (a user of role owner in the same organization) the
 * right to see this owner's units. null unlinks. A user of another organization is a 404 like
 * a missing one; one user is linked to at most one owner record per organization.
 */
export async function linkOwnerUser({
  ctx,
  input: { ownerId, userId, expectedVersion },
}: UseCaseCall<
  PropertyContext,
  { readonly ownerId: string; readonly userId: string | null; readonly expectedVersion?: number | undefined }
>): Promise<Result<Owner>> {
  const allowed = requirePermission(ctx.actor, 'property:write')
  if (!allowed.ok) return allowed
  const scope = await scopeForRow(ctx.actor, 'Owner', () => ctx.repos.property.owners.organizationOf(ownerId))
  if (!scope.ok) return scope
  return ctx.transaction(async (repos) => {
    const current = await repos.property.owners.findById(scope.value, ownerId)
    if (!current) return err(DomainErrors.notFound('Owner'))
    const fresh = checkVersion('Owner', current.version, expectedVersion)
    if (!fresh.ok) return fresh
    if (userId !== null) {
      const user = await repos.identity.users.findById(userId)
      if (!user || user.organizationId !== scope.value.organizationId)
        return err(DomainErrors.notFound('User'))
      if (user.role !== 'owner')
        return err(DomainErrors.invalidField('user_id', 'must be a user with role owner'))
      const other = await repos.property.owners.findByUserId(scope.value, userId)
      if (other && other.id !== ownerId) {
        return err(DomainErrors.conflict('user_already_linked', 'This user is linked to another owner'))
      }
    }
    if (current.userId === userId) return ok(current)
    const next: Owner = { ...current, userId, version: current.version + 1, updatedAt: ctx.clock.now() }
    if (!(await repos.property.owners.update(scope.value, next))) {
      return err(DomainErrors.versionConflict('Owner', next.version))
    }
    await recordEvent(ctx, repos, 'OwnerLinkedToUser', scope.value, ownerId, {
      user_id: userId,
      previous_user_id: current.userId,
    })
    return ok(next)
  })
}
