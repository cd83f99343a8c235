import { neonConfig } from '@neondatabase/serverless'
import { sql } from 'drizzle-orm'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startWsProxy, type WsProxy } from '../../../scripts/smoke/ws-proxy.ts'
import { assertTestDatabaseUrl } from '../../test/test-database.ts'
import { createDatabase, type DatabaseHandle, type DriverName } from './client.ts'
import { isDatabaseUnavailable } from './unavailable.ts'

/**
 * Both network drivers of the one factory (client.ts) lose a connection — killed by
 * pg_terminate_backend while a transaction holds it, or while it idles in the pool — and the
 * process must not notice beyond a failed query (an unhandled 'error' would fail this file:
 * vitest reports it). Neon's driver reaches the local Postgres through the WebSocket-to-TCP
 * proxy the workerd smoke tests use. Postgres project only (needs TEST_DATABASE_URL).
 */
const onPostgres = process.env.TEST_DB === 'postgres'
const url = onPostgres ? assertTestDatabaseUrl(process.env.TEST_DATABASE_URL ?? '') : ''
let admin: pg.Client
let proxy: WsProxy
const saved = { ...neonConfig }

beforeAll(async () => {
  if (!onPostgres) return
  admin = new pg.Client({ connectionString: url })
  await admin.connect()
  const target = new URL(url)
  proxy = await startWsProxy({ host: target.hostname, port: Number(target.port || 5432) })
  neonConfig.wsProxy = (host, port) => `127.0.0.1:${proxy.port}/v1?address=${host}:${port}`
  neonConfig.useSecureWebSocket = false
  neonConfig.pipelineTLS = false
  neonConfig.pipelineConnect = false
})
afterAll(async () => {
  if (!onPostgres) return
  Object.assign(neonConfig, saved)
  await proxy.close()
  await admin.end()
})

const sleep = (ms: number) => new Promise((ok) => setTimeout(ok, ms))
async function until(what: string, ok: () => boolean, ms = 5_000) {
  const end = Date.now() + ms
  while (!ok()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`)
    await sleep(20)
  }
}
const pidOf = async (db: DatabaseHandle['db']) =>
  Number(
    ((await db.execute(sql`select pg_backend_pid() as pid`)) as unknown as { rows: { pid: number }[] })
      .rows[0]?.pid,
  )
const kill = (pid: number) => admin.query('select pg_terminate_backend($1)', [pid])

describe.runIf(onPostgres).each<DriverName>(['pg', 'neon'])('%s driver: a lost connection', (driver) => {
  it('inside a transaction (checked-out client): the transaction fails as database-unavailable, the process lives, the pool recovers', async () => {
    const lost: Error[] = []
    const handle = await createDatabase({ url, driver, poolMax: 2, onConnectionError: (e) => lost.push(e) })
    try {
      const transaction = handle.db.transaction(async (tx) => {
        await kill(await pidOf(tx))
        // The connection dies while this transaction holds it and no query is running: the
        // driver emits 'error' on the checked-out client (it crashed Node before client.ts listened).
        await until('the client to report its lost connection', () => lost.length > 0)
        await tx.execute(sql`select 1`)
      })
      const failure = await transaction.then(
        () => undefined,
        (e: unknown) => e,
      )
      expect(failure, 'the transaction should have failed').toBeDefined()
      expect(isDatabaseUnavailable(failure), String(failure)).toBe(true)
      expect(isDatabaseUnavailable(lost[0]), String(lost[0])).toBe(true)
      // The broken client was dropped, not handed out again.
      for (let i = 0; i < 4; i++) await handle.db.execute(sql`select 1`)
      expect(await handle.ping()).toBe(true)
    } finally {
      await handle.close()
    }
  })

  it('idle in the pool: reported, replaced, and the next query works', async () => {
    const lost: Error[] = []
    const handle = await createDatabase({ url, driver, poolMax: 1, onConnectionError: (e) => lost.push(e) })
    try {
      const pid = await pidOf(handle.db)
      await kill(pid)
      await until('the idle client to report its lost connection', () => lost.length > 0)
      expect(await pidOf(handle.db)).not.toBe(pid)
    } finally {
      await handle.close()
    }
  })

  it('no server at all: queries fail fast as database-unavailable and ping says false', async () => {
    const dead = new URL(url)
    dead.port = String(await closedPort())
    const deadProxy =
      driver === 'neon' ? await startWsProxy({ host: dead.hostname, port: Number(dead.port) }) : undefined
    if (deadProxy)
      neonConfig.wsProxy = (host, port) => `127.0.0.1:${deadProxy.port}/v1?address=${host}:${port}`
    const handle = await createDatabase({ url: dead.href, driver, poolMax: 1, connectTimeoutMs: 2_000 })
    try {
      const started = Date.now()
      const failure = await handle.db.execute(sql`select 1`).then(
        () => undefined,
        (e: unknown) => e,
      )
      const chain = (e: unknown): string =>
        e instanceof Error
          ? `${(e as { code?: string }).code ?? ''} ${e.constructor.name}: ${e.message} <- ${chain(e.cause)}`
          : String(e)
      expect(isDatabaseUnavailable(failure), chain(failure)).toBe(true)
      expect(Date.now() - started).toBeLessThan(3_000)
      expect(await handle.ping()).toBe(false)
    } finally {
      await handle.close()
      if (deadProxy) {
        await deadProxy.close()
        neonConfig.wsProxy = (host, port) => `127.0.0.1:${proxy.port}/v1?address=${host}:${port}`
      }
    }
  })
})

/** A loopback port nothing listens on (bound, then released). */
async function closedPort(): Promise<number> {
  const { createServer } = await import('node:net')
  return new Promise((ok) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const address = s.address()
      const port = typeof address === 'object' && address ? address.port : 1
      s.close(() => ok(port))
    })
  })
}
