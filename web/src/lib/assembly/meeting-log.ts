// A general assembly's log on this device (issue #14 item 9, ADR 0033): the acts recorded in the
// room, hash-chained by the domain's appendAct, kept in the user's IndexedDB (store meeting_acts)
// and sent to POST /meetings/{id}/acts until the server has them all. Plain TypeScript (no Solid)
// so it runs under vitest with fake-indexeddb; room-store.ts wraps it for the pages.
//
// Invariants:
// - an act is written once at its seq (IndexedDB `add`, never `put`): nothing overwrites the chain;
// - nothing is ever deleted here: a refusal (409/422) is kept as the log's error, the acts stay;
// - a send carries every act the server has not confirmed, in order; the server stores an act
//   already held with the same hash as a no-op, so a re-send after a lost answer is harmless;
// - the server's own acts (read with the session) are adopted only where this device has none.
import type { MeetingAct } from '@koprogo/domain/assembly'
import { ApiError } from '../api-error'
import { type OfflineDb, openOfflineDb } from '../offline/db'
import type { MeetingActRecord } from '../offline/types'

export interface LogError {
  kind: 'conflict' | 'refused'
  /** The act the server named, when it did. */
  seq: number | null
  message: string
}

export interface LogSyncState {
  /** The server's check of the whole log after the last send. */
  verified: { rootHash: string; lastSeq: number; at: number } | null
  error: LogError | null
}

export interface LoggedAct {
  act: MeetingAct
  synced: boolean
}

/** What a send needs from the API (api.ts provides it; tests pass a fake server). */
export interface LogTransport {
  post(meetingId: string, acts: MeetingAct[]): Promise<unknown>
  verify(meetingId: string): Promise<{ ok: boolean; rootHash: string; lastSeq: number }>
}

export type SyncOutcome =
  | { kind: 'nothing' }
  | { kind: 'sent'; count: number; verified: boolean }
  | { kind: 'offline'; error: ApiError }
  | { kind: 'refused'; error: LogError }

const stateKey = (meetingId: string) => `meeting-log:${meetingId}`
const EMPTY: LogSyncState = { verified: null, error: null }

/** Transport failures that mean "later" (no answer, 5xx, an expired session mid-refresh). */
const isTransient = (e: ApiError) => e.isNetwork || e.status >= 500 || e.status === 401 || e.status === 429

export class MeetingLogStore {
  private readonly db: OfflineDb

  private constructor(db: OfflineDb) {
    this.db = db
  }

  /** `onClosed`: the connection was given up (sign-out deletes the database; this must not block it). */
  static async open(userId: string, onClosed?: () => void): Promise<MeetingLogStore> {
    let store: MeetingLogStore | null = null
    const db = await openOfflineDb(userId, () => {
      store?.close()
      onClosed?.()
    })
    store = new MeetingLogStore(db)
    return store
  }

  close(): void {
    this.db.close()
  }

  async acts(meetingId: string): Promise<LoggedAct[]> {
    const rows = await this.db.getAllFromIndex('meeting_acts', 'byMeeting', meetingId)
    return rows
      .sort((a, b) => a.seq - b.seq)
      .map((r) => ({ act: r.act as unknown as MeetingAct, synced: r.synced }))
  }

  /** Appends one act; refused (throws) if this seq is already taken: the chain is never rewritten. */
  async append(meetingId: string, act: MeetingAct): Promise<void> {
    const record: MeetingActRecord = {
      meetingId,
      seq: act.seq,
      act: act as unknown as MeetingActRecord['act'],
      synced: false,
    }
    await this.db.add('meeting_acts', record)
  }

  /**
   * Takes the server's acts (from GET …/session): those this device lacks are added as synced;
   * those it holds with the same hash become synced; a different hash at the same seq is a fork
   * (another device recorded this meeting) and is reported, keeping this device's act.
   */
  async adopt(meetingId: string, serverActs: readonly MeetingAct[]): Promise<{ forkAt: number | null }> {
    const tx = this.db.transaction('meeting_acts', 'readwrite')
    let forkAt: number | null = null
    for (const act of serverActs) {
      const mine = await tx.store.get([meetingId, act.seq])
      if (!mine) {
        await tx.store.add({
          meetingId,
          seq: act.seq,
          act: act as unknown as MeetingActRecord['act'],
          synced: true,
        })
      } else if (mine.act.hash === act.hash) {
        if (!mine.synced) await tx.store.put({ ...mine, synced: true })
      } else {
        forkAt ??= act.seq
      }
    }
    await tx.done
    if (forkAt !== null)
      await this.setState(meetingId, {
        error: { kind: 'conflict', seq: forkAt, message: `act ${forkAt} differs from the server's` },
      })
    return { forkAt }
  }

