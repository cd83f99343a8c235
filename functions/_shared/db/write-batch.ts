import { type SQL, type SQLWrapper, sql } from 'drizzle-orm'
import type { Database } from './client.ts'
import { assertTenantScoped, BATCH_MARKER } from './tenant-scope.ts'

/*
 * The batched unit of work (ADR 0047, issue #17 item 2). A create used to cost BEGIN, its reads,
 * one INSERT per row (the entity, each audit row, the ledger entry and its lines) and COMMIT: one
 * round trip each. Here the unit of work
 *  - collects the writes its repositories DEFER (`deferWrite`: writes whose result nobody reads)
 *    and sends them as ONE statement (data-modifying CTEs) when the work is done;
 *  - opens the real transaction only when something needs it: a locking read (FOR UPDATE/SHARE),
 *    a write it cannot defer, a nested transaction, or a read of a table it has a deferred write
 *    for (read-your-writes). Plain reads before that run as their own statements, which under
 *    READ COMMITTED see exactly what they would have seen inside the transaction (each statement
 *    takes its own snapshot; no lock is held by a plain read).
 * A unit of work that never needed the transaction sends its writes as one statement without
 * BEGIN/COMMIT: a single statement is atomic on its own (its implicit transaction), triggers
 * (the row counters) included. An Err result or a throw before the flush sends nothing.
 */

const BATCH = Symbol('write batch')
/** The builder behind a recorded query (to embed its SQL in the batch's statement). */
const RAW = Symbol('raw query')

type Step = { readonly get: PropertyKey } | { readonly call: PropertyKey; readonly args: unknown[] }
type Deferred = { readonly sql: SQL; readonly table: string }

/** Top-level methods of a Database whose result is a query to run (recorded and replayed). */
const QUERY_ROOTS = new Set<PropertyKey>([
  'select',
  'selectDistinct',
  'selectDistinctOn',
  'insert',
  'update',
  'delete',
  'with',
  '$count',
  'query',
])
const WRITTEN_TABLE = /^\s*(?:insert\s+into|update|delete\s+from)\s+"([^"]+)"/i

/**
 * Runs `write` now, or — inside a batched unit of work — adds it to the statement sent when the
 * work is done. Only for writes whose result the caller does not read (no RETURNING, no count).
 */
export async function deferWrite(db: Database, write: SQLWrapper & PromiseLike<unknown>): Promise<void> {
  const batch = (db as unknown as { [BATCH]?: WriteBatch })[BATCH]
  if (batch) batch.defer(write)
  else await write
}

function textOf(query: unknown): string {
  const toSQL = (query as { toSQL?: () => { sql: string } }).toSQL
  return typeof toSQL === 'function' ? toSQL.call(query).sql : ''
}

const READ_ROOTS = new Set<PropertyKey>(['select', 'selectDistinct', 'selectDistinctOn', '$count', 'query'])

/**
 * A plain read, from how the query was built: a select (or relational query) without a locking
 * clause runs outside the transaction while none is open. A read with a side effect (an advisory
 * lock, set_config, nextval) must go through `db.execute`, which always opens the transaction.
 */
function isPlainRead(chain: readonly Step[]): boolean {
  const root = chain[0]
  if (!root || !READ_ROOTS.has('call' in root ? root.call : root.get)) return false
  return !chain.some((step) => 'call' in step && step.call === 'for')
}

export type WriteBatch = {
  /** The handle the work's repositories are bound to. */
  readonly db: Database
  defer(write: SQLWrapper): void
  /** Sends the deferred writes and commits (if a transaction was opened). */
  commit(): Promise<void>
  /** Drops the deferred writes and rolls back (if a transaction was opened). */
  rollback(reason: unknown): Promise<void>
  /** Round-trip bookkeeping for tests and docs: was a transaction opened? */
  readonly opened: () => boolean
}

