import {
  isLocale,
  type Locale,
  ok,
  type PasswordLinkJobPayload,
  type PasswordLinkPurpose,
  type Repositories,
  recordEvent,
  type User,
} from '@koprogo/domain'
import { bindRepositories } from '../_shared/db/repositories/index.ts'
import { runInTransaction } from '../_shared/db/transaction.ts'
import type { Job, JobHandler } from '../_shared/jobs/job-handler.ts'
import { formatMailDate, PRODUCT_NAME, renderMail } from '../_shared/mail/render.ts'
import { publicBaseUrl } from '../_shared/mail/select-mailer.ts'
import type { Runtime } from '../_shared/runtime.ts'
import { hashLinkToken, PasswordLinkTokens } from '../_shared/security/password-link-tokens.ts'

/** The organization a user's mail is signed by: theirs, or the platform for a superadmin. */
export async function senderName(repos: Repositories, user: User): Promise<string> {
  if (!user.organizationId) return PRODUCT_NAME
  return (await repos.identity.organizations.findById(user.organizationId))?.name ?? PRODUCT_NAME
}

export const localeOf = (value: unknown): Locale => (isLocale(value) ? value : 'fr')

function linkTtlMs(runtime: Runtime, purpose: PasswordLinkPurpose): number {
  const env = runtime.env
  return purpose === 'invite' ? env.INVITE_LINK_TTL_HOURS * 3_600_000 : env.RESET_LINK_TTL_MINUTES * 60_000
}

/**
 * Mails an invitation or reset link. The link's id is this job's id and its token is derived
 * from that id under the server's key, so the payload holds no secret and a retried job mails
 * the same link (same Message-ID) instead of a second one. Nothing is sent when the account does
 * not exist or is inactive (a reset for an unknown e-mail), or when the link was used or expired
 * meanwhile (a late retry must not mail a dead link).
 */
export const passwordLinkJob: JobHandler = async (job: Job, runtime: Runtime) => {
  const payload = job.payload as unknown as PasswordLinkJobPayload
  const db = runtime.database.db
  const repos = bindRepositories(db)
  const user =
    payload.purpose === 'reset'
      ? await repos.identity.users.findByEmail(payload.email)
      : await repos.identity.users.findById(payload.userId)
  if (!user?.isActive) return
  const now = new Date()
  let link = await repos.identity.passwordLinks.findById(job.id)
  const token = new PasswordLinkTokens(runtime.env.JWT_SECRET ?? '').tokenFor(job.id)
  if (!link) {
    const created = {
      id: job.id,
      userId: user.id,
      purpose: payload.purpose,
      tokenHash: hashLinkToken(token),
      expiresAt: new Date(now.getTime() + linkTtlMs(runtime, payload.purpose)),
      usedAt: null,
      createdAt: now,
    }
    await runInTransaction(db, bindRepositories, async (tx) => {
      if (!(await tx.identity.passwordLinks.insert(created))) return ok(null)
      // Only the newest link works: asking twice leaves one live link.
      await tx.identity.passwordLinks.retireOthers(user.id, created.id, now)
      await recordEvent(
        {
          requestId: `job:${job.id}`,
          actorUserId: payload.purpose === 'invite' ? payload.invitedBy : user.id,
        },
        tx,
        payload.purpose === 'invite' ? 'InvitationSent' : 'PasswordResetRequested',
        user,
        user.id,
        { link_id: created.id, expires_at: created.expiresAt.toISOString() },
      )
      return ok(null)
    })
    link = created
  }
  if (link.usedAt || link.expiresAt.getTime() <= now.getTime()) return
  const locale = localeOf(payload.locale)
  const base = publicBaseUrl(runtime.env)
  const page = payload.purpose === 'invite' ? 'set-password' : 'reset-password'
  const url = `${base}/${page}?token=${token}`
  const expires = formatMailDate(locale, link.expiresAt)
  const organization = await senderName(repos, user)
  const vars: Record<string, string> = { name: user.firstName, organization, expires }
  if (payload.purpose === 'invite') {
    const inviter = await repos.identity.users.findById(payload.invitedBy)
    vars.inviter = inviter ? `${inviter.firstName} ${inviter.lastName}` : organization
  }
  const p = payload.purpose
  const rendered = renderMail(locale, {
    subject: `mail.${p}.subject`,
    blocks: [
      { text: `mail.${p}.intro` },
      { action: `mail.${p}.action`, url },
      { text: `mail.${p}.validity` },
      { text: 'mail.ignore' },
    ],
    vars,
  })
  await runtime.mailer.send({ to: user.email, locale, ...rendered, idempotencyKey: job.id })
}
