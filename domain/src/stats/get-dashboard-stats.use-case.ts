import { can } from '../identity/index.ts'
import { DomainErrors } from '../shared/domain-error.ts'
import { err, ok, type Result } from '../shared/result.ts'
import type { DashboardStats, StatsContext } from './stats.ports.ts'

/**
 * A superadmin sees the platform's counters, syndics and accountants their organization's.
 * An owner-role user is refused (403): the firm's totals (its users, other owners, every
 * building's expenses) are management information, not theirs, and counts restricted to their
 * own lots are already what /owners/me and their units' endpoints show. 403 rather than 404
 * because the refusal depends on the role alone and reveals nothing about any row.
 */
export async function getDashboardStats({
  ctx,
}: {
  readonly ctx: StatsContext
}): Promise<Result<DashboardStats>> {
  if (can(ctx.actor, 'platform:manage'))
    return ok(await ctx.repos.stats.stats.count({ organizationId: null }))
  if (!can(ctx.actor, 'organization:read') || ctx.actor.organizationId === null) {
    return err(DomainErrors.forbidden('Dashboard statistics are reserved to the organization staff'))
  }
  return ok(await ctx.repos.stats.stats.count({ organizationId: ctx.actor.organizationId }))
}
