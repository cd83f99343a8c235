import { type Actor, DomainErrors } from '@koprogo/domain'
import type { MiddlewareHandler } from 'hono'
import { auditedBuildingIdsOf } from './db/repositories/closing.repository.ts'
import { findUserForAuth } from './db/repositories/user.repository.ts'
import { problemResponse } from './problem.ts'
import type { AppEnv } from './runtime.ts'

/**
 * Resolves the caller from `Authorization: Bearer`. The token is verified (HS256 only), then the
 * user is re-read so a deactivated account, a changed role or a new password (session epoch,
 * ADR 0016) takes effect at once, not at expiry.
 * A missing header leaves actor null; a present but bad token is a 401 on every route.
 */
export const authenticate: MiddlewareHandler<AppEnv> = async (c, next) => {
  c.set('actor', null)
  const header = c.req.header('authorization')
  if (!header) return next()
  const match = /^Bearer\s+(\S+)$/i.exec(header)
  if (!match?.[1]) return problemResponse(c, DomainErrors.unauthenticated('Malformed Authorization header'))
  const runtime = c.get('runtime')
  const claims = await runtime.accessKey.verify(match[1])
  if (!claims) return problemResponse(c, DomainErrors.unauthenticated('Invalid or expired token'))
  const user = await findUserForAuth(runtime.database.db, claims.sub)
  if (!user?.isActive)
    return problemResponse(c, DomainErrors.unauthenticated('Account not found or disabled'))
  // A password, role or activity change moved the epoch on: every older token ends here, on its
  // next request (the row is read per request, never cached), not at its expiry.
  if (claims.session_epoch !== user.sessionEpoch)
    return problemResponse(c, DomainErrors.unauthenticated('Session ended; please log in again'))
  const actor: Actor = {
    userId: user.id,
    email: user.email,
    role: user.role,
    organizationId: user.organizationId,
    // One indexed read, for auditors only: the access policy confines them to these buildings.
    ...(user.role === 'auditor' && user.organizationId !== null
      ? {
          auditedBuildingIds: await auditedBuildingIdsOf(runtime.database.db, {
            organizationId: user.organizationId,
            userId: user.id,
          }),
        }
      : {}),
  }
  c.set('actor', actor)
  return next()
}

export const requireAuth: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (!c.get('actor')) return problemResponse(c, DomainErrors.unauthenticated())
  return next()
}
