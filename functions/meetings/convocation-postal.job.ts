import { ok, ownerDisplayName, type PostalConvocationPayload, recordEvent } from '@koprogo/domain'
import type { JobHandler } from '../_shared/jobs/job-handler.ts'
import { useCaseContextFor } from '../_shared/runtime.ts'
import { convocationLetterDocument, renderConvocationLetter, storeLetterFile } from './convocation-letter.ts'

/**
 * POSTAL_CONVOCATION_JOB: the printable convocation (art. 3.87 §3) of every owner reached by post —
 * no written consent to e-mail, or no address —, rendered in the owner's language by the same
 * renderer as the e-mailed one, filed as a document addressed to that owner and linked to the
 * delivery. Idempotent: the document's id is the delivery's, and only a delivery with no document
 * yet is rendered, so a retry or a second send files nothing twice. The syndic downloads all of
 * them as one PDF (GET /meetings/{id}/convocation/postal-letters).
 */
export const convocationPostalJob: JobHandler = async (job, runtime) => {
  const { meetingId, requestedBy } = job.payload as unknown as PostalConvocationPayload
  if (!job.organizationId) throw new Error(`${job.kind} ${job.id}: no organization`)
  const scope = { organizationId: job.organizationId }
  const ctx = useCaseContextFor(runtime, `job:${job.id}`)
  const meeting = await ctx.repos.governance.meetings.findById(scope, meetingId)
  if (!meeting) return
  const deliveries = await ctx.repos.governance.convocation.deliveries.list(scope, meetingId, 'convocation')
  for (const delivery of deliveries) {
    if (delivery.channel !== 'post' || delivery.documentId !== null) continue
    const owner = await ctx.repos.property.owners.findById(scope, delivery.ownerId)
    if (!owner) continue
    const { letter, pdf } = await renderConvocationLetter(ctx.repos, scope, meeting, owner)
    const document = convocationLetterDocument({
      scope,
      meeting,
      deliveryId: delivery.id,
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
      }
      if (await tx.governance.convocation.deliveries.attachDocument(scope, delivery.id, document.id)) {
        await recordEvent(
          { requestId: ctx.requestId, actorUserId: requestedBy },
          tx,
          'DocumentGenerated',
          scope,
          document.id,
          {
            jobId: job.id,
            meetingId,
            deliveryId: delivery.id,
            mimeType: 'application/pdf',
            fileSize: pdf.length,
          },
        )
      }
      return ok(null)
    })
  }
}
