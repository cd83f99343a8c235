import { type AuditAction, auditEntry } from '../shared/audit.ts'
import type { GovernanceContext, GovernanceRepos } from './governance.ports.ts'
import type { Meeting } from './meeting.entity.ts'

/** Written inside the mutation's transaction so a rolled-back change leaves no trace (ADR 0007). */
export async function recordMeetingAudit(
  ctx: GovernanceContext,
  repos: GovernanceRepos,
  meeting: Pick<Meeting, 'id' | 'organizationId'>,
  action: AuditAction,
  details?: Record<string, unknown>,
): Promise<void> {
  await repos.audit.record(auditEntry(ctx, meeting, action, 'meeting', meeting.id, details))
}
