import type { UseCaseCall } from '../context.ts'
import { DomainErrors } from '../shared/domain-error.ts'
import { err, ok, type Result } from '../shared/result.ts'
import type { Actor } from './actor.ts'
import { createOrganizationRecord } from './create-organization.use-case.ts'
import {
  authorizeUserCreation,
  type CreateUserInput,
  createUserRecord,
  targetOrganization,
} from './create-user.use-case.ts'
import type { IdentityPublicContext } from './identity.ports.ts'
import { issueSession, type Session } from './issue-session.ts'

export type RegisterInput = CreateUserInput & { readonly organizationName?: string | undefined }

/**
 * Without a token (public signup, when enabled): only a syndic founding a new organization.
 * With a token: the same rules as creating a user (a syndic adds accountants and owners to their
 * own firm; a superadmin anyone anywhere). The v1 contract answers with a session for the new user.
 */
export async function register({
  ctx,
  input: { actor, fields: input },
}: UseCaseCall<
  IdentityPublicContext,
  { readonly actor: Actor | null; readonly fields: RegisterInput }
>): Promise<Result<Session>> {
  if (actor) {
    const organizationId = targetOrganization(actor, input.role, input.organizationId)
    const allowed = await authorizeUserCreation({ ctx, input: { actor, role: input.role, organizationId } })
    if (!allowed.ok) return allowed
    return ctx.transaction(async (repos) => {
      const user = await createUserRecord(ctx, repos, actor.userId, organizationId, input)
      return user.ok ? ok(await issueSession(ctx, repos, user.value)) : user
    })
  }
  if (!ctx.settings.signupEnabled) return err(DomainErrors.forbidden('Public sign-up is disabled'))
  if (input.role !== 'syndic') return err(DomainErrors.forbidden('Public sign-up may only create a syndic'))
  if (input.organizationId)
    return err(DomainErrors.forbidden('Public sign-up cannot join an existing organization'))
  const organizationName = input.organizationName?.trim()
  if (!organizationName) {
    return err(DomainErrors.invalidField('organization_name', 'is required to sign up a new organization'))
  }
  return ctx.transaction(async (repos) => {
    const org = await createOrganizationRecord(ctx, repos, null, {
      name: organizationName,
      contactEmail: input.email,
    })
    if (!org.ok) return org
    const user = await createUserRecord(ctx, repos, null, org.value.id, input)
    return user.ok ? ok(await issueSession(ctx, repos, user.value)) : user
  })
}
