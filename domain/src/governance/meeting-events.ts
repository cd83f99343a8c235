import type { DomainEventType } from '../shared/domain-events.ts'
import { recordEvent } from '../shared/unit-of-work.ts'
import type { GovernanceContext, GovernanceRepos } from './governance.ports.ts'
import type { Meeting } from './meeting.entity.ts'

/** Written inside the mutation's transaction so a rolled-back change leaves no trace (ADR 0007). */
export async function recordMeetingEvent(
  ctx: GovernanceContext,
  repos: GovernanceRepos,
  meeting: Pick<Meeting, 'id' | 'organizationId'>,
  action: DomainEventType,
  details?: Record<string, unknown>,
): Promise<void> {
  await recordEvent(ctx, repos, action, meeting, meeting.id, details)
}
