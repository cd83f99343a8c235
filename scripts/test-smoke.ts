/**
 * `make test` step: the built Workers (gateway + one per resource) run in workerd via Miniflare
 * against a real, freshly migrated Postgres — once through the Neon driver (WebSocket, via a
 * local proxy) and once through `pg` over TCP (nodejs_compat, the Hyperdrive path).
 * Usage: node scripts/test-smoke.ts <report.json>   (writes {name, passed, failed, skipped})
 */
import { writeFileSync } from 'node:fs'
import { buildWorkers } from './edge/build.ts'
import { startEdge } from './edge/miniflare.ts'
import { readRouteTable } from './edge/route-table.ts'
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

let database: SmokeDatabase | undefined
let proxy: WsProxy | undefined
try {
  const setup = stepper('setup')
  const workers = await buildWorkers()
  const resources = readRouteTable().map((r) => r.name)
  const ready = await setup('Postgres started, migrated, superadmin created', async () => {
    database = await smokeDatabase()
    await prepareDatabase(database.url)
    const target = new URL(database.url)
    proxy = await startWsProxy({ host: target.hostname, port: Number(target.port || 5432) })
  })
  for (const driver of ['neon', 'pg'] satisfies Driver[]) {
    if (!ready || !database || !proxy) break
    const db = database
    const viaProxy = proxy.connections()
    const mf = startEdge(workers, smokeSettings(database.url, driver, proxy.port))
    const step = stepper(driver)
    try {
      await mf.ready
      await runChecks(new SmokeClient(mf), step, resources)
      await checkCronJobs(mf, db.url, step)
      const proxied = proxy.connections() - viaProxy
      await step(`database reached over ${driver === 'neon' ? 'WebSocket (proxy)' : 'TCP'}`, async () => {
        if ((driver === 'neon') !== proxied > 0) throw new Error(`${proxied} WebSocket connections`)
      })
      await step('per-request connections are released (ctx.waitUntil)', () => released(db))
    } finally {
      await mf.dispose()
    }
  }
} catch (error) {
  report.failed += 1
  print(`✗ smoke test aborted: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`)
} finally {
  await proxy?.close()
  await database?.stop()
}
print(
  `workerd smoke: ${report.passed} passed, ${report.failed} failed in ${((performance.now() - started) / 1000).toFixed(1)} s`,
)
const out = process.argv[2]
if (out) writeFileSync(out, JSON.stringify(report))
process.exit(report.failed > 0 ? 1 : 0)
