import type { UseCaseCall } from '../context.ts'
import type { Locale } from '../i18n/locale.ts'
import { DomainErrors } from '../shared/domain-error.ts'
import { err, ok, type Result } from '../shared/result.ts'
import { normalizeEmail } from '../shared/text.ts'
import type { IdentityPublicContext } from './identity.ports.ts'
import { PASSWORD_LINK_JOB, type PasswordLinkJobPayload } from './password-link.ts'

export type RequestPasswordResetInput = {
  readonly email: string
  readonly ip: string
  readonly locale: Locale
}

/**
 * "Forgot password". The answer never says whether the account exists: the request only records
 * a job naming the e-mail as typed — the same statements for every e-mail — and the job looks the
 * account up later, mailing a link only to an active user. Throttled like login (ADR 0016): per
 * client address and per e-mail, every request counting, so nobody floods a mailbox.
 */
export async function requestPasswordReset({
  ctx,
  input,
}: UseCaseCall<IdentityPublicContext, RequestPasswordResetInput>): Promise<Result<null>> {
  const email = normalizeEmail(input.email)
  const now = ctx.clock.now()
  const window = ctx.settings.loginWindowSeconds
  const keys = [
    { key: `reset-ip:${input.ip}`, max: ctx.settings.loginMaxFailuresPerIp },
    { key: `reset-email:${email}`, max: ctx.settings.loginMaxFailuresPerEmailIp },
  ]
  const reserved: string[] = []
  for (const { key, max } of keys) {
    const { attempts, windowStartedAt } = await ctx.repos.identity.loginAttempts.reserve(key, now, window)
    reserved.push(key)
    if (attempts > max) {
      for (const k of reserved) await ctx.repos.identity.loginAttempts.release(k)
      const retryAfter = Math.ceil((windowStartedAt.getTime() + window * 1000 - now.getTime()) / 1000)
      return err(DomainErrors.rateLimited(Math.max(1, retryAfter)))
    }
  }
  const payload: PasswordLinkJobPayload = { purpose: 'reset', email, locale: input.locale }
  return ctx.transaction(async (repos) => {
    await repos.outbox.enqueue({ kind: PASSWORD_LINK_JOB, organizationId: null, payload })
    return ok(null)
  })
}
