import { mayReadBuilding, ownedBuildingIds, readAccessOf } from '../access/index.ts'
import type { UseCaseCall } from '../context.ts'
import { getMeeting } from '../governance/index.ts'
import type { Page, PageRequest } from '../shared/ports.ts'
import { ok, type Result } from '../shared/result.ts'
import type { Document } from './document.entity.ts'
import { findReadableDocument, readableByOwnerId } from './document-lookups.ts'
import type { ByteStream, DocumentFilter, DocumentSortField, DocumentsContext } from './documents.ports.ts'

/** What GET /documents may filter on; `buildingIds` is the domain's to set, never the caller's. */
export type DocumentQuery = Omit<DocumentFilter, 'buildingIds'>

/** Syndics and accountants read their firm's documents; an owner only those of buildings they own a unit in. */
export function getDocument({
  ctx,
  input: { id },
}: UseCaseCall<DocumentsContext, { readonly id: string }>): Promise<Result<Document>> {
  return findReadableDocument(ctx, id)
}

export async function listDocuments({
  ctx,
  input: { query, page, tenant = {} },
}: UseCaseCall<
  DocumentsContext,
  {
    readonly query: DocumentQuery
    readonly page: PageRequest<DocumentSortField>
    readonly tenant?: { readonly organizationId?: string | null | undefined }
  }
>): Promise<Result<Page<Document>>> {
  const filter: DocumentFilter = { ...query, buildingIds: undefined }
  const access = readAccessOf(ctx)
  switch (access.kind) {
    case 'platform':
      // A superadmin may narrow to one tenant (organization_id), as for property lists.
      return ok(
        tenant.organizationId
          ? await ctx.repos.documents.documents.list({ organizationId: tenant.organizationId }, filter, page)
          : await ctx.repos.documents.documents.listAcrossTenants(filter, page),
      )
    case 'organization':
      return ok(await ctx.repos.documents.documents.list(access.scope, filter, page))
    case 'owner': {
      const buildingIds = await ownedBuildingIds(ctx.repos, access.scope, access.userId)
      const readable = await readableByOwnerId(ctx)
      return ok(
        await ctx.repos.documents.documents.list(
          access.scope,
          { ...filter, buildingIds, readableByOwnerId: readable },
          page,
        ),
      )
    }
    case 'auditor':
      // The audited buildings' documents, never a letter addressed to one owner (null below):
      // the owners' year-end statements are checked through GET …/fiscal-years/{y}/statements.
      return ok(
        await ctx.repos.documents.documents.list(
          access.scope,
          { ...filter, buildingIds: access.buildingIds, readableByOwnerId: null },
          page,
        ),
      )
    case 'none':
      return ok({ items: [], total: 0 })
  }
}

/** GET /buildings/{id}/documents: an unknown, foreign or (for an owner) not-owned building is a 404. */
export async function listBuildingDocuments({
  ctx,
  input: { buildingId, query, page },
}: UseCaseCall<
  DocumentsContext,
  {
    readonly buildingId: string
    readonly query: Omit<DocumentQuery, 'buildingId'>
    readonly page: PageRequest<DocumentSortField>
  }
>): Promise<Result<Page<Document>>> {
  const scope = await mayReadBuilding(ctx, readAccessOf(ctx), buildingId)
  if (!scope.ok) return scope
  return ok(
    await ctx.repos.documents.documents.list(
      scope.value,
      { ...query, buildingId, buildingIds: undefined, readableByOwnerId: await readableByOwnerId(ctx) },
      page,
    ),
  )
}

/** GET /meetings/{id}/documents: visible exactly when the meeting itself is. */
export async function listMeetingDocuments({
  ctx,
  input: { meetingId, query, page },
}: UseCaseCall<
  DocumentsContext,
  {
    readonly meetingId: string
    readonly query: Omit<DocumentQuery, 'relatedMeetingId'>
    readonly page: PageRequest<DocumentSortField>
  }
>): Promise<Result<Page<Document>>> {
  const meeting = await getMeeting({ ctx, input: { id: meetingId } })
  if (!meeting.ok) return meeting
  return ok(
    await ctx.repos.documents.documents.list(
      { organizationId: meeting.value.organizationId },
      {
        ...query,
        relatedMeetingId: meetingId,
        buildingIds: undefined,
        readableByOwnerId: await readableByOwnerId(ctx),
      },
      page,
    ),
  )
}

export type DocumentDownload = {
  readonly document: Document
  readonly body: ByteStream
  readonly size: number
  /** The stored (sniffed) type, to send with `X-Content-Type-Options: nosniff`. */
  readonly contentType: string
  /** For Content-Disposition: attachment (already sanitized at upload). */
  readonly filename: string
}

/**
 * The bytes of a document the actor may read. A row without its file is an operational fault
 * (lost storage, bad restore), not a client error: it throws so the adapter answers 500 and logs.
 */
export async function downloadDocument({
  ctx,
  input: { id },
}: UseCaseCall<DocumentsContext, { readonly id: string }>): Promise<Result<DocumentDownload>> {
  const found = await findReadableDocument(ctx, id)
  if (!found.ok) return found
  const document = found.value
  const stored = await ctx.files.get(document.storageKey)
  if (!stored) throw new Error(`Stored file missing for document ${document.id} (${document.storageKey})`)
  return ok({
    document,
    body: stored.body,
    size: stored.size,
    contentType: document.mimeType,
    filename: document.originalFilename,
  })
}
