import { DomainErrors } from '../shared/domain-error.ts'
import { err, ok, type Result } from '../shared/result.ts'
import type { IdentityContext } from './identity.ports.ts'
import type { User } from './user.entity.ts'

export async function getCurrentUser({ ctx }: { readonly ctx: IdentityContext }): Promise<Result<User>> {
  const user = await ctx.repos.identity.users.findById(ctx.actor.userId)
  if (!user?.isActive) return err(DomainErrors.unauthenticated())
  return ok(user)
}
