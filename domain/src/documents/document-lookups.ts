import { findReadableRow, ownerRecordOf, readAccessOf, writeScopeFor } from '../access/index.ts'
import type { TenantScope } from '../property/index.ts'
import { DomainErrors } from '../shared/domain-error.ts'
import type { DomainEventType } from '../shared/domain-events.ts'
import { err, ok, type Result } from '../shared/result.ts'
import { recordEvent } from '../shared/unit-of-work.ts'
import type { Document } from './document.entity.ts'
import type { DocumentsContext, DocumentsRepos } from './documents.ports.ts'

/**
 * Reads one document the actor may see; anything else (missing, foreign, not owned, or addressed
 * to another owner) is the same 404.
 */
export async function findReadableDocument(ctx: DocumentsContext, id: string): Promise<Result<Document>> {
  const found = await findReadableRow(ctx, 'Document', id, {
    organizationOf: (did) => ctx.repos.documents.documents.organizationOf(did),
    findById: (scope, did) => ctx.repos.documents.documents.findById(scope, did),
  })
  if (!found.ok || found.value.addresseeOwnerId === null) return found
  const readable = await readableByOwnerId(ctx)
  return readable === undefined || readable === found.value.addresseeOwnerId
    ? found
    : err(DomainErrors.notFound('Document'))
}

/**
 * The `readableByOwnerId` restriction of a document list for this actor: an owner-role reader sees
 * the building's documents plus those addressed to their own owner record (null when they have
 * none), never another owner's letter. An auditor: null, the building's documents but no owner's
 * letter (ADR 0040 addendum: statements are checked through the statements endpoint). Staff and
 * superadmins: undefined, no restriction.
 */
export async function readableByOwnerId(ctx: DocumentsContext): Promise<string | null | undefined> {
  const access = readAccessOf(ctx)
  if (access.kind === 'auditor') return null
  if (access.kind !== 'owner') return undefined
  return (await ownerRecordOf(ctx.repos, access.scope, ctx.actor))?.id ?? null
}

export function documentWriteScope(ctx: DocumentsContext, id: string): Promise<Result<TenantScope>> {
  return writeScopeFor(
    ctx,
    'documents:write',
    (did) => ctx.repos.documents.documents.organizationOf(did),
    id,
    'Document',
  )
}

/**
 * A document may point only at a meeting or an expense of its own building: minutes of another
 * building's AG would be shown to that building's owners. A foreign or missing target is a 404.
 */
export async function checkRelatedMeeting(
  repos: DocumentsRepos,
  scope: TenantScope,
  buildingId: string,
  meetingId: string,
  field: string,
): Promise<Result<null>> {
  const meeting = await repos.governance.meetings.findById(scope, meetingId)
  if (!meeting) return err(DomainErrors.notFound('Meeting'))
  if (meeting.buildingId !== buildingId) {
    return err(DomainErrors.invalidField(field, 'must be a meeting of the same building'))
  }
  return ok(null)
}

export async function checkRelatedExpense(
  repos: DocumentsRepos,
  scope: TenantScope,
  buildingId: string,
  expenseId: string,
  field: string,
): Promise<Result<null>> {
  const expense = await repos.finance.expenses.findById(scope, expenseId)
  if (!expense) return err(DomainErrors.notFound('Expense'))
  if (expense.buildingId !== buildingId) {
    return err(DomainErrors.invalidField(field, 'must be an expense of the same building'))
  }
  return ok(null)
}

/** Written inside the mutation's transaction so a rolled-back change leaves no trace (ADR 0007). */
export async function recordDocumentEvent(
  ctx: DocumentsContext,
  repos: DocumentsRepos,
  document: Pick<Document, 'id' | 'organizationId'>,
  action: DomainEventType,
  details?: Record<string, unknown>,
): Promise<void> {
  await recordEvent(ctx, repos, action, document, document.id, details)
}
