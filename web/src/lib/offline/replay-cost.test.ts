// The replay's IndexedDB work per write must not grow with the outbox or the cache (issue #17:
// 500 writes queued offline took minutes to replay in Chromium). Counted, not timed: reads of a
// whole store (getAll) and writes into the cache store, for a replay of N queued writes.
import 'fake-indexeddb/auto'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { FakeServer } from './fake-server.test-helper'
import { replaceDeep } from './optimistic'
import { SyncEngine } from './sync-engine'

let counter = 0
const engines: SyncEngine[] = []

afterEach(() => {
  vi.restoreAllMocks()
  for (const e of engines.splice(0)) e.close()
})

/** Counts getAll calls per store and put calls per store while `run` runs. */
async function counting<T>(run: () => Promise<T>) {
  const counts = { getAll: new Map<string, number>(), put: new Map<string, number>() }
  const bump = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1)
  const proto = IDBObjectStore.prototype
  const idx = IDBIndex.prototype
  const getAll = proto.getAll
  const idxGetAll = idx.getAll
  const put = proto.put
  vi.spyOn(proto, 'getAll').mockImplementation(function (this: IDBObjectStore, ...a) {
    bump(counts.getAll, this.name)
    return getAll.apply(this, a)
  })
  vi.spyOn(idx, 'getAll').mockImplementation(function (this: IDBIndex, ...a) {
    bump(counts.getAll, this.objectStore.name)
    return idxGetAll.apply(this, a)
  })
  vi.spyOn(proto, 'put').mockImplementation(function (this: IDBObjectStore, ...a) {
    bump(counts.put, this.name)
    return put.apply(this, a)
  })
  const result = await run()
  vi.restoreAllMocks()
  return { result, counts }
}

describe('replay cost', () => {
  it('replaying N queued writes reads the outbox and rewrites the cache a bounded number of times', async () => {
    const server = new FakeServer()
    const existing = server.seed('/buildings', { name: 'Existing' })
    const engine = await SyncEngine.open({
      userId: `cost-${++counter}`,
      transport: server,
      online: true,
      newId: () => `id-${counter}-${Math.random().toString(36).slice(2)}`,
    })
    engines.push(engine)
    // A few cached lists, as the pages a syndic opened before going offline.
    for (const key of ['/buildings?page=1', '/units?page=1', '/owners?page=1'])
      await engine.read(key, async () => ({ data: [], pagination: { total_items: 0 } }))
    engine.setOnline(false)
    const n = 60
    let version = existing.version
    for (let i = 0; i < n / 3; i++) {
      const b = await engine.write({ method: 'POST', path: '/buildings', body: { name: `B${i}` } })
      await engine.write({
        method: 'POST',
        path: '/units',
        body: { building_id: b.data.id, unit_number: 'A' },
      })
      await engine.write({
        method: 'PUT',
        path: `/buildings/${existing.id}`,
        body: { name: `Edit ${i}` },
        baseVersion: version,
      })
    }
    version = existing.version
    engine.setOnline(true)
    const { result, counts } = await counting(() => engine.replay())
    expect(result).toMatchObject({ sent: n, conflicts: 0, failed: 0, stoppedBy: null })
    expect(await engine.outbox()).toEqual([])
    expect(server.count('/buildings')).toBe(1 + n / 3)
    expect(server.count('/units')).toBe(n / 3)
    expect(server.rows.get(existing.id)?.version).toBe(version + n / 3)
    // Before: the whole outbox was read twice per write (the next entry; the later entries'
    // rebase) and every cached record rewritten per create (the temp-id swap copied each one).
    expect(counts.getAll.get('outbox') ?? 0).toBeLessThanOrEqual(4)
    // One detail record per write, plus the lists a create lands in.
    expect(counts.put.get('cache') ?? 0).toBeLessThanOrEqual(3 * n)
    // The cache's values are not read whole per write (it gains a detail record per write).
    expect(counts.getAll.get('cache') ?? 0).toBeLessThanOrEqual(4)
  })

  it('sends in the same run a write queued while it replays, with the temp ids it resolved', async () => {
    const server = new FakeServer()
    let engine: SyncEngine | null = null
    let tempId = ''
    let queuedDuring = false
    const transport = {
      get: server.get.bind(server),
      send: async (req: Parameters<FakeServer['send']>[0]) => {
        const answer = await server.send(req)
        if (!queuedDuring && engine) {
          // The user adds a lot to the building created offline while its create is in flight.
          queuedDuring = true
          await engine.enqueue({
            method: 'POST',
            path: '/units',
            body: { building_id: tempId, unit_number: 'B' },
          })
        }
        return answer
      },
    }
    engine = await SyncEngine.open({ userId: `cost-${++counter}`, transport, online: true })
    engines.push(engine)
    engine.setOnline(false)
    tempId = String((await engine.write({ method: 'POST', path: '/buildings', body: { name: 'B' } })).data.id)
    await engine.write({ method: 'POST', path: '/units', body: { building_id: tempId, unit_number: 'A' } })
    engine.setOnline(true)
    const report = await engine.replay()
    expect(report).toMatchObject({ sent: 3, failed: 0, stoppedBy: null })
    expect(await engine.outbox()).toEqual([])
    const buildingId = [...server.rows.values()].find((r) => r.name === 'B')?.id
    const units = [...server.rows.values()].filter((r) => r.unit_number !== undefined)
    expect(units.map((u) => [u.unit_number, u.building_id])).toEqual([
      ['A', buildingId],
      ['B', buildingId],
    ])
  })

  it('replaceDeep returns the same object when the temp id is not in it', () => {
    const value = { data: [{ id: 'a', building_id: 'b' }], pagination: { total_items: 1 } }
    expect(replaceDeep(value, 'tmp-x', 'srv-1')).toBe(value)
    const swapped = replaceDeep(value, 'b', 'srv-1')
    expect(swapped).not.toBe(value)
    expect(swapped.data[0]?.building_id).toBe('srv-1')
  })
})
