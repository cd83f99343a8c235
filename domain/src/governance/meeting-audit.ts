import type { GovernanceContext, GovernanceRepos } from './governance.ports.ts'
import type { Meeting } from './meeting.entity.ts'

/** Written inside the mutation's transaction so a rolled-back change leaves no trace (ADR 0007). */
export async function recordMeetingAudit(
  ctx: GovernanceContext,
  repos: GovernanceRepos,
  meeting: Pick<Meeting, 'id' | 'organizationId'>,
  action: string,
  details?: Record<string, unknown>,
): Promise<void> {
  await repos.audit.record({
    organizationId: meeting.organizationId,
    actorUserId: ctx.actor.userId,
    action,
    entity: 'meeting',
    entityId: meeting.id,
    requestId: ctx.requestId,
    ...(details ? { details } : {}),
  })
}
