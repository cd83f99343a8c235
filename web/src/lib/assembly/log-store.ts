// The signed-in user's meeting logs on this device, and how many acts still wait for the server
// (every meeting together): sign-out must not delete them silently. No domain code here (only
// types), so the header's sign-out button does not pull the assembly rules into every page.
import { createRoot, createSignal } from 'solid-js'
import { MeetingLogStore } from './meeting-log'

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
