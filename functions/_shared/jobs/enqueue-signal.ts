/**
 * A process-wide "something was enqueued" signal: the outbox repository raises it, the Node job
 * loop listens and looks for due jobs shortly after, instead of waiting for its next poll. It is
 * raised before the transaction commits, so the loop waits a moment (and the poll still covers a
 * job it missed). Workers have no loop: nothing listens there.
 */
type Listener = () => void
const listeners = new Set<Listener>()

export function signalEnqueued(): void {
  for (const listener of listeners) listener()
}

/** Returns the unsubscribe function. */
export function onEnqueued(listener: Listener): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}
