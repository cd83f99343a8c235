import type { UseCaseCall } from '../context.ts'
import { DomainErrors } from '../shared/domain-error.ts'
import { err, ok, type Result } from '../shared/result.ts'
import { normalizeEmail } from '../shared/text.ts'
import type { IdentityPublicContext } from './identity.ports.ts'
import { issueSession, type Session } from './issue-session.ts'

export type LoginInput = { readonly email: string; readonly password: string; readonly ip: string }

const INVALID = 'Invalid email or password'

/**
 * Unknown e-mail, wrong password and deactivated account all give the same 401 after the same
 * amount of hashing work.
 *
 * Throttling (ADR 0016): each attempt is RESERVED before the password is checked, by one atomic
 * upsert per key that returns the new count, so N concurrent guesses check at most `max`
 * passwords. Three keys: the client address (any e-mail), the (e-mail, client address) pair —
 * the tight one, so a stranger elsewhere cannot lock a user out — and the e-mail from every
 * address, much higher, bounding distributed guessing. A refused attempt gives its reservations
 * back; a failure keeps them; a success clears its pair and gives back the other two.
 */
export async function login({
  ctx,
  input,
}: UseCaseCall<IdentityPublicContext, LoginInput>): Promise<Result<Session>> {
  const email = normalizeEmail(input.email)
  const now = ctx.clock.now()
  const window = ctx.settings.loginWindowSeconds
  const pairKey = `email-ip:${email}|${input.ip}`
  const keys = [
    { key: `ip:${input.ip}`, max: ctx.settings.loginMaxFailuresPerIp },
    { key: pairKey, max: ctx.settings.loginMaxFailuresPerEmailIp },
    { key: `email:${email}`, max: ctx.settings.loginMaxFailuresPerEmail },
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

  const user = await ctx.repos.identity.users.findByEmail(email)
  let valid = false
  if (user) valid = await ctx.passwords.verify(user.passwordHash, input.password)
  else await ctx.passwords.verifyDummy(input.password)
  if (!user || !valid || !user.isActive) return err(DomainErrors.unauthenticated(INVALID))

  await ctx.repos.identity.loginAttempts.clear(pairKey)
  for (const k of reserved) if (k !== pairKey) await ctx.repos.identity.loginAttempts.release(k)
  return ctx.transaction(async (repos) => {
    let current = user
    if (ctx.passwords.needsRehash(user.passwordHash)) {
      // Parameters changed since this hash was made: upgrade it while we hold the plain password.
      const rehashed = {
        ...user,
        passwordHash: await ctx.passwords.hash(input.password),
        version: user.version + 1,
        updatedAt: now,
      }
      if (await repos.identity.users.update(rehashed)) current = rehashed
    }
    return ok(await issueSession(ctx, repos, current))
  })
}
