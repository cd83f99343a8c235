import type { PGlite } from '@electric-sql/pglite'
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core'
import { recoveringPglite } from './pglite-recovery.ts'
import * as schema from './schema/index.ts'
import { assertTenantScoped } from './tenant-scope.ts'

export type Schema = typeof schema
/** The one database type every repository takes; a transaction handle is assignable to it. */
export type Database = PgDatabase<PgQueryResultHKT, Schema>
export type DriverName = 'pglite' | 'pg' | 'neon'

export type DatabaseHandle = {
  readonly db: Database
  readonly driver: DriverName
  /** Applies the SQL in migrations/ (Node only: the migrator reads files). */
  migrate(migrationsFolder: string): Promise<void>
  ping(): Promise<boolean>
  close(): Promise<void>
}

export type DatabaseConfig = {
  readonly url?: string | undefined
  readonly driver?: DriverName | undefined
  readonly dataDir?: string | undefined
  readonly poolMax?: number | undefined
  /** Called with each SQL statement (tests count queries with it; production leaves it unset). */
  readonly onQuery?: ((sql: string) => void) | undefined
  /**
   * Refuse statements on tenant tables that do not name `organization_id` (tenant-scope.ts,
   * ADR 0009). On unless a maintenance script that copies every tenant's rows turns it off.
   */
  readonly tenantGuard?: boolean | undefined
  /**
   * Told about every connection the pool loses (idle or checked out). The process must survive
   * these (ADR 0013): the request using it fails with 503, the pool opens a new one next time.
   */
  readonly onConnectionError?: ((error: Error) => void) | undefined
  /** Overrides of CONNECTION_LIMITS (tests). */
  readonly connectTimeoutMs?: number | undefined
  readonly statementTimeoutMs?: number | undefined
  /**
   * Send statement_timeout / idle_in_transaction_session_timeout as startup parameters. On for
   * `pg` to a Postgres server; off behind a pooler that may refuse unknown startup parameters
   * (Hyperdrive, Neon — PgBouncer refuses them unless told to ignore them).
   */
  readonly serverTimeouts?: boolean | undefined
  /**
   * Send Drizzle's named prepared statements (`.prepare(name)`) under their names. Off behind a
   * transaction pooler (Hyperdrive, PgBouncer before 1.21): there two statements of one client may
   * run on two server connections, and a name prepared on one is missing ("does not exist") or
   * already taken ("already exists") on the other. Unnamed, a statement is parsed in the same
   * exchange that runs it. `pg` only; the default is on.
   */
  readonly namedStatements?: boolean | undefined
  /**
   * Run embedded PGlite on a folder in a worker thread with a deadline per statement
   * (pglite-threaded.ts): the Node entry's choice, so a disk fault that makes PGlite spin fails
   * requests, not the process. Off for scripts and in-process tests, which use PGlite directly.
   */
  readonly pgliteThread?: boolean | undefined
}

/**
 * While the database is away a request must fail fast (503), not hang: a connection that cannot
 * be had — refused, or no pooled client free — within `connectTimeoutMs` fails the request; a
 * statement running longer than `statementTimeoutMs` is cancelled by the server, and one whose
 * server stops answering (a dead network, no RST) is given up by the client a little later. An
 * OLTP request here runs in milliseconds (docs/performance.md), so both are far above normal.
 * Migrations run on their own connection without these limits.
 */
export const CONNECTION_LIMITS = { connectTimeoutMs: 5_000, statementTimeoutMs: 15_000 } as const

/** pg (and Neon's pg fork) Pool settings shared by both network drivers. */
function poolOptions(config: DatabaseConfig, serverTimeouts: boolean) {
  const statementTimeout = config.statementTimeoutMs ?? CONNECTION_LIMITS.statementTimeoutMs
  return {
    connectionString: config.url,
    max: config.poolMax ?? 10,
    connectionTimeoutMillis: config.connectTimeoutMs ?? CONNECTION_LIMITS.connectTimeoutMs,
    // Client side: gives up on a server that stopped answering (no RST) after the server's own limit.
    query_timeout: statementTimeout + 5_000,
    keepAlive: true,
    ...(serverTimeouts
      ? {
          statement_timeout: statementTimeout,
          // A transaction left open by a stuck request would hold its row locks until then only.
          idle_in_transaction_session_timeout: statementTimeout * 2,
          application_name: 'koprogo-api',
        }
      : {}),
  }
}

