/**
 * The embedded database's own thread (pglite-threaded.ts, ADR 0013). It opens PGlite on the data
 * folder and runs the statements the main thread sends, one message each, in arrival order. It
 * holds no other logic: timeouts, transactions and recovery are the main thread's, which can
 * `terminate()` this thread even while PGlite spins inside WebAssembly.
 */
import { parentPort, workerData } from 'node:worker_threads'
import { PGlite, type QueryOptions } from '@electric-sql/pglite'

export type ThreadRequest =
  | {
      readonly id: number
      readonly sql: string
      readonly params: readonly unknown[] | undefined
      readonly rowMode: 'array' | 'object' | undefined
      /** Type OIDs the caller parses itself (functions cannot be posted): sent as PGlite's raw text. */
      readonly raw: readonly number[]
      /** BEGIN / COMMIT / ROLLBACK: the simple protocol, as PGlite's own transaction() sends them. */
      readonly simple?: boolean
    }
  | { readonly id: number; readonly close: true }

export type ThreadReply =
  | { readonly ready: true }
  | { readonly id: number; readonly result: unknown }
  | { readonly id: number; readonly error: Record<string, unknown> }

/** An error as plain data: the SQLSTATE and the fields the error mapper reads survive the post. */
function plain(error: unknown): Record<string, unknown> {
  if (typeof error !== 'object' || error === null) return { message: String(error) }
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(error))
    if (v === null || ['string', 'number', 'boolean'].includes(typeof v)) out[k] = v
  out.message = (error as Error).message
  out.name = (error as Error).name
  return out
}

const port = parentPort
if (!port) throw new Error('pglite-thread.ts runs as a worker thread')
const { dataDir } = workerData as { dataDir: string }
const identity = (value: unknown) => value

const pg = new PGlite(dataDir)
pg.waitReady.then(
  () => port.postMessage({ ready: true } satisfies ThreadReply),
  (error: unknown) => {
    // Opening fails while the disk does: the main thread sees the thread exit with this error.
    throw error
  },
)

port.on('message', async (request: ThreadRequest) => {
  try {
    if ('close' in request) {
      await pg.close()
      port.postMessage({ id: request.id, result: null } satisfies ThreadReply)
      return
    }
    if (request.simple) {
      await pg.exec(request.sql)
      port.postMessage({ id: request.id, result: { rows: [], fields: [] } } satisfies ThreadReply)
      return
    }
    const options: QueryOptions = {
      ...(request.rowMode ? { rowMode: request.rowMode } : {}),
      parsers: Object.fromEntries(request.raw.map((oid) => [oid, identity])),
    }
    const { rows, fields, affectedRows } = await pg.query(request.sql, request.params as unknown[], options)
    port.postMessage({ id: request.id, result: { rows, fields, affectedRows } } satisfies ThreadReply)
  } catch (error) {
    port.postMessage({ id: request.id, error: plain(error) } satisfies ThreadReply)
  }
})
