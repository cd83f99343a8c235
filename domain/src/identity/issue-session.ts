import type { IdentityPublicContext, IdentityRepos } from './identity.ports.ts'
import type { User } from './user.entity.ts'

export type Session = {
  readonly accessToken: string
  readonly expiresInSeconds: number
  readonly refreshToken: string
  readonly user: User
}

/** The family a refresh token belongs to: its id and the login that started it. */
export type RefreshFamily = { readonly id: string; readonly startedAt: Date }

/** When a token issued now in `family` must expire: its own TTL, capped by the family's lifetime. */
export function refreshExpiry(ctx: IdentityPublicContext, family: RefreshFamily, now: Date): Date {
  const own = now.getTime() + ctx.settings.refreshTokenTtlSeconds * 1000
  const familyEnd = family.startedAt.getTime() + ctx.settings.refreshSessionMaxSeconds * 1000
  return new Date(Math.min(own, familyEnd))
}

/** Opens a session: one access token and the first refresh token of a new family. */
export async function issueSession(
  ctx: IdentityPublicContext,
  repos: IdentityRepos,
  user: User,
): Promise<Session> {
  const now = ctx.clock.now()
  const family = { id: ctx.ids.next(), startedAt: now }
  const refresh = ctx.sessions.newRefreshToken()
  await repos.identity.refreshTokens.insert({
    id: ctx.ids.next(),
    userId: user.id,
    familyId: family.id,
    tokenHash: refresh.hash,
    expiresAt: refreshExpiry(ctx, family, now),
    revokedAt: null,
    familyStartedAt: family.startedAt,
    sessionEpoch: user.sessionEpoch,
    successorSealed: null,
  })
  return withAccessToken(ctx, user, refresh.token)
}

/** A fresh access token for `user` next to a refresh token the caller already holds or made. */
export async function withAccessToken(
  ctx: IdentityPublicContext,
  user: User,
  refreshToken: string,
): Promise<Session> {
  const access = await ctx.sessions.issueAccessToken(user)
  return { accessToken: access.token, expiresInSeconds: access.expiresInSeconds, refreshToken, user }
}
