/**
 * Delay before the next try of a job whose try `attempt` (1-based) failed: exponential
 * (base · 2^(attempt-1)), capped, with "equal jitter" (between half and all of it) so jobs that
 * failed together (an SMTP server down for a minute) do not all come back at the same instant.
 */
export function retryDelayMs(
  attempt: number,
  settings: { baseSeconds: number; maxSeconds: number },
  random: () => number = Math.random,
): number {
  const exponential = settings.baseSeconds * 2 ** Math.max(0, attempt - 1)
  const capped = Math.min(settings.maxSeconds, exponential) * 1000
  return Math.round(capped / 2 + (random() * capped) / 2)
}