type QueryMethod = (config: unknown, ...rest: unknown[]) => unknown
type PgClientClass = typeof import('pg').Client

/** A `pg` Client that sends every statement unnamed (DatabaseConfig.namedStatements = false). */
function unnamedStatementsClient(Base: PgClientClass): PgClientClass {
  class UnnamedStatementsClient extends Base {}
  const query = Base.prototype.query as QueryMethod
  Reflect.set(
    UnnamedStatementsClient.prototype,
    'query',
    function (this: unknown, config: unknown, ...rest: unknown[]) {
      // A submittable (pg.Query, a cursor) is the caller's own object: only plain configs are rewritten.
      if (typeof config === 'object' && config !== null && 'name' in config && !('submit' in config)) {
        const { name: _name, ...unnamed } = config
        return query.call(this, unnamed, ...rest)
      }
      return query.call(this, config, ...rest)
    },
  )
  return UnnamedStatementsClient
}

/**
 * A `pg` Client that sends its promise-form statements one after the other by itself. A use case
 * reads several things at once (Promise.all) and, inside a transaction, those reads share one
 * client: pg 8 queues them internally, but warns that the queue goes in pg 9 ("Calling
 * client.query() when the client is already executing a query is deprecated"; six route files
 * on Postgres printed it). Statements still go in the order they were issued, and a failure
 * rejects only its own promise, as with pg's queue. Callbacks and submittables (a cursor) take
 * pg's own path.
 */
function oneStatementAtATimeClient(Base: PgClientClass): PgClientClass {
  class OneStatementAtATimeClient extends Base {}
  const query = Base.prototype.query as QueryMethod
  const inFlight = new WeakMap<object, { count: number; settled: Promise<unknown> }>()
  Reflect.set(
    OneStatementAtATimeClient.prototype,
    'query',
    function (this: object, config: unknown, ...rest: unknown[]) {
      const submittable = typeof config === 'object' && config !== null && 'submit' in config
      if (submittable || typeof rest.at(-1) === 'function') return query.call(this, config, ...rest)
      let chain = inFlight.get(this)
      if (!chain) {
        chain = { count: 0, settled: Promise.resolve() }
        inFlight.set(this, chain)
      }
      const send = () => query.call(this, config, ...rest) as Promise<unknown>
      // Nothing in flight: sent at once (no extra turn of the event loop on the common path).
      const result = chain.count === 0 ? send() : chain.settled.then(send)
      chain.count++
      const current = chain
      const done = () => {
        current.count--
      }
      chain.settled = result.then(done, done)
      return result
    },
  )
  return OneStatementAtATimeClient
}

type EventSource = { on(event: 'error', listener: (error: Error) => void): unknown }
type PoolEvents = EventSource & { on(event: 'connect', listener: (client: EventSource) => void): unknown }

/**
 * pg-pool listens for 'error' only on IDLE clients. A client checked out by a transaction has
 * no listener, so a connection killed between two of its statements (pg_terminate_backend, a
 * fast shutdown, a reset) is emitted as an unhandled 'error' and Node exits (issue 12). Every
 * client gets a listener for its whole life; the failed query rejects on its own, the pool
 * drops the broken client when it is released (`_queryable` is false) and connects a new one.
 */
function survivePoolErrors(pool: PoolEvents, config: DatabaseConfig): void {
  // An idle client's error reaches both its own listener and the pool's: report it once.
  const reported = new WeakSet<Error>()
  const report = (error: Error) => {
    if (typeof error === 'object' && error !== null) {
      if (reported.has(error)) return
      reported.add(error)
    }
    config.onConnectionError?.(error)
  }
  pool.on('error', report)
  pool.on('connect', (client) => client.on('error', report))
}

/** Drizzle calls `logQuery` before it hands a statement to the driver: a throw there stops it. */
function loggerFor(config: Pick<DatabaseConfig, 'onQuery' | 'tenantGuard'>) {
  const { onQuery } = config
  if (config.tenantGuard === false) return onQuery ? { logQuery: (q: string) => onQuery(q) } : undefined
  return {
    logQuery(q: string) {
      onQuery?.(q)
      assertTenantScoped(q)
    },
  }
}

/** Which driver a URL means: none → embedded PGlite; Neon hosts → Neon's driver; else `pg`. */
export function pickDriver(config: DatabaseConfig): DriverName {
  if (config.driver) return config.driver
  if (!config.url) return 'pglite'
  return /\.neon\.tech(?::|\/|$)/.test(config.url) ? 'neon' : 'pg'
}

