import { arrearsText, formatCents, generateReminderLetters, ok, recordEvent } from '@koprogo/domain'
import { bindRepositories } from '../_shared/db/repositories/index.ts'
import type { JobHandler } from '../_shared/jobs/job-handler.ts'
import { escapeHtml, PRODUCT_NAME } from '../_shared/mail/render.ts'
import { publicBaseUrl } from '../_shared/mail/select-mailer.ts'
import { pdfLibRendererWith } from '../_shared/pdf/pdf-lib-renderer.ts'
import { useCaseContextFor } from '../_shared/runtime.ts'

/** Letters are short Latin text: the standard fonts keep them cheap (as the call letters, ADR 0032). */
const letterRenderer = pdfLibRendererWith({ standardFontsWhenPossible: true })

/**
 * RENDER_REMINDER_LETTERS: the PDF of every reminder of a run, stored as documents addressed to
 * the owner; e-mailed reminders get their MAIL_REMINDERS job in the same transaction (ADR 0039).
 */
export const renderReminderLetters: JobHandler = async (job, runtime) => {
  const ctx = useCaseContextFor(runtime, `job:${job.id}`)
  const result = await generateReminderLetters({ ctx, input: { job, renderer: letterRenderer } })
  if (!result.ok) throw new Error(`${job.kind} ${job.id}: ${result.error.kind}: ${result.error.message}`)
  runtime.logger.info('reminder letters stored', { jobId: job.id, ...result.value })
}

/**
 * MAIL_REMINDERS: tells each consenting owner of a batch that a reminder was sent, with the
 * amount and a link to the owner portal where the letter and its QR code are. The key of each
 * message is `job id:reminder id` and the reminder is marked e-mailed right after, conditionally:
 * a retried job re-sends at most the one in flight, under the same key. Formal notices never come
 * here (registered post).
 */
export const mailReminders: JobHandler = async (job, runtime) => {
  const { reminderIds } = job.payload as { reminderIds: string[] }
  if (!job.organizationId || !Array.isArray(reminderIds)) return
  const scope = { organizationId: job.organizationId }
  const repos = bindRepositories(runtime.database.db)
  const list = (await repos.finance.arrears.findReminders(scope, reminderIds)).filter(
    (r) => r.emailedAt === null && r.delivery === 'email',
  )
  const owners = new Map(
    (await repos.finance.calls.ownersByIds(scope, [...new Set(list.map((r) => r.ownerId))])).map((o) => [
      o.id,
      o,
    ]),
  )
  const organization = await repos.identity.organizations.findById(scope.organizationId)
  const url = `${publicBaseUrl(runtime.env)}/owner`
  const ctx = useCaseContextFor(runtime, `job:${job.id}`)
  for (const reminder of list) {
    const owner = owners.get(reminder.ownerId)
    if (!owner?.email || !owner.emailConsent) continue
    const building = await repos.property.buildings.findById(scope, reminder.buildingId)
    const lang = owner.preferredLanguage
    const values = {
      kind: arrearsText(lang, `arrears.kind.${reminder.kind}`),
      amount: formatCents(reminder.outstandingCents + reminder.interestCents + reminder.feeCents, lang),
      building: building?.name ?? '',
      organization: organization?.name ?? PRODUCT_NAME,
    }
    const intro = arrearsText(lang, 'arrears.mail.intro', values)
    const action = arrearsText(lang, 'arrears.mail.action', values)
    await runtime.mailer.send({
      to: owner.email,
      locale: lang,
      subject: arrearsText(lang, 'arrears.mail.subject', values),
      text: `${intro}\n\n${action}:\n${url}`,
      html: `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"></head><body><p>${escapeHtml(
        intro,
      )}</p><p><a href="${escapeHtml(url)}">${escapeHtml(action)}</a></p></body></html>`,
      idempotencyKey: `${job.id}:${reminder.id}`,
    })
    await ctx.transaction(async (tx) => {
      if (await tx.finance.arrears.markReminderEmailed(scope, reminder.id, ctx.clock.now())) {
        await recordEvent(
          { requestId: ctx.requestId, actorUserId: null },
          tx,
          'ReminderEmailed',
          scope,
          reminder.id,
          {
            jobId: job.id,
          },
        )
      }
      return ok(null)
    })
  }
}
