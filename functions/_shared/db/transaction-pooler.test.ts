import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { eq, sql } from 'drizzle-orm'
import { integer, pgTable, text } from 'drizzle-orm/pg-core'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type PgBouncer, pgBouncerUnavailable, startPgBouncer } from '../../../scripts/lib/pgbouncer.ts'
import { assertTestDatabaseUrl } from '../../test/test-database.ts'
import { createDatabase, createRequestScopedDatabase, type Database } from './client.ts'

/**
 * The edge's database path (docs/adr/0049-edge-connection-reuse.md): Workers reach Postgres
 * through a transaction-mode pooler (Hyperdrive; PgBouncer here, as in the bench and the smoke
 * test), and one Drizzle instance per isolate serves every request on that request's own pool.
 * Postgres project only (needs TEST_DATABASE_URL and PgBouncer, installed from Debian if absent).
 */
const onPostgres = process.env.TEST_DB === 'postgres'
// Without PgBouncer (not installed, not root), the pooler cases are skipped, as the Postgres
// suites are without Postgres; CI runs as root and installs it.
const withPooler = onPostgres && pgBouncerUnavailable() === undefined
const url = onPostgres ? assertTestDatabaseUrl(process.env.TEST_DATABASE_URL ?? '') : ''
const table = `pooler_probe_${crypto.randomUUID().replaceAll('-', '').slice(0, 8)}`
const probe = pgTable(table, { id: integer('id').primaryKey(), label: text('label').notNull() })
let admin: pg.Client
let pooler: PgBouncer

beforeAll(async () => {
  if (!onPostgres) return
  admin = new pg.Client({ connectionString: url })
  await admin.connect()
  await admin.query(`create table ${table} (id integer primary key, label text not null)`)
  await admin.query(`insert into ${table} values (1, 'one'), (2, 'two')`)
  // One server connection: every client of the pooler shares it, as requests share Hyperdrive's.
  if (withPooler) pooler = await startPgBouncer({ serverUrl: url, poolSize: 1 })
}, 60_000)
afterAll(async () => {
  if (!onPostgres) return
  await pooler?.stop()
  await admin.query(`drop table if exists ${table}`)
  await admin.end()
})

/** One Worker request: a new pool (a new client connection to the pooler), a named prepared read. */
async function requestThroughPooler(namedStatements: boolean | undefined): Promise<string> {
  const handle = await createDatabase({
    url: pooler.url,
    driver: 'pg',
    serverTimeouts: false,
    namedStatements,
  })
  try {
    const byId = handle.db
      .select({ label: probe.label })
      .from(probe)
      .where(eq(probe.id, sql.placeholder('id')))
      .prepare('probe_by_id')
    const rows = await byId.execute({ id: 1 })
    return String(rows[0]?.label)
  } finally {
    await handle.close()
  }
}

describe.runIf(withPooler)('pg behind a transaction-mode pooler (the Hyperdrive path)', () => {
  it('named prepared statements break across requests (why Hyperdrive sends them unnamed)', async () => {
    // The first request leaves "probe_by_id" prepared on the shared server connection; the
    // second is a new client that prepares it again there.
    await expect(requestThroughPooler(undefined)).resolves.toBe('one')
    const second = await requestThroughPooler(undefined).catch((e: Error) => e)
    expect(String((second as Error).cause)).toMatch(/prepared statement "probe_by_id" already exists/)
  })

  it('unnamed, the same prepared read runs on every request', async () => {
    for (let i = 0; i < 3; i++) await expect(requestThroughPooler(false)).resolves.toBe('one')
  })

  it('interactive transactions work through the pooler and roll back as one', async () => {
    const handle = await createDatabase({
      url: pooler.url,
      driver: 'pg',
      serverTimeouts: false,
      namedStatements: false,
    })
    try {
      await handle.db.transaction(async (tx) => {
        await tx.insert(probe).values({ id: 10, label: 'committed' })
        const seen = await tx.select().from(probe).where(eq(probe.id, 10))
        expect(seen).toHaveLength(1)
      })
      await expect(
        handle.db.transaction(async (tx) => {
          await tx.insert(probe).values({ id: 11, label: 'rolled back' })
          throw new Error('abort')
        }),
      ).rejects.toThrow('abort')
      const rows = await admin.query(`select id from ${table} where id in (10, 11) order by id`)
      expect(rows.rows).toEqual([{ id: 10 }])
    } finally {
      await handle.close()
    }
  })

  it('a session-level setting leaks to the next request through the pooler; a transaction-local one does not', async () => {
    // Why the app keeps no session state (no SET, no set_config(…, false)): see the scan below.
    const setting = async (statement: string) => {
      const handle = await createDatabase({ url: pooler.url, driver: 'pg', serverTimeouts: false })
      try {
        if (statement) await handle.db.execute(sql.raw(statement))
        const r = (await handle.db.execute(
          sql`select current_setting('koprogo.probe', true) as v`,
        )) as unknown as { rows: Array<{ v: string | null }> }
        return r.rows[0]?.v ?? null
      } finally {
        await handle.close()
      }
    }
    await setting(`select set_config('koprogo.probe', 'tenant-a', true)`)
    expect(await setting('')).toBeFalsy()
    await setting(`select set_config('koprogo.probe', 'tenant-a', false)`)
    expect(await setting('')).toBe('tenant-a')
    await setting('reset koprogo.probe')
  })
})

