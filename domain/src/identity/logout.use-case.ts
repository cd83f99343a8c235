import type { UseCaseContext } from '../context.ts'
import { ok, type Result } from '../shared/result.ts'

/** Ends the session the refresh token belongs to (its whole family). Unknown tokens are a no-op. */
export async function logout(ctx: UseCaseContext, refreshToken: string): Promise<Result<null>> {
  const record = await ctx.repos.refreshTokens.findByHash(ctx.sessions.hashRefreshToken(refreshToken))
  if (record) await ctx.repos.refreshTokens.revokeFamily(record.familyId, ctx.clock.now())
  return ok(null)
}
