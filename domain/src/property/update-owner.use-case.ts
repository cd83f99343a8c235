import { requirePermission, scopeForRow } from '../access/index.ts'
import type { UseCaseCall } from '../context.ts'
import { DomainErrors } from '../shared/domain-error.ts'
import { stripUndefined } from '../shared/object.ts'
import { err, ok, type Result } from '../shared/result.ts'
import { recordEvent } from '../shared/unit-of-work.ts'
import { checkVersion } from '../shared/versioning.ts'
import { todayOf } from './calendar-date.value-object.ts'
import { ownerEmailTaken } from './create-owner.use-case.ts'
import { type Owner, type OwnerFields, ownerTypeSwitchBase, validateOwner } from './owner.entity.ts'
import type { PropertyContext } from './property.ports.ts'

/** user_id is not editable here: linking an account has its own checks (linkOwnerUser). */
export type UpdateOwnerInput = Partial<OwnerFields>

export async function updateOwner({
  ctx,
  input: { id, changes, expectedVersion },
}: UseCaseCall<
  PropertyContext,
  { readonly id: string; readonly changes: UpdateOwnerInput; readonly expectedVersion: number | undefined }
>): Promise<Result<Owner>> {
  const allowed = requirePermission(ctx.actor, 'property:write')
  if (!allowed.ok) return allowed
  const scope = await scopeForRow(ctx.actor, 'Owner', () => ctx.repos.property.owners.organizationOf(id))
  if (!scope.ok) return scope
  return ctx.transaction(async (repos) => {
    const current = await repos.property.owners.findById(scope.value, id)
    if (!current) return err(DomainErrors.notFound('Owner'))
    const fresh = checkVersion('Owner', current.version, expectedVersion)
    if (!fresh.ok) return fresh
    const set = stripUndefined(changes)
    // Withdrawing consent, or giving it anew, restarts its date unless the caller gives one.
    const base = ownerTypeSwitchBase(current, changes.ownerType)
    const consentChanged = set.emailConsent !== undefined && set.emailConsent !== current.emailConsent
    const valid = validateOwner(
      { ...base, ...(consentChanged ? { emailConsentDate: null } : {}), ...set },
      todayOf(ctx.clock),
    )
    if (!valid.ok) return valid
    if (
      valid.value.email !== null &&
      valid.value.email !== current.email &&
      (await repos.property.owners.emailTaken(scope.value, valid.value.email, id))
    ) {
      return err(ownerEmailTaken())
    }
    const next: Owner = {
      ...current,
      ...valid.value,
      version: current.version + 1,
      updatedAt: ctx.clock.now(),
    }
    if (!(await repos.property.owners.update(scope.value, next))) {
      return err(DomainErrors.versionConflict('Owner', next.version))
    }
    await recordEvent(ctx, repos, 'OwnerUpdated', scope.value, id, {
      fields: Object.keys(set),
    })
    return ok(next)
  })
}
