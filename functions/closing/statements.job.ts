import {
  closingText,
  formatCents,
  generateStatements,
  type OwnerStatementView,
  ok,
  recordEvent,
} from '@koprogo/domain'
import { bindRepositories } from '../_shared/db/repositories/index.ts'
import type { JobHandler } from '../_shared/jobs/job-handler.ts'
import { escapeHtml, PRODUCT_NAME } from '../_shared/mail/render.ts'
import { publicBaseUrl } from '../_shared/mail/select-mailer.ts'
import { pdfLibRendererWith } from '../_shared/pdf/pdf-lib-renderer.ts'
import { useCaseContextFor } from '../_shared/runtime.ts'

/** Statements are a page of Latin text: the standard fonts keep 500 of them cheap (as call letters). */
const statementRenderer = pdfLibRendererWith({ standardFontsWhenPossible: true })

/** RENDER_STATEMENTS (ADR 0040): every owner's statement PDF of a closed year, stored as documents. */
export const renderStatements: JobHandler = async (job, runtime) => {
  const ctx = useCaseContextFor(runtime, `job:${job.id}`)
  const result = await generateStatements({ ctx, input: { job, renderer: statementRenderer } })
  if (!result.ok) throw new Error(`${job.kind} ${job.id}: ${result.error.kind}: ${result.error.message}`)
  runtime.logger.info('statements stored', { jobId: job.id, ...result.value })
}

function resultText(s: OwnerStatementView): string {
  const amount = formatCents(Math.abs(s.regularisationCents), s.language)
  if (s.regularisationCents > 0) return closingText(s.language, 'closing.statement.toPay', { amount })
  if (s.regularisationCents < 0) return closingText(s.language, 'closing.statement.toRefund', { amount })
  return closingText(s.language, 'closing.statement.nothing')
}

/**
 * MAIL_STATEMENTS: tells each consenting owner of a batch that their statement is ready (the
 * regularisation in one line) with a link to the owner portal. Key `job id:statement id`; each
 * statement is marked e-mailed right after its message, conditionally (no duplicate on retry).
 */
export const mailStatements: JobHandler = async (job, runtime) => {
  const { closingId, statementIds } = job.payload as { closingId: string; statementIds: string[] }
  if (!job.organizationId || !Array.isArray(statementIds)) return
  const scope = { organizationId: job.organizationId }
  const repos = bindRepositories(runtime.database.db)
  const closing = await repos.closing.findClosingById(scope, closingId)
  if (!closing) return
  const building = await repos.property.buildings.findById(scope, closing.buildingId)
  const wanted = new Set(statementIds)
  const statements = (await repos.closing.listStatements(scope, closingId)).filter(
    (s) => wanted.has(s.id) && s.emailedAt === null,
  )
  const owners = new Map(
    (
      await repos.closing.ownersByIds(
        scope,
        statements.map((s) => s.ownerId),
      )
    ).map((o) => [o.id, o]),
  )
  const organization = await repos.identity.organizations.findById(scope.organizationId)
  const url = `${publicBaseUrl(runtime.env)}/owner`
  const ctx = useCaseContextFor(runtime, `job:${job.id}`)
  for (const s of statements) {
    const owner = owners.get(s.ownerId)
    if (!owner?.email || !owner.emailConsent) continue
    const values = {
      year: String(closing.fiscalYear),
      building: building?.name ?? '',
      organization: organization?.name ?? PRODUCT_NAME,
      result: resultText(s),
    }
    const t = (key: Parameters<typeof closingText>[1]) => closingText(s.language, key, values)
    const intro = t('closing.mail.intro')
    await runtime.mailer.send({
      to: owner.email,
      locale: s.language,
      subject: t('closing.mail.subject'),
      text: `${intro}\n\n${t('closing.mail.action')}:\n${url}`,
      html: `<!doctype html><html lang="${s.language}"><head><meta charset="utf-8"></head><body><p>${escapeHtml(
        intro,
      )}</p><p><a href="${escapeHtml(url)}">${escapeHtml(t('closing.mail.action'))}</a></p></body></html>`,
      idempotencyKey: `${job.id}:${s.id}`,
    })
    await ctx.transaction(async (tx) => {
      if (await tx.closing.markStatementEmailed(scope, s.id, ctx.clock.now())) {
        await recordEvent(
          { requestId: ctx.requestId, actorUserId: null },
          tx,
          'OwnerStatementEmailed',
          scope,
          closing.id,
          {
            statementId: s.id,
            jobId: job.id,
          },
        )
      }
      return ok(null)
    })
  }
}
