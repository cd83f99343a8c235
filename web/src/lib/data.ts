// How views read and write through the offline engine: reads are cached per URL (served when
// offline), creates/edits of offline-capable resources go through the outbox when needed.
import { buildPath, request } from './api'
import type { ListQuery, Page } from './api-types'
import { whenEngine } from './offline/store'
import type { WriteResult } from './offline/sync-engine'

export interface Loaded<T> {
  data: T
  fromCache: boolean
  storedAt?: number
}

export async function readCached<T>(path: string, query?: ListQuery): Promise<Loaded<T>> {
  const key = buildPath(path, query)
  const fetcher = () => request<T>('GET', path, { query })
  const engine = await whenEngine()
  if (!engine) return { data: await fetcher(), fromCache: false }
  return engine.read<T>(key, fetcher)
}

export const readPage = <T>(path: string, query?: ListQuery) => readCached<Page<T>>(path, query)

/** Create (POST collection) or edit (PUT item, If-Match version); queued when offline. */
export async function saveRow(
  collection: string,
  body: Record<string, unknown>,
  existing?: { id: string; version?: number },
): Promise<WriteResult> {
  const engine = await whenEngine()
  const req = existing
    ? { method: 'PUT' as const, path: `${collection}/${existing.id}`, body, baseVersion: existing.version }
    : { method: 'POST' as const, path: collection, body }
  if (engine) return engine.write(req)
  const data = await request<Record<string, unknown>>(req.method, req.path, {
    body,
    ifMatch: req.baseVersion,
  })
  return { queued: false, data }
}
