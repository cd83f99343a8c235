import type { UseCaseCall } from '../context.ts'
import { DomainErrors } from '../shared/domain-error.ts'
import { err, ok, type Result } from '../shared/result.ts'
import { recordEvent } from '../shared/unit-of-work.ts'
import type { Actor } from './actor.ts'
import type { IdentityContext, IdentityPublicContext, IdentityRepos } from './identity.ports.ts'
import { checkPassword } from './password-policy.ts'
import { mayManageUser } from './permissions.ts'
import { reservePlanCapacity } from './plan-limits.ts'
import type { Role } from './role.value-object.ts'
import { type User, validateUserProfile } from './user.entity.ts'

export type CreateUserInput = {
  readonly email: string
  readonly password: string
  readonly firstName: string
  readonly lastName: string
  readonly role: Role
  readonly organizationId?: string | null | undefined
}

/** The tenant of a new user: a superadmin names it, everyone else gets their own. */
export function targetOrganization(
  actor: Actor,
  role: Role,
  requested: string | null | undefined,
): string | null {
  if (role === 'superadmin') return null
  return actor.role === 'superadmin' ? (requested ?? null) : actor.organizationId
}

export async function authorizeUserCreation({
  ctx,
  input: { actor, role, organizationId },
}: UseCaseCall<
  IdentityPublicContext,
  { readonly actor: Actor; readonly role: Role; readonly organizationId: string | null }
>): Promise<Result<null>> {
  if (!mayManageUser(actor, role, organizationId)) {
    return err(DomainErrors.forbidden(`A ${actor.role} may not create a ${role} in this organization`))
  }
  if (organizationId) {
    const org = await ctx.repos.identity.organizations.findById(organizationId)
    if (!org) return err(DomainErrors.notFound('Organization'))
    if (!org.isActive)
      return err(DomainErrors.conflict('organization_inactive', 'The organization is deactivated'))
  }
  return ok(null)
}

/** Validates, hashes and inserts a user, then audits it; authorization is the caller's job. */
/** A step inside the caller's transaction (not a use case): it gets that transaction's repositories. */
export async function createUserRecord(
  ctx: IdentityPublicContext,
  repos: IdentityRepos,
  createdBy: string | null,
  organizationId: string | null,
  input: CreateUserInput,
): Promise<Result<User>> {
  const profile = validateUserProfile(input)
  if (!profile.ok) return profile
  const password = checkPassword(input.password, profile.value.email)
  if (!password.ok) return password
  if (await repos.identity.users.findByEmail(profile.value.email)) {
    return err(DomainErrors.conflict('email_taken', 'A user with this e-mail already exists'))
  }
  if (organizationId !== null) {
    const capacity = await reservePlanCapacity(repos, organizationId, 'users')
    if (!capacity.ok) return capacity
  }
  const now = ctx.clock.now()
  const user: User = {
    id: ctx.ids.next(),
    ...profile.value,
    role: input.role,
    organizationId,
    isActive: true,
    passwordHash: await ctx.passwords.hash(input.password),
    sessionEpoch: 0,
    version: 1,
    createdAt: now,
    updatedAt: now,
  }
  await repos.identity.users.insert(user)
  await recordEvent(
    { requestId: ctx.requestId, actorUserId: createdBy ?? user.id },
    repos,
    'UserCreated',
    { organizationId },
    user.id,
    {
      role: user.role,
    },
  )
  return ok(user)
}

export async function createUser({
  ctx,
  input,
}: UseCaseCall<IdentityContext, CreateUserInput>): Promise<Result<User>> {
  const organizationId = targetOrganization(ctx.actor, input.role, input.organizationId)
  const allowed = await authorizeUserCreation({
    ctx,
    input: { actor: ctx.actor, role: input.role, organizationId },
  })
  if (!allowed.ok) return allowed
  return ctx.transaction((repos) => createUserRecord(ctx, repos, ctx.actor.userId, organizationId, input))
}
