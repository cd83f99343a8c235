// The offline engine: read cache + outbox + replay. Plain TypeScript with a tiny subscribe API
// (no Solid here) so it runs under vitest with fake-indexeddb; lib/offline/store.ts wraps it.
//
// Invariants:
// - the outbox replays strictly in insertion order and stops at the first transport failure
//   (offline, 5xx, expired session), so a later write never overtakes an earlier one;
// - every entry keeps its Idempotency-Key for life: re-sending after a lost response returns the
//   first answer instead of creating a duplicate;
// - a 409 on an edit is merged field by field against the version the user edited (merge.ts):
//   only the fields this user changed are re-sent on top of the server's row; fields both sides
//   changed become a ConflictRecord for the user instead of being overwritten either way;
// - connectivity is what real requests say (not only navigator.onLine): a transport failure
//   marks the engine offline and retries with backoff (backoff.ts); any answer marks it online
//   and resumes the outbox, so a dropped reply heals by itself;
// - a read with a cached copy answers from it at once and refreshes behind it
//   (stale-while-revalidate): a slow network shows data, not "Loading…".
import { ApiError } from '../api-error'
import { backoffDelay } from './backoff'
import { deleteOfflineDb, type OfflineDb, openOfflineDb } from './db'
import { mergeEdit } from './merge'
import {
  applyEntries,
  applyEntry,
  applyServerResult,
  containsTempId,
  isRecord,
  replaceDeep,
  splitKey,
} from './optimistic'
import {
  type ConflictRecord,
  isTempId,
  type OutboxEntry,
  type OutboxMethod,
  type SyncStatus,
  type SyncTransport,
  TEMP_ID_PREFIX,
} from './types'

export interface SyncEngineOptions {
  userId: string
  transport: SyncTransport
  online?: boolean
  now?: () => number
  newId?: () => string
  /** Schedules a retry (setTimeout by default; tests run it by hand). Returns a canceller. */
  schedule?: (run: () => void, ms: number) => () => void
  random?: () => number
}

export interface WriteRequest {
  method: OutboxMethod
  path: string
  body: Record<string, unknown>
  baseVersion?: number
  /** For an edit: the changed fields as they were before (the merge base after a 409). */
  base?: Record<string, unknown>
  label?: string
  /** For an action on a row (mark-paid, cancel…): the row's id and its optimistic look. */
  target?: string
  patch?: Record<string, unknown>
}

export interface WriteResult {
  queued: boolean
  /** The server's row when sent online, the optimistic row when queued. */
  data: Record<string, unknown>
}

export interface ReadResult<T> {
  data: T
  fromCache: boolean
  storedAt?: number
}

export interface ReplayReport {
  sent: number
  conflicts: number
  failed: number
  stoppedBy: ApiError | null
}

type Listener = (status: SyncStatus) => void

/** Answers that mean "try again later", not "this entry is wrong". */
const isTransient = (e: ApiError) => e.isNetwork || e.status >= 500 || e.status === 401 || e.status === 429

/** Automatic merges of one entry before its row counts as "keeps changing": a conflict. */
const MAX_MERGES = 3

const defaultSchedule = (run: () => void, ms: number) => {
  const timer = setTimeout(run, ms)
  return () => clearTimeout(timer)
}

function toApiError(e: unknown): ApiError {
  if (e instanceof ApiError) return e
  return new ApiError(0, { title: 'Error', detail: e instanceof Error ? e.message : String(e) })
}

/** The cache key of one row's detail, e.g. `/buildings/0190f6c2-…`. */
const ROW_DETAIL_KEY = /^\/[a-z-]+\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/

/** What one replay run has taken from the outbox, and the writes it sent (for later entries). */
interface ReplayRun {
  seen: Set<string>
  done: { entry: OutboxEntry; row: Record<string, unknown>; at: number }[]
}

/**
 * An entry as it must be sent after `done` succeeded with `row`: the temp id of a create replaced
 * by the server's id, and an edit of the same row based on the version the server returned. The
 * same object when nothing changes.
 */
