import type { UseCaseContext } from '../context.ts'
import { DomainErrors } from '../shared/domain-error.ts'
import { err, ok, type Result } from '../shared/result.ts'
import { issueSession, type Session } from './issue-session.ts'

const REUSE = 'Refresh token reuse detected; please log in again'

/**
 * Rotation with reuse detection: a refresh token works once. Presenting one that was already
 * used (or revoked) means it leaked, so the whole family — every token descended from the same
 * login — is revoked and the caller must log in again.
 */
export async function refreshSession(ctx: UseCaseContext, refreshToken: string): Promise<Result<Session>> {
  const now = ctx.clock.now()
  const record = await ctx.repos.refreshTokens.findByHash(ctx.sessions.hashRefreshToken(refreshToken))
  if (!record) return err(DomainErrors.unauthenticated('Invalid refresh token'))
  if (record.expiresAt.getTime() <= now.getTime())
    return err(DomainErrors.unauthenticated('Refresh token expired'))

  // The conditional revoke is the race arbiter: of two concurrent refreshes with the same token
  // exactly one succeeds; the other is treated as reuse.
  if (record.revokedAt || !(await ctx.repos.refreshTokens.revokeIfLive(record.id, now))) {
    await ctx.repos.refreshTokens.revokeFamily(record.familyId, now)
    await ctx.repos.audit.record({
      organizationId: null,
      actorUserId: record.userId,
      action: 'auth.refresh_reuse_detected',
      entity: 'refresh_token_family',
      entityId: record.familyId,
      requestId: ctx.requestId,
    })
    return err(DomainErrors.unauthenticated(REUSE))
  }
  const user = await ctx.repos.users.findById(record.userId)
  if (!user?.isActive) return err(DomainErrors.unauthenticated('Account disabled'))
  return ok(await issueSession(ctx, ctx.repos, user, record.familyId))
}
