// Issue #19 (Lighthouse, ADR 0052): what the offline engine does when a signed-in page starts.
// Each IndexedDB answer is a task of its own on the page's main thread, and the engine's first
// pass re-renders the sync bar four times: at start the engine reads its state in ONE transaction,
// and with nothing queued the first pass waits until the page has loaded and is idle.
import 'fake-indexeddb/auto'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { FakeServer } from './fake-server.test-helper'
import { SyncEngine } from './sync-engine'

let counter = 0
const engines: SyncEngine[] = []
afterEach(() => {
  for (const e of engines.splice(0)) e.close()
  vi.restoreAllMocks()
})

async function open(userId: string, server = new FakeServer()) {
  const engine = await SyncEngine.open({ userId, transport: server, online: true })
  engines.push(engine)
  return engine
}

describe('SyncEngine.open', () => {
  it('reads the last sync, the outbox and the conflicts in one transaction', async () => {
    const userId = `start-${++counter}`
    // A device with history: one write queued offline, a sync done before.
    const first = await open(userId)
    await first.enqueue({ method: 'POST', path: '/buildings', body: { name: 'Les Tilleuls' } })
    first.setOnline(false)
    first.close()

    const transactions = vi.spyOn(IDBDatabase.prototype, 'transaction')
    const engine = await open(userId)
    // Four before (meta, outbox, outbox again, conflicts), each answered in a task of its own.
    expect(transactions).toHaveBeenCalledTimes(1)
    expect(engine.getStatus()).toMatchObject({ pending: 1, failed: 0, conflicts: 0 })
  })

  it('answers a read from its cached copy after one transaction (outbox and cache together)', async () => {
    const engine = await open(`start-${++counter}`)
    await engine.read('/owners/me', async () => ({ id: 'o1', name: 'Dupont' }))
    const transactions = vi.spyOn(IDBDatabase.prototype, 'transaction')
    let refreshing = false
    const read = await engine.read('/owners/me', () => {
      // The refresh behind the copy never answers here: only the read's own transactions count.
      refreshing = true
      return new Promise<never>(() => {})
    })
    expect(read.data).toEqual({ id: 'o1', name: 'Dupont' })
    expect(refreshing).toBe(true)
    // Two before: the outbox, then the cached copy, each answered in a task of its own.
    expect(transactions).toHaveBeenCalledTimes(1)
  })

  it('keeps the last sync time across a reload', async () => {
    const userId = `start-${++counter}`
    const first = await open(userId)
    await first.replay()
    const stamped = first.getStatus().lastSync
    expect(stamped).toBeTypeOf('number')
    first.close()
    const engine = await open(userId)
    expect(engine.getStatus().lastSync).toBe(stamped)
  })
})

// store.ts with the engine and the scheduler replaced: when does the first pass run?
const idle = vi.hoisted(() => ({ runs: [] as (() => void)[] }))
vi.mock('../after-load', () => ({
  afterLoadIdle: (run: () => void) => {
    idle.runs.push(run)
    return () => {
      idle.runs = idle.runs.filter((r) => r !== run)
    }
  },
}))
vi.mock('../api', () => ({
  fetchPath: async () => ({}),
  probe: async () => undefined,
  replay: async () => ({}),
  useOfflineEngine: () => undefined,
  onReachability: () => undefined,
}))

describe('startSync: the first pass', () => {
  beforeEach(() => {
    idle.runs = []
    vi.stubGlobal('navigator', { onLine: true })
  })
  afterEach(() => {
    vi.unstubAllGlobals()
  })

  it('waits for the loaded, idle page when nothing is queued', async () => {
    const { startSync, stopSync } = await import('./store')
    const replay = vi.spyOn(SyncEngine.prototype, 'replay')
    const engine = await startSync(`start-${++counter}`)
    engines.push(engine)
    expect(engine.getStatus().pending).toBe(0)
    expect(replay).not.toHaveBeenCalled()
    expect(idle.runs).toHaveLength(1)
    idle.runs[0]?.()
    expect(replay).toHaveBeenCalledTimes(1)
    stopSync()
  })

  it('sends writes queued on this device at once', async () => {
    const userId = `start-${++counter}`
    const before = await open(userId)
    before.setOnline(false)
    await before.enqueue({ method: 'POST', path: '/buildings', body: { name: 'Résidence' } })
    before.close()

    const { startSync, stopSync } = await import('./store')
    const replay = vi.spyOn(SyncEngine.prototype, 'replay')
    const engine = await startSync(userId)
    engines.push(engine)
    expect(replay).toHaveBeenCalledTimes(1)
    expect(idle.runs).toHaveLength(0)
    stopSync()
  })

  it('skips the deferred pass when the device went offline while the page loaded', async () => {
    const { startSync, stopSync } = await import('./store')
    const replay = vi.spyOn(SyncEngine.prototype, 'replay')
    engines.push(await startSync(`start-${++counter}`))
    expect(idle.runs).toHaveLength(1)
    vi.stubGlobal('navigator', { onLine: false })
    idle.runs[0]?.()
    expect(replay).not.toHaveBeenCalled()
    stopSync()
  })

  it('a sign-out before the page is idle cancels the pass', async () => {
    const { startSync, stopSync } = await import('./store')
    const replay = vi.spyOn(SyncEngine.prototype, 'replay')
    engines.push(await startSync(`start-${++counter}`))
    stopSync()
    expect(idle.runs).toHaveLength(0)
    expect(replay).not.toHaveBeenCalled()
  })
})
