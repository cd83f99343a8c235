import { DomainErrors } from '../shared/domain-error.ts'
import { err, ok, type Result } from '../shared/result.ts'
import type { OrganizationRepository, PlanResource } from './identity.ports.ts'
import type { Organization } from './organization.entity.ts'

const NOUN: Record<PlanResource, readonly [one: string, many: string]> = {
  buildings: ['building', 'buildings'],
  users: ['user', 'users'],
}

export function planLimitOf(org: Organization, resource: PlanResource): number {
  return resource === 'buildings' ? org.maxBuildings : org.maxUsers
}

/**
 * May the organization, holding `current` rows of `resource`, get one more? The limit counts
 * every row, deactivated users included (a deactivated user can be reactivated without a check).
 * Refused as a conflict `plan_limit_reached` (409): the request is valid and the caller allowed,
 * it is the organization's state that refuses it — raising the limit (a superadmin's PUT
 * /organizations/{id}) or deleting a building makes the same request succeed (ADR 0015).
 */
export function checkPlanLimit(org: Organization, resource: PlanResource, current: number): Result<null> {
  const limit = planLimitOf(org, resource)
  if (current < limit) return ok(null)
  return err(planLimitReached(org.subscriptionPlan, resource, limit, current))
}

/** The refusal, also built by the store's own check (the building count, ADR 0047). */
export function planLimitReached(plan: string, resource: PlanResource, limit: number, current: number) {
  const [one, many] = NOUN[resource]
  return DomainErrors.conflict(
    'plan_limit_reached',
    `The ${plan} plan of this organization allows at most ${limit} ${limit === 1 ? one : many}; ` +
      `it has ${current}. A platform administrator can raise the limit.`,
    { variant: resource, plan, count: limit, current },
  )
}

/**
 * The plan check, race-safe: call it inside the transaction that inserts the row. It locks the
 * organization row until commit, so concurrent creators of one organization count one after the
 * other and the limit cannot be overshot; the count is read after the lock is held.
 */
export async function reservePlanCapacity(
  repos: {
    readonly identity: {
      readonly organizations: Pick<OrganizationRepository, 'lockForPlanCheck' | 'countRows'>
    }
  },
  organizationId: string,
  resource: PlanResource,
): Promise<Result<null>> {
  const org = await repos.identity.organizations.lockForPlanCheck(organizationId)
  if (!org) return err(DomainErrors.notFound('Organization'))
  return checkPlanLimit(org, resource, await repos.identity.organizations.countRows(organizationId, resource))
}