/** A batched unit of work over `base` (the pool, or an enclosing transaction/savepoint). */
export function writeBatch(base: Database): WriteBatch {
  const deferred: Deferred[] = []
  let tx: Database | null = null
  let opening: Promise<Database> | null = null
  let settle: { commit: () => void; rollback: (reason: unknown) => void } | null = null
  let finished: Promise<unknown> | null = null

  function open(): Promise<Database> {
    if (tx) return Promise.resolve(tx)
    opening ??= new Promise<Database>((resolve, reject) => {
      finished = base.transaction(async (t) => {
        tx = t as unknown as Database
        const outcome = new Promise<void>((commit, rollback) => {
          settle = { commit, rollback }
        })
        resolve(tx)
        await outcome
      })
      // BEGIN itself failed: the statement that wanted the transaction fails with it.
      finished.catch(reject)
    })
    return opening
  }

  async function flush(target: Database): Promise<void> {
    if (deferred.length === 0) return
    const writes = deferred.splice(0)
    const first = writes[0] as Deferred
    if (writes.length === 1) {
      await target.execute(first.sql)
      return
    }
    // Data-modifying CTEs all run, in one statement; foreign keys and the statement-level
    // counter triggers are checked/fired at its end, so a child row may follow its parent here.
    // Postgres runs CTEs the main query does not read in the reverse of their written order
    // (es_auxmodifytables is built by prepending): written last-first, they run in deferral
    // order, so serial ids (audit_log) keep the order the use case recorded them in (tested by
    // expenses.test.ts: 'expense.create' before 'expense.approve').
    const ctes = sql.join(writes.map((w, i) => sql`${sql.raw(`w${i}`)} as (${w.sql})`).reverse(), sql`, `)
    await target.execute(sql`${sql.raw(BATCH_MARKER)} with ${ctes} select 1`)
  }

  const touchesDeferred = (text: string) => deferred.some((d) => text.includes(`"${d.table}"`))

  /**
   * Where a query runs, after sending the deferred writes it could depend on: a plain read that
   * touches none of their tables runs on the base while no transaction is open; anything else
   * opens the transaction (once) and runs in it. The SQL text is built only to look for those
   * tables, i.e. only while writes are waiting (building it costs as much as the query's own).
   */
  async function targetFor(chain: readonly Step[], query: unknown): Promise<Database> {
    const read = isPlainRead(chain)
    const dependent = deferred.length > 0 && touchesDeferred(textOf(query))
    // Once a transaction is opening, everything waits for it: on PGlite (one connection) a read
    // outside it would wait for it to end, and it would wait for that read.
    if (!opening && read && !dependent) return base
    const t = await open()
    if (!read || dependent) await flush(t)
    return t
  }

  function replay(root: Database, chain: readonly Step[]): unknown {
    let value: unknown = root
    for (const step of chain) {
      const holder = value as Record<PropertyKey, unknown>
      value =
        'call' in step
          ? (holder[step.call] as (...a: unknown[]) => unknown).apply(holder, step.args)
          : holder[step.get]
    }
    return value
  }

  /**
   * A query built on `base` and recorded from the root: when it is run (awaited or executed) it
   * runs where `targetFor` says, rebuilt there if that is the transaction.
   */
  function recorded(query: object, chain: Step[], origin: Database): unknown {
    return new Proxy(query, {
      get(target, prop, receiver) {
        if (prop === RAW) return target
        if (prop === 'then' || prop === 'execute') {
          const own = Reflect.get(target, prop, receiver) as ((...a: unknown[]) => unknown) | undefined
          if (typeof own !== 'function') return own
          return (...args: unknown[]) => {
            const run = (async () => {
              const where = await targetFor(chain, target)
              const query = (where === origin ? target : replay(where, chain)) as Record<PropertyKey, unknown>
              return prop === 'execute'
                ? (query.execute as (...a: unknown[]) => unknown).apply(query, args)
                : await (query as unknown as PromiseLike<unknown>)
            })()
            return prop === 'then' ? run.then(...(args as Parameters<typeof run.then>)) : run
          }
        }
        const value = Reflect.get(target, prop, receiver)
        if (typeof value === 'function') {
          return (...args: unknown[]) => {
            const result = value.apply(target, args)
            if (result !== target) return wrapIfQuery(result, [...chain, { call: prop, args }], origin)
            // Drizzle's builders mostly change themselves and return `this`: same proxy, longer chain.
            chain.push({ call: prop, args })
            return receiver
          }
        }
        // db.query.<table> (relational queries): its finders are recorded like any builder.
        return chain[0] && 'get' in chain[0] && chain[0].get === 'query'
          ? wrapIfQuery(value, [...chain, { get: prop }], origin)
          : value
      },
    })
  }

  function wrapIfQuery(value: unknown, chain: Step[], origin: Database): unknown {
    return typeof value === 'object' && value !== null ? recorded(value, chain, origin) : value
  }

  const handle = new Proxy(base, {
    get(target, prop) {
      if (prop === BATCH) return batch
      if (prop === 'transaction') {
        return async (work: (t: Database) => Promise<unknown>, config?: unknown) => {
          const t = await open()
          await flush(t)
          return (t.transaction as (w: unknown, c?: unknown) => Promise<unknown>)(work, config)
        }
      }
      if (prop === 'execute') {
        return async (query: SQLWrapper | string) => {
          const t = await open()
          await flush(t)
          return t.execute(query as SQL)
        }
      }
      // Built on the transaction once it is open, else on the base; rebuilt where it runs.
      const origin = tx ?? target
      const value = Reflect.get(origin, prop)
      if (!QUERY_ROOTS.has(prop)) return typeof value === 'function' ? value.bind(origin) : value
      if (prop === 'query') return wrapIfQuery(value, [{ get: 'query' }], origin)
      return (...args: unknown[]) =>
        wrapIfQuery(
          (value as (...a: unknown[]) => unknown).apply(origin, args),
          [{ call: prop, args }],
          origin,
        )
    },
  }) as Database

  const batch: WriteBatch = {
    db: handle,
    defer(write) {
      const raw = ((write as unknown as Record<PropertyKey, unknown>)[RAW] ?? write) as SQLWrapper
      const text = textOf(raw)
      const table = WRITTEN_TABLE.exec(text)?.[1]
      if (!table) throw new Error(`deferWrite: not an INSERT/UPDATE/DELETE: ${text.slice(0, 80)}`)
      // Checked one by one here: the batch's statement carries BATCH_MARKER (tenant-scope.ts).
      assertTenantScoped(text)
      deferred.push({ sql: raw.getSQL(), table })
    },
    async commit() {
      if (!tx) {
        await flush(base)
        return
      }
      try {
        await flush(tx)
      } catch (error) {
        await batch.rollback(error)
        throw error
      }
      settle?.commit()
      await finished
    },
    async rollback(reason) {
      deferred.length = 0
      if (!opening) return
      await opening.catch(() => undefined)
      settle?.rollback(reason)
      await finished?.catch(() => undefined)
    },
    opened: () => tx !== null,
  }
  return batch
}
