import type { UseCaseCall } from '../context.ts'
import { DomainErrors } from '../shared/domain-error.ts'
import { err, ok, type Result } from '../shared/result.ts'
import { recordEvent } from '../shared/unit-of-work.ts'
import type { IdentityPublicContext, RefreshTokenRecord } from './identity.ports.ts'
import { refreshExpiry, type Session, withAccessToken } from './issue-session.ts'

const REUSE = 'Refresh token reuse detected; please log in again'
/** How many rotations a late presenter may be behind and still be handed the live token. */
const MAX_GRACE_HOPS = 5
const LOST_RACE = 'refresh_rotated_concurrently'

/**
 * Rotation with reuse detection (ADR 0005, 0016). A refresh token works once; presenting one
 * that was already rotated means it leaked, so its whole family — every token descended from the
 * same login — is revoked. Except within the grace window: two tabs refreshing with the same
 * token at the same moment both get the one successor (sealed on the spent token's row under a
 * key only the presented token derives), so nobody is logged out by their own browser.
 * A family ends `refreshSessionMaxSeconds` after its login however often it rotates, and a
 * token issued under an older session epoch (password, role, activity changed) is dead.
 */
export async function refreshSession({
  ctx,
  input: { refreshToken },
}: UseCaseCall<IdentityPublicContext, { readonly refreshToken: string }>): Promise<Result<Session>> {
  const now = ctx.clock.now()
  const hash = ctx.sessions.hashRefreshToken(refreshToken)
  let record = await ctx.repos.identity.refreshTokens.findByHash(hash)
  if (!record) return err(DomainErrors.unauthenticated('Invalid refresh token'))
  if (expired(ctx, record, now)) return err(DomainErrors.unauthenticated('Refresh token expired'))
  const user = await ctx.repos.identity.users.findById(record.userId)
  if (!user?.isActive || user.sessionEpoch !== record.sessionEpoch)
    return err(DomainErrors.unauthenticated('Session ended; please log in again'))

  if (!record.revokedAt) {
    const family = { id: record.familyId, startedAt: record.familyStartedAt }
    const next = ctx.sessions.newRefreshToken()
    const sealed = await ctx.sessions.sealSuccessor(refreshToken, next.token)
    const spent = record
    // One transaction: the conditional revoke (the race arbiter, which waits for a concurrent
    // rotation of the same row to commit) and the successor's insert become visible together.
    const rotated = await ctx.transaction(async (repos) => {
      if (!(await repos.identity.refreshTokens.rotate(spent.id, now, sealed)))
        return err(DomainErrors.conflict(LOST_RACE, 'Rotated concurrently'))
      await repos.identity.refreshTokens.insert({
        id: ctx.ids.next(),
        userId: user.id,
        familyId: family.id,
        tokenHash: next.hash,
        expiresAt: refreshExpiry(ctx, family, now),
        revokedAt: null,
        familyStartedAt: family.startedAt,
        sessionEpoch: user.sessionEpoch,
        successorSealed: null,
      })
      return ok(null)
    })
    if (rotated.ok) return ok(await withAccessToken(ctx, user, next.token))
    if (rotated.error.kind !== 'conflict' || rotated.error.code !== LOST_RACE) return err(rotated.error)
    // Someone rotated it between our read and our revoke: their rotation is committed now.
    record = (await ctx.repos.identity.refreshTokens.findByHash(hash)) ?? record
  }

  const live = await successorWithinGrace(ctx, refreshToken, record, now)
  if (live) return ok(await withAccessToken(ctx, user, live))

  await ctx.repos.identity.refreshTokens.revokeFamily(record.familyId, now)
  await recordEvent(
    { requestId: ctx.requestId, actorUserId: record.userId },
    ctx.repos,
    'RefreshTokenReuseDetected',
    { organizationId: null },
    record.familyId,
  )
  return err(DomainErrors.unauthenticated(REUSE))
}

function expired(ctx: IdentityPublicContext, record: RefreshTokenRecord, now: Date): boolean {
  const familyEnd = record.familyStartedAt.getTime() + ctx.settings.refreshSessionMaxSeconds * 1000
  return record.expiresAt.getTime() <= now.getTime() || familyEnd <= now.getTime()
}

/**
 * The family's live token when `record` was rotated less than the grace window ago (following
 * at most a few rotations made within the window too), else null. Only the holder of the
 * presented token can open the sealed successor.
 */
async function successorWithinGrace(
  ctx: IdentityPublicContext,
  presented: string,
  record: RefreshTokenRecord,
  now: Date,
): Promise<string | null> {
  const graceMs = ctx.settings.refreshReuseGraceSeconds * 1000
  let current = record
  let token = presented
  for (let hop = 0; hop < MAX_GRACE_HOPS; hop++) {
    if (!current.revokedAt || !current.successorSealed) return null
    if (now.getTime() - current.revokedAt.getTime() > graceMs) return null
    const successor = await ctx.sessions.openSuccessor(token, current.successorSealed)
    if (!successor) return null
    const next = await ctx.repos.identity.refreshTokens.findByHash(ctx.sessions.hashRefreshToken(successor))
    if (!next || next.sessionEpoch !== record.sessionEpoch || expired(ctx, next, now)) return null
    if (!next.revokedAt) return successor
    current = next
    token = successor
  }
  return null
}
