import { type ConvocationMailPayload, ok, ownerDisplayName, recordEvent } from '@koprogo/domain'
import type { JobHandler } from '../_shared/jobs/job-handler.ts'
import { useCaseContextFor } from '../_shared/runtime.ts'
import { convocationLetterDocument, renderConvocationLetter, storeLetterFile } from './convocation-letter.ts'

const escapeHtml = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  )

/**
 * CONVOCATION_MAIL_JOB: renders one owner's convocation (art. 3.87 §3) in the owner's language as a
 * PDF, as the meeting stands when the job runs, files it as a document addressed to that owner (the
 * portal shows it to them alone) and e-mails it with the PDF attached. Idempotent: the mail's
 * idempotency key is the job id (a retry after a crash is the same message), the document's id is
 * the delivery's, and a delivery already sent is not sent again. The delivery records when it
 * went, or the error.
 */
export const convocationMailJob: JobHandler = async (job, runtime) => {
  const { deliveryId, requestedBy } = job.payload as unknown as ConvocationMailPayload
  if (!job.organizationId) throw new Error(`${job.kind} ${job.id}: no organization`)
  const scope = { organizationId: job.organizationId }
  const ctx = useCaseContextFor(runtime, `job:${job.id}`)
  const repos = ctx.repos
  const delivery = await repos.governance.convocation.deliveries.findById(scope, deliveryId)
  if (!delivery || delivery.status === 'sent') return
  try {
    const meeting = await repos.governance.meetings.findById(scope, delivery.meetingId)
    const owner = await repos.property.owners.findById(scope, delivery.ownerId)
    if (!meeting || !owner?.email) throw new Error('meeting or owner address gone')
    const { letter, pdf } = await renderConvocationLetter(repos, scope, meeting, owner)
    // Jobs enqueued before the letters were filed carry no requestedBy: they only mail.
    let documentId: string | null = null
    if (requestedBy) {
      const document = convocationLetterDocument({
        scope,
        meeting,
        deliveryId,
        ownerId: owner.id,
        title: `${letter.pdf.title} — ${ownerDisplayName(owner)}`,
        filename: letter.filename,
        size: pdf.length,
        uploadedBy: requestedBy,
        now: ctx.clock.now(),
      })
      await storeLetterFile(ctx.files, document, pdf)
      await ctx.transaction(async (tx) => {
        if (!(await tx.documents.documents.findById(scope, document.id))) {
          await tx.documents.documents.insert(scope, document)
          await recordEvent(
            { requestId: ctx.requestId, actorUserId: requestedBy },
            tx,
            'DocumentGenerated',
            scope,
            document.id,
            {
              jobId: job.id,
              meetingId: meeting.id,
              deliveryId,
              mimeType: 'application/pdf',
              fileSize: pdf.length,
            },
          )
        }
        return ok(null)
      })
      documentId = document.id
    }
    await runtime.mailer.send({
      to: owner.email,
      locale: owner.preferredLanguage,
      subject: letter.subject,
      text: letter.text,
      html: `<p>${escapeHtml(letter.text).replace(/\n/g, '<br>')}</p>`,
      idempotencyKey: job.id,
      attachments: [{ filename: letter.filename, contentType: 'application/pdf', content: pdf }],
    })
    await repos.governance.convocation.deliveries.markSent(scope, deliveryId, new Date(), documentId)
  } catch (error) {
    await repos.governance.convocation.deliveries.markFailed(scope, deliveryId, String(error))
    throw error
  }
}
