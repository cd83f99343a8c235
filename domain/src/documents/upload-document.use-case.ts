import { writeScopeFor } from '../access/index.ts'
import type { UseCaseCall } from '../context.ts'
import { can } from '../identity/index.ts'
import type { Building, TenantScope } from '../property/index.ts'
import { DomainErrors } from '../shared/domain-error.ts'
import { err, ok, type Result } from '../shared/result.ts'
import { DELETE_ORPHAN_FILE } from '../shared/unit-of-work.ts'
import {
  type Document,
  type DocumentFields,
  MAX_DOCUMENT_BYTES,
  storageKeyFor,
  type ValidDocumentFields,
  validateDocument,
} from './document.entity.ts'
import { checkRelatedExpense, checkRelatedMeeting, recordDocumentEvent } from './document-lookups.ts'
import type { DocumentsContext, FileBody } from './documents.ports.ts'
import { type AcceptedUpload, checkUpload } from './file-kind.value-object.ts'

/** The metadata of an upload: everything but the file. */
export type UploadDocumentFields = DocumentFields & {
  readonly buildingId: string
  readonly relatedMeetingId?: string | null | undefined
  readonly relatedExpenseId?: string | null | undefined
}

export type UploadedFile = {
  /** As the client named it; sanitized here, never used as a storage path. */
  readonly filename: string
  /** The multipart part's Content-Type; only a hint, checked against the bytes. */
  readonly declaredMime: string | null | undefined
  /** Undefined when streamed from the request: the store counts the bytes (bounded by the adapter). */
  readonly size: number | undefined
  /** The first bytes (up to SNIFF_BYTES) of `body`. */
  readonly head: Uint8Array
  readonly body: FileBody
}

export type UploadDocumentInput = UploadDocumentFields & { readonly file: UploadedFile }

/**
 * An upload read as a stream, whose fields may come before or after the file (KoproGo v1's
 * client sends the file first). A request body is read in order, so the fields that follow the
 * file are known only once the file has been stored.
 */
export type StreamedUploadInput = {
  readonly file: UploadedFile
  /** The fields received before the file, when every required one was among them; else undefined. */
  readonly fieldsBeforeFile: UploadDocumentFields | undefined
  /** Every field of the form, valid (or refused) once the file's stream has been read to its end. */
  readonly allFields: () => Result<UploadDocumentFields>
}

/**
 * The Nil UUID (RFC 9562) as the organization part of the key of a file a superadmin — who has no
 * organization — sent before the building was named. The key only has to be server-made and
 * unique: reads and deletes use the key recorded on the row.
 */
export const NO_ORGANIZATION_KEY_PART = '00000000-0000-0000-0000-000000000000'

/** Checks of the fields, then the type, then the building: everything before a byte is stored. */
export async function uploadDocument({
  ctx,
  input,
}: UseCaseCall<DocumentsContext, UploadDocumentInput>): Promise<Result<Document>> {
  return uploadStreamedDocument({
    ctx,
    input: {
      file: input.file,
      fieldsBeforeFile: input,
      allFields: () => ok(input),
    },
  })
}

/**
 * Fields first (the usual order): everything that can be refused is checked before a byte is
 * stored (metadata, type, size, building, links), and no byte of a refused caller reaches the
 * store. File first: only the role and the file's kind (sniffed from its first bytes) can be
 * checked before it is stored; it is then stored under a server-made key, the fields that follow
 * it are checked, and if they are refused (missing or foreign building → 404, bad type, links…)
 * the stored file is deleted before answering — compensation, since a store cannot join the
 * database transaction. Either way the file is stored outside the transaction and removed again
 * if its length turns out over the limit (a streamed file's length is known once stored) or the
 * row cannot be recorded, so a failure never leaves unreachable bytes behind.
 */
export async function uploadStreamedDocument({
  ctx,
  input,
}: UseCaseCall<DocumentsContext, StreamedUploadInput>): Promise<Result<Document>> {
  if (!can(ctx.actor, 'documents:write')) return err(DomainErrors.forbidden())
  const before = input.fieldsBeforeFile
  const early = before ? validateDocument(before) : undefined
  if (early && !early.ok) return early
  const upload = checkUpload(input.file)
  if (!upload.ok) return upload
  let target: UploadTarget | undefined
  if (before && early) {
    const resolved = await resolveTarget(ctx, before, early.value)
    if (!resolved.ok) return resolved
    target = resolved.value
  }

  const id = ctx.ids.next()
  // Fields first: the building's organization. File first: the caller's, which any building it
  // may write to belongs to (another tenant's building is refused below, and the file removed).
  const keyOrganization =
    target?.building.organizationId ?? ctx.actor.organizationId ?? NO_ORGANIZATION_KEY_PART
  const storageKey = storageKeyFor(keyOrganization, id)
  await scheduleOrphanCheck(ctx, storageKey, target?.building.organizationId ?? ctx.actor.organizationId)
  const fileSize = await storeOrCleanUp(ctx, storageKey, () =>
    ctx.files.put(storageKey, input.file.body, {
      contentType: upload.value.mimeType,
      size: input.file.size,
    }),
  )
  if (fileSize > MAX_DOCUMENT_BYTES) {
    await removeQuietly(ctx, storageKey)
    return err(DomainErrors.payloadTooLarge(MAX_DOCUMENT_BYTES))
  }

  // The file is stored: from here every refusal deletes it (compensation).
  const checked = await storeOrCleanUp(ctx, storageKey, async () => {
    const fields = input.allFields()
    if (!fields.ok) return fields
    if (target && before && sameFields(before, fields.value)) return ok(target)
    const valid = validateDocument(fields.value)
    return valid.ok ? resolveTarget(ctx, fields.value, valid.value) : valid
  })
  if (!checked.ok) {
    await removeQuietly(ctx, storageKey)
    return checked
  }
  return record(ctx, checked.value, upload.value, { id, storageKey, fileSize })
}

