import { type MinutesMailPayload, ownerDisplayName } from '@koprogo/domain'
import { bindRepositories } from '../_shared/db/repositories/index.ts'
import type { JobHandler } from '../_shared/jobs/job-handler.ts'

const SUBJECT: Record<string, string> = {
  fr: 'Procès-verbal de l’assemblée générale — {title}',
  nl: 'Notulen van de algemene vergadering — {title}',
  de: 'Protokoll der Generalversammlung — {title}',
  en: 'Minutes of the general assembly — {title}',
}
const BODY: Record<string, string> = {
  fr: 'Bonjour {owner},\n\nVous trouverez en pièce jointe le procès-verbal de l’assemblée générale.',
  nl: 'Beste {owner},\n\nIn bijlage vindt u de notulen van de algemene vergadering.',
  de: 'Guten Tag {owner},\n\nim Anhang finden Sie das Protokoll der Generalversammlung.',
  en: 'Hello {owner},\n\nPlease find attached the minutes of the general assembly.',
}

/**
 * MINUTES_MAIL_JOB: e-mails the stored minutes (the PDF in the owner's language when the building
 * writes it, else the first) to one owner (art. 3.87 §12). Idempotent like the convocation's job:
 * the job id is the mail's idempotency key and a sent delivery is not sent again.
 */
export const minutesMailJob: JobHandler = async (job, runtime) => {
  const { deliveryId } = job.payload as unknown as MinutesMailPayload
  if (!job.organizationId) throw new Error(`${job.kind} ${job.id}: no organization`)
  const scope = { organizationId: job.organizationId }
  const repos = bindRepositories(runtime.database.db)
  const delivery = await repos.governance.convocation.deliveries.findById(scope, deliveryId)
  if (!delivery || delivery.status === 'sent') return
  try {
    const meeting = await repos.governance.meetings.findById(scope, delivery.meetingId)
    const record = await repos.governance.convocation.minutes.find(scope, delivery.meetingId)
    const owner = await repos.property.owners.findById(scope, delivery.ownerId)
    if (!meeting || !record || !owner?.email) throw new Error('meeting, minutes or owner address gone')
    const docs = await Promise.all(
      record.documentIds.map((id) => repos.documents.documents.findById(scope, id)),
    )
    const available = docs.filter((d) => d !== null)
    const doc =
      available.find((d) => d.originalFilename.endsWith(`-${owner.preferredLanguage}.pdf`)) ?? available[0]
    if (!doc) throw new Error('minutes document gone')
    const file = await runtime.files.get(doc.storageKey)
    if (!file) throw new Error('minutes file gone')
    const bytes = new Uint8Array(await new Response(file.body as ReadableStream<Uint8Array>).arrayBuffer())
    const lang = owner.preferredLanguage
    const text = (BODY[lang] ?? BODY.fr ?? '').replace('{owner}', ownerDisplayName(owner))
    await runtime.mailer.send({
      to: owner.email,
      locale: lang,
      subject: (SUBJECT[lang] ?? SUBJECT.fr ?? '').replace('{title}', meeting.title),
      text,
      html: `<p>${text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/\n/g, '<br>')}</p>`,
      idempotencyKey: job.id,
      attachments: [{ filename: doc.originalFilename, contentType: 'application/pdf', content: bytes }],
    })
    await repos.governance.convocation.deliveries.markSent(scope, deliveryId, new Date(), doc.id)
  } catch (error) {
    await repos.governance.convocation.deliveries.markFailed(scope, deliveryId, String(error))
    throw error
  }
}
