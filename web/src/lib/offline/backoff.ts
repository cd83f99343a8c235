// Retry delays of the outbox after a transport failure (offline, dropped reply, 5xx): short at
// first, so a single lost answer on a working network is re-sent within a second or two instead
// of waiting for "Sync now", then doubling up to a ceiling so a long outage costs little.

export const BACKOFF_BASE_MS = 1_000
export const BACKOFF_MAX_MS = 30_000

/** Delay before retry number `attempt` (0 = first retry), with "equal jitter": between half and
 * all of the exponential step, so many devices coming back at once do not retry in lockstep. */
export function backoffDelay(attempt: number, random: () => number = Math.random): number {
  const step = Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, Math.min(attempt, 30)))
  const r = Math.min(1, Math.max(0, random()))
  return Math.round(step / 2 + (step / 2) * r)
}
