import type { ActorContext } from '../context.ts'
import { writeScopeFor } from '../governance/tenant-access.service.ts'
import { can } from '../identity/permissions.ts'
import { DomainErrors } from '../shared/domain-error.ts'
import { err, ok, type Result } from '../shared/result.ts'
import {
  type Document,
  type DocumentFields,
  MAX_DOCUMENT_BYTES,
  storageKeyFor,
  validateDocument,
} from './document.entity.ts'
import { checkRelatedExpense, checkRelatedMeeting, recordDocumentAudit } from './document-access.ts'
import type { FileBody } from './documents.ports.ts'
import { checkUpload } from './file-kind.value-object.ts'

export type UploadDocumentInput = DocumentFields & {
  readonly buildingId: string
  readonly relatedMeetingId?: string | null | undefined
  readonly relatedExpenseId?: string | null | undefined
  readonly file: {
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
}

/**
 * Everything that can be refused is checked before a byte is stored (metadata, type, size,
 * building, links). The file is then stored outside the transaction (a store cannot join it);
 * if recording the row fails, the stored file is removed so no unreachable bytes remain. A
 * streamed file's length is known only once stored: one over the limit is removed again (the
 * adapter also stops reading it past the limit).
 */
export async function uploadDocument(
  ctx: ActorContext,
  input: UploadDocumentInput,
): Promise<Result<Document>> {
  if (!can(ctx.actor, 'documents:write')) return err(DomainErrors.forbidden())
  const fields = validateDocument(input)
  if (!fields.ok) return fields
  const upload = checkUpload(input.file)
  if (!upload.ok) return upload
  const scope = await writeScopeFor(
    ctx,
    'documents:write',
    (id) => ctx.repos.buildings.organizationOf(id),
    input.buildingId,
    'Building',
  )
  if (!scope.ok) return scope
  const building = await ctx.repos.buildings.findById(scope.value, input.buildingId)
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

  const id = ctx.ids.next()
  const storageKey = storageKeyFor(building.organizationId, id)
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
  const now = ctx.clock.now()
  const document: Document = {
    id,
    organizationId: building.organizationId,
    buildingId: building.id,
    ...fields.value,
    fileSize,
    mimeType: upload.value.mimeType,
    originalFilename: upload.value.filename,
    storageKey,
    uploadedBy: ctx.actor.userId,
    relatedMeetingId,
    relatedExpenseId,
    version: 1,
    createdAt: now,
    updatedAt: now,
  }
  const recorded = await storeOrCleanUp(ctx, document.storageKey, () =>
    ctx.transaction(async (repos) => {
      await repos.documents.insert(scope.value, document)
      await recordDocumentAudit(ctx, repos, document, 'document.upload', {
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

/** Runs `step`; if it throws, removes whatever was stored under `key` and rethrows the original error. */
async function storeOrCleanUp<T>(ctx: ActorContext, key: string, step: () => Promise<T>): Promise<T> {
  try {
    return await step()
  } catch (error) {
    await removeQuietly(ctx, key)
    throw error
  }
}

/** A failing clean-up must not hide the failure that caused it; the key is unreachable anyway. */
async function removeQuietly(ctx: ActorContext, key: string): Promise<void> {
  try {
    await ctx.files.delete(key)
  } catch {
    // The original error is what the caller must see; the orphan is found by key prefix later.
  }
}
