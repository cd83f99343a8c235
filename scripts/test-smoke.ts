/**
 * `make test` step: the built Workers (gateway + one per resource) run in workerd via Miniflare
 * against a real, freshly migrated Postgres — once through the Neon driver (WebSocket, via a
 * local proxy), once through `pg` over TCP straight to Postgres, and once through a HYPERDRIVE
 * binding to PgBouncer in transaction mode (the production path, docs/adr/0049): the same
 * checks, tenant isolation included, plus proof that the pooler's server connections are reused.
 * Usage: node scripts/test-smoke.ts <report.json>   (writes {name, passed, failed, skipped})
 */
import { writeFileSync } from 'node:fs'
import pg from 'pg'
import { buildWorkers } from './edge/build.ts'
import { startEdge } from './edge/miniflare.ts'
import { readRouteTable } from './edge/route-table.ts'
import { type PgBouncer, pgBouncerUnavailable, startPgBouncer } from './lib/pgbouncer.ts'
import { runChecks, type Step } from './smoke/checks.ts'
import { SmokeClient } from './smoke/client.ts'
import { checkCronJobs } from './smoke/jobs-check.ts'
import { type SmokeDatabase, smokeDatabase } from './smoke/postgres.ts'
import { prepareDatabase } from './smoke/prepare.ts'
import { type Driver, smokeSettings } from './smoke/settings.ts'
import { startWsProxy, type WsProxy } from './smoke/ws-proxy.ts'

const report = { name: 'workerd smoke', passed: 0, failed: 0, skipped: 0 }
const started = performance.now()
const print = (line: string) => process.stdout.write(`${line}\n`)

function stepper(prefix: string): Step {
  return async (name, run) => {
    const t = performance.now()
    try {
      await run()
      report.passed += 1
      print(`✓ [${prefix}] ${name} (${Math.round(performance.now() - t)} ms)`)
      return true
    } catch (error) {
      report.failed += 1
      print(`✗ [${prefix}] ${name}: ${error instanceof Error ? error.message : String(error)}`)
      return false
    }
  }
}

async function released(db: SmokeDatabase): Promise<void> {
  let open = await db.connections()
  for (let i = 0; i < 20 && open > 0; i++) {
    await new Promise((r) => setTimeout(r, 100))
    open = await db.connections()
  }
  if (open > 0) throw new Error(`${open} connections still open`)
}

/** Client connections PgBouncer still holds for the smoke database (its admin console). */
async function poolClients(pool: PgBouncer, database: string): Promise<number> {
  const admin = new pg.Client({ connectionString: pool.adminUrl })
  await admin.connect()
  try {
    const r = await admin.query('SHOW CLIENTS')
    return r.rows.filter((row: { database?: string }) => row.database === database).length
  } finally {
    await admin.end()
  }
}

const POOL_SIZE = 4
const noPooler = pgBouncerUnavailable()
let database: SmokeDatabase | undefined
let proxy: WsProxy | undefined
let pooler: PgBouncer | undefined
try {
  const setup = stepper('setup')
  const workers = await buildWorkers()
  const resources = readRouteTable().map((r) => r.name)
  const ready = await setup('Postgres started, migrated, superadmin created', async () => {
    database = await smokeDatabase()
    await prepareDatabase(database.url)
    const target = new URL(database.url)
    proxy = await startWsProxy({ host: target.hostname, port: Number(target.port || 5432) })
    if (!noPooler) pooler = await startPgBouncer({ serverUrl: database.url, poolSize: POOL_SIZE })
  })
  if (noPooler) {
    report.skipped += 1
    print(`- [hyperdrive] pass skipped: ${noPooler}`)
  }
  const drivers: Driver[] = noPooler ? ['neon', 'pg'] : ['neon', 'pg', 'hyperdrive']
  for (const driver of drivers) {
    if (!ready || !database || !proxy) break
    const db = database
    const pool = pooler
    if (driver === 'hyperdrive' && !pool) break
    const viaProxy = proxy.connections()
    const sessionsBefore = await db.sessions()
    const mf = startEdge(
      workers,
      smokeSettings(database.url, driver, proxy.port),
      driver === 'hyperdrive' && pool ? { hyperdrive: pool.url } : {},
    )
    const step = stepper(driver)
    try {
      await mf.ready
      await runChecks(new SmokeClient(mf), step, resources)
      await checkCronJobs(mf, db.url, step)
      const proxied = proxy.connections() - viaProxy
      await step(`database reached over ${driver === 'neon' ? 'WebSocket (proxy)' : 'TCP'}`, async () => {
        if ((driver === 'neon') !== proxied > 0) throw new Error(`${proxied} WebSocket connections`)
      })
      if (driver === 'hyperdrive' && pool) {
        const name = new URL(db.url).pathname.slice(1)
        await step(`Postgres sessions reused through the pooler (at most ${POOL_SIZE} opened)`, async () => {
          await new Promise((r) => setTimeout(r, 1_500))
          const opened = (await db.sessions()) - sessionsBefore
          print(`  Postgres sessions opened by this pass: ${opened}`)
          if (opened > POOL_SIZE) throw new Error(`${opened} sessions for a pool of ${POOL_SIZE}`)
        })
        await step('per-request pooler connections are released (ctx.waitUntil)', async () => {
          let open = await poolClients(pool, name)
          for (let i = 0; i < 20 && open > 0; i++) {
            await new Promise((r) => setTimeout(r, 100))
            open = await poolClients(pool, name)
          }
          if (open > 0) throw new Error(`${open} client connections still open on PgBouncer`)
        })
      } else {
        const opened = (await db.sessions()) - sessionsBefore
        print(`  Postgres sessions opened by this pass (lower bound, statistics lag): ${opened}`)
        await step('per-request connections are released (ctx.waitUntil)', () => released(db))
      }
    } finally {
      await mf.dispose()
    }
  }
} catch (error) {
  report.failed += 1
  print(`✗ smoke test aborted: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`)
} finally {
  await proxy?.close()
  await pooler?.stop()
  await database?.stop()
}
print(
  `workerd smoke: ${report.passed} passed, ${report.failed} failed in ${((performance.now() - started) / 1000).toFixed(1)} s`,
)
const out = process.argv[2]
if (out) writeFileSync(out, JSON.stringify(report))
process.exit(report.failed > 0 ? 1 : 0)
