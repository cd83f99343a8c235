// Bumped after a write made from a screen (create, edit, delete, a row action): the counters and
// charts re-read on it, as they do on the offline store's revision (queued writes, replays). An
// online write answered at once does not move that revision, so without this the stat cards kept
// their old numbers until a reload.
import { createRoot, createSignal } from 'solid-js'

const [changes, setChanges] = createRoot(() => createSignal(0))

export const localChanges = changes
export const noteChange = (): void => {
  setChanges((n) => n + 1)
}
