import type { UseCaseCall } from '../context.ts'
import { ok, type Result } from '../shared/result.ts'
import { normalizeEmail } from '../shared/text.ts'
import { recordEvent } from '../shared/unit-of-work.ts'
import type { IdentityPublicContext } from './identity.ports.ts'
import type { User } from './user.entity.ts'

/**
 * Bootstrap: makes sure the configured superadmin exists. Runs at start-up from trusted config,
 * so the password policy is the operator's responsibility (production mode refuses the default).
 * An existing account is left untouched: changing the env later does not reset a password.
 */
export async function ensureSuperadmin({
  ctx,
  input,
}: UseCaseCall<IdentityPublicContext, { email: string; password: string }>): Promise<
  Result<{ user: User; created: boolean }>
> {
  const email = normalizeEmail(input.email)
  const existing = await ctx.repos.identity.users.findByEmail(email)
  if (existing) return ok({ user: existing, created: false })
  const now = ctx.clock.now()
  const user: User = {
    id: ctx.ids.next(),
    email,
    firstName: 'Platform',
    lastName: 'Administrator',
    role: 'superadmin',
    organizationId: null,
    isActive: true,
    passwordHash: await ctx.passwords.hash(input.password),
    sessionEpoch: 0,
    version: 1,
    createdAt: now,
    updatedAt: now,
  }
  return ctx.transaction(async (repos) => {
    await repos.identity.users.insert(user)
    await recordEvent(
      { requestId: ctx.requestId, actorUserId: null },
      repos,
      'SuperadminBootstrapped',
      { organizationId: null },
      user.id,
    )
    return ok({ user, created: true })
  })
}
