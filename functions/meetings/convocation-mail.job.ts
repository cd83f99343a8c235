import {
  type ConvocationMailPayload,
  convocationDocument,
  legalDefaultSettings,
  ownerDisplayName,
} from '@koprogo/domain'
import { bindRepositories } from '../_shared/db/repositories/index.ts'
import type { JobHandler } from '../_shared/jobs/job-handler.ts'
import { pdfLibRenderer } from '../_shared/pdf/pdf-lib-renderer.ts'

const escapeHtml = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  )

/**
 * CONVOCATION_MAIL_JOB: renders one owner's convocation (art. 3.87 §3) in the owner's language as a
 * PDF, as the meeting stands when the job runs, and e-mails it with the PDF attached. Idempotent:
 * the mail's idempotency key is the job id (a retry after a crash is the same message), and a
 * delivery already sent is not sent again. The delivery records when it went, or the error.
 */
export const convocationMailJob: JobHandler = async (job, runtime) => {
  const { deliveryId } = job.payload as unknown as ConvocationMailPayload
  if (!job.organizationId) throw new Error(`${job.kind} ${job.id}: no organization`)
  const scope = { organizationId: job.organizationId }
  const repos = bindRepositories(runtime.database.db)
  const delivery = await repos.governance.convocation.deliveries.findById(scope, deliveryId)
  if (!delivery || delivery.status === 'sent') return
  try {
    const meeting = await repos.governance.meetings.findById(scope, delivery.meetingId)
    const owner = await repos.property.owners.findById(scope, delivery.ownerId)
    if (!meeting || !owner?.email) throw new Error('meeting or owner address gone')
    const building = await repos.property.buildings.findById(scope, meeting.buildingId)
    const organization = await repos.identity.organizations.findById(scope.organizationId)
    if (!building || !organization) throw new Error('building gone')
    const settings =
      (await repos.governance.convocation.settings.find(scope, building.id)) ??
      legalDefaultSettings(scope.organizationId, building.id)
    const resolutions = await repos.governance.assembly.resolutions.listForMeeting(scope, meeting.id)
    const documents = await repos.documents.documents.list(
      scope,
      { relatedMeetingId: meeting.id },
      { page: 1, perPage: 100, sortBy: 'created_at', order: 'asc' },
    )
    const firstMeeting = await repos.governance.convocation.secondAssemblies.firstOf(scope, meeting.id)
    const language = owner.preferredLanguage
    const letter = convocationDocument({
      language,
      meeting,
      building,
      organization,
      settings,
      resolutions,
      ownerName: ownerDisplayName(owner),
      secondAssembly: firstMeeting !== null,
      documents: documents.items.map((d) => d.title),
    })
    const pdf = await pdfLibRenderer.render(letter.pdf)
    await runtime.mailer.send({
      to: owner.email,
      locale: language,
      subject: letter.subject,
      text: letter.text,
      html: `<p>${escapeHtml(letter.text).replace(/\n/g, '<br>')}</p>`,
      idempotencyKey: job.id,
      attachments: [{ filename: letter.filename, contentType: 'application/pdf', content: pdf }],
    })
    await repos.governance.convocation.deliveries.markSent(scope, deliveryId, new Date(), null)
  } catch (error) {
    await repos.governance.convocation.deliveries.markFailed(scope, deliveryId, String(error))
    throw error
  }
}
