import type { UseCaseCall } from '../context.ts'
import { ok, type Result } from '../shared/result.ts'
import type { IdentityPublicContext } from './identity.ports.ts'

/** Ends the session the refresh token belongs to (its whole family). Unknown tokens are a no-op. */
export async function logout({
  ctx,
  input: { refreshToken },
}: UseCaseCall<IdentityPublicContext, { readonly refreshToken: string }>): Promise<Result<null>> {
  const record = await ctx.repos.identity.refreshTokens.findByHash(
    ctx.sessions.hashRefreshToken(refreshToken),
  )
  if (record) await ctx.repos.identity.refreshTokens.revokeFamily(record.familyId, ctx.clock.now())
  return ok(null)
}
