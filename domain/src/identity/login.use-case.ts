import type { UseCaseContext } from '../context.ts'
import { DomainErrors } from '../shared/domain-error.ts'
import { err, ok, type Result } from '../shared/result.ts'
import { normalizeEmail } from '../shared/text.ts'
import { issueSession, type Session } from './issue-session.ts'

export type LoginInput = { readonly email: string; readonly password: string; readonly ip: string }

const INVALID = 'Invalid email or password'

/**
 * Unknown e-mail, wrong password and deactivated account all give the same 401 after the same
 * amount of hashing work. Failures are counted per e-mail and per IP in a shared store so the
 * limit holds across processes and Workers; a success clears the e-mail's counter.
 */
export async function login(ctx: UseCaseContext, input: LoginInput): Promise<Result<Session>> {
  const email = normalizeEmail(input.email)
  const now = ctx.clock.now()
  const since = new Date(now.getTime() - ctx.settings.loginWindowSeconds * 1000)
  const keys = [
    { key: `email:${email}`, max: ctx.settings.loginMaxFailuresPerEmail },
    { key: `ip:${input.ip}`, max: ctx.settings.loginMaxFailuresPerIp },
  ]
  for (const { key, max } of keys) {
    const { count, oldest } = await ctx.repos.loginAttempts.failuresSince(key, since)
    if (count >= max && oldest) {
      const retryAfter = Math.ceil(
        (oldest.getTime() + ctx.settings.loginWindowSeconds * 1000 - now.getTime()) / 1000,
      )
      return err(DomainErrors.rateLimited(Math.max(1, retryAfter)))
    }
  }

  const user = await ctx.repos.users.findByEmail(email)
  let valid = false
  if (user) valid = await ctx.passwords.verify(user.passwordHash, input.password)
  else await ctx.passwords.verifyDummy(input.password)
  if (!user || !valid || !user.isActive) {
    for (const { key } of keys) await ctx.repos.loginAttempts.recordFailure(key, now)
    return err(DomainErrors.unauthenticated(INVALID))
  }

  return ctx.transaction(async (repos) => {
    await repos.loginAttempts.clear(`email:${email}`)
    let current = user
    if (ctx.passwords.needsRehash(user.passwordHash)) {
      // Parameters changed since this hash was made: upgrade it while we hold the plain password.
      const rehashed = {
        ...user,
        passwordHash: await ctx.passwords.hash(input.password),
        version: user.version + 1,
        updatedAt: now,
      }
      if (await repos.users.update(rehashed)) current = rehashed
    }
    return ok(await issueSession(ctx, repos, current))
  })
}
