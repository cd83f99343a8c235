import type { PGlite, Transaction } from '@electric-sql/pglite'

/**
 * PGlite after an I/O error (ADR 0013, docs/reliability.md § Database connection loss).
 *
 * Measured on PGlite 0.5.16 with a failing disk under its data folder:
 * - a data file that cannot grow (ENOSPC) is an ordinary ERROR 53100: the transaction rolls back
 *   and the engine keeps working — nothing to do here but answer 503 (unavailable.ts);
 * - a WAL write that fails (EIO, ENOSPC) surfaces as ERROR 58030 where real Postgres would PANIC
 *   and restart: the next statement given to that engine spins forever inside WebAssembly,
 *   blocking Node's event loop. So after a class-58 error the engine is ABANDONED — never
 *   called again, not even for ROLLBACK or close — and a new one is opened on the same folder,
 *   which replays the WAL as Postgres's crash recovery would (acknowledged commits are there).
 *   Until that succeeds (it fails while the disk still fails) requests get 503.
 * - a WAL write failing inside COMMIT spins before the error can reach us: on this thread that
 *   cannot be caught from JavaScript. The Node entry therefore runs PGlite in a worker thread
 *   it can terminate (pglite-threaded.ts); this in-thread wrapper serves scripts and tests.
 */
const FATAL_SQLSTATE = /^58/

/** Thrown while there is no usable engine; classified as database-unavailable (57P03 = cannot connect now). */
export class EmbeddedDatabaseUnavailable extends Error {
  readonly code = '57P03'
  constructor(cause?: unknown) {
    super('The embedded database hit an I/O error and is being reopened', { cause })
  }
}

const isFatal = (e: unknown) =>
  typeof e === 'object' && e !== null && FATAL_SQLSTATE.test(String((e as { code?: unknown }).code ?? ''))

/** The two methods Drizzle's PGlite session calls. */
type QueryClient = Pick<PGlite, 'query' | 'transaction'>

export type RecoveringPglite = {
  /** Give this to Drizzle in place of the PGlite instance. */
  client: QueryClient
  close(): Promise<void>
}

export function recoveringPglite(
  first: PGlite,
  reopen: (() => Promise<PGlite>) | undefined,
  onFault: (error: unknown) => void = () => undefined,
): RecoveringPglite {
  let current: PGlite | undefined = first
  let reopening: Promise<void> | undefined
  let lastAttempt = 0

  const abandon = (engine: PGlite, error: unknown) => {
    if (current !== engine) return
    current = undefined
    onFault(error)
  }

  /** The usable engine, reopening a lost one at most once a second; throws while there is none. */
  const engine = async (): Promise<PGlite> => {
    if (current) return current
    if (reopen && !reopening && Date.now() - lastAttempt >= 1_000) {
      lastAttempt = Date.now()
      reopening = reopen()
        .then(
          async (next) => {
            await next.waitReady
            current = next
          },
          (error: unknown) => onFault(error),
        )
        .finally(() => {
          reopening = undefined
        })
    }
    if (reopening) await reopening
    if (current) return current
    throw new EmbeddedDatabaseUnavailable()
  }

  const query: PGlite['query'] = async (...args) => {
    const pg = current ?? (await engine())
    try {
      return await pg.query(...args)
    } catch (error) {
      if (isFatal(error)) abandon(pg, error)
      throw error
    }
  }

  const transaction = (async <T>(callback: (tx: Transaction) => Promise<T>) => {
    const pg = current ?? (await engine())
    return new Promise<T>((resolve, reject) => {
      const fatal = (error: unknown): Promise<never> => {
        abandon(pg, error)
        reject(error)
        // Never settles: PGlite would answer a settled callback with COMMIT/ROLLBACK on the
        // broken engine, which spins. The abandoned engine and this closure are garbage.
        return new Promise<never>(() => undefined)
      }
      const guarded = (tx: Transaction): Transaction =>
        new Proxy(tx, {
          get(target, property, receiver) {
            const value = Reflect.get(target, property, receiver)
            if (property !== 'query' && property !== 'exec' && property !== 'sql') return value
            return async (...args: unknown[]) => {
              try {
                return await (value as (...a: unknown[]) => Promise<unknown>).apply(target, args)
              } catch (error) {
                if (isFatal(error)) return fatal(error)
                throw error
              }
            }
          },
        })
      pg.transaction((tx) => callback(guarded(tx))).then(resolve, (error: unknown) => {
        if (isFatal(error)) abandon(pg, error)
        reject(error)
      })
    })
  }) as PGlite['transaction']

  return {
    client: { query, transaction },
    // An abandoned engine is not closed: closing runs statements on it.
    close: async () => {
      if (reopening) await reopening
      await current?.close()
    },
  }
}
