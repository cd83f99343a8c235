import { Worker } from 'node:worker_threads'
import type { PGlite, QueryOptions, Results, Transaction } from '@electric-sql/pglite'
import { EmbeddedDatabaseUnavailable, type RecoveringPglite } from './pglite-recovery.ts'
import type { ThreadReply, ThreadRequest } from './pglite-thread.ts'

/**
 * The Node entry's embedded database, in a worker thread (ADR 0013, docs/reliability.md
 * § Database connection loss).
 *
 * PGlite 0.5.16 on a failing disk can spin forever inside WebAssembly: after a WAL write error
 * (58030) on its next statement, and when a WAL write fails inside COMMIT before any error reaches
 * JavaScript at all. On the main thread that freezes the process. Here PGlite runs on its own
 * thread and every statement has a deadline: a thread that does not answer in time (or answers
 * with a class-58 error) is `terminate()`d — V8 stops a busy WebAssembly loop — every pending
 * call fails as database-unavailable (→ 503), and the next call opens a new thread on the same
 * folder, whose startup replays the WAL (Postgres's crash recovery), at most once a second.
 *
 * PGlite is one connection: statements run one at a time, and a transaction holds the engine
 * from BEGIN to COMMIT/ROLLBACK, as PGlite's own `transaction()` does. The deadline counts from
 * when a statement reaches the thread, so waiting behind other requests does not count.
 */
export const PGLITE_THREAD_LIMITS = {
  /** One statement on the embedded database takes milliseconds (docs/performance.md). */
  statementDeadlineMs: 10_000,
  /** Opening replays the WAL: generous, but a frozen open must not wait forever either. */
  openDeadlineMs: 60_000,
  /** Migrations may rewrite tables. */
  migrationDeadlineMs: 600_000,
} as const

type Thread = { worker: Worker; generation: number; ready: Promise<void> }
type Pending = { resolve(value: unknown): void; reject(error: unknown): void; timer: NodeJS.Timeout }
type QueryClient = Pick<PGlite, 'query' | 'transaction'>

const FATAL_SQLSTATE = /^58/

/** A database error posted by the thread, rebuilt as an Error with its SQLSTATE and fields. */
function rebuilt(data: Record<string, unknown>): Error {
  const error = new Error(String(data.message ?? 'database error'))
  for (const [k, v] of Object.entries(data))
    if (k !== 'message' && k !== 'stack') (error as never)[k] = v as never
  return error
}

export type ThreadedPglite = RecoveringPglite & {
  /** The deadline per statement from now on (migrations raise it, then restore it). */
  setDeadline(ms: number): void
}

