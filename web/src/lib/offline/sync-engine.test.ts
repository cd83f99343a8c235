import 'fake-indexeddb/auto'
import { afterEach, describe, expect, it } from 'vitest'
import { FakeServer } from './fake-server.test-helper'
import { SyncEngine } from './sync-engine'

type Page = { data: Record<string, unknown>[]; pagination: { total_items: number } }
const emptyPage = (): Page => ({ data: [], pagination: { total_items: 0 } })

let counter = 0
const engines: SyncEngine[] = []

async function setup(online = true) {
  const server = new FakeServer()
  const engine = await SyncEngine.open({
    userId: `user-${++counter}`,
    transport: server,
    online,
    newId: () => `id-${counter}-${Math.random().toString(36).slice(2)}`,
  })
  engines.push(engine)
  return { server, engine }
}

afterEach(() => {
  for (const e of engines.splice(0)) e.close()
})

describe('SyncEngine read cache', () => {
  it('serves the last fetched copy when the network is gone', async () => {
    const { engine } = await setup()
    const page: Page = { data: [{ id: 'b1', name: 'Résidence' }], pagination: { total_items: 1 } }
    const fresh = await engine.read('/buildings?page=1', async () => page)
    expect(fresh.fromCache).toBe(false)
    engine.setOnline(false)
    const cached = await engine.read<Page>('/buildings?page=1', async () => {
      throw new Error('must not be called offline')
    })
    expect(cached.fromCache).toBe(true)
    expect(cached.data.data[0]?.name).toBe('Résidence')
  })
})

describe('SyncEngine outbox', () => {
  it('queues offline creates, shows them at once with temp ids, replays in order and maps ids', async () => {
    const { server, engine } = await setup()
    await engine.read('/buildings?page=1', async () => emptyPage())
    engine.setOnline(false)

    const b = await engine.write({ method: 'POST', path: '/buildings', body: { name: 'Les Tilleuls' } })
    expect(b.queued).toBe(true)
    const tempBuildingId = String(b.data.id)
    expect(tempBuildingId).toMatch(/^tmp-/)
    // A unit of the building that so far exists only on this device.
    await engine.write({
      method: 'POST',
      path: '/units',
      body: { building_id: tempBuildingId, unit_number: 'A1' },
    })
    // And an edit of that offline building.
    await engine.write({
      method: 'PUT',
      path: `/buildings/${tempBuildingId}`,
      body: { name: 'Les Tilleuls II' },
    })

    const shown = await engine.read<Page>('/buildings?page=1', async () => emptyPage())
    expect(shown.data.data.map((r) => r.id)).toEqual([tempBuildingId])
    expect(shown.data.data[0]?.name).toBe('Les Tilleuls II')
    expect(engine.getStatus().pending).toBe(3)
    expect(server.calls).toHaveLength(0)

    engine.setOnline(true)
    const report = await engine.replay()
    expect(await engine.outbox()).toEqual([])
    expect(report).toMatchObject({ sent: 3, conflicts: 0, failed: 0, stoppedBy: null })
    expect(server.calls.map((c) => `${c.method} ${c.path.replace(/srv-\d+/, ':id')}`)).toEqual([
      'POST /buildings',
      'POST /units',
      'PUT /buildings/:id',
    ])
    const building = [...server.rows.values()].find((r) => r._collection === '/buildings')
    const unit = [...server.rows.values()].find((r) => r._collection === '/units')
    expect(unit?.building_id).toBe(building?.id)
    expect(building?.name).toBe('Les Tilleuls II')
    // The edit was based on the version the create returned, not rejected as stale.
    expect(server.calls[2]?.ifMatch).toBe(1)
    expect(engine.getStatus()).toMatchObject({ pending: 0, conflicts: 0 })
    expect(engine.getStatus().lastSync).not.toBeNull()

    // The cached list now holds the server row, not the temporary one.
    engine.setOnline(false)
    const after = await engine.read<Page>('/buildings?page=1', async () => emptyPage())
    expect(after.data.data.map((r) => r.id)).toEqual([building?.id])
  })

  it('does not duplicate when the response of a replayed create is lost', async () => {
    const { server, engine } = await setup(false)
    await engine.write({ method: 'POST', path: '/owners', body: { last_name: 'Dupont' } })
    engine.setOnline(true)
    server.loseNextResponse = true
    const first = await engine.replay()
    expect(first.stoppedBy?.isNetwork).toBe(true)
    expect(server.count('/owners')).toBe(1) // committed server-side, answer lost
    expect(engine.getStatus().pending).toBe(1)

    const second = await engine.replay()
    expect(second.sent).toBe(1)
    expect(server.count('/owners')).toBe(1)
    expect(server.calls[0]?.idempotencyKey).toBe(server.calls[1]?.idempotencyKey)
  })

  it('keeps the same key when an online write fails on the network and is queued', async () => {
    const { server, engine } = await setup(true)
    server.loseNextResponse = true
    const result = await engine.write({ method: 'POST', path: '/owners', body: { last_name: 'Peeters' } })
    expect(result.queued).toBe(true)
    expect(engine.getStatus().online).toBe(false)
    engine.setOnline(true)
    await engine.replay()
    expect(server.count('/owners')).toBe(1)
    expect(new Set(server.calls.map((c) => c.idempotencyKey)).size).toBe(1)
  })

  it('stops at the first network failure and keeps the order for the next run', async () => {
    const { server, engine } = await setup(false)
    await engine.write({ method: 'POST', path: '/owners', body: { last_name: 'A' } })
    await engine.write({ method: 'POST', path: '/owners', body: { last_name: 'B' } })
    engine.setOnline(true)
    server.offline = true
    const report = await engine.replay()
    expect(report.sent).toBe(0)
    expect(server.calls).toHaveLength(1)
    server.offline = false
    await engine.replay()
    const names = [...server.rows.values()].map((r) => r.last_name)
    expect(names).toEqual(['A', 'B'])
  })

  it('marks a rejected entry failed, with field errors, and its dependants too', async () => {
    const { server, engine } = await setup(false)
    await engine.write({ method: 'POST', path: '/units', body: { building_id: 'missing', unit_number: 'X' } })
    engine.setOnline(true)
    const report = await engine.replay()
    expect(report.failed).toBe(1)
    const [entry] = await engine.outbox()
    expect(entry?.status).toBe('failed')
    expect(entry?.lastError?.errors?.[0]?.path).toBe('building_id')
    expect(engine.getStatus().failed).toBe(1)
    expect(server.count('/units')).toBe(0)
  })
})

