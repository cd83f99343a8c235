import type { UseCaseCall } from '../context.ts'
import type { Locale } from '../i18n/locale.ts'
import { DomainErrors } from '../shared/domain-error.ts'
import { err, ok, type Result } from '../shared/result.ts'
import { recordEvent } from '../shared/unit-of-work.ts'
import type { IdentityContext } from './identity.ports.ts'
import { issueSession, type Session } from './issue-session.ts'
import { PASSWORD_CHANGED_JOB, type PasswordChangedJobPayload } from './password-link.ts'
import { checkPassword } from './password-policy.ts'
import type { User } from './user.entity.ts'

export type ChangePasswordInput = {
  readonly currentPassword: string
  readonly newPassword: string
  readonly ip: string
  /** The language of the confirmation e-mail (the caller's interface language). */
  readonly locale: Locale
}

/**
 * The caller changes their own password. The current one is required and its checks are
 * throttled like login (per user and address), so a stolen access token cannot be used to guess
 * it. Every session ends (session epoch, ADR 0016) and the caller gets a fresh one, so only the
 * tab that made the change stays signed in; a confirmation e-mail goes out through the outbox.
 */
export async function changePassword({
  ctx,
  input,
}: UseCaseCall<IdentityContext, ChangePasswordInput>): Promise<Result<Session>> {
  const user = await ctx.repos.identity.users.findById(ctx.actor.userId)
  if (!user?.isActive) return err(DomainErrors.unauthenticated())
  const now = ctx.clock.now()
  const window = ctx.settings.loginWindowSeconds
  const key = `password-change:${user.id}|${input.ip}`
  const { attempts, windowStartedAt } = await ctx.repos.identity.loginAttempts.reserve(key, now, window)
  if (attempts > ctx.settings.loginMaxFailuresPerEmailIp) {
    await ctx.repos.identity.loginAttempts.release(key)
    const retryAfter = Math.ceil((windowStartedAt.getTime() + window * 1000 - now.getTime()) / 1000)
    return err(DomainErrors.rateLimited(Math.max(1, retryAfter)))
  }
  if (!(await ctx.passwords.verify(user.passwordHash, input.currentPassword))) {
    return err(DomainErrors.invalidField('current_password', 'is not your current password'))
  }
  await ctx.repos.identity.loginAttempts.clear(key)
  const password = checkPassword(input.newPassword, user.email)
  if (!password.ok) return password
  const next: User = {
    ...user,
    passwordHash: await ctx.passwords.hash(input.newPassword),
    sessionEpoch: user.sessionEpoch + 1,
    version: user.version + 1,
    updatedAt: now,
  }
  return ctx.transaction(async (repos) => {
    if (!(await repos.identity.users.update(next)))
      return err(DomainErrors.versionConflict('User', user.version + 1))
    await repos.identity.refreshTokens.revokeAllOfUser(user.id, now)
    const payload: PasswordChangedJobPayload = {
      userId: user.id,
      locale: input.locale,
      changedAt: now.toISOString(),
    }
    await repos.outbox.enqueue({ kind: PASSWORD_CHANGED_JOB, organizationId: user.organizationId, payload })
    await recordEvent(ctx, repos, 'PasswordChanged', user, user.id, { sessions_ended: true })
    return ok(await issueSession(ctx, repos, next))
  })
}
