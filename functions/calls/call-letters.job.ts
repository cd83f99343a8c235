import {
  callsText,
  formatAccountIban,
  formatCalendarDay,
  formatCents,
  formatStructuredCommunication,
  generateCallLetters,
  type Iban,
  ok,
  recordEvent,
  type StructuredCommunication,
} from '@koprogo/domain'
import { bindRepositories } from '../_shared/db/repositories/index.ts'
import type { JobHandler } from '../_shared/jobs/job-handler.ts'
import { escapeHtml, PRODUCT_NAME } from '../_shared/mail/render.ts'
import { publicBaseUrl } from '../_shared/mail/select-mailer.ts'
import { pdfLibRendererWith } from '../_shared/pdf/pdf-lib-renderer.ts'
import { useCaseContextFor } from '../_shared/runtime.ts'

/** Letters are one page of Latin text: the standard fonts make 500 of them cheap (ADR 0032). */
const letterRenderer = pdfLibRendererWith({ standardFontsWhenPossible: true })

/**
 * RENDER_CALL_LETTERS: the PDF letter of every line of a call, stored as documents; each
 * e-mailed line gets its MAIL_CALL_LETTER batch job in the same transaction. Only the job bundle
 * imports this file (pdf-lib, fonts and qrcode stay out of the request Workers).
 */
export const renderCallLetters: JobHandler = async (job, runtime) => {
  const ctx = useCaseContextFor(runtime, `job:${job.id}`)
  const result = await generateCallLetters({ ctx, input: { job, renderer: letterRenderer } })
  if (!result.ok) throw new Error(`${job.kind} ${job.id}: ${result.error.kind}: ${result.error.message}`)
  runtime.logger.info('call letters stored', { jobId: job.id, ...result.value })
}

/**
 * MAIL_CALL_LETTER: tells each consenting owner of a batch of lines that a call is issued (amount,
 * due date, IBAN, communication) with a link to the owner portal, where the letter and its QR
 * code are. Each message's idempotency key is `job id:line id` (capture is unique on it, Resend
 * deduplicates on it, SMTP gets it as Message-ID), and each line is marked e-mailed right after
 * its message, conditionally: a retried job skips the lines already marked and re-sends at most
 * the one in flight, under the same key.
 */
export const mailCallLetter: JobHandler = async (job, runtime) => {
  const { callId, lineIds } = job.payload as { callId: string; lineIds: string[] }
  if (!job.organizationId || !Array.isArray(lineIds)) return
  const scope = { organizationId: job.organizationId }
  const repos = bindRepositories(runtime.database.db)
  const call = await repos.finance.calls.findCall(scope, callId)
  if (!call) return
  const wanted = new Set(lineIds)
  const lines = (await repos.finance.calls.listLines(scope, callId)).filter(
    (l) => wanted.has(l.id) && l.emailedAt === null,
  )
  const owners = new Map(
    (await repos.finance.calls.ownersByIds(scope, [...new Set(lines.map((l) => l.ownerId))])).map((o) => [
      o.id,
      o,
    ]),
  )
  const organization = await repos.identity.organizations.findById(scope.organizationId)
  const url = `${publicBaseUrl(runtime.env)}/owner`
  const ctx = useCaseContextFor(runtime, `job:${job.id}`)
  for (const line of lines) {
    const owner = owners.get(line.ownerId)
    if (!owner?.email || !owner.emailConsent) continue
    const lang = owner.preferredLanguage
    const values = {
      number: String(call.number),
      label: call.label,
      lot: line.unitNumber,
      amount: formatCents(line.amountCents, lang),
      date: formatCalendarDay(line.dueDate, lang),
      iban: formatAccountIban(call.iban as Iban),
      communication: formatStructuredCommunication(line.communication as StructuredCommunication),
      organization: organization?.name ?? PRODUCT_NAME,
    }
    const t = (key: Parameters<typeof callsText>[1]) => callsText(lang, key, values)
    const paragraphs = [t('calls.mail.intro'), t('calls.mail.details')]
    await runtime.mailer.send({
      to: owner.email,
      locale: lang,
      subject: t('calls.mail.subject'),
      text: [...paragraphs, `${t('calls.mail.action')}:\n${url}`].join('\n\n'),
      html: `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"></head><body>${paragraphs
        .map((p) => `<p>${escapeHtml(p)}</p>`)
        .join(
          '',
        )}<p><a href="${escapeHtml(url)}">${escapeHtml(t('calls.mail.action'))}</a></p></body></html>`,
      idempotencyKey: `${job.id}:${line.id}`,
    })
    await ctx.transaction(async (tx) => {
      if (await tx.finance.calls.markLineEmailed(scope, line.id, ctx.clock.now())) {
        await recordEvent(
          { requestId: ctx.requestId, actorUserId: null },
          tx,
          'CallLetterEmailed',
          scope,
          call.id,
          {
            lineId: line.id,
            jobId: job.id,
          },
        )
      }
      return ok(null)
    })
  }
}