describe('SyncEngine conflicts', () => {
  async function conflicted() {
    const { server, engine } = await setup()
    const row = server.seed('/buildings', { name: 'Original', city: 'Liège' })
    await engine.read(`/buildings/${row.id}`, () => server.get(`/buildings/${row.id}`))
    engine.setOnline(false)
    await engine.write({
      method: 'PUT',
      path: `/buildings/${row.id}`,
      body: { name: 'Mine' },
      baseVersion: 1,
    })
    server.editBehindTheBack(row.id, { name: 'Theirs' })
    engine.setOnline(true)
    const report = await engine.replay()
    return { server, engine, row, report }
  }

  it('turns a 409 into a conflict holding both values', async () => {
    const { engine, report } = await conflicted()
    expect(report.conflicts).toBe(1)
    const [conflict] = await engine.conflicts()
    expect(conflict?.mine).toEqual({ name: 'Mine' })
    expect(conflict?.server).toMatchObject({ name: 'Theirs', version: 2 })
    expect(engine.getStatus()).toMatchObject({ pending: 0, conflicts: 1 })
  })

  it('keep mine: re-sends on top of the server version', async () => {
    const { server, engine, row } = await conflicted()
    const [conflict] = await engine.conflicts()
    await engine.resolveConflict(conflict?.id ?? '', 'mine')
    expect(server.rows.get(row.id)).toMatchObject({ name: 'Mine', version: 3 })
    expect(server.calls.at(-1)?.ifMatch).toBe(2)
    expect(engine.getStatus().conflicts).toBe(0)
  })

  it("take theirs: drops my edit and caches the server's row", async () => {
    const { server, engine, row } = await conflicted()
    const [conflict] = await engine.conflicts()
    await engine.resolveConflict(conflict?.id ?? '', 'theirs')
    expect(server.rows.get(row.id)?.name).toBe('Theirs')
    engine.setOnline(false)
    const cached = await engine.read<Record<string, unknown>>(`/buildings/${row.id}`, async () => ({}))
    expect(cached.data.name).toBe('Theirs')
    expect(engine.getStatus()).toMatchObject({ pending: 0, conflicts: 0 })
  })
})

describe('SyncEngine lifecycle', () => {
  it('clear() deletes the user database (logout)', async () => {
    const { engine } = await setup(false)
    await engine.write({ method: 'POST', path: '/owners', body: { last_name: 'Z' } })
    const dbName = `koprogo-user-${counter}`
    expect((await indexedDB.databases()).map((d) => d.name)).toContain(dbName)
    await engine.clear()
    expect((await indexedDB.databases()).map((d) => d.name)).not.toContain(dbName)
  })

  it('keeps each user in a separate database', async () => {
    const a = await setup(false)
    await a.engine.write({ method: 'POST', path: '/owners', body: { last_name: 'A' } })
    const b = await setup(false)
    expect(await b.engine.outbox()).toHaveLength(0)
    expect(await a.engine.outbox()).toHaveLength(1)
  })

  it('an empty replay while offline does not say the network is back: nothing was sent, no answer heard', async () => {
    // A first pass or a "Sync now" with nothing queued ran after the device went offline: it
    // used to emit online: true, and every online-only control came back enabled (issue #19).
    const { engine } = await setup()
    engine.setOnline(false)
    const report = await engine.replay()
    expect(report.sent).toBe(0)
    expect(engine.getStatus().online).toBe(false)
    expect(engine.getStatus().lastSync).toBeNull()
    // Online, the same empty pass stamps the last sync.
    engine.setOnline(true)
    await engine.replay()
    expect(engine.getStatus().online).toBe(true)
    expect(engine.getStatus().lastSync).not.toBeNull()
  })

  it('notifies subscribers of status changes', async () => {
    const { engine } = await setup(false)
    const seen: number[] = []
    const stop = engine.subscribe((s) => seen.push(s.pending))
    await engine.write({ method: 'POST', path: '/owners', body: { last_name: 'S' } })
    stop()
    expect(seen[0]).toBe(0)
    expect(seen.at(-1)).toBe(1)
  })
})
