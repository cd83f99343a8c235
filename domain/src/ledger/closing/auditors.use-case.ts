import { scopeForRow } from '../../access/index.ts'
import type { UseCaseCall } from '../../context.ts'
import { can } from '../../identity/index.ts'
import type { TenantScope } from '../../property/index.ts'
import { DomainErrors } from '../../shared/domain-error.ts'
import { err, ok, type Result } from '../../shared/result.ts'
import { recordEvent } from '../../shared/unit-of-work.ts'
import type { ClosingContext } from './close-year.use-case.ts'
import type { AuditorGrant, AuditorGrantView } from './closing.ports.ts'

/*
 * The assembly's account auditor (commissaire / vérificateur aux comptes, Civil Code art. 3.91:
 * the assembly appoints one each year to check the syndic's accounts), ADR 0040. The syndic
 * invites a user with the role `auditor` (POST /users/invite) and grants them ONE building here;
 * the access policy (`booksReadScope`) then lets them read that building's books, statements and
 * annual accounts — nothing else, and no write (the role has no permission).
 */

async function managedBuilding(ctx: ClosingContext, buildingId: string): Promise<Result<TenantScope>> {
  if (!can(ctx.actor, 'finance:manage')) return err(DomainErrors.forbidden())
  const scoped = await scopeForRow(ctx.actor, 'Building', () =>
    ctx.repos.property.buildings.organizationOf(buildingId),
  )
  if (!scoped.ok) return scoped
  return (await ctx.repos.property.buildings.findById(scoped.value, buildingId))
    ? scoped
    : err(DomainErrors.notFound('Building'))
}

/** POST /buildings/{id}/auditors: grants the building to an auditor user of the tenant (syndic). */
export async function grantBuildingAuditor({
  ctx,
  input,
}: UseCaseCall<ClosingContext, { readonly buildingId: string; readonly userId: string }>): Promise<
  Result<AuditorGrant>
> {
  const scope = await managedBuilding(ctx, input.buildingId)
  if (!scope.ok) return scope
  return ctx.transaction(async (repos) => {
    const grant: AuditorGrant = {
      id: ctx.ids.next(),
      organizationId: scope.value.organizationId,
      buildingId: input.buildingId,
      userId: input.userId,
      grantedBy: ctx.actor.userId,
      createdAt: ctx.clock.now(),
    }
    const result = await repos.closing.grantAuditor(scope.value, grant)
    if (result === 'not_an_auditor') {
      return err(
        DomainErrors.invalidField('user_id', 'is not a user of this organization with the auditor role'),
      )
    }
    if (result === 'already') {
      return err(DomainErrors.conflict('auditor_already_granted', 'This auditor already has this building'))
    }
    await recordEvent(ctx, repos, 'BuildingAuditorGranted', grant, input.buildingId, { userId: input.userId })
    return ok(grant)
  })
}

/**
 * DELETE /buildings/{id}/auditors/{user_id}: withdraws the grant (syndic). The grants are read per
 * request into the actor (functions/_shared/auth.ts), so the auditor's next request no longer
 * reads the building. A user without a grant is a 404, so a repeated withdrawal is a 404 too.
 */
export async function revokeBuildingAuditor({
  ctx,
  input,
}: UseCaseCall<ClosingContext, { readonly buildingId: string; readonly userId: string }>): Promise<
  Result<void>
> {
  const scope = await managedBuilding(ctx, input.buildingId)
  if (!scope.ok) return scope
  return ctx.transaction(async (repos) => {
    if (!(await repos.closing.revokeAuditor(scope.value, input.buildingId, input.userId)))
      return err(DomainErrors.notFound('Auditor'))
    await recordEvent(ctx, repos, 'BuildingAuditorRevoked', scope.value, input.buildingId, {
      userId: input.userId,
    })
    return ok(undefined)
  })
}

/** GET /buildings/{id}/auditors (syndic, superadmin). */
export async function listBuildingAuditors({
  ctx,
  input,
}: UseCaseCall<ClosingContext, { readonly buildingId: string }>): Promise<
  Result<readonly AuditorGrantView[]>
> {
  const scope = await managedBuilding(ctx, input.buildingId)
  if (!scope.ok) return scope
  return ok(await ctx.repos.closing.listAuditors(scope.value, input.buildingId))
}