function rebaseEntry(e: OutboxEntry, done: OutboxEntry, row: Record<string, unknown>): OutboxEntry {
  const serverId = typeof row.id === 'string' ? row.id : undefined
  const version = typeof row.version === 'number' ? row.version : undefined
  const rowPath = done.tempId && serverId ? `${done.path}/${serverId}` : done.path
  let next = e
  if (done.tempId && serverId) {
    const path = next.path.replaceAll(done.tempId, serverId)
    const body = replaceDeep(next.body, done.tempId, serverId)
    if (path !== next.path || body !== next.body) next = { ...next, path, body }
  }
  const sameRow = next.path === rowPath || (next.target !== undefined && next.target === serverId)
  const versioned = next.baseVersion !== undefined || (next.method === 'PUT' && !next.target)
  if (next.method !== 'POST' && sameRow && versioned && version !== undefined && next.baseVersion !== version)
    next = { ...next, baseVersion: version }
  return next
}

export class SyncEngine {
  private status: SyncStatus
  private readonly listeners = new Set<Listener>()
  private replaying: Promise<ReplayReport> | null = null
  private seq = 0
  private retryAttempt = 0
  private cancelRetry: (() => void) | null = null
  private closed = false
  private readonly revalidating = new Set<string>()

  private readonly db: OfflineDb
  private readonly opts: Required<SyncEngineOptions>

  private constructor(db: OfflineDb, opts: Required<SyncEngineOptions>) {
    this.db = db
    this.opts = opts
    this.status = {
      online: opts.online,
      syncing: false,
      pending: 0,
      failed: 0,
      conflicts: 0,
      lastSync: null,
      lastError: null,
      revision: 0,
    }
  }

  static async open(options: SyncEngineOptions): Promise<SyncEngine> {
    const db = await openOfflineDb(options.userId)
    const engine = new SyncEngine(db, {
      online: true,
      now: () => Date.now(),
      newId: () => crypto.randomUUID(),
      schedule: defaultSchedule,
      random: Math.random,
      ...options,
    })
    // The three start reads in one transaction, answered together: the last sync time, the
    // outbox (read once, for the sequence and the counts) and the conflicts' count. Four
    // transactions before, the outbox read twice: each answer a task of its own on the first
    // page's main thread (issue #19, Lighthouse; ADR 0052).
    const tx = db.transaction(['meta', 'outbox', 'conflicts'])
    const [last, entries, conflicts] = await Promise.all([
      tx.objectStore('meta').get('lastSync'),
      tx.objectStore('outbox').index('bySeq').getAll(),
      tx.objectStore('conflicts').count(),
      tx.done,
    ])
    engine.seq = entries.reduce((m, e) => Math.max(m, e.seq), 0)
    engine.status = {
      ...engine.status,
      lastSync: typeof last?.value === 'number' ? last.value : null,
      ...SyncEngine.counts(entries),
      conflicts,
    }
    return engine
  }

  // ------------------------------------------------------------ status

