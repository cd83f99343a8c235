import type { UseCaseCall } from '../context.ts'
import type { Locale } from '../i18n/locale.ts'
import { ok, type Result } from '../shared/result.ts'
import { recordEvent } from '../shared/unit-of-work.ts'
import { authorizeUserCreation, createUserRecord, targetOrganization } from './create-user.use-case.ts'
import type { IdentityContext } from './identity.ports.ts'
import { PASSWORD_LINK_JOB, type PasswordLinkJobPayload } from './password-link.ts'
import type { Role } from './role.value-object.ts'
import type { User } from './user.entity.ts'

export type InviteUserInput = {
  readonly email: string
  readonly firstName: string
  readonly lastName: string
  readonly role: Role
  readonly organizationId?: string | null | undefined
  /** The language of the invitation e-mail (the invitee has not chosen one yet). */
  readonly locale: Locale
}

/**
 * Creates a user without a password and, in the same transaction, the job that mails them a
 * single-use set-password link. Until they use it nobody can log in as them: their stored hash is
 * that of a random secret nobody ever sees (so login does the same work as for anyone else).
 */
export async function inviteUser({
  ctx,
  input,
}: UseCaseCall<IdentityContext, InviteUserInput>): Promise<Result<User>> {
  const organizationId = targetOrganization(ctx.actor, input.role, input.organizationId)
  const allowed = await authorizeUserCreation({
    ctx,
    input: { actor: ctx.actor, role: input.role, organizationId },
  })
  if (!allowed.ok) return allowed
  const unusable = ctx.sessions.newRefreshToken().token
  return ctx.transaction(async (repos) => {
    const created = await createUserRecord(ctx, repos, ctx.actor.userId, organizationId, {
      ...input,
      password: unusable,
    })
    if (!created.ok) return created
    const payload: PasswordLinkJobPayload = {
      purpose: 'invite',
      userId: created.value.id,
      invitedBy: ctx.actor.userId,
      locale: input.locale,
    }
    await repos.outbox.enqueue({ kind: PASSWORD_LINK_JOB, organizationId, payload })
    await recordEvent(ctx, repos, 'UserInvited', { organizationId }, created.value.id, {
      role: created.value.role,
      locale: input.locale,
    })
    return ok(created.value)
  })
}
