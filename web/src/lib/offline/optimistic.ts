// Pure functions that show queued writes in cached data (optimistic UI) and fold server answers
// back into the cache. Ids are UUIDs, unique across resources, so matching rows by id is safe.
import type { OutboxEntry } from './types'

type Row = Record<string, unknown> & { id?: unknown }
export interface PageLike {
  data: Row[]
  pagination?: Record<string, unknown> & { total_items?: number }
}

export const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null
export const isPage = (v: unknown): v is PageLike => isRecord(v) && Array.isArray(v.data)

export function splitKey(key: string): { pathname: string; page: number } {
  const [pathname = key, qs = ''] = key.split('?')
  const page = Number(new URLSearchParams(qs).get('page') ?? '1')
  return { pathname, page: Number.isFinite(page) ? page : 1 }
}

/** The cached lists a newly created row belongs to: /units, and /buildings/<b>/units. */
function listReceivesCreate(key: string, collection: string, row: Row): boolean {
  const { pathname, page } = splitKey(key)
  if (page !== 1) return false
  if (pathname === collection) return true
  const buildingId = row.building_id
  return typeof buildingId === 'string' && pathname === `/buildings/${buildingId}${collection}`
}

const lastSegment = (path: string) => path.split('/').filter(Boolean).pop() ?? ''

function withRow(page: PageLike, row: Row): PageLike {
  if (page.data.some((r) => r.id === row.id)) return page
  const pagination = page.pagination
    ? { ...page.pagination, total_items: (page.pagination.total_items ?? page.data.length) + 1 }
    : undefined
  return { ...page, data: [row, ...page.data], pagination }
}

function patchRows(value: unknown, id: string, patch: Row): unknown {
  if (isPage(value)) {
    if (!value.data.some((r) => r.id === id)) return value
    return { ...value, data: value.data.map((r) => (r.id === id ? { ...r, ...patch } : r)) }
  }
  if (isRecord(value) && value.id === id) return { ...value, ...patch }
  return value
}

function withoutRow(value: unknown, id: string): unknown {
  if (!isPage(value) || !value.data.some((r) => r.id === id)) return value
  const pagination = value.pagination
    ? { ...value.pagination, total_items: Math.max(0, (value.pagination.total_items ?? 1) - 1) }
    : undefined
  return { ...value, data: value.data.filter((r) => r.id !== id), pagination }
}

/** The id of the row an entry changes: an action's target, else the path's last segment. */
export const rowIdOf = (entry: Pick<OutboxEntry, 'path' | 'target'>) =>
  entry.target ?? lastSegment(splitKey(entry.path).pathname)

/** Cached value (list or detail) as the user should see it with one queued entry applied. */
export function applyEntry(key: string, value: unknown, entry: OutboxEntry): unknown {
  if (entry.method === 'DELETE') return withoutRow(value, rowIdOf(entry))
  if (entry.target) return patchRows(value, entry.target, { ...entry.patch, _pending: true })
  if (entry.method === 'POST' && entry.tempId) {
    const row: Row = { ...entry.body, id: entry.tempId, version: 0, _pending: true }
    if (isPage(value) && listReceivesCreate(key, entry.path, row)) return withRow(value, row)
    return value
  }
  if (entry.method === 'PUT')
    return patchRows(value, lastSegment(entry.path), { ...entry.body, _pending: true })
  return value
}

export function applyEntries(key: string, value: unknown, entries: readonly OutboxEntry[]): unknown {
  return entries.reduce((v, e) => applyEntry(key, v, e), value)
}

/** The server's answer to a replayed entry, folded into one cached value. */
export function applyServerResult(key: string, value: unknown, entry: OutboxEntry, row: Row): unknown {
  if (entry.method === 'DELETE') return withoutRow(value, rowIdOf(entry))
  if (typeof row.id !== 'string') return value
  if (entry.method === 'POST' && !entry.target) {
    if (isPage(value) && listReceivesCreate(key, entry.path, row)) return withRow(value, row)
    return value
  }
  return patchRows(value, row.id, row)
}

/**
 * Replaces every string equal to `from` (a temp id) by `to`, at any depth. A value that does not
 * hold `from` comes back as the same object: the replay rewrites only the cached records a create
 * touches, not every record on every create (issue #17, offline replay).
 */
export function replaceDeep<T>(value: T, from: string, to: string): T {
  if (value === from) return to as T
  if (Array.isArray(value)) {
    let out: unknown[] | null = null
    for (const [i, v] of value.entries()) {
      const next = replaceDeep(v, from, to)
      if (next === v) continue
      out ??= value.slice()
      out[i] = next
    }
    return (out ?? value) as T
  }
  if (isRecord(value)) {
    let out: Record<string, unknown> | null = null
    for (const [k, v] of Object.entries(value)) {
      const next = replaceDeep(v, from, to)
      if (next === v) continue
      out ??= { ...value }
      out[k] = next
    }
    return (out ?? value) as T
  }
  return value
}

export function containsTempId(value: unknown): boolean {
  if (typeof value === 'string') return value.includes('tmp-')
  if (Array.isArray(value)) return value.some(containsTempId)
  if (isRecord(value)) return Object.values(value).some(containsTempId)
  return false
}