  getStatus(): SyncStatus {
    return this.status
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener)
    listener(this.status)
    return () => this.listeners.delete(listener)
  }

  private emit(patch: Partial<SyncStatus>, changed = false): void {
    this.status = { ...this.status, ...patch, revision: this.status.revision + (changed ? 1 : 0) }
    for (const l of this.listeners) l(this.status)
  }

  private static counts(entries: OutboxEntry[]): Pick<SyncStatus, 'pending' | 'failed'> {
    return {
      pending: entries.filter((e) => e.status === 'pending').length,
      failed: entries.filter((e) => e.status === 'failed').length,
    }
  }

  private async refreshCounts(changed = false): Promise<void> {
    const entries = await this.outbox()
    const conflicts = await this.db.count('conflicts')
    this.emit({ ...SyncEngine.counts(entries), conflicts }, changed)
  }

  /** Called on the window online/offline events; coming back online replays the outbox. */
  setOnline(online: boolean): void {
    this.noteNetwork(online)
  }

  /**
   * What a real request just said about the network. An answer (any HTTP status): online, and
   * queued writes go now. No answer: offline, and a retry is scheduled with backoff, so the
   * outbox resumes by itself once the network works again.
   */
  noteNetwork(reachable: boolean): void {
    if (this.closed) return
    if (reachable) {
      const wasOffline = !this.status.online
      this.retryAttempt = 0
      this.cancelRetry?.()
      this.cancelRetry = null
      if (wasOffline) this.emit({ online: true })
      // Writes still queued on a network that answers (after a dropped reply, a 5xx): send now.
      if (this.status.pending > 0 && !this.replaying) this.replayInBackground()
      return
    }
    if (this.status.online) this.emit({ online: false })
    this.scheduleRetry()
  }

  private scheduleRetry(): void {
    if (this.cancelRetry || this.closed) return
    const delay = backoffDelay(this.retryAttempt++, this.opts.random)
    this.cancelRetry = this.opts.schedule(() => {
      this.cancelRetry = null
      this.retryNow().catch(() => undefined)
    }, delay)
  }

  /** A scheduled retry: replay when writes wait, else a cheap probe to learn we are back. */
  private async retryNow(): Promise<void> {
    if (this.closed) return
    if (this.status.pending > 0) {
      const report = await this.replay()
      if (report.stoppedBy) this.scheduleRetry()
      return
    }
    try {
      await (this.opts.transport.probe?.() ?? this.opts.transport.get('/health'))
      this.noteNetwork(true)
    } catch (e) {
      const err = toApiError(e)
      this.noteNetwork(!(err.isNetwork || err.status >= 500))
    }
  }

  // ------------------------------------------------------------ reads

  /**
   * Fetches and caches a list or detail; when the network fails, serves the last cached copy.
   * Either way, queued writes are overlaid so the user sees their own offline changes.
   */
  async read<T>(key: string, fetcher: () => Promise<T>): Promise<ReadResult<T>> {
    const canFetch = !containsTempId(key)
    // The outbox and the cached copy in one transaction, answered together: one IndexedDB round
    // trip (one task on the main thread) per read instead of two (issue #19, ADR 0052).
    const tx = this.db.transaction(['outbox', 'cache'])
    const [all, cachedFirst] = await Promise.all([
      tx.objectStore('outbox').index('bySeq').getAll(),
      canFetch ? tx.objectStore('cache').get(key) : undefined,
      tx.done,
    ])
    const entries = all.filter((e) => e.status === 'pending')
    if (cachedFirst) {
      // Stale-while-revalidate: the copy now, the network behind it (a change bumps revision).
      void this.revalidate(key, fetcher, cachedFirst.data)
      return {
        data: applyEntries(key, cachedFirst.data, entries) as T,
        fromCache: !this.status.online,
        storedAt: cachedFirst.storedAt,
      }
    }
    if (canFetch) {
      try {
        const data = await fetcher()
        await this.db.put('cache', { key, data, storedAt: this.opts.now() })
        this.noteNetwork(true)
        return { data: applyEntries(key, data, entries) as T, fromCache: false }
      } catch (e) {
        const err = toApiError(e)
        if (!err.isNetwork) throw err
        this.noteNetwork(false)
      }
    }
    const cached = await this.db.get('cache', key)
    if (!cached) throw new ApiError(0, { title: 'Offline', detail: 'Not available offline yet' })
    return { data: applyEntries(key, cached.data, entries) as T, fromCache: true, storedAt: cached.storedAt }
  }

  /** Refreshes one cached read; views re-read (revision bump) only when the data changed. */
  private async revalidate<T>(key: string, fetcher: () => Promise<T>, current: unknown): Promise<void> {
    if (this.revalidating.has(key) || this.closed) return
    this.revalidating.add(key)
    try {
      const data = await fetcher()
      this.noteNetwork(true)
      if (this.closed) return
      // A queued create that would land in this list may already be on the server (its reply
      // was dropped): this answer would show it twice, the server's row and the optimistic one.
      // The copy stays until the replay folds the server's answer in (it bumps the revision,
      // and the next read refreshes again).
      const pending = (await this.outbox()).filter((e) => e.status === 'pending' && e.tempId)
      if (pending.some((e) => applyEntry(key, data, e) !== data)) return
      await this.db.put('cache', { key, data, storedAt: this.opts.now() })
      if (JSON.stringify(data) !== JSON.stringify(current)) this.emit({}, true)
    } catch (e) {
      if (toApiError(e).isNetwork) this.noteNetwork(false)
      // Other refusals (403, 404…) keep the copy; the next read tries again.
    } finally {
      this.revalidating.delete(key)
    }
  }

  async cachedKeys(): Promise<string[]> {
    return this.db.getAllKeys('cache')
  }

  // ------------------------------------------------------------ writes

  /**
   * Sends a create/edit now when possible; queues it when offline, when the request fails on the
   * network (same Idempotency-Key kept, so a lost response cannot duplicate it), when it targets
   * a row that exists only offline, or when earlier writes are still queued (order matters).
   */
  async write(req: WriteRequest): Promise<WriteResult> {
    const idempotencyKey = this.opts.newId()
    const mustQueue = !this.status.online || containsTempId(req) || this.status.pending > 0
    if (!mustQueue) {
      try {
        const data = await this.opts.transport.send({
          method: req.method,
          path: req.path,
          body: req.body,
          idempotencyKey,
          ifMatch: req.baseVersion,
        })
        this.noteNetwork(true)
        await this.foldIntoCache(this.makeEntry(req, idempotencyKey), isRecord(data) ? data : {})
        return { queued: false, data: isRecord(data) ? data : {} }
      } catch (e) {
        const err = toApiError(e)
        // An edit someone changed meanwhile: queued, so the replay merges it field by field.
        const mergeable = err.isConflict && req.method === 'PUT' && !req.target
        if (!err.isNetwork && !mergeable) throw err
        if (err.isNetwork) this.noteNetwork(false)
      }
    }
    const entry = await this.enqueue(req, idempotencyKey)
    // Online but behind earlier queued writes: send them (and this one) now, in order.
    if (this.status.online) this.replayInBackground()
    else this.scheduleRetry()
    const row = entry.tempId ? { ...entry.body, id: entry.tempId, _pending: true } : { ...entry.body }
    return { queued: true, data: row }
  }

  private makeEntry(req: WriteRequest, idempotencyKey: string): OutboxEntry {
    // An action (POST /meetings/<id>/cancel) creates no row: no temp id for it.
    const tempId = req.method === 'POST' && !req.target ? `${TEMP_ID_PREFIX}${this.opts.newId()}` : undefined
    return {
      id: this.opts.newId(),
      seq: ++this.seq,
      idempotencyKey,
      method: req.method,
      path: req.path,
      body: req.body,
      baseVersion: req.baseVersion,
      tempId,
      ...(req.base ? { base: req.base } : {}),
      ...(req.label ? { label: req.label } : {}),
      ...(req.target ? { target: req.target, patch: req.patch ?? {} } : {}),
      createdAt: this.opts.now(),
      status: 'pending',
    }
  }

  async enqueue(req: WriteRequest, idempotencyKey = this.opts.newId()): Promise<OutboxEntry> {
    const entry = this.makeEntry(req, idempotencyKey)
    await this.db.put('outbox', entry)
    await this.refreshCounts(true)
    return entry
  }

  async outbox(): Promise<OutboxEntry[]> {
    return this.db.getAllFromIndex('outbox', 'bySeq')
  }

  async discard(entryId: string): Promise<void> {
    await this.db.delete('outbox', entryId)
    await this.refreshCounts(true)
  }

  // ------------------------------------------------------------ replay

  /** A replay nobody awaits: its failures are in the status (pending, lastError), and after
   * close() the database is gone, which must not surface as an unhandled rejection. */
  private replayInBackground(): void {
    this.replay().catch(() => undefined)
  }

  /** Replays the outbox in order; concurrent calls share one run. */
  replay(): Promise<ReplayReport> {
    this.replaying ??= this.runReplay().finally(() => {
      this.replaying = null
    })
    return this.replaying
  }

  private async runReplay(): Promise<ReplayReport> {
    const report: ReplayReport = { sent: 0, conflicts: 0, failed: 0, stoppedBy: null }
    // Whether the outbox or the cache changed: only then may the views re-read. A retry that
    // sent nothing (still offline) bumped the revision anyway, and every list on screen re-read
    // and re-rendered its rows at each backoff step, closing an open "Confirm" of a delete.
    let changed = false
    this.emit({ syncing: true, lastError: null })
    const run: ReplayRun = { seen: new Set(), done: [] }
    try {
      // The outbox is read once per pass, not once per write (500 queued writes read it 1,000
      // times: minutes in Chromium). Each entry is read again by key just before it is sent, so
      // a discard, a merge or a re-base since the pass began is seen; a pass that ends reads the
      // outbox again, so writes queued meanwhile go in this run too, in order.
      pass: for (
        let queue = await this.unseenPending(run);
        queue.length > 0;
        queue = await this.unseenPending(run)
      ) {
        for (let i = 0; i < queue.length; ) {
          const current = await this.db.get('outbox', (queue[i] as OutboxEntry).id)
          if (current?.status !== 'pending') {
            i++
            continue
          }
          const outcome = await this.replayOne(current, run, queue.slice(i + 1), (j, e) => {
            queue[i + 1 + j] = e
          })
          if (outcome !== 'stop') changed = true
          if (outcome === 'merged') continue // re-based on the server's version: sent again now
          if (outcome === 'stop') {
            report.stoppedBy = this.lastTransportError
            break pass
          }
          report[outcome]++
          i++
        }
      }
      if (report.stoppedBy) {
        if (report.stoppedBy.isNetwork || report.stoppedBy.status >= 500) this.scheduleRetry()
      } else if (changed || this.status.online) {
        // Only an answer (a write taken from the outbox: `changed`) says the network is back. A
        // pass with nothing to send (a deferred first pass, "Sync now") heard nothing: offline,
        // it must neither claim online (every online-only control came back enabled, issue #19)
        // nor stamp a sync.
        this.retryAttempt = 0
        const now = this.opts.now()
        await this.db.put('meta', { key: 'lastSync', value: now })
        this.emit({ lastSync: now, ...(changed ? { online: true } : {}) })
      }
    } finally {
      this.emit({ syncing: false, lastError: report.stoppedBy?.message ?? null })
      await this.refreshCounts(changed)
    }
    return report
  }

  /**
   * The pending entries this run has not taken yet, in order. Those queued after some of the
   * run's writes were sent are re-based on them, as the entries already queued were.
   */
  private async unseenPending(run: ReplayRun): Promise<OutboxEntry[]> {
    const fresh = (await this.outbox()).filter((e) => e.status === 'pending' && !run.seen.has(e.id))
    for (const e of fresh) run.seen.add(e.id)
    if (run.done.length === 0 || fresh.length === 0) return fresh
    const tx = this.db.transaction('outbox', 'readwrite')
    const rebased = fresh.map((e) =>
      run.done.filter((d) => d.at >= e.createdAt).reduce((next, d) => rebaseEntry(next, d.entry, d.row), e),
    )
    for (const [j, e] of rebased.entries()) if (e !== fresh[j]) await tx.store.put(e)
    await tx.done
    return rebased
  }

  private lastTransportError: ApiError | null = null

  private async replayOne(
    entry: OutboxEntry,
    run: ReplayRun,
    later: OutboxEntry[],
    update: (index: number, entry: OutboxEntry) => void,
  ): Promise<'sent' | 'merged' | 'conflicts' | 'failed' | 'stop'> {
    if (containsTempId({ path: entry.path, body: entry.body })) {
      // Its parent create failed (or was discarded): sending would only earn a 404/400.
      await this.markFailed(entry, new ApiError(424, { title: 'Depends on a write that failed' }))
      return 'failed'
    }
    let data: unknown
    try {
      data = await this.opts.transport.send({
        method: entry.method,
        path: entry.path,
        body: entry.body,
        idempotencyKey: entry.idempotencyKey,
        ifMatch: entry.baseVersion,
      })
    } catch (e) {
      const err = toApiError(e)
      if (isTransient(err)) {
        this.lastTransportError = err
        if (err.isNetwork && this.status.online) this.emit({ online: false })
        return 'stop'
      }
      if (err.isConflict && entry.method === 'PUT' && !entry.target) {
        return (await this.mergeOrRecordConflict(entry)) ? 'merged' : 'conflicts'
      }
      if (err.status === 404 && entry.method === 'DELETE') {
        // Already gone (deleted elsewhere, or our first try's answer was lost): done.
        await this.db.delete('outbox', entry.id)
        await this.foldIntoCache(entry, {})
        return 'sent'
      }
      await this.markFailed(entry, err)
      return 'failed'
    }
    const row = isRecord(data) ? data : {}
    await this.db.delete('outbox', entry.id)
    await this.foldIntoCache(entry, row)
    await this.rebaseLaterEntries(entry, row, later, update)
    run.done.push({ entry, row, at: this.opts.now() })
    return 'sent'
  }

  private async markFailed(entry: OutboxEntry, err: ApiError): Promise<void> {
    await this.db.put('outbox', {
      ...entry,
      status: 'failed',
      lastError: { status: err.status, title: err.title, detail: err.detail, errors: err.errors },
    })
  }

  /** After a success: map the temp id to the server id, and base later edits of the same row on
   * the version the server just returned (they were made on top of this write, not against it).
   * `later` is the run's copy of the entries after it: only those it changes are read again and
   * written, instead of the whole outbox after every write. */
  private async rebaseLaterEntries(
    done: OutboxEntry,
    row: Record<string, unknown>,
    later: OutboxEntry[],
    update: (index: number, entry: OutboxEntry) => void,
  ): Promise<void> {
    const changedIds: string[] = []
    for (const [j, e] of later.entries()) {
      const next = rebaseEntry(e, done, row)
      if (next === e) continue
      update(j, next)
      changedIds.push(e.id)
    }
    if (changedIds.length === 0) return
    const tx = this.db.transaction('outbox', 'readwrite')
    for (const id of changedIds) {
      const stored = await tx.store.get(id)
      if (!stored) continue // discarded meanwhile
      const next = rebaseEntry(stored, done, row)
      if (next !== stored) await tx.store.put(next)
    }
    await tx.done
  }

  private async foldIntoCache(entry: OutboxEntry, row: Record<string, unknown>): Promise<void> {
    const tx = this.db.transaction('cache', 'readwrite')
    // One row's detail record (`/units/<uuid>`) is a server row: only the written row's own can
    // change, and it is replaced below. Skipping the others by key keeps this read from growing
    // with every row the replay caches (one per write).
    for (const key of await tx.store.getAllKeys()) {
      if (ROW_DETAIL_KEY.test(key)) continue
      const rec = await tx.store.get(key)
      if (!rec) continue
      let data = rec.data
      if (entry.tempId && typeof row.id === 'string') data = replaceDeep(data, entry.tempId, row.id)
      data = applyServerResult(rec.key, data, entry, row)
      if (data !== rec.data) await tx.store.put({ ...rec, data })
    }
    if (entry.method === 'DELETE') {
      await tx.store.delete(splitKey(entry.path).pathname)
    } else if (typeof row.id === 'string') {
      const pathname = splitKey(entry.path).pathname
      const detailKey =
        entry.method === 'POST' && !entry.target
          ? `${entry.path}/${row.id}`
          : entry.target
            ? pathname.slice(0, pathname.indexOf(entry.target) + entry.target.length)
            : pathname
      await tx.store.put({ key: detailKey, data: row, storedAt: this.opts.now() })
    }
    await tx.done
  }

  // ------------------------------------------------------------ conflicts

  /**
   * A 409 on an edit: re-read the row and merge. Nothing both sides changed → the entry is
   * re-based on the server's version and stays queued (true: the loop sends it again at once).
   * Otherwise a ConflictRecord naming only the fields both changed (false).
   */
  private async mergeOrRecordConflict(entry: OutboxEntry): Promise<boolean> {
    let server: Record<string, unknown> = {}
    let readable = false
    try {
      const current = await this.opts.transport.get(entry.path)
      if (isRecord(current)) {
        server = current
        readable = true
      }
    } catch {
      // keep an empty server side: the user can still re-send theirs once the row is readable
    }
    const { conflicts } = mergeEdit(entry.body, entry.base, server)
    const version = typeof server.version === 'number' ? server.version : undefined
    if (readable && conflicts.length === 0 && version !== undefined && (entry.merges ?? 0) < MAX_MERGES) {
      await this.db.put('outbox', { ...entry, baseVersion: version, merges: (entry.merges ?? 0) + 1 })
      return true
    }
    await this.recordConflict(entry, server, readable ? conflicts : Object.keys(entry.body))
    return false
  }

  private async recordConflict(
    entry: OutboxEntry,
    server: Record<string, unknown>,
    fields: string[],
  ): Promise<void> {
    const conflict: ConflictRecord = {
      id: entry.id,
      path: entry.path,
      mine: entry.body,
      server,
      fields,
      ...(entry.base ? { base: entry.base } : {}),
      ...(entry.label ? { label: entry.label } : {}),
      baseVersion: entry.baseVersion,
      createdAt: this.opts.now(),
    }
    const tx = this.db.transaction(['outbox', 'conflicts'], 'readwrite')
    await tx.objectStore('conflicts').put(conflict)
    await tx.objectStore('outbox').delete(entry.id)
    await tx.done
  }

  async conflicts(): Promise<ConflictRecord[]> {
    return this.db.getAll('conflicts')
  }

  /**
   * 'mine': re-send my changed fields (only those: the others keep the server's values) on top
   * of the server's current version — for the fields both changed, a deliberate overwrite.
   * 'theirs': drop my edit and cache the server's row.
   */
  async resolveConflict(id: string, choice: 'mine' | 'theirs'): Promise<void> {
    const conflict = await this.db.get('conflicts', id)
    if (!conflict) return
    await this.db.delete('conflicts', id)
    if (choice === 'mine') {
      const version =
        typeof conflict.server.version === 'number' ? conflict.server.version : conflict.baseVersion
      await this.enqueue({
        method: 'PUT',
        path: conflict.path,
        body: conflict.mine,
        baseVersion: version,
        // The server's values are now the base: a further change of theirs is merged again.
        base: Object.fromEntries(Object.keys(conflict.mine).map((k) => [k, conflict.server[k] ?? null])),
        ...(conflict.label ? { label: conflict.label } : {}),
      })
      if (this.status.online) await this.replay()
    } else {
      const entry = this.makeEntry({ method: 'PUT', path: conflict.path, body: {} }, '')
      await this.foldIntoCache(entry, conflict.server)
      await this.refreshCounts(true)
    }
  }

  // ------------------------------------------------------------ lifecycle

  close(): void {
    this.closed = true
    this.cancelRetry?.()
    this.cancelRetry = null
    this.listeners.clear()
    this.db.close()
  }

  /** Logout: nothing of this user may stay on the device. */
  async clear(): Promise<void> {
    this.close()
    await deleteOfflineDb(this.opts.userId)
  }
}

export { isTempId }
