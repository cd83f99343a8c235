import type { PasswordChangedJobPayload } from '@koprogo/domain'
import { bindRepositories } from '../_shared/db/repositories/index.ts'
import type { JobHandler } from '../_shared/jobs/job-handler.ts'
import { formatMailDate, renderMail } from '../_shared/mail/render.ts'
import { publicBaseUrl } from '../_shared/mail/select-mailer.ts'
import { localeOf, senderName } from './password-link.job.ts'

/** Tells the user their password changed, with the way out if it was not them. No secret in it. */
export const passwordChangedJob: JobHandler = async (job, runtime) => {
  const payload = job.payload as unknown as PasswordChangedJobPayload
  const repos = bindRepositories(runtime.database.db)
  const user = await repos.identity.users.findById(payload.userId)
  if (!user) return
  const locale = localeOf(payload.locale)
  const rendered = renderMail(locale, {
    subject: 'mail.changed.subject',
    blocks: [
      { text: 'mail.changed.intro' },
      { text: 'mail.changed.notYou' },
      { action: 'mail.changed.action', url: `${publicBaseUrl(runtime.env)}/forgot-password` },
    ],
    vars: {
      name: user.firstName,
      organization: await senderName(repos, user),
      when: formatMailDate(locale, new Date(payload.changedAt)),
    },
  })
  await runtime.mailer.send({ to: user.email, locale, ...rendered, idempotencyKey: job.id })
}