export function threadedPglite(
  dataDir: string,
  onFault: (error: unknown) => void = () => undefined,
  limits: { statementDeadlineMs?: number; openDeadlineMs?: number } = {},
): ThreadedPglite {
  let deadline = limits.statementDeadlineMs ?? PGLITE_THREAD_LIMITS.statementDeadlineMs
  const openDeadline = limits.openDeadlineMs ?? PGLITE_THREAD_LIMITS.openDeadlineMs
  let current: Thread | undefined
  let generation = 0
  let lastStart = 0
  let nextId = 1
  let closed = false
  const pending = new Map<number, Pending>()

  /** Abandons a thread: kills it (even mid-WebAssembly) and fails everything waiting on it. */
  const fail = (thread: Thread, error: unknown) => {
    if (current !== thread) return
    current = undefined
    for (const [id, p] of pending) {
      clearTimeout(p.timer)
      pending.delete(id)
      p.reject(new EmbeddedDatabaseUnavailable(error))
    }
    void thread.worker.terminate()
    onFault(error)
  }

  const start = (): Thread => {
    lastStart = Date.now()
    const worker = new Worker(new URL('./pglite-thread.ts', import.meta.url), { workerData: { dataDir } })
    const thread: Thread = { worker, generation: ++generation, ready: Promise.resolve() }
    thread.ready = new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error('the embedded database did not open in time')),
        openDeadline,
      )
      worker.once('message', (reply: ThreadReply) => {
        if ('ready' in reply) {
          clearTimeout(timer)
          resolve()
        }
      })
      worker.once('error', (error) => {
        clearTimeout(timer)
        reject(error)
      })
      worker.once('exit', (code) => {
        clearTimeout(timer)
        reject(new Error(`the embedded database thread exited (${code})`))
      })
    })
    thread.ready.catch((error: unknown) => fail(thread, error))
    worker.on('message', (reply: ThreadReply) => {
      if (!('id' in reply)) return
      const p = pending.get(reply.id)
      if (!p) return
      pending.delete(reply.id)
      clearTimeout(p.timer)
      if ('result' in reply) p.resolve(reply.result)
      else {
        const error = rebuilt(reply.error)
        // PGlite spins on the statement after a WAL write error: never send it another one.
        if (FATAL_SQLSTATE.test(String(reply.error.code ?? ''))) fail(thread, error)
        p.reject(error)
      }
    })
    // After 'ready', an error or exit still fails what is pending (and keeps Node alive).
    worker.on('error', (error) => fail(thread, error))
    worker.on('exit', (code) => fail(thread, new Error(`the embedded database thread exited (${code})`)))
    return thread
  }

  /** The live thread, starting a new one at most once a second; throws while there is none. */
  const thread = async (): Promise<Thread> => {
    if (closed) throw new EmbeddedDatabaseUnavailable(new Error('closed'))
    if (!current && Date.now() - lastStart >= 1_000) current = start()
    const t = current
    if (!t) throw new EmbeddedDatabaseUnavailable()
    try {
      await t.ready
    } catch (error) {
      throw new EmbeddedDatabaseUnavailable(error)
    }
    if (current !== t) throw new EmbeddedDatabaseUnavailable()
    return t
  }

  const send = (
    t: Thread,
    request: Omit<Extract<ThreadRequest, { sql: string }>, 'id'> | { close: true },
  ) => {
    if (current !== t) return Promise.reject(new EmbeddedDatabaseUnavailable())
    const id = nextId++
    return new Promise<unknown>((resolve, reject) => {
      const timer = setTimeout(
        () => fail(t, new Error(`the embedded database did not answer within ${deadline} ms`)),
        deadline,
      )
      pending.set(id, { resolve, reject, timer })
      t.worker.postMessage({ id, ...request })
    })
  }

  /** Statements run one at a time (PGlite is one connection): a FIFO lock over the thread. */
  let tail: Promise<void> = Promise.resolve()
  const exclusively = <T>(work: () => Promise<T>): Promise<T> => {
    const run = tail.then(work)
    tail = run.then(
      () => undefined,
      () => undefined,
    )
    return run
  }

  const run = async <T>(
    t: Thread,
    sql: string,
    params?: unknown[],
    options?: QueryOptions,
  ): Promise<Results<T>> => {
    const parsers = options?.parsers ?? {}
    const raw = Object.keys(parsers).map(Number)
    const result = (await send(t, { sql, params, rowMode: options?.rowMode, raw })) as Results<T>
    // The caller's own parsers (Drizzle keeps dates and intervals as text) run here.
    const parsed = result.fields
      .map((f, i) => [i, f.name, parsers[f.dataTypeID]] as const)
      .filter(([, , parse]) => parse)
    if (parsed.length > 0)
      for (const row of result.rows as Record<string | number, unknown>[])
        for (const [i, name, parse] of parsed) {
          const key = options?.rowMode === 'array' ? i : name
          // PGlite calls a parser with the text and the type OID.
          if (row[key] !== null)
            row[key] = (parse as (text: string, typeId: number) => unknown)(
              row[key] as string,
              result.fields[i]?.dataTypeID ?? 0,
            )
        }
    return result
  }

  const query = (<T>(sql: string, params?: unknown[], options?: QueryOptions) =>
    exclusively(async () => run<T>(await thread(), sql, params, options))) as PGlite['query']

  const transaction = (<T>(callback: (tx: Transaction) => Promise<T>) =>
    exclusively(async () => {
      const t = await thread()
      let open = true
      const tx = {
        query: <R>(sql: string, params?: unknown[], options?: QueryOptions) => {
          if (!open) return Promise.reject(new Error('Transaction is closed'))
          return run<R>(t, sql, params, options)
        },
        get closed() {
          return !open
        },
      } as unknown as Transaction
      const simple = (sql: string) =>
        send(t, { sql, params: undefined, rowMode: undefined, raw: [], simple: true })
      await simple('BEGIN')
      try {
        const result = await callback(tx)
        await simple('COMMIT')
        return result
      } catch (error) {
        // A dead thread has nothing to roll back (its open transaction dies with it).
        if (current === t) await simple('ROLLBACK').catch(() => undefined)
        throw error
      } finally {
        open = false
      }
    })) as PGlite['transaction']

  return {
    client: { query, transaction } satisfies QueryClient,
    setDeadline(ms) {
      deadline = ms
    },
    close: () =>
      exclusively(async () => {
        const t = current
        closed = true
        if (!t) return
        try {
          await t.ready
          await send(t, { close: true })
        } finally {
          current = undefined
          await t.worker.terminate()
        }
      }),
  }
}
