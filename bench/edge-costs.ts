/**
 * Where a workerd request's CPU goes, by elimination (issue #17 item 1): the same Workers, the
 * same database path (PgBouncer in transaction mode bound as HYPERDRIVE, as the workerd profile),
 * one kind of request at a time, each for EDGE_COSTS_SECONDS (default 10) at 20 connections
 * with wrk, workerd pinned to CPU 0 and measured from /proc (utime + stime of its process tree).
 * The load reaches the gateway Worker on its own socket (no Miniflare entry Worker: what
 * production runs). V8's sampling profiler cannot split workerd's isolates (they share one thread
 * and an isolate's profile keeps its last frame while another runs: docs/performance.md), so the
 * split comes from the differences between these requests:
 *
 *   gateway 404        the gateway alone (no route): HTTP in, routing, HTTP out
 *   no token (401)     + the service binding to the buildings Worker and its auth middleware
 *   /health            + one pooled connection (startup, md5 auth) and `select 1` (health Worker)
 *   list buildings     + the token's user lookup, the list and its count, DTOs and JSON
 *   get a building     + one row by id
 *
 * Node's CPU per request for the same list (the API pinned to CPU 0, same Postgres) is measured
 * after, for the ratio. Writes bench/results/<stamp>-edge-costs.json.
 * Usage (quiet machine): .tools/bin/node bench/edge-costs.ts
 */
import { spawn, spawnSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { buildWorkers } from '../scripts/edge/build.ts'
import { startEdge } from '../scripts/edge/miniflare.ts'
import { startPgBouncer } from '../scripts/lib/pgbouncer.ts'
import { freePort } from '../scripts/lib/server-process.ts'
import { canPin, cfg, env, log, resultsDir } from './config.ts'
import { edgeSettings, migrateForEdge, pidOn } from './edge-setup.ts'
import { cpuSeconds, processTree } from './proc-stats.ts'
import { startApi, startPostgres, stop, stopPostgres } from './processes.ts'
import { setup } from './setup.ts'

const seconds = Number(env.EDGE_COSTS_SECONDS ?? 10)
const connections = 20

const treeCpu = (pid: number) => processTree(pid).reduce((s, p) => s + cpuSeconds(p), 0)

/** wrk on one URL: requests and status counts (non-2xx as wrk reports them). */
function wrk(
  url: string,
  token: string | undefined,
  secs: number,
): Promise<{ requests: number; rps: number; non2xx: number }> {
  const args = [
    '-t2',
    `-c${connections}`,
    `-d${secs}s`,
    ...(token ? ['-H', `Authorization: Bearer ${token}`] : []),
    url,
  ]
  const [cmd, argv] = canPin ? ['taskset', ['-c', cfg.loadCpu, 'wrk', ...args]] : ['wrk', args]
  return new Promise((resolve, reject) => {
    const p = spawn(cmd, argv as string[], { stdio: ['ignore', 'pipe', 'inherit'] })
    let out = ''
    p.stdout.on('data', (d) => {
      out += String(d)
    })
    p.on('error', reject)
    p.on('close', () => {
      const requests = Number(/(\d+) requests in/.exec(out)?.[1] ?? 0)
      const rps = Number(/Requests\/sec:\s+([\d.]+)/.exec(out)?.[1] ?? 0)
      const non2xx = Number(/Non-2xx or 3xx responses: (\d+)/.exec(out)?.[1] ?? 0)
      resolve({ requests, rps, non2xx })
    })
  })
}

type Row = {
  what: string
  path: string
  requests: number
  rps: number
  non2xx: number
  cpuMsPerRequest: number
}

async function measure(pid: number, what: string, url: string, token?: string): Promise<Row> {
  await wrk(url, token, 2) // warm: JIT, pools
  const before = treeCpu(pid)
  const r = await wrk(url, token, seconds)
  const cpu = treeCpu(pid) - before
  const row = {
    what,
    path: new URL(url).pathname,
    ...r,
    cpuMsPerRequest: Math.round((cpu * 1000 * 1000) / Math.max(1, r.requests)) / 1000,
  }
  log(`${what}: ${r.rps.toFixed(0)} req/s, ${row.cpuMsPerRequest} ms CPU per request (${r.non2xx} non-2xx)`)
  return row
}

if (canPin) spawnSync('taskset', ['-a', '-p', '-c', cfg.loadCpu, String(process.pid)], { stdio: 'ignore' })
const pg = await startPostgres()
const pool = await startPgBouncer({ serverUrl: pg.url })
const rows: { workerd: Row[]; node: Row[] } = { workerd: [], node: [] }
try {
  migrateForEdge(pg.url)
  const workers = await buildWorkers()
  const directPort = await freePort()
  const mf = startEdge(workers, edgeSettings(pg.url), {
    port: await freePort(),
    directPort,
    hyperdrive: pool.url,
  })
  try {
    await mf.ready
    const base = `http://127.0.0.1:${directPort}`
    const workerd = pidOn(directPort, 'workerd')
    if (canPin) spawnSync('taskset', ['-a', '-p', '-c', cfg.apiCpu, String(workerd)], { stdio: 'ignore' })
    const s = await setup(base)
    const building = s.buildingIds[0]
    rows.workerd.push(await measure(workerd, 'gateway 404', `${base}/api/v1/no-such-resource`))
    rows.workerd.push(await measure(workerd, 'no token (401)', `${base}/api/v1/buildings`))
    rows.workerd.push(await measure(workerd, '/health', `${base}/health`))
    rows.workerd.push(await measure(workerd, 'list buildings', `${base}/api/v1/buildings`, s.token))
    rows.workerd.push(
      await measure(workerd, 'get a building', `${base}/api/v1/buildings/${building}`, s.token),
    )
  } finally {
    await mf.dispose()
  }
  const api = await startApi({ DATABASE_URL: pg.url })
  try {
    const s = await setup(api.base)
    const pid = api.pid
    rows.node.push(await measure(pid, 'no token (401)', `${api.base}/api/v1/buildings`))
    rows.node.push(await measure(pid, '/health', `${api.base}/health`))
    rows.node.push(await measure(pid, 'list buildings', `${api.base}/api/v1/buildings`, s.token))
    rows.node.push(
      await measure(pid, 'get a building', `${api.base}/api/v1/buildings/${s.buildingIds[0]}`, s.token),
    )
  } finally {
    await stop(api)
  }
} finally {
  await pool.stop()
  stopPostgres(pg, false)
}
const stamp = new Date().toISOString().slice(0, 16).replace(/[:T]/g, '-')
const file = join(resultsDir, `${stamp}-edge-costs.json`)
const loadavg = readFileSync('/proc/loadavg', 'utf8').trim()
writeFileSync(
  file,
  `${JSON.stringify({ date: new Date().toISOString(), seconds, connections, loadavg, ...rows }, null, 2)}\n`,
)
process.stdout.write(
  `\n| request | workerd req/s | workerd CPU ms/req | Node CPU ms/req |\n|---|---:|---:|---:|\n`,
)
for (const w of rows.workerd) {
  const n = rows.node.find((x) => x.what === w.what)
  process.stdout.write(
    `| ${w.what} | ${w.rps.toFixed(0)} | ${w.cpuMsPerRequest} | ${n ? n.cpuMsPerRequest : '—'} |\n`,
  )
}
log(`wrote ${file}`)
