import type { UseCaseCall } from '../context.ts'
import { DomainErrors } from '../shared/domain-error.ts'
import { err, ok, type Result } from '../shared/result.ts'
import { recordEvent } from '../shared/unit-of-work.ts'
import type { IdentityPublicContext } from './identity.ports.ts'
import { issueSession, type Session } from './issue-session.ts'
import { checkPassword } from './password-policy.ts'
import type { User } from './user.entity.ts'

export type CompletePasswordLinkInput = {
  /** SHA-256 of the token in the link; the adapter hashes it, the token is never stored. */
  readonly tokenHash: string
  readonly password: string
}

export const LINK_ERRORS = {
  invalid: () => DomainErrors.conflict('link_invalid', 'This link is not valid; ask for a new one'),
  expired: () => DomainErrors.conflict('link_expired', 'This link has expired; ask for a new one'),
  used: () => DomainErrors.conflict('link_used', 'This link was already used; ask for a new one'),
}

/**
 * Sets the password through an invitation or reset link and opens a session. The link works once
 * (marked used in the same transaction as the new password, by a conditional update: two
 * concurrent uses cannot both pass) and until it expires. A new password ends every other session
 * of the user (session epoch, ADR 0016).
 */
export async function completePasswordLink({
  ctx,
  input,
}: UseCaseCall<IdentityPublicContext, CompletePasswordLinkInput>): Promise<Result<Session>> {
  const now = ctx.clock.now()
  const link = await ctx.repos.identity.passwordLinks.findByTokenHash(input.tokenHash)
  if (!link) return err(LINK_ERRORS.invalid())
  if (link.usedAt) return err(LINK_ERRORS.used())
  if (link.expiresAt.getTime() <= now.getTime()) return err(LINK_ERRORS.expired())
  const user = await ctx.repos.identity.users.findById(link.userId)
  if (!user?.isActive) return err(LINK_ERRORS.invalid())
  const password = checkPassword(input.password, user.email)
  if (!password.ok) return password
  const passwordHash = await ctx.passwords.hash(input.password)
  return ctx.transaction(async (repos) => {
    if (!(await repos.identity.passwordLinks.markUsed(link.id, now))) return err(LINK_ERRORS.used())
    const next: User = {
      ...user,
      passwordHash,
      sessionEpoch: user.sessionEpoch + 1,
      version: user.version + 1,
      updatedAt: now,
    }
    if (!(await repos.identity.users.update(next)))
      return err(DomainErrors.versionConflict('User', user.version + 1))
    await repos.identity.refreshTokens.revokeAllOfUser(user.id, now)
    await recordEvent(
      { requestId: ctx.requestId, actorUserId: user.id },
      repos,
      link.purpose === 'invite' ? 'InvitationAccepted' : 'PasswordReset',
      user,
      user.id,
      { link_id: link.id, sessions_ended: true },
    )
    return ok(await issueSession(ctx, repos, next))
  })
}
