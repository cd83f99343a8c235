// The signed-in user's meeting logs on this device, and how many acts still wait for the server
// (every meeting together): sign-out must not delete them silently. No domain code here (only
// types), so the header's sign-out button does not pull the assembly rules into every page.
import { createRoot, createSignal } from 'solid-js'
import * as api from '../api'
import { type LogTransport, MeetingLogStore, syncMeetingLog } from './meeting-log'

let stores: { userId: string; store: Promise<MeetingLogStore> } | null = null

/** One log store per signed-in user (the database is per user). */
export function logStore(userId: string): Promise<MeetingLogStore> {
  if (stores?.userId !== userId) {
    void stores?.store.then((s) => s.close()).catch(() => undefined)
    const opened = {
      userId,
      store: MeetingLogStore.open(userId, () => {
        // Signed out (the database is being deleted): the next use opens a fresh one.
        if (stores === opened) stores = null
        setUnsyncedActs(0)
      }),
    }
    stores = opened
  }
  return stores.store
}

const [unsyncedActs, setUnsyncedActs] = createRoot(() => createSignal(0))

export { unsyncedActs }

export async function refreshUnsynced(userId: string): Promise<void> {
  setUnsyncedActs(await (await logStore(userId)).unsyncedCount())
}

/** The API as the log's way to the server (POST …/acts, GET …/log/verify). */
export const logTransport: LogTransport = {
  post: (meetingId, acts) => api.assembly.postActs(meetingId, acts),
  verify: async (meetingId) => {
    const v = await api.assembly.verifyLog(meetingId)
    return { ok: v.valid, rootHash: v.root_hash, lastSeq: v.count }
  },
}

/** Sends every meeting's waiting acts (sign-out's "send them first"); refusals stay recorded. */
export async function sendAllLogs(userId: string): Promise<void> {
  const store = await logStore(userId)
  for (const meetingId of await store.meetingsWithUnsynced())
    await syncMeetingLog(store, meetingId, logTransport)
  await refreshUnsynced(userId)
}