describe.runIf(onPostgres)('one Drizzle instance per isolate, one pool per request', () => {
  it('concurrent requests each run on their own connections; a statement outside a request fails', async () => {
    const isolate = await createRequestScopedDatabase({ url, driver: 'pg' })
    const a = isolate.open()
    const b = isolate.open()
    expect(a.db).toBe(b.db)
    const pidIn = (h: typeof a) =>
      h.run(() =>
        h.db.transaction(async (tx) => {
          const r = (await tx.execute(sql`select pg_backend_pid() as pid`)) as unknown as {
            rows: Array<{ pid: number }>
          }
          // Hold the transaction open while the other request runs its own.
          await new Promise((r) => setTimeout(r, 100))
          return r.rows[0]?.pid
        }),
      )
    try {
      const [pa, pb] = await Promise.all([pidIn(a), pidIn(b)])
      expect(pa).toBeTypeOf('number')
      expect(pa).not.toBe(pb)
      const labels = await Promise.all([
        // A query builder runs when awaited: await it inside the request's scope.
        a.run(async () => await a.db.select().from(probe).where(eq(probe.id, 1))),
        b.run(async () => await b.db.select().from(probe).where(eq(probe.id, 2))),
      ])
      expect(labels.map((rows) => rows[0]?.label)).toEqual(['one', 'two'])
      // Drizzle wraps the driver's error ("Failed query: …"); ours is its cause.
      const outside = await a.db
        .select()
        .from(probe)
        .catch((e: Error) => e)
      expect(String((outside as Error).cause)).toMatch(/outside a request database scope/)
    } finally {
      await Promise.all([a.close(), b.close()])
    }
  })
})

describe.runIf(onPostgres)('a request on one connection (the edge behind Hyperdrive, ADR 0053)', () => {
  const backendPid = (h: { db: Database }) =>
    h.db
      .execute(sql`select pg_backend_pid() as pid`)
      .then((r) => (r as unknown as { rows: Array<{ pid: number }> }).rows[0]?.pid)

  it("a request's parallel statements and its transactions share its one connection", async () => {
    const isolate = await createRequestScopedDatabase({ url, driver: 'pg', poolMax: 1 })
    const request = isolate.open()
    try {
      // A list sends its rows and its count with Promise.all: two connections with a larger pool.
      const pids = await request.run(() => Promise.all([backendPid(request), backendPid(request)]))
      expect(pids[0]).toBeTypeOf('number')
      expect(pids[1]).toBe(pids[0])
      const inTransaction = await request.run(() =>
        request.db.transaction(async (tx) => backendPid({ db: tx as unknown as Database })),
      )
      expect(inTransaction).toBe(pids[0])
      // After the transaction the connection is back for the request's next statement.
      expect(await request.run(() => backendPid(request))).toBe(pids[0])
    } finally {
      await request.close()
    }
  })

  it('with the default pool, the same parallel statements open two connections', async () => {
    const isolate = await createRequestScopedDatabase({ url, driver: 'pg' })
    const request = isolate.open()
    try {
      const pids = await request.run(() => Promise.all([backendPid(request), backendPid(request)]))
      expect(pids[1]).not.toBe(pids[0])
    } finally {
      await request.close()
    }
  })
})

/** Statements that keep state on a server connection: behind a transaction pooler it leaks. */
const SESSION_STATE = [
  /set_config\([^)]*,\s*false\s*\)/i,
  /sql(\.raw)?\(?`\s*set\s+(?!local\b)(session\s+)?[a-z_.]+\s*(=|to)\b/i,
  /pg_advisory_lock\(/i,
  /sql(\.raw)?\(?`\s*listen\s/i,
]

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name)
    if (e.isDirectory()) return e.name === 'node_modules' || e.name === 'test' ? [] : sourceFiles(path)
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [path] : []
  })
}

describe('no session state on database connections', () => {
  it('the API and the domain send no session-level SET, set_config(…, false), advisory lock or LISTEN', () => {
    const root = join(import.meta.dirname, '../../..')
    const offenders = [join(root, 'functions'), join(root, 'domain', 'src')]
      .flatMap(sourceFiles)
      .filter((file) => SESSION_STATE.some((re) => re.test(readFileSync(file, 'utf8'))))
      .map((file) => relative(root, file))
    expect(offenders).toEqual([])
  })
})
