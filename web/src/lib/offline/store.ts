// Solid wrapper of the framework-free SyncEngine: one engine per signed-in user, its status as
// a signal, and the browser's online/offline events wired to it.
import { createMemo, createRoot, createSignal } from 'solid-js'
import { afterLoadIdle } from '../after-load'
import { fetchPath, onReachability, probe, replay, useOfflineEngine } from '../api'
import { SyncEngine } from './sync-engine'
import type { SyncStatus, SyncTransport } from './types'

/** The engine's only way to the server: the API client's transport (tokens, refresh, problem+json). */
const transport: SyncTransport = { send: replay, get: fetchPath, probe }

const initial: SyncStatus = {
  online: typeof navigator === 'undefined' ? true : navigator.onLine,
  syncing: false,
  pending: 0,
  failed: 0,
  conflicts: 0,
  lastSync: null,
  lastError: null,
  revision: 0,
}

const [status, setStatus] = createRoot(() => createSignal<SyncStatus>(initial))

export { status as syncStatus }

/** Changes only when cached data or the outbox changed: views re-read on it, not on every
 * status tick such as "syncing" (which would refetch every list for nothing). */
export const dataRevision = createRoot(() => createMemo(() => status().revision))

let engine: SyncEngine | null = null
let engineUser: string | null = null
let unsubscribe: (() => void) | null = null

export function currentEngine(): SyncEngine | null {
  return engine
}

let starting: Promise<SyncEngine> | null = null
let cancelFirstPass: (() => void) | null = null

/**
 * The engine's first pass at start. Writes queued on this device go at once. With nothing
 * queued the pass only stamps "last sync" (four status updates, each re-rendering the sync bar,
 * and IndexedDB writes): it waits until the page has loaded and the main thread is idle, so it
 * is not part of the first page's start (issue #19, Lighthouse; ADR 0052).
 */
function firstPass(opened: SyncEngine): void {
  if (!navigator.onLine) return
  if (opened.getStatus().pending > 0) {
    void opened.replay()
    return
  }
  cancelFirstPass = afterLoadIdle(() => {
    cancelFirstPass = null
    // The device may have gone offline while the page loaded: a pass then would hear nothing.
    if (engine === opened && navigator.onLine) void opened.replay()
  })
}

/** Opens the user's engine; reads issued meanwhile wait for it (see whenEngine). */
export function startSync(userId: string): Promise<SyncEngine> {
  if (engine && engineUser === userId) return Promise.resolve(engine)
  stopSync()
  starting = (async () => {
    const opened = await SyncEngine.open({ userId, transport, online: navigator.onLine })
    engine = opened
    engineUser = userId
    unsubscribe = opened.subscribe(setStatus)
    firstPass(opened)
    return opened
  })().finally(() => {
    starting = null
  })
  return starting
}

/** The engine once it is open (null when signed out): a page loaded offline must not race it
 * and hit the network without the cache. */
export async function whenEngine(): Promise<SyncEngine | null> {
  if (starting) return starting.catch(() => null)
  return engine
}

export function stopSync(): void {
  cancelFirstPass?.()
  cancelFirstPass = null
  unsubscribe?.()
  engine?.close()
  engine = null
  engineUser = null
}

/** Logout: delete this user's offline database. */
export async function clearSync(): Promise<void> {
  cancelFirstPass?.()
  cancelFirstPass = null
  const e = engine
  unsubscribe?.()
  engine = null
  engineUser = null
  await e?.clear()
  setStatus(initial)
}

// The typed reads and writes of lib/api.ts go through this engine when a user has one.
useOfflineEngine(whenEngine)
// Every request's outcome (reads, writes, refreshes) tells the engine whether the server answers.
onReachability((reachable) => engine?.noteNetwork(reachable))

if (typeof window !== 'undefined') {
  window.addEventListener('online', () => engine?.setOnline(true))
  window.addEventListener('offline', () => engine?.setOnline(false))
}
