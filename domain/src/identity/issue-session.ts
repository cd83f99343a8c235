import type { Repositories, UseCaseContext } from '../context.ts'
import type { User } from './user.entity.ts'

export type Session = {
  readonly accessToken: string
  readonly expiresInSeconds: number
  readonly refreshToken: string
  readonly user: User
}

/** Opens a session: one access token and the first refresh token of a new family (or `familyId`'s). */
export async function issueSession(
  ctx: UseCaseContext,
  repos: Repositories,
  user: User,
  familyId: string = ctx.ids.next(),
): Promise<Session> {
  const access = await ctx.sessions.issueAccessToken(user)
  const refresh = ctx.sessions.newRefreshToken()
  const now = ctx.clock.now()
  await repos.refreshTokens.insert({
    id: ctx.ids.next(),
    userId: user.id,
    familyId,
    tokenHash: refresh.hash,
    expiresAt: new Date(now.getTime() + ctx.settings.refreshTokenTtlSeconds * 1000),
    revokedAt: null,
  })
  return {
    accessToken: access.token,
    expiresInSeconds: access.expiresInSeconds,
    refreshToken: refresh.token,
    user,
  }
}
