import type {
  Document,
  DocumentFilter,
  DocumentRepository,
  DocumentSortField,
  DocumentType,
  PageRequest,
  TenantScope,
} from '@koprogo/domain'
import { and, eq, inArray, type SQL } from 'drizzle-orm'
import type { Database } from '../client.ts'
import { documents } from '../schema/index.ts'
import { countAll, offsetOf, orderFor } from './paginate.ts'

type Row = typeof documents.$inferSelect
const toDocument = (row: Row): Document => ({ ...row, documentType: row.documentType as DocumentType })
const all = (...c: (SQL | undefined)[]) => and(...c.filter((x): x is SQL => x !== undefined))

export function documentRepository(db: Database): DocumentRepository {
  const scoped = (scope: TenantScope, id: string) =>
    and(eq(documents.organizationId, scope.organizationId), eq(documents.id, id))
  const condition = (organizationId: string | null, filter: DocumentFilter) =>
    all(
      organizationId ? eq(documents.organizationId, organizationId) : undefined,
      filter.buildingId ? eq(documents.buildingId, filter.buildingId) : undefined,
      filter.documentType ? eq(documents.documentType, filter.documentType) : undefined,
      filter.relatedMeetingId ? eq(documents.relatedMeetingId, filter.relatedMeetingId) : undefined,
      filter.relatedExpenseId ? eq(documents.relatedExpenseId, filter.relatedExpenseId) : undefined,
      filter.buildingIds ? inArray(documents.buildingId, [...filter.buildingIds]) : undefined,
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
    const [items, [total]] = await Promise.all([
      db
        .select()
        .from(documents)
        .where(where)
        .orderBy(...orderFor(request, columns, documents.id))
        .limit(request.perPage)
        .offset(offsetOf(request)),
      db.select({ n: countAll }).from(documents).where(where),
    ])
    return { items: items.map(toDocument), total: total?.n ?? 0 }
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
      const rows = await db
        .update(documents)
        .set(document)
        .where(and(scoped(scope, document.id), eq(documents.version, document.version - 1)))
        .returning({ id: documents.id })
      return rows.length === 1
    },
    async delete(scope, id, version) {
      const rows = await db
        .delete(documents)
        .where(and(scoped(scope, id), eq(documents.version, version)))
        .returning({ id: documents.id })
      return rows.length === 1
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
        .where(eq(documents.id, id))
        .limit(1)
      return row?.org ?? null
    },
  }
}
