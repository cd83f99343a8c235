import type { UseCaseCall } from '../context.ts'
import type { TenantScope } from '../property/index.ts'
import { DomainErrors } from '../shared/domain-error.ts'
import type { DomainEventType } from '../shared/domain-events.ts'
import { err, ok, type Result } from '../shared/result.ts'
import { checkVersion } from '../shared/versioning.ts'
import type { Document } from './document.entity.ts'
import {
  checkRelatedExpense,
  checkRelatedMeeting,
  documentWriteScope,
  recordDocumentEvent,
} from './document-lookups.ts'
import type { DocumentsContext, DocumentsRepos } from './documents.ports.ts'

export type DeletedDocument = {
  /** False when the row is gone but removing the bytes failed: the adapter should log the key. */
  readonly fileRemoved: boolean
  readonly storageKey: string
}

/**
 * Deletes the row (audited) first and the bytes after the commit: the other order could leave a
 * row pointing at nothing if the transaction failed, while this one at worst leaves bytes that
 * no row references, which are harmless and reported back for clean-up.
 */
export async function deleteDocument({
  ctx,
  input: { id, expectedVersion },
}: UseCaseCall<
  DocumentsContext,
  { readonly id: string; readonly expectedVersion: number | undefined }
>): Promise<Result<DeletedDocument>> {
  const scope = await documentWriteScope(ctx, id)
  if (!scope.ok) return scope
  const deleted = await ctx.transaction(async (repos) => {
    const current = await repos.documents.documents.findById(scope.value, id)
    if (!current) return err(DomainErrors.notFound('Document'))
    const fresh = checkVersion('Document', current.version, expectedVersion)
    if (!fresh.ok) return fresh
    if (!(await repos.documents.documents.delete(scope.value, id, current.version)))
      return err(DomainErrors.versionConflict('Document', current.version + 1))
    await recordDocumentEvent(ctx, repos, current, 'DocumentDeleted', {
      storage_key: current.storageKey,
      title: current.title,
    })
    return ok(current)
  })
  if (!deleted.ok) return deleted
  try {
    await ctx.files.delete(deleted.value.storageKey)
    return ok({ fileRemoved: true, storageKey: deleted.value.storageKey })
  } catch {
    return ok({ fileRemoved: false, storageKey: deleted.value.storageKey })
  }
}

/** Links the document to a meeting of its own building; null unlinks. */
export async function linkDocumentToMeeting({
  ctx,
  input: { id, meetingId, expectedVersion },
}: UseCaseCall<
  DocumentsContext,
  { readonly id: string; readonly meetingId: string | null; readonly expectedVersion?: number | undefined }
>): Promise<Result<Document>> {
  return relink(
    ctx,
    id,
    expectedVersion,
    'DocumentLinkedToMeeting',
    { meeting_id: meetingId },
    async (repos, scope, current) => {
      if (meetingId !== null) {
        const related = await checkRelatedMeeting(repos, scope, current.buildingId, meetingId, 'meeting_id')
        if (!related.ok) return related
      }
      return ok({ ...current, relatedMeetingId: meetingId })
    },
  )
}

/** Links the document to an expense of its own building (an invoice, a quote); null unlinks. */
export async function linkDocumentToExpense({
  ctx,
  input: { id, expenseId, expectedVersion },
}: UseCaseCall<
  DocumentsContext,
  { readonly id: string; readonly expenseId: string | null; readonly expectedVersion?: number | undefined }
>): Promise<Result<Document>> {
  return relink(
    ctx,
    id,
    expectedVersion,
    'DocumentLinkedToExpense',
    { expense_id: expenseId },
    async (repos, scope, current) => {
      if (expenseId !== null) {
        const related = await checkRelatedExpense(repos, scope, current.buildingId, expenseId, 'expense_id')
        if (!related.ok) return related
      }
      return ok({ ...current, relatedExpenseId: expenseId })
    },
  )
}

async function relink(
  ctx: DocumentsContext,
  id: string,
  expectedVersion: number | undefined,
  action: DomainEventType,
  details: Record<string, unknown>,
  change: (repos: DocumentsRepos, scope: TenantScope, current: Document) => Promise<Result<Document>>,
): Promise<Result<Document>> {
  const scope = await documentWriteScope(ctx, id)
  if (!scope.ok) return scope
  return ctx.transaction(async (repos) => {
    const current = await repos.documents.documents.findById(scope.value, id)
    if (!current) return err(DomainErrors.notFound('Document'))
    const fresh = checkVersion('Document', current.version, expectedVersion)
    if (!fresh.ok) return fresh
    const changed = await change(repos, scope.value, current)
    if (!changed.ok) return changed
    const next: Document = { ...changed.value, version: current.version + 1, updatedAt: ctx.clock.now() }
    if (!(await repos.documents.documents.update(scope.value, next)))
      return err(DomainErrors.versionConflict('Document', current.version + 1))
    await recordDocumentEvent(ctx, repos, next, action, details)
    return ok(next)
  })
}
