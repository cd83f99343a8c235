import type { Runtime } from '../runtime.ts'
import { onEnqueued } from './enqueue-signal.ts'
import type { JobHandler } from './job-handler.ts'
import { releaseClaims, runDueJobs } from './runner.ts'

export type JobLoop = {
  /** Look for due jobs soon (after a request enqueued one). */
  nudge(): void
  /**
   * Stops polling, lets the current job finish for up to `graceMs`, hands back the jobs claimed
   * but not started, and — if the current job is still running then — hands it back too, so the
   * next start (or another runner) takes it at once instead of after its lease.
   */
  stop(graceMs?: number): Promise<void>
}

/** Time for the enqueuing transaction to commit before the nudged loop looks (it is raised inside it). */
const NUDGE_DELAY_MS = 20

/**
 * The Node entry's in-process job runner (ADR 0019): one loop per process, polling every
 * JOB_POLL_INTERVAL_MS and woken after an enqueue. It runs batches back to back while there is
 * work. Nothing a handler or the database does escapes it: errors are logged and the loop waits
 * for its next turn (the database may be away, ADR 0013).
 */
export function startJobLoop(
  runtime: Runtime,
  options: { handlers?: Readonly<Record<string, JobHandler>>; runnerId?: string } = {},
): JobLoop {
  const runnerId = options.runnerId ?? `node-${globalThis.process?.pid ?? 0}`
  const stopping = new AbortController()
  let wake: (() => void) | undefined
  let timer: ReturnType<typeof setTimeout> | undefined
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      wake = resolve
      timer = setTimeout(resolve, ms)
    })
  const nudge = () => {
    if (stopping.signal.aborted || !wake) return
    const resolve = wake
    wake = undefined
    clearTimeout(timer)
    timer = setTimeout(resolve, NUDGE_DELAY_MS)
  }
  const unsubscribe = onEnqueued(nudge)

  const loop = (async () => {
    while (!stopping.signal.aborted) {
      let claimed = 0
      let pause = runtime.env.JOB_POLL_INTERVAL_MS
      try {
        claimed = await runDueJobs(runtime, {
          signal: stopping.signal,
          runnerId,
          ...(options.handlers ? { handlers: options.handlers } : {}),
        })
      } catch (error) {
        runtime.logger.warn('job runner: a run failed; retrying at the next poll', {
          error: error instanceof Error ? error.message : String(error),
        })
        // The database is probably away (ADR 0013): one warning every few seconds, not every poll.
        pause = Math.max(pause, 5_000)
      }
      if (claimed === 0 && !stopping.signal.aborted) await sleep(pause)
    }
  })()

  return {
    nudge,
    async stop(graceMs = 5_000) {
      if (stopping.signal.aborted) return loop
      stopping.abort()
      unsubscribe()
      clearTimeout(timer)
      wake?.()
      let grace: ReturnType<typeof setTimeout> | undefined
      const finished = await Promise.race([
        loop.then(() => true),
        new Promise<boolean>((resolve) => {
          grace = setTimeout(() => resolve(false), graceMs)
        }),
      ])
      clearTimeout(grace)
      if (!finished) {
        const released = await releaseClaims(runtime, runnerId).catch(() => 0)
        runtime.logger.warn('job runner stopped with a job still running; handed back', { released })
      }
    },
  }
}
