import { checkTenantExists, requirePermission, scopeFor, type TenantOption } from '../access/index.ts'
import type { UseCaseCall } from '../context.ts'
import { type DomainError, DomainErrors } from '../shared/domain-error.ts'
import { err, ok, type Result } from '../shared/result.ts'
import { recordEvent } from '../shared/unit-of-work.ts'
import { todayOf } from './calendar-date.value-object.ts'
import { type Owner, type OwnerFields, validateOwner } from './owner.entity.ts'
import type { PropertyContext } from './property.ports.ts'

export type CreateOwnerInput = OwnerFields & TenantOption

export async function createOwner({
  ctx,
  input,
}: UseCaseCall<PropertyContext, CreateOwnerInput>): Promise<Result<Owner>> {
  const allowed = requirePermission(ctx.actor, 'property:write')
  if (!allowed.ok) return allowed
  const scope = scopeFor(ctx.actor, input.organizationId)
  if (!scope.ok) return scope
  const valid = validateOwner(input, todayOf(ctx.clock))
  if (!valid.ok) return valid
  const tenant = await checkTenantExists(ctx, scope.value)
  if (!tenant.ok) return tenant
  const now = ctx.clock.now()
  const owner: Owner = {
    id: ctx.ids.next(),
    organizationId: scope.value.organizationId,
    ...valid.value,
    userId: null,
    version: 1,
    createdAt: now,
    updatedAt: now,
  }
  return ctx.transaction(async (repos) => {
    // Owners without e-mail (paper mail) never collide: NULLs are distinct in the unique index too.
    if (owner.email !== null && (await repos.property.owners.emailTaken(scope.value, owner.email))) {
      return err(ownerEmailTaken())
    }
    await repos.property.owners.insert(scope.value, owner)
    await recordEvent(ctx, repos, 'OwnerCreated', scope.value, owner.id)
    return ok(owner)
  })
}

export function ownerEmailTaken(): DomainError {
  return DomainErrors.conflict('email_taken', 'Another owner of this organization has this e-mail')
}
