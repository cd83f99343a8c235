// The room's state for one meeting (issue #14 item 9, ADR 0033): the setup (register +
// resolutions, cached when the meeting page was opened online), the acts on this device, and the
// meeting's state computed here by the domain's replayMeeting — so the room needs no network.
// Recording an act = appendAct + replay: an act the law refuses is not stored and its reason is
// returned. Sending uses the API client (its reachability feeds the offline engine) and retries
// with the app's backoff until every act is on the server, then shows the server's verification.
import {
  type ActKind,
  type ActPayloads,
  type ActRefusal,
  appendAct,
  type MeetingAct,
  type MeetingSetup,
  type MeetingState,
  replayMeeting,
} from '@koprogo/domain/assembly'
import { describeError } from '@koprogo/domain/i18n'
import { createEffect, createMemo, createSignal, on, onCleanup } from 'solid-js'
import * as api from '../api'
import { locale } from '../i18n'
import { backoffDelay } from '../offline/backoff'
import { syncStatus } from '../offline/store'
import { logStore, logTransport, refreshUnsynced } from './log-store'
import { type LoggedAct, type LogSyncState, type SyncOutcome, syncMeetingLog } from './meeting-log'

/** Other windows of this device (the projector view) re-read the log when it changes. */
const channelName = (meetingId: string) => `koprogo-room-${meetingId}`

const transport = logTransport

export interface Room {
  setup: () => MeetingSetup | null
  acts: () => LoggedAct[]
  state: () => MeetingState | null
  /** The replay's refusal of the stored log itself (should not happen: acts are checked first). */
  replayError: () => string | null
  sync: () => LogSyncState
  syncing: () => boolean
  loaded: () => boolean
  unsynced: () => number
  rootHash: () => string
  /** Records one act; resolves to the law's refusal (with the act's seq) or null. */
  record: <K extends ActKind>(kind: K, payload: ActPayloads[K]) => Promise<string | null>
  sendNow: () => Promise<SyncOutcome | null>
}

/**
 * The room of one meeting. `loadSetup` reads the session (the offline cache answers when there
 * is no network); `readOnly` rooms (the projector) never send, they follow the recording window.
 */
