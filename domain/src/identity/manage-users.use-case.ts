import type { UseCaseCall } from '../context.ts'
import { DomainErrors } from '../shared/domain-error.ts'
import type { DomainEventType } from '../shared/domain-events.ts'
import { stripUndefined } from '../shared/object.ts'
import type { Page, PageRequest } from '../shared/ports.ts'
import { err, ok, type Result } from '../shared/result.ts'
import { recordEvent } from '../shared/unit-of-work.ts'
import { checkVersion } from '../shared/versioning.ts'
import type { IdentityContext, UserSortField } from './identity.ports.ts'
import { checkPassword } from './password-policy.ts'
import { can, mayManageUser } from './permissions.ts'
import type { Role } from './role.value-object.ts'
import { type User, validateUserProfile } from './user.entity.ts'

export async function listUsers({
  ctx,
  input: { filter, page, tenant = {} },
}: UseCaseCall<
  IdentityContext,
  {
    readonly filter: { role?: Role | undefined }
    readonly page: PageRequest<UserSortField>
    readonly tenant?: { readonly organizationId?: string | null | undefined }
  }
>): Promise<Result<Page<User>>> {
  if (!can(ctx.actor, 'users:manage')) return err(DomainErrors.forbidden())
  // The platform lists every organization's users, or one organization's with the filter (the
  // convention of every list); anyone else lists their own organization's, whatever they ask.
  const organizationId = can(ctx.actor, 'platform:manage')
    ? (tenant.organizationId ?? null)
    : ctx.actor.organizationId
  return ok(await ctx.repos.identity.users.list({ organizationId }, filter, page))
}

/** Loads a user the actor may manage; another tenant's user is a 404, not a 403. */
async function manageableUser(ctx: IdentityContext, id: string): Promise<Result<User>> {
  if (!can(ctx.actor, 'users:manage')) return err(DomainErrors.forbidden())
  const user = await ctx.repos.identity.users.findById(id)
  if (!user) return err(DomainErrors.notFound('User'))
  if (ctx.actor.role !== 'superadmin' && user.organizationId !== ctx.actor.organizationId) {
    return err(DomainErrors.notFound('User'))
  }
  if (!mayManageUser(ctx.actor, user.role, user.organizationId)) return err(DomainErrors.forbidden())
  return ok(user)
}

export type UpdateUserInput = {
  readonly email?: string | undefined
  readonly firstName?: string | undefined
  readonly lastName?: string | undefined
  readonly role?: Role | undefined
  readonly password?: string | undefined
}

export async function updateUser({
  ctx,
  input: { id, changes, expectedVersion },
}: UseCaseCall<
  IdentityContext,
  { readonly id: string; readonly changes: UpdateUserInput; readonly expectedVersion: number | undefined }
>): Promise<Result<User>> {
  const found = await manageableUser(ctx, id)
  if (!found.ok) return found
  const current = found.value
  const fresh = checkVersion('User', current.version, expectedVersion)
  if (!fresh.ok) return fresh
  const role = changes.role ?? current.role
  if (!mayManageUser(ctx.actor, role, current.organizationId)) return err(DomainErrors.forbidden())
  if (id === ctx.actor.userId && role !== current.role) {
    return err(DomainErrors.conflict('self_role_change', 'You cannot change your own role'))
  }
  const profile = validateUserProfile({
    ...current,
    ...stripUndefined({ ...changes, role: undefined, password: undefined }),
  })
  if (!profile.ok) return profile
  if (
    profile.value.email !== current.email &&
    (await ctx.repos.identity.users.findByEmail(profile.value.email))
  ) {
    return err(DomainErrors.conflict('email_taken', 'A user with this e-mail already exists'))
  }
  let passwordHash = current.passwordHash
  if (changes.password !== undefined) {
    const ok_ = checkPassword(changes.password, profile.value.email)
    if (!ok_.ok) return ok_
    passwordHash = await ctx.passwords.hash(changes.password)
  }
  // A new password or role ends every session the user has (ADR 0016): a stolen session does
  // not survive the reset, and no token keeps the old role's claims.
  const endSessions = changes.password !== undefined || role !== current.role
  const next: User = {
    ...current,
    ...profile.value,
    role,
    passwordHash,
    sessionEpoch: current.sessionEpoch + (endSessions ? 1 : 0),
    version: current.version + 1,
    updatedAt: ctx.clock.now(),
  }
  return saveUser(ctx, current, next, 'UserUpdated', {
    fields: Object.keys(stripUndefined({ ...changes, password: changes.password ? 'changed' : undefined })),
  })
}

export async function setUserActive({
  ctx,
  input: { id, active },
}: UseCaseCall<IdentityContext, { readonly id: string; readonly active: boolean }>): Promise<Result<User>> {
  const found = await manageableUser(ctx, id)
  if (!found.ok) return found
  const current = found.value
  if (id === ctx.actor.userId && !active)
    return err(DomainErrors.conflict('self_deactivation', 'You cannot deactivate yourself'))
  if (current.isActive === active) return ok(current)
  // Both directions end every session: reactivation must not revive pre-deactivation tokens.
  const next: User = {
    ...current,
    isActive: active,
    sessionEpoch: current.sessionEpoch + 1,
    version: current.version + 1,
    updatedAt: ctx.clock.now(),
  }
  return saveUser(ctx, current, next, active ? 'UserActivated' : 'UserDeactivated')
}

async function saveUser(
  ctx: IdentityContext,
  current: User,
  next: User,
  action: DomainEventType,
  details?: Record<string, unknown>,
): Promise<Result<User>> {
  return ctx.transaction(async (repos) => {
    if (!(await repos.identity.users.update(next)))
      return err(DomainErrors.versionConflict('User', current.version + 1))
    const sessionsEnded = next.sessionEpoch !== current.sessionEpoch
    // The epoch alone already refuses older tokens; revoking the rows makes that visible too.
    if (sessionsEnded) await repos.identity.refreshTokens.revokeAllOfUser(next.id, next.updatedAt)
    const allDetails = sessionsEnded ? { ...details, sessions_ended: true } : details
    await recordEvent(ctx, repos, action, next, next.id, allDetails)
    return ok(next)
  })
}
