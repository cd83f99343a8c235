// An in-memory stand-in for /api/v1 that honours what the outbox relies on: Idempotency-Key
// (same key → first answer, nothing created twice), If-Match versions (409 when stale), and
// ids assigned by the server. It can "lose" a response after committing, like a dropped link.
import { ApiError, NetworkError } from '../api-error'
import type { SyncTransport } from './types'

type Row = Record<string, unknown> & { id: string; version: number }

export class FakeServer implements SyncTransport {
  rows = new Map<string, Row>()
  calls: { method: string; path: string; idempotencyKey?: string; ifMatch?: number }[] = []
  offline = false
  /** Commit the next write, then throw as if the response never arrived. */
  loseNextResponse = false
  private idempotent = new Map<string, Row>()
  private nextId = 1

  seed(collection: string, fields: Record<string, unknown>): Row {
    const row: Row = { ...fields, id: `srv-${this.nextId++}`, version: 1, _collection: collection }
    this.rows.set(row.id, row)
    return row
  }

  count(collection: string): number {
    return [...this.rows.values()].filter((r) => r._collection === collection).length
  }

  async get(path: string): Promise<unknown> {
    if (this.offline) throw new NetworkError()
    const id = path.split('/').pop() ?? ''
    const row = this.rows.get(id)
    if (!row) throw new ApiError(404, { title: 'Not Found' })
    return this.public(row)
  }

  async send(req: Parameters<SyncTransport['send']>[0]): Promise<unknown> {
    this.calls.push({
      method: req.method,
      path: req.path,
      idempotencyKey: req.idempotencyKey,
      ifMatch: req.ifMatch,
    })
    if (this.offline) throw new NetworkError()
    const result = this.handle(req)
    if (this.loseNextResponse) {
      this.loseNextResponse = false
      throw new NetworkError(new Error('response lost'))
    }
    return result
  }

  private handle(req: Parameters<SyncTransport['send']>[0]): Row {
    const segments = req.path.split('/').filter(Boolean)
    if (req.method === 'POST') {
      const previous = this.idempotent.get(req.idempotencyKey)
      if (previous) return this.public(previous)
      const collection = `/${segments[0] ?? ''}`
      for (const v of Object.values(req.body)) {
        if (typeof v === 'string' && v.startsWith('tmp-')) throw new ApiError(400, { title: 'Bad temp id' })
      }
      const bid = req.body.building_id
      if (typeof bid === 'string' && !this.rows.has(bid)) {
        throw new ApiError(422, {
          title: 'Unknown building',
          errors: [{ path: 'building_id', message: 'not found' }],
        })
      }
      const row = this.seed(collection, req.body)
      this.idempotent.set(req.idempotencyKey, row)
      return this.public(row)
    }
    const id = segments[1] ?? ''
    const row = this.rows.get(id)
    if (!row) throw new ApiError(404, { title: 'Not Found' })
    if (req.ifMatch !== undefined && req.ifMatch !== row.version) {
      throw new ApiError(409, { title: 'Conflict', current_version: row.version })
    }
    if (req.method === 'DELETE') {
      this.rows.delete(id)
      return undefined as unknown as Row
    }
    const updated: Row = { ...row, ...req.body, id, version: row.version + 1 }
    this.rows.set(id, updated)
    return this.public(updated)
  }

  /** A concurrent edit by someone else. */
  editBehindTheBack(id: string, fields: Record<string, unknown>): void {
    const row = this.rows.get(id)
    if (row) this.rows.set(id, { ...row, ...fields, version: row.version + 1 })
  }

  private public(row: Row): Row {
    const { _collection, ...rest } = row
    return rest as Row
  }
}
