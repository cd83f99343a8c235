import { getTableColumns, getTableName, type SQL, type SQLWrapper, sql } from 'drizzle-orm'
import type { PgTable } from 'drizzle-orm/pg-core'
import { insertText } from './batch-insert-text.ts'
import type { Database } from './client.ts'
import { BATCH_MARKER, TENANT_TABLES, TenantScopeViolation } from './tenant-scope.ts'

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
 *
 * Order: the deferred rows of one table go as ONE multi-row INSERT, in the order they were
 * deferred, so a serial id (audit_log) numbers them in the order the use case recorded them; the
 * other tables' ids (UUIDv7, ids.ts) and positions are assigned here in the application. Nothing
 * depends on the order in which Postgres runs the statement's data-modifying CTEs, which its
 * manual calls unpredictable (tested: write-batch.test.ts, "whatever order the CTEs run in").
 */

const BATCH = Symbol('write batch')

/** The part of a Drizzle session that runs already-built text (every driver's session has it). */
type TextSession = {
  prepareQuery(
    query: { sql: string; params: unknown[] },
    fields: undefined,
    name: undefined,
    isResponseInArrayMode: boolean,
  ): { execute(): Promise<unknown> }
}

type Step = { readonly get: PropertyKey } | { readonly call: PropertyKey; readonly args: unknown[] }
/** The rows deferred for one table, in deferral order. */
type Deferred = { readonly table: PgTable; readonly name: string; readonly rows: Record<string, unknown>[] }

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

const TENANT = new Set<string>(TENANT_TABLES)
/** A tenant table's organization_id property (its JS key), once per table. */
const tenantKeys = new WeakMap<PgTable, string | null>()
function tenantKeyOf(table: PgTable): string | null {
  let key = tenantKeys.get(table)
  if (key === undefined) {
    const column = Object.entries(getTableColumns(table)).find(([, c]) => c.name === 'organization_id')
    key = TENANT.has(getTableName(table)) ? (column?.[0] ?? '') : null
    tenantKeys.set(table, key)
  }
  return key
}

/**
 * The tenant guard of a deferred insert (tenant-scope.ts), from its rows rather than its SQL text
 * (building the text only to check it cost as much as the insert's own): on a tenant table every
 * row names its organization. Stricter than the text check, which an INSERT listing the column
 * with a default would pass.
 */
function assertRowsScoped(table: PgTable, rows: readonly Record<string, unknown>[]): void {
  const key = tenantKeyOf(table)
  if (key === null) return
  if (key === '' || rows.some((row) => typeof row[key] !== 'string' || row[key] === '')) {
    throw new TenantScopeViolation(`insert into "${getTableName(table)}" (deferred) without organization_id`)
  }
}

/**
 * Inserts `rows` into `table` now, or — inside a batched unit of work — adds them to the
 * statement sent when the work is done. Only for rows nobody reads back (no RETURNING, no count).
 */
export async function deferInsert<T extends PgTable>(
  db: Database,
  table: T,
  rows: T['$inferInsert'] | readonly T['$inferInsert'][],
): Promise<void> {
  const list = (Array.isArray(rows) ? rows : [rows]) as Record<string, unknown>[]
  if (list.length === 0) return
  const batch = (db as unknown as { [BATCH]?: WriteBatch })[BATCH]
  if (batch) batch.defer(table, list)
  else await db.insert(table).values(list as never)
}

/** True when `db` is the handle of a batched unit of work (its deferred writes go as one statement). */
export const isBatched = (db: Database): boolean =>
  (db as unknown as { [BATCH]?: WriteBatch })[BATCH] !== undefined

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
  defer(table: PgTable, rows: Record<string, unknown>[]): void
  /** Sends the deferred writes and commits (if a transaction was opened). */
  commit(): Promise<void>
  /** Drops the deferred writes and rolls back (if a transaction was opened). */
  rollback(reason: unknown): Promise<void>
  /** Round-trip bookkeeping for tests and docs: was a transaction opened? */
  readonly opened: () => boolean
}

/**
 * A batched unit of work over `base` (the pool, or an enclosing transaction/savepoint).
 * `partsReversed` (tests only) writes the statement's CTEs in the other order, to show that the
 * rows come out the same whichever order Postgres runs them in.
 */
export function writeBatch(base: Database, options: { readonly partsReversed?: boolean } = {}): WriteBatch {
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
    const parts = deferred.splice(0)
    if (options.partsReversed) parts.reverse()
    const params: unknown[] = []
    const texts = parts.map((d) => insertText(d.table, d.rows, params))
    const session = (target as unknown as { session?: Partial<TextSession> }).session
    if (texts.every((t): t is string => t !== null) && typeof session?.prepareQuery === 'function') {
      // Data-modifying CTEs all run, in one statement; foreign keys and the statement-level
      // counter triggers are checked/fired at its end, so a child row may follow its parent here.
      // One INSERT per table, so their order does not matter (see the top of this file).
      const text =
        texts.length === 1
          ? (texts[0] as string)
          : `${BATCH_MARKER} with ${texts.map((t, i) => `w${i} as (${t})`).join(', ')} select 1`
      // Drizzle's own path from built text to the driver (its logger, so the tenant guard and
      // the round-trip counts see the statement): what `db.execute` does after building.
      await session.prepareQuery({ sql: text, params }, undefined, undefined, false).execute()
      return
    }
    // A value written as SQL: Drizzle builds the statement.
    const built = parts.map((d) =>
      target
        .insert(d.table)
        .values(d.rows as never)
        .getSQL(),
    )
    if (built.length === 1) {
      await target.execute(built[0] as SQL)
      return
    }
    const ctes = built.map((part, i) => sql`${sql.raw(`w${i}`)} as (${part})`)
    await target.execute(sql`${sql.raw(BATCH_MARKER)} with ${sql.join(ctes, sql`, `)} select 1`)
  }

  const touchesDeferred = (text: string) => deferred.some((d) => text.includes(`"${d.name}"`))

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
    defer(table, rows) {
      // Checked here, part by part: the batch's statement carries BATCH_MARKER (tenant-scope.ts).
      assertRowsScoped(table, rows)
      const name = getTableName(table)
      const same = deferred.find((d) => d.table === table)
      if (same) same.rows.push(...rows)
      else deferred.push({ table, name, rows: [...rows] })
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