/**
 * The single DB client factory (ARCHITECTURE.md). Drivers are imported lazily so a Worker bundle
 * never pulls in PGlite's WebAssembly or `pg`'s TCP code it does not use.
 */
export async function createDatabase(config: DatabaseConfig): Promise<DatabaseHandle> {
  const driver = pickDriver(config)
  if (driver === 'pglite') {
    const { PGlite } = await import('@electric-sql/pglite')
    const dataDir = config.url?.startsWith('pglite:') ? config.url.slice('pglite:'.length) : config.dataDir
    if (dataDir && config.pgliteThread) return threadedDatabase(dataDir, config)
    // A folder can be reopened after an I/O fault (pglite-recovery.ts); memory:// cannot.
    const reopen = dataDir
      ? async () => {
          const next = new PGlite(dataDir)
          await next.waitReady
          return next
        }
      : undefined
    return fromPglite(new PGlite(dataDir ?? 'memory://'), config, reopen)
  }
  if (!config.url) throw new Error(`DATABASE_URL is required for the ${driver} driver`)
  if (driver === 'pg') {
    const { default: pg } = await import('pg')
    const { drizzle } = await import('drizzle-orm/node-postgres')
    const pool = new pg.Pool({
      ...poolOptions(config, config.serverTimeouts ?? true),
      // A long-lived process keeps its (at most poolMax) connections: pg-pool arms an idle timer
      // on every release of a client, i.e. after every statement — 0.07 ms of the API's core per
      // request of the mix (docs/performance.md, session 7). A dead idle connection is still
      // dropped by its error event; a Worker's per-request pools (below) end with the request.
      idleTimeoutMillis: 0,
      Client: oneStatementAtATimeClient(
        config.namedStatements === false ? unnamedStatementsClient(pg.Client) : pg.Client,
      ),
    })
    survivePoolErrors(pool, config)
    const db = drizzle({ client: pool, schema, logger: loggerFor(config) }) as unknown as Database
    return {
      db,
      driver,
      async migrate(migrationsFolder) {
        const { migrate } = await import('drizzle-orm/node-postgres/migrator')
        // Its own connection, without the request timeouts: a migration may take minutes.
        const client = new pg.Client({ connectionString: config.url })
        client.on('error', (error) => config.onConnectionError?.(error))
        await client.connect()
        try {
          await migrate(drizzle({ client, schema }), { migrationsFolder })
        } finally {
          await client.end()
        }
      },
      ping: () => ping(db),
      close: () => pool.end(),
    }
  }
  const { Pool, neonConfig } = await import('@neondatabase/serverless')
  const { drizzle } = await import('drizzle-orm/neon-serverless')
  if (typeof WebSocket === 'undefined') {
    // Node < 22 has no global WebSocket; Workers and Node 22+ do.
    const { default: ws } = await import('ws')
    neonConfig.webSocketConstructor = ws
  }
  const pool = new Pool(poolOptions(config, config.serverTimeouts ?? false))
  survivePoolErrors(pool, config)
  const db = drizzle({ client: pool, schema, logger: loggerFor(config) }) as unknown as Database
  return {
    db,
    driver,
    async migrate(migrationsFolder) {
      const { migrate } = await import('drizzle-orm/neon-serverless/migrator')
      const migrator = new Pool({ connectionString: config.url, max: 1 })
      survivePoolErrors(migrator, config)
      try {
        await migrate(drizzle({ client: migrator, schema }), { migrationsFolder })
      } finally {
        await migrator.end()
      }
    },
    ping: () => ping(db),
    close: () => pool.end(),
  }
}

/** A handle for one request or event of a Worker: its work runs inside `run`; the caller closes it. */
export type RequestDatabaseHandle = DatabaseHandle & { run<T>(work: () => T): T }

/**
 * One Drizzle instance for the life of a Worker isolate over `pg` connections that live for one
 * request (a Worker's socket cannot outlive the request that opened it, ADR 0010). Per request,
 * every request paid for building Drizzle (it reads the whole schema: ~1–5 ms of CPU) and for
 * building its SQL again, because the prepared-query caches (paginate.ts, user.repository.ts)
 * are per instance (docs/adr/0049-edge-connection-reuse.md). `open()` gives one request its
 * own pool; a statement runs on the pool of the request whose code sends it (AsyncLocalStorage,
 * nodejs_compat), so concurrent requests in one isolate never share a connection.
 */