  async markSynced(meetingId: string, upToSeq: number): Promise<void> {
    const tx = this.db.transaction('meeting_acts', 'readwrite')
    for (const r of await tx.store.index('byMeeting').getAll(meetingId)) {
      if (r.seq <= upToSeq && !r.synced) await tx.store.put({ ...r, synced: true })
    }
    await tx.done
  }

  async state(meetingId: string): Promise<LogSyncState> {
    const row = await this.db.get('meta', stateKey(meetingId))
    return { ...EMPTY, ...((row?.value as Partial<LogSyncState> | undefined) ?? {}) }
  }

  async setState(meetingId: string, patch: Partial<LogSyncState>): Promise<LogSyncState> {
    const next = { ...(await this.state(meetingId)), ...patch }
    await this.db.put('meta', { key: stateKey(meetingId), value: next })
    return next
  }

  /** The meetings with acts not yet on the server. */
  async meetingsWithUnsynced(): Promise<string[]> {
    const ids = new Set<string>()
    for (const r of await this.db.getAll('meeting_acts')) if (!r.synced) ids.add(r.meetingId)
    return [...ids]
  }

  /** Acts not yet on the server, over every meeting of this device (sign-out warns about them). */
  async unsyncedCount(): Promise<number> {
    let n = 0
    for (const r of await this.db.getAll('meeting_acts')) if (!r.synced) n++
    return n
  }
}

/** The act a 409/422 names: a problem's `seq`, an error path `acts[3]` / `acts.3`, or "act 12" in its text. */
export function refusedSeq(e: ApiError, sent: readonly MeetingAct[]): number | null {
  const extra = (e as ApiError & { problem?: { seq?: unknown } }).problem
  if (extra && typeof extra.seq === 'number') return extra.seq
  for (const fe of e.errors) {
    const m = /acts[.[/](\d+)/.exec(fe.path)
    if (m) return sent[Number(m[1])]?.seq ?? null
  }
  const m = /\bact (\d+)\b/i.exec(e.detail ?? e.message)
  return m ? Number(m[1]) : null
}

/**
 * Sends every act the server has not confirmed, then asks the server to verify the whole log.
 * A transport failure leaves everything as it was (the caller retries with backoff); a 409 or
 * 422 is recorded as the log's error and nothing is dropped.
 */
export async function syncMeetingLog(
  store: MeetingLogStore,
  meetingId: string,
  transport: LogTransport,
  now: () => number = Date.now,
): Promise<SyncOutcome> {
  const all = await store.acts(meetingId)
  const pending = all.filter((a) => !a.synced).map((a) => a.act)
  if (pending.length === 0) return { kind: 'nothing' }
  try {
    await transport.post(meetingId, pending)
  } catch (e) {
    const err = e instanceof ApiError ? e : new ApiError(0, { detail: String(e) })
    if (isTransient(err)) return { kind: 'offline', error: err }
    const error: LogError = {
      kind: err.status === 409 ? 'conflict' : 'refused',
      seq: refusedSeq(err, pending),
      message: err.detail ?? err.message,
    }
    await store.setState(meetingId, { error, verified: null })
    return { kind: 'refused', error }
  }
  const last = pending.at(-1)?.seq ?? 0
  await store.markSynced(meetingId, last)
  await store.setState(meetingId, { error: null })
  try {
    const v = await transport.verify(meetingId)
    if (v.ok)
      await store.setState(meetingId, { verified: { rootHash: v.rootHash, lastSeq: v.lastSeq, at: now() } })
    return { kind: 'sent', count: pending.length, verified: v.ok }
  } catch {
    // Stored but not re-verified (the answer was lost): the next sync or page load verifies.
    return { kind: 'sent', count: pending.length, verified: false }
  }
}