type UploadTarget = {
  readonly scope: TenantScope
  readonly building: Building
  readonly fields: ValidDocumentFields
  readonly relatedMeetingId: string | null
  readonly relatedExpenseId: string | null
}

/** The building the caller may write to and the links, checked against it (404 for another tenant's). */
async function resolveTarget(
  ctx: DocumentsContext,
  input: UploadDocumentFields,
  fields: ValidDocumentFields,
): Promise<Result<UploadTarget>> {
  const scope = await writeScopeFor(
    ctx,
    'documents:write',
    (id) => ctx.repos.property.buildings.organizationOf(id),
    input.buildingId,
    'Building',
  )
  if (!scope.ok) return scope
  const building = await ctx.repos.property.buildings.findById(scope.value, input.buildingId)
  if (!building) return err(DomainErrors.notFound('Building'))
  const relatedMeetingId = input.relatedMeetingId ?? null
  const relatedExpenseId = input.relatedExpenseId ?? null
  if (relatedMeetingId !== null) {
    const related = await checkRelatedMeeting(
      ctx.repos,
      scope.value,
      building.id,
      relatedMeetingId,
      'related_meeting_id',
    )
    if (!related.ok) return related
  }
  if (relatedExpenseId !== null) {
    const related = await checkRelatedExpense(
      ctx.repos,
      scope.value,
      building.id,
      relatedExpenseId,
      'related_expense_id',
    )
    if (!related.ok) return related
  }
  return ok({ scope: scope.value, building, fields, relatedMeetingId, relatedExpenseId })
}

/** Whether the fields after the file changed nothing the early checks relied on. */
function sameFields(a: UploadDocumentFields, b: UploadDocumentFields): boolean {
  return (
    a.buildingId === b.buildingId &&
    a.documentType === b.documentType &&
    a.title === b.title &&
    (a.description ?? null) === (b.description ?? null) &&
    (a.relatedMeetingId ?? null) === (b.relatedMeetingId ?? null) &&
    (a.relatedExpenseId ?? null) === (b.relatedExpenseId ?? null)
  )
}

/** Records the row and its audit entry; the stored file is removed if that fails. */
async function record(
  ctx: DocumentsContext,
  target: UploadTarget,
  upload: AcceptedUpload,
  stored: { readonly id: string; readonly storageKey: string; readonly fileSize: number },
): Promise<Result<Document>> {
  const now = ctx.clock.now()
  const document: Document = {
    id: stored.id,
    organizationId: target.building.organizationId,
    buildingId: target.building.id,
    ...target.fields,
    fileSize: stored.fileSize,
    mimeType: upload.mimeType,
    originalFilename: upload.filename,
    storageKey: stored.storageKey,
    uploadedBy: ctx.actor.userId,
    relatedMeetingId: target.relatedMeetingId,
    relatedExpenseId: target.relatedExpenseId,
    addresseeOwnerId: null,
    version: 1,
    createdAt: now,
    updatedAt: now,
  }
  const recorded = await storeOrCleanUp(ctx, document.storageKey, () =>
    ctx.transaction(async (repos) => {
      await repos.documents.documents.insert(target.scope, document)
      await recordDocumentEvent(ctx, repos, document, 'DocumentUploaded', {
        building_id: document.buildingId,
        document_type: document.documentType,
        mime_type: document.mimeType,
        file_size: document.fileSize,
      })
      return ok(document)
    }),
  )
  if (!recorded.ok) await removeQuietly(ctx, document.storageKey)
  return recorded
}

/** How long an upload may take between storing its bytes and recording its row. */
export const ORPHAN_FILE_GRACE_MS = 60 * 60 * 1000

/**
 * Before a byte is stored, a message committed in its own small transaction schedules the
 * `document.delete-orphan-file` job an hour later; the job deletes the file only if no document row
 * references it then. A crash between the store and the row (or a failed clean-up below) thus
 * leaves no orphan behind for good: the outbox row exists before the file does (ADR 0020). The
 * immediate clean-ups below stay, so a refused upload still leaves nothing stored when it answers.
 */
async function scheduleOrphanCheck(
  ctx: DocumentsContext,
  storageKey: string,
  organizationId: string | null,
): Promise<void> {
  const runAfter = new Date(ctx.clock.now().getTime() + ORPHAN_FILE_GRACE_MS)
  const scheduled = await ctx.transaction(async (repos) =>
    ok(
      await repos.outbox.enqueue({
        kind: DELETE_ORPHAN_FILE,
        organizationId,
        payload: { storageKey },
        runAfter,
      }),
    ),
  )
  if (!scheduled.ok) throw new Error('the orphan-file check could not be scheduled')
}

/** Runs `step`; if it throws, removes whatever was stored under `key` and rethrows the original error. */
async function storeOrCleanUp<T>(ctx: DocumentsContext, key: string, step: () => Promise<T>): Promise<T> {
  try {
    return await step()
  } catch (error) {
    await removeQuietly(ctx, key)
    throw error
  }
}

/** A failing clean-up must not hide the failure that caused it; the key is unreachable anyway. */
async function removeQuietly(ctx: DocumentsContext, key: string): Promise<void> {
  try {
    await ctx.files.delete(key)
  } catch {
    // The original error is what the caller must see; the orphan is found by key prefix later.
  }
}