export function createRoom(opts: {
  meetingId: string
  userId: string
  loadSetup: () => Promise<{ setup: MeetingSetup; serverActs: readonly MeetingAct[] }>
  readOnly?: boolean
}): Room {
  const [setup, setSetup] = createSignal<MeetingSetup | null>(null)
  const [acts, setActs] = createSignal<LoggedAct[]>([])
  const [sync, setSync] = createSignal<LogSyncState>({ verified: null, error: null })
  const [syncing, setSyncing] = createSignal(false)
  const [loaded, setLoaded] = createSignal(false)
  const channel =
    typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(channelName(opts.meetingId))

  const replayed = createMemo(() => {
    const s = setup()
    if (!s) return null
    return replayMeeting(
      s,
      acts().map((a) => a.act),
    )
  })
  const state = () => {
    const r = replayed()
    return r?.ok ? r.value : null
  }
  const replayError = () => {
    const r = replayed()
    return r && !r.ok ? refusalText(r.error) : null
  }

  const reload = async () => {
    const store = await logStore(opts.userId)
    setActs(await store.acts(opts.meetingId))
    setSync(await store.state(opts.meetingId))
    if (!opts.readOnly) await refreshUnsynced(opts.userId)
  }

  let retryTimer: ReturnType<typeof setTimeout> | null = null
  let attempt = 0
  const scheduleRetry = () => {
    if (retryTimer || opts.readOnly) return
    retryTimer = setTimeout(() => {
      retryTimer = null
      void sendNow()
    }, backoffDelay(attempt++))
  }

  // An act recorded while a send is under way must not wait for the next trigger: send again.
  let again = false
  const sendNow = async (): Promise<SyncOutcome | null> => {
    if (opts.readOnly) return null
    if (syncing()) {
      again = true
      return null
    }
    setSyncing(true)
    let outcome: SyncOutcome | null = null
    try {
      do {
        again = false
        outcome = await sendOnce()
      } while (again && outcome.kind === 'sent')
      return outcome
    } finally {
      setSyncing(false)
    }
  }

  const sendOnce = async (): Promise<SyncOutcome> => {
    const store = await logStore(opts.userId)
    let outcome = await syncMeetingLog(store, opts.meetingId, transport)
    // Everything was already sent but the server's check is missing (its answer was lost).
    if (outcome.kind === 'nothing' && !(await store.state(opts.meetingId)).verified && acts().length > 0) {
      try {
        const v = await transport.verify(opts.meetingId)
        if (v.ok)
          await store.setState(opts.meetingId, {
            verified: { rootHash: v.rootHash, lastSeq: v.lastSeq, at: Date.now() },
          })
      } catch (e) {
        if (e instanceof api.ApiError && e.isNetwork) outcome = { kind: 'offline', error: e }
      }
    }
    if (outcome.kind === 'offline') scheduleRetry()
    else attempt = 0
    await reload()
    channel?.postMessage('changed')
    return outcome
  }

  const recordNow: Room['record'] = async (kind, payload) => {
    const s = setup()
    if (!s) return null
    const current = acts().map((a) => a.act)
    // Never before the previous act: a device clock set back must not make the log go backwards.
    const lastAt = current.at(-1)?.at
    const nowIso = new Date().toISOString()
    const at = lastAt && lastAt > nowIso ? lastAt : nowIso
    const next = appendAct(current, kind, payload, at)
    const check = replayMeeting(s, [...current, next])
    if (!check.ok) return refusalText(check.error)
    const store = await logStore(opts.userId)
    await store.append(opts.meetingId, next)
    // A verification covers the acts it saw: a new act makes it stale until the next send.
    await store.setState(opts.meetingId, { verified: null })
    await reload()
    channel?.postMessage('changed')
    if (syncStatus().online) void sendNow()
    else scheduleRetry()
    return null
  }

  // One act at a time: two quick taps must not both chain onto the same previous act (the second
  // would take the same seq and be refused by the store). Each waits for the one before.
  let queue: Promise<unknown> = Promise.resolve()
  const record: Room['record'] = (kind, payload) => {
    const run = queue.then(() => recordNow(kind, payload))
    queue = run.catch(() => undefined)
    return run
  }

  void (async () => {
    try {
      const store = await logStore(opts.userId)
      const loadedSetup = await opts.loadSetup()
      if (!opts.readOnly) await store.adopt(opts.meetingId, loadedSetup.serverActs)
      setSetup(loadedSetup.setup)
    } catch {
      // No session on this device and no network: the page says to open it online once.
    } finally {
      await reload().catch(() => undefined)
      setLoaded(true)
      if (!opts.readOnly && acts().some((a) => !a.synced)) void sendNow()
    }
  })()

  if (channel)
    channel.onmessage = () => {
      void reload()
    }

  // Back online (a real request answered: the offline engine's connectivity): send what waits.
  createEffect(
    on(
      () => syncStatus().online,
      (now, was) => {
        if (now && was === false && !opts.readOnly) void sendNow()
      },
      { defer: true },
    ),
  )

  onCleanup(() => {
    if (retryTimer) clearTimeout(retryTimer)
    channel?.close()
  })

  return {
    setup,
    acts,
    state,
    replayError,
    sync,
    syncing,
    loaded,
    unsynced: () => acts().filter((a) => !a.synced).length,
    rootHash: () => acts().at(-1)?.act.hash ?? '',
    record,
    sendNow,
  }
}

/** The law's refusal of an act in the user's language (the API's error catalogue, same texts). */
function refusalText(error: ActRefusal): string {
  const problem = { kind: 'unprocessable', code: error.code, message: error.message, params: error.params }
  return describeError(locale(), problem as Parameters<typeof describeError>[1]).detail
}