export async function createRequestScopedDatabase(
  config: DatabaseConfig,
): Promise<{ open(): RequestDatabaseHandle }> {
  if (!config.url) throw new Error('DATABASE_URL is required for the pg driver')
  const { default: pg } = await import('pg')
  const { drizzle } = await import('drizzle-orm/node-postgres')
  const { AsyncLocalStorage } = await import('node:async_hooks')
  const scope = new AsyncLocalStorage<InstanceType<typeof pg.Pool>>()
  const current = () => {
    const pool = scope.getStore()
    if (!pool) throw new Error('A statement ran outside a request database scope (RequestDatabaseHandle.run)')
    return pool
  }
  const lend = (method: 'query' | 'connect', args: unknown[]) => {
    const pool = current()
    return Reflect.apply(pool[method], pool, args)
  }
  // Drizzle sends statements with query() and checks a client out with connect() for a
  // transaction when its client is a Pool (instanceof): this one lends the request's pool.
  const requestPool = Object.create(pg.Pool.prototype, {
    query: { value: (...args: unknown[]) => lend('query', args) },
    connect: { value: (...args: unknown[]) => lend('connect', args) },
  }) as InstanceType<typeof pg.Pool>
  const db = drizzle({ client: requestPool, schema, logger: loggerFor(config) }) as unknown as Database
  const options = {
    ...poolOptions(config, config.serverTimeouts ?? true),
    Client: oneStatementAtATimeClient(
      config.namedStatements === false ? unnamedStatementsClient(pg.Client) : pg.Client,
    ),
  }
  return {
    open() {
      const pool = new pg.Pool(options)
      survivePoolErrors(pool, config)
      const run = <T>(work: () => T): T => scope.run(pool, work)
      return {
        db,
        driver: 'pg',
        run,
        migrate: () => Promise.reject(new Error('Workers never migrate (make migrate)')),
        ping: () => run(() => ping(db)),
        close: () => pool.end(),
      }
    },
  }
}

export async function fromPglite(
  client: PGlite,
  config: Pick<DatabaseConfig, 'onQuery' | 'tenantGuard' | 'onConnectionError'> = {},
  reopen?: () => Promise<PGlite>,
): Promise<DatabaseHandle> {
  const { drizzle } = await import('drizzle-orm/pglite')
  const engine = recoveringPglite(client, reopen, (error) =>
    config.onConnectionError?.(error instanceof Error ? error : new Error(String(error))),
  )
  // Drizzle calls only query() and transaction(): the wrapper routes them to the live engine.
  const db = drizzle({
    client: engine.client as PGlite,
    schema,
    logger: loggerFor(config),
  }) as unknown as Database
  return {
    db,
    driver: 'pglite',
    async migrate(migrationsFolder) {
      const { migrate } = await import('drizzle-orm/pglite/migrator')
      await migrate(drizzle({ client, schema }), { migrationsFolder })
    },
    ping: () => ping(db),
    close: () => engine.close(),
  }
}

/** Embedded PGlite in its own thread (pglite-threaded.ts): the Node entry's embedded profile. */
async function threadedDatabase(dataDir: string, config: DatabaseConfig): Promise<DatabaseHandle> {
  const { drizzle } = await import('drizzle-orm/pglite')
  const { threadedPglite, PGLITE_THREAD_LIMITS } = await import('./pglite-threaded.ts')
  const engine = threadedPglite(dataDir, (error) =>
    config.onConnectionError?.(error instanceof Error ? error : new Error(String(error))),
  )
  const db = drizzle({
    client: engine.client as PGlite,
    schema,
    logger: loggerFor(config),
  }) as unknown as Database
  return {
    db,
    driver: 'pglite',
    async migrate(migrationsFolder) {
      const { migrate } = await import('drizzle-orm/pglite/migrator')
      engine.setDeadline(PGLITE_THREAD_LIMITS.migrationDeadlineMs)
      try {
        await migrate(drizzle({ client: engine.client as PGlite, schema }), { migrationsFolder })
      } finally {
        engine.setDeadline(PGLITE_THREAD_LIMITS.statementDeadlineMs)
      }
    },
    ping: () => ping(db),
    close: () => engine.close(),
  }
}

async function ping(db: Database): Promise<boolean> {
  try {
    const { sql } = await import('drizzle-orm')
    await db.execute(sql`select 1`)
    return true
  } catch {
    return false
  }
}
