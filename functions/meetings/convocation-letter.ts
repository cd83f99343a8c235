import {
  convocationDocument,
  type Document,
  type FileStore,
  legalDefaultSettings,
  type Meeting,
  type Owner,
  ownerDisplayName,
  type Repositories,
  storageKeyFor,
  type TenantScope,
} from '@koprogo/domain'
import { pdfLibRenderer } from '../_shared/pdf/pdf-lib-renderer.ts'

/**
 * One owner's convocation (art. 3.87 §3) rendered in the owner's language, as the meeting stands
 * now: the same letter whether it is e-mailed (convocation-mail.job) or printed for the post
 * (convocation-postal.job).
 */
export async function renderConvocationLetter(
  repos: Repositories,
  scope: TenantScope,
  meeting: Meeting,
  owner: Owner,
) {
  const building = await repos.property.buildings.findById(scope, meeting.buildingId)
  const organization = await repos.identity.organizations.findById(scope.organizationId)
  if (!building || !organization) throw new Error('building gone')
  const settings =
    (await repos.governance.convocation.settings.find(scope, building.id)) ??
    legalDefaultSettings(scope.organizationId, building.id)
  const resolutions = await repos.governance.assembly.resolutions.listForMeeting(scope, meeting.id)
  // The documents attached to the meeting, never a letter addressed to one owner (another owner's
  // convocation is linked to the same meeting): readableByOwnerId null keeps unaddressed ones only.
  const documents = await repos.documents.documents.list(
    scope,
    { relatedMeetingId: meeting.id, readableByOwnerId: null },
    { page: 1, perPage: 100, sortBy: 'created_at', order: 'asc' },
  )
  const firstMeeting = await repos.governance.convocation.secondAssemblies.firstOf(scope, meeting.id)
  const letter = convocationDocument({
    language: owner.preferredLanguage,
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
  return { letter, pdf }
}

/**
 * The letter filed as a document of the meeting ADDRESSED to its owner (documents.addressee_owner_id):
 * the owner reads it in the portal, no other owner lists or reads it (404). Its id is the delivery's
 * id, so a retried job finds what it stored and writes the same file key (idempotent by construction).
 */
export function convocationLetterDocument(input: {
  readonly scope: TenantScope
  readonly meeting: Meeting
  readonly deliveryId: string
  readonly ownerId: string
  readonly title: string
  readonly filename: string
  readonly size: number
  readonly uploadedBy: string
  readonly now: Date
}): Document {
  return {
    id: input.deliveryId,
    organizationId: input.scope.organizationId,
    buildingId: input.meeting.buildingId,
    documentType: 'Other',
    title: input.title.slice(0, 200),
    description: null,
    fileSize: input.size,
    mimeType: 'application/pdf',
    originalFilename: input.filename,
    storageKey: storageKeyFor(input.scope.organizationId, input.deliveryId),
    uploadedBy: input.uploadedBy,
    relatedMeetingId: input.meeting.id,
    relatedExpenseId: null,
    addresseeOwnerId: input.ownerId,
    version: 1,
    createdAt: input.now,
    updatedAt: input.now,
  }
}

/** Puts the PDF under the document's key; the same key on a retry overwrites the same bytes. */
export async function storeLetterFile(files: FileStore, document: Document, pdf: Uint8Array): Promise<void> {
  await files.put(document.storageKey, pdf, { contentType: 'application/pdf', size: pdf.length })
}
