/**
 * Measures the two candidate VPS runtimes (docs/adr/0011-vps-runtime.md): the Node entry vs the
 * Workers in workerd, each pinned to one core (taskset -c 0) against the same local Postgres,
 * loaded by wrk on the other core. Prints RSS (idle, after load) and req/s for /health and
 * /api/v1/auth/me. Needs `wrk` and `taskset`. Usage: node scripts/measure-vps-runtime.ts
 */
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { ROOT, type ServerProcess, startServer } from './lib/server-process.ts'
import { SMOKE_ADMIN } from './smoke/checks.ts'
import { smokeDatabase } from './smoke/postgres.ts'
import { prepareDatabase } from './smoke/prepare.ts'
import { smokeSettings } from './smoke/settings.ts'

const DURATION = process.env.MEASURE_SECONDS ?? '10'
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

function treeRssKib(pid: number): number {
  const kids = execFileSync('bash', ['-c', `pgrep -P ${pid} || true`], { encoding: 'utf8' })
  const own = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0)
  return (
    own +
    kids
      .split('\n')
      .filter(Boolean)
      .map(Number)
      .reduce((n, k) => n + treeRssKib(k), 0)
  )
}

function wrk(url: string, token?: string): number {
  const args = ['-c', '1', 'wrk', '-t1', '-c32', `-d${DURATION}s`, url]
  if (token) args.push('-H', `Authorization: Bearer ${token}`)
  const out = execFileSync('taskset', args, { encoding: 'utf8' })
  const non2xx = /Non-2xx or 3xx responses: (\d+)/.exec(out)?.[1]
  if (non2xx) throw new Error(`${url}: ${non2xx} error responses`)
  return Number(/Requests\/sec:\s+([\d.]+)/.exec(out)?.[1] ?? 0)
}

async function measure(name: string, server: ServerProcess) {
  const { base, pid } = server
  const login = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(SMOKE_ADMIN),
  })
  const { token } = (await login.json()) as { token: string }
  await sleep(1000)
  const idle = treeRssKib(pid)
  const health = wrk(`${base}/health`)
  const me = wrk(`${base}/api/v1/auth/me`, token)
  const loaded = treeRssKib(pid)
  await server.stop()
  const mib = (k: number) => `${(k / 1024).toFixed(0)} MiB`
  process.stdout.write(
    `${name.padEnd(8)} RSS idle ${mib(idle)}, after load ${mib(loaded)}; /health ${health.toFixed(0)} req/s; /api/v1/auth/me ${me.toFixed(0)} req/s\n`,
  )
}

const db = await smokeDatabase()
try {
  await prepareDatabase(db.url)
  const settings = { ...smokeSettings(db.url, 'pg', 0), LOG_LEVEL: 'warn', SEED_DEMO_ON_START: 'false' }
  const env = { ...settings, SUPERADMIN_EMAIL: SMOKE_ADMIN.email, SUPERADMIN_PASSWORD: SMOKE_ADMIN.password }
  const onCore0 = (cmd: string, args: string[]): [string, string[]] => ['taskset', ['-c', '0', cmd, ...args]]
  await measure('node', await startServer({ env: { ...env, DB_POOL_MAX: '10' }, wrap: onCore0 }))
  await measure(
    'workerd',
    await startServer({ entry: join(ROOT, 'scripts/edge/serve.ts'), env, wrap: onCore0, timeoutMs: 30_000 }),
  )
} finally {
  await db.stop()
}
