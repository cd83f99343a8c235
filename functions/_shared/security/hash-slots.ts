import { DomainErrors } from '@koprogo/domain'
import { ProblemError } from '../problem.ts'

/**
 * Bounds the password hashes running at once. node:crypto's argon2 runs on libuv's thread pool
 * (4 threads), which also serves file reads (document downloads) and DNS: 32 parallel logins
 * filled it and a 15 ms download took 1.5 s (issue #12). At most `concurrency` hashes run; up
 * to `queueDepth` more wait their turn in arrival order; beyond that the request is refused at
 * once with 503 `server_busy` and Retry-After, so the queue (and each waiter's delay) is bounded.
 */
export class HashSlots {
  readonly concurrency: number
  readonly queueDepth: number
  readonly retryAfterSeconds: number
  #running = 0
  readonly #waiting: (() => void)[] = []

  constructor(options: { concurrency: number; queueDepth: number; retryAfterSeconds?: number }) {
    this.concurrency = Math.max(1, Math.floor(options.concurrency))
    this.queueDepth = Math.max(0, Math.floor(options.queueDepth))
    this.retryAfterSeconds = options.retryAfterSeconds ?? 1
  }

  get running(): number {
    return this.#running
  }

  get waiting(): number {
    return this.#waiting.length
  }

  /** Runs `task` in a slot: now, after the ones queued before it, or never (503) when the queue is full. */
  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.#running >= this.concurrency) {
      if (this.#waiting.length >= this.queueDepth) {
        throw new ProblemError(
          DomainErrors.serverBusy(this.retryAfterSeconds, 'Too many sign-ins at once; retry shortly'),
        )
      }
      // The slot is handed over by the finishing task (#running stays counted), so no newcomer
      // can overtake a waiter.
      await new Promise<void>((resolve) => this.#waiting.push(resolve))
    } else {
      this.#running += 1
    }
    try {
      return await task()
    } finally {
      const next = this.#waiting.shift()
      if (next) next()
      else this.#running -= 1
    }
  }
}

/**
 * The default: one slot per core but one (the event loop needs a core), at most 3 so that at
 * least one of libuv's 4 threads stays free for file reads; 32 waiting (≈ one login burst of a
 * whole office; at ~40 ms a hash the last waiter starts within ~1.3 s on one slot).
 */
export function defaultHashSlots(cores: number): HashSlots {
  return new HashSlots({ concurrency: Math.min(3, Math.max(1, cores - 1)), queueDepth: 32 })
}
