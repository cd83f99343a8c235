/**
 * Where a workerd request's cost goes (docs/performance.md "Edge profile: connection reuse"):
 * the built Workers in workerd against the bench's Postgres — directly (DATABASE_URL, a new
 * Postgres backend per request) or with EDGE_PROFILE_POOLER=1 through PgBouncer in transaction
 * mode bound as HYPERDRIVE (the production path) — the bench's mix for EDGE_PROFILE_SECONDS
 * (default 10) at 20 connections, a V8 CPU profile of every Worker isolate taken over the
 * inspector, and the CPU of workerd, Postgres and PgBouncer per request from /proc.
 * Prints self time by module group (driver, auth, drizzle, hono/zod, app, GC...) and the top
 * functions; writes the raw figures to bench/results/<stamp>-edge-profile[-pooled].json.
 * EDGE_PROFILE_CPU=0 skips the V8 profiles: the CPU figures are then those of an unprofiled run.
 * Usage: .tools/bin/node bench/edge-profile.ts
 */
import { spawnSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { buildWorkers } from '../scripts/edge/build.ts'
import { startEdge } from '../scripts/edge/miniflare.ts'
import { bundleFile, type EdgeWorker } from '../scripts/edge/workers.ts'
import { startPgBouncer } from '../scripts/lib/pgbouncer.ts'
import { freePort } from '../scripts/lib/server-process.ts'
import { env, log, resultsDir } from './config.ts'
import { edgeSettings, migrateForEdge, pidOn } from './edge-setup.ts'
import { runLoad } from './load.ts'
import { processTree } from './proc-stats.ts'
import { startPostgres, stopPostgres } from './processes.ts'
import { setup } from './setup.ts'

const seconds = Number(env.EDGE_PROFILE_SECONDS ?? 10)
const pooled = env.EDGE_PROFILE_POOLER === '1'

/** utime+stime+cutime+cstime: a postmaster's reaped backends count in its children's time. */
function cpuWithChildren(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
  const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  return [11, 12, 13, 14].reduce((s, i) => s + Number(f[i]), 0) / 100
}
const treeCpu = (pid: number) => processTree(pid).reduce((s, p) => s + cpuWithChildren(p), 0)

type CdpProfile = {
  nodes: Array<{ id: number; callFrame: { functionName: string; url: string; lineNumber: number } }>
  samples: number[]
  timeDeltas: number[]
}

/** One CDP session per Worker isolate (workerd's inspector serves one target per service). */
async function cdp(url: string) {
  const ws = new WebSocket(url)
  await new Promise((ok, fail) => {
    ws.onopen = ok
    ws.onerror = fail
  })
  let id = 0
  const waiting = new Map<number, (v: unknown) => void>()
  ws.onmessage = (e) => {
    const msg = JSON.parse(String(e.data)) as { id?: number; result?: unknown }
    if (msg.id !== undefined) waiting.get(msg.id)?.(msg.result)
  }
  const send = (method: string, params: object = {}) =>
    new Promise<unknown>((ok) => {
      id += 1
      waiting.set(id, ok)
      ws.send(JSON.stringify({ id, method, params }))
    })
  return { send, close: () => ws.close() }
}

/** Module of each bundle line, from esbuild's `// path` comments before every module. */
function moduleMap(file: string): (line: number) => string {
  const starts: Array<[number, string]> = []
  readFileSync(file, 'utf8')
    .split('\n')
    .forEach((l, i) => {
      if (/^\/\/ (node_modules|functions|domain|\.\.)\//.test(l)) starts.push([i, l.slice(3)])
    })
  return (line) => {
    let lo = 0
    let hi = starts.length - 1
    let found = '(bundle prelude)'
    while (lo <= hi) {
      const mid = (lo + hi) >> 1
      const entry = starts[mid] as [number, string]
      if (entry[0] <= line) {
        found = entry[1]
        lo = mid + 1
      } else hi = mid - 1
    }
    return found
  }
}

const GROUPS: Array<[RegExp, string]> = [
  [/pg\/lib\/crypto|sasl/, 'auth (SASL/md5)'],
  [
    /node_modules\/(pg|pg-pool|pg-protocol|pg-types|pg-cloudflare|pg-connection-string|postgres-[a-z]+|pgpass)\//,
    'driver (pg)',
  ],
  [/@neondatabase/, 'driver (neon)'],
  [/drizzle-orm/, 'drizzle'],
  [/node_modules\/(hono|@hono|zod|@asteasolutions|openapi3-ts)\//, 'hono/zod'],
  [/node_modules\/jose\//, 'jose (JWT)'],
  [/node_modules\/(unenv|@cloudflare)/, 'node compat'],
  [/^functions\/_shared\/(db|edge)/, 'app: db + edge wiring'],
  [/^functions\/_shared/, 'app: shared stack'],
  [/^(functions|domain)\//, 'app: handlers + domain'],
  [/node_modules/, 'other libraries'],
]

function groupOf(module: string, fn: string): string {
  if (!module) return fn.startsWith('(') ? fn : `native: ${fn || '(anonymous)'}`
  if (module.startsWith('miniflare: ')) return 'miniflare (dev-only isolates)'
  for (const [re, g] of GROUPS) if (re.test(module)) return g
  return module
}

const ms = (n: number) => Math.round(n * 100) / 100

const pg = await startPostgres()
let pool: Awaited<ReturnType<typeof startPgBouncer>> | undefined
let mf: ReturnType<typeof startEdge> | undefined
try {
  migrateForEdge(pg.url)
  if (pooled) pool = await startPgBouncer({ serverUrl: pg.url })
  const workers = await buildWorkers()
  const inspectorPort = await freePort()
  const port = await freePort()
  mf = startEdge(workers, edgeSettings(pg.url), {
    port,
    inspectorPort,
    ...(pool ? { hyperdrive: pool.url } : {}),
  })
  const base = (await mf.ready).toString().replace(/\/$/, '')
  const s = await setup(base)
  await runLoad(base, s, 3, 'warm')
  const targets = (await (await fetch(`http://127.0.0.1:${inspectorPort}/json/list`)).json()) as Array<{
    title: string
    webSocketDebuggerUrl: string
  }>
  const byTitle = new Map<string, EdgeWorker>(workers.map((w) => [w.name, w]))
  // Every isolate, Miniflare's own (its entry Worker routes each request) included.
  // EDGE_PROFILE_CPU=0: no V8 profiles (the profiler inflates workerd's CPU), only /proc figures.
  const profiled = env.EDGE_PROFILE_CPU === '0' ? [] : targets
  const sessions = await Promise.all(
    profiled.map(async (t) => {
      const worker = [...byTitle.values()].find((w) => t.title.includes(w.name))
      const session = await cdp(t.webSocketDebuggerUrl)
      await session.send('Profiler.enable')
      await session.send('Profiler.setSamplingInterval', { interval: 200 })
      await session.send('Profiler.start')
      return { worker, title: t.title, session }
    }),
  )
  const workerdPid = pidOn(port, 'workerd')
  const pgPid = pidOn(pg.port, 'postgres')
  const poolPid = pool ? pidOn(pool.port, 'pgbouncer') : undefined
  const before = { workerd: treeCpu(workerdPid), pg: treeCpu(pgPid), pool: poolPid ? treeCpu(poolPid) : 0 }
  const load = await runLoad(base, s, seconds, 'prof')
  const after = { workerd: treeCpu(workerdPid), pg: treeCpu(pgPid), pool: poolPid ? treeCpu(poolPid) : 0 }
  const selfMs = new Map<string, number>()
  const fnMs = new Map<string, number>()
  const isolateMs = new Map<string, number>()
  for (const { worker, title, session } of sessions) {
    const { profile } = (await session.send('Profiler.stop')) as { profile: CdpProfile }
    session.close()
    const moduleOf = worker ? moduleMap(bundleFile(worker)) : () => `miniflare: ${title}`
    const nodes = new Map(profile.nodes.map((n) => [n.id, n.callFrame]))
    profile.samples.forEach((nodeId, i) => {
      const frame = nodes.get(nodeId)
      if (!frame) return
      const module = frame.url ? moduleOf(frame.lineNumber) : ''
      const group = groupOf(module, frame.functionName)
      const dt = (profile.timeDeltas[i] ?? 0) / 1000
      selfMs.set(group, (selfMs.get(group) ?? 0) + dt)
      if (group !== '(idle)') isolateMs.set(title, (isolateMs.get(title) ?? 0) + dt)
      const fn = `${frame.functionName || '(anonymous)'} ${module.split('node_modules/').pop() ?? ''}`
      if (group !== '(idle)') fnMs.set(fn, (fnMs.get(fn) ?? 0) + dt)
    })
  }
  const n = Math.max(1, load.requests)
  const perRequest = (m: Map<string, number>) =>
    [...m.entries()]
      .filter(([k]) => k !== '(idle)')
      .sort((a, b) => b[1] - a[1])
      .map(([k, v]) => ({ what: k, msPerRequest: ms(v / n) }))
  const result = {
    pooled,
    seconds,
    load: { requests: load.requests, rps: load.rps, latencyMs: load.latencyMs, status: load.status },
    cpuMsPerRequest: {
      workerd: ms(((after.workerd - before.workerd) * 1000) / n),
      postgres: ms(((after.pg - before.pg) * 1000) / n),
      pgbouncer: ms(((after.pool - before.pool) * 1000) / n),
    },
    profiledIsolates: sessions.length,
    isolates: perRequest(isolateMs).filter((i) => i.msPerRequest > 0),
    groups: perRequest(selfMs),
    topFunctions: perRequest(fnMs).slice(0, 25),
    uptime: spawnSync('uptime', { encoding: 'utf8' }).stdout.trim(),
  }
  const stamp = new Date().toISOString().slice(0, 16).replace(/[T:]/g, '-')
  const kind = `${pooled ? '-pooled' : ''}${sessions.length === 0 ? '-noprof' : ''}`
  const out = join(resultsDir, `${stamp}-edge-profile${kind}.json`)
  writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`)
  log(`edge profile (${pooled ? 'PgBouncer as HYPERDRIVE' : 'direct'}): ${out}`)
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`)
} finally {
  await mf?.dispose()
  await pool?.stop()
  stopPostgres(pg, false)
}
