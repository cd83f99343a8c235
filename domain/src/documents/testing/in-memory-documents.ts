import type { TenantScope } from '../../property/property.ports.ts'
import type { Page, PageRequest } from '../../shared/ports.ts'
import type { Document } from '../document.entity.ts'
import type {
  ByteStream,
  DocumentFilter,
  DocumentRepository,
  DocumentSortField,
  FileBody,
  FileStore,
  StoredFile,
} from '../documents.ports.ts'

/** A DocumentRepository over a Map, honouring tenant scope, conditional writes, filters and paging. */
export class InMemoryDocumentRepository implements DocumentRepository {
  readonly rows = new Map<string, Document>()
  /** Makes the next insert throw, as a failing database would. */
  failNextInsert = false

  async findById(scope: TenantScope, id: string): Promise<Document | null> {
    const row = this.rows.get(id)
    return row && row.organizationId === scope.organizationId ? row : null
  }

  async insert(scope: TenantScope, document: Document): Promise<void> {
    if (this.failNextInsert) {
      this.failNextInsert = false
      throw new Error('insert failed')
    }
    if (document.organizationId !== scope.organizationId) throw new Error('insert outside scope')
    this.rows.set(document.id, document)
  }

  async update(scope: TenantScope, document: Document): Promise<boolean> {
    const row = await this.findById(scope, document.id)
    if (!row || row.version !== document.version - 1) return false
    this.rows.set(document.id, document)
    return true
  }

  async delete(scope: TenantScope, id: string, version: number): Promise<boolean> {
    const row = await this.findById(scope, id)
    if (!row || row.version !== version) return false
    this.rows.delete(id)
    return true
  }

  async list(
    scope: TenantScope,
    filter: DocumentFilter,
    page: PageRequest<DocumentSortField>,
  ): Promise<Page<Document>> {
    return paginate(
      this.matching(filter).filter((d) => d.organizationId === scope.organizationId),
      page,
    )
  }

  async listAcrossTenants(
    filter: DocumentFilter,
    page: PageRequest<DocumentSortField>,
  ): Promise<Page<Document>> {
    return paginate(this.matching(filter), page)
  }

  async count(scope: TenantScope, filter: DocumentFilter): Promise<number> {
    return this.matching(filter).filter((d) => d.organizationId === scope.organizationId).length
  }

  async organizationOf(id: string): Promise<string | null> {
    return this.rows.get(id)?.organizationId ?? null
  }

  private matching(f: DocumentFilter): Document[] {
    return [...this.rows.values()].filter(
      (d) =>
        (f.buildingId === undefined || d.buildingId === f.buildingId) &&
        (f.documentType === undefined || d.documentType === f.documentType) &&
        (f.relatedMeetingId === undefined || d.relatedMeetingId === f.relatedMeetingId) &&
        (f.relatedExpenseId === undefined || d.relatedExpenseId === f.relatedExpenseId) &&
        (f.buildingIds === undefined || f.buildingIds.includes(d.buildingId)) &&
        (f.readableByOwnerId === undefined ||
          d.addresseeOwnerId === null ||
          d.addresseeOwnerId === f.readableByOwnerId),
    )
  }
}

const SORT_KEYS: Record<DocumentSortField, (d: Document) => string | number> = {
  created_at: (d) => d.createdAt.getTime(),
  title: (d) => d.title,
  document_type: (d) => d.documentType,
  file_size: (d) => d.fileSize,
}

function paginate(rows: Document[], page: PageRequest<DocumentSortField>): Page<Document> {
  const key = SORT_KEYS[page.sortBy]
  const sign = page.order === 'asc' ? 1 : -1
  const sorted = rows.sort((a, b) => {
    const ka = key(a)
    const kb = key(b)
    return (ka < kb ? -1 : ka > kb ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0) * sign
  })
  const start = (page.page - 1) * page.perPage
  return { items: sorted.slice(start, start + page.perPage), total: rows.length }
}

/** What the fake store hands back: the domain only passes it through, so a tagged object suffices. */
export class FakeByteStream implements ByteStream {
  readonly locked = false
  readonly bytes: Uint8Array

  constructor(bytes: Uint8Array) {
    this.bytes = bytes
  }

  async cancel(): Promise<void> {}
}

/** A FileStore in memory, with switches to make each operation fail. */
export class InMemoryFileStore implements FileStore {
  readonly files = new Map<string, { bytes: Uint8Array; contentType: string; size: number }>()
  readonly deleted: string[] = []
  failPut = false
  failDelete = false

  async put(
    key: string,
    body: FileBody,
    meta: { contentType: string; size?: number | undefined },
  ): Promise<number> {
    if (this.failPut) throw new Error('store unavailable')
    const bytes =
      body instanceof Uint8Array ? body : body instanceof FakeByteStream ? body.bytes : new Uint8Array()
    if (meta.size !== undefined && bytes.length !== meta.size) throw new Error('size mismatch')
    this.files.set(key, { bytes, contentType: meta.contentType, size: bytes.length })
    return bytes.length
  }

  async get(key: string): Promise<StoredFile | null> {
    const file = this.files.get(key)
    return file
      ? { body: new FakeByteStream(file.bytes), size: file.size, contentType: file.contentType }
      : null
  }

  async delete(key: string): Promise<void> {
    if (this.failDelete) throw new Error('store unavailable')
    this.deleted.push(key)
    this.files.delete(key)
  }
}
