import type {
  Document,
  DocumentFilter,
  DocumentRepository,
  DocumentSortField,
  DocumentType,
  PageRequest,
  TenantScope,
} from '@koprogo/domain'
import { and, eq, inArray, isNull, or } from 'drizzle-orm'
import type { Database } from '../client.ts'
import { documents } from '../schema/index.ts'
import { crossTenant } from '../tenant-scope.ts'
import { allOf, countAll, deleteVersioned, listPage, updateVersioned } from './paginate.ts'

type Row = typeof documents.$inferSelect
const toDocument = (row: Row): Document => ({ ...row, documentType: row.documentType as DocumentType })

export function documentRepository(db: Database): DocumentRepository {
  const scoped = (scope: TenantScope, id: string) =>
    and(eq(documents.organizationId, scope.organizationId), eq(documents.id, id))
  const condition = (organizationId: string | null, filter: DocumentFilter) =>
    allOf(
      organizationId
        ? eq(documents.organizationId, organizationId)
        : crossTenant('a superadmin lists every tenant'),
      filter.buildingId ? eq(documents.buildingId, filter.buildingId) : undefined,
      filter.documentType ? eq(documents.documentType, filter.documentType) : undefined,
      filter.relatedMeetingId ? eq(documents.relatedMeetingId, filter.relatedMeetingId) : undefined,
      filter.relatedExpenseId ? eq(documents.relatedExpenseId, filter.relatedExpenseId) : undefined,
      filter.buildingIds ? inArray(documents.buildingId, [...filter.buildingIds]) : undefined,
      filter.readableByOwnerId === undefined
        ? undefined
        : filter.readableByOwnerId === null
          ? isNull(documents.addresseeOwnerId)
          : or(isNull(documents.addresseeOwnerId), eq(documents.addresseeOwnerId, filter.readableByOwnerId)),
    )

  async function page(
    organizationId: string | null,
    filter: DocumentFilter,
    request: PageRequest<DocumentSortField>,
  ) {
    if (filter.buildingIds?.length === 0) return { items: [], total: 0 }
    const where = condition(organizationId, filter)
    const columns = {
      created_at: documents.createdAt,
      title: documents.title,
      document_type: documents.documentType,
      file_size: documents.fileSize,
    }
    return listPage(db, documents, where, request, columns, toDocument)
  }

  return {
    async findById(scope, id) {
      const [row] = await db.select().from(documents).where(scoped(scope, id)).limit(1)
      return row ? toDocument(row) : null
    },
    async insert(_scope, document) {
      await db.insert(documents).values(document)
    },
    async update(scope, document) {
      return updateVersioned(db, documents, eq(documents.organizationId, scope.organizationId), document)
    },
    async delete(scope, id, version) {
      return deleteVersioned(db, documents, eq(documents.organizationId, scope.organizationId), id, version)
    },
    list: (scope, filter, request) => page(scope.organizationId, filter, request),
    listAcrossTenants: (filter, request) => page(null, filter, request),
    async count(scope, filter) {
      if (filter.buildingIds?.length === 0) return 0
      const [row] = await db
        .select({ n: countAll })
        .from(documents)
        .where(condition(scope.organizationId, filter))
      return row?.n ?? 0
    },
    async organizationOf(id) {
      const [row] = await db
        .select({ org: documents.organizationId })
        .from(documents)
        .where(and(eq(documents.id, id), crossTenant('a superadmin: the row names its tenant')))
        .limit(1)
      return row?.org ?? null
    },
  }
}
