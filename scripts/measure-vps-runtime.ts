/**
 * Measures the two candidate VPS runtimes (docs/adr/0011-vps-runtime.md): the Node entry vs the
 * Workers in workerd, each pinned to one core (taskset -c 0) against the same local Postgres,
 * loaded by wrk on the other core. Prints RSS (idle, after load) and req/s for /health and
 * /api/v1/auth/me. Needs `wrk` and `taskset`. Usage: node scripts/measure-vps-runtime.ts
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'
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

async function waitFor(url: string): Promise<void> {
  for (let i = 0; i < 150; i++) {
    if (
      await fetch(url).then(
        (r) => r.ok,
        () => false,
      )
    )
      return
    await sleep(200)
  }
  throw new Error(`${url} did not come up`)
}

function wrk(url: string, token?: string): number {
  const args = ['-c', '1', 'wrk', '-t1', '-c32', `-d${DURATION}s`, url]
  if (token) args.push('-H', `Authorization: Bearer ${token}`)
  const out = execFileSync('taskset', args, { encoding: 'utf8' })
  const non2xx = /Non-2xx or 3xx responses: (\d+)/.exec(out)?.[1]
  if (non2xx) throw new Error(`${url}: ${non2xx} error responses`)
  return Number(/Requests\/sec:\s+([\d.]+)/.exec(out)?.[1] ?? 0)
}

async function measure(name: string, child: ChildProcess, base: string) {
  await waitFor(`${base}/health`)
  const pid = child.pid ?? 0
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
  child.kill('SIGTERM')
  const mib = (k: number) => `${(k / 1024).toFixed(0)} MiB`
  process.stdout.write(
    `${name.padEnd(8)} RSS idle ${mib(idle)}, after load ${mib(loaded)}; /health ${health.toFixed(0)} req/s; /api/v1/auth/me ${me.toFixed(0)} req/s\n`,
  )
}

const db = await smokeDatabase()
try {
  await prepareDatabase(db.url)
  const settings = { ...smokeSettings(db.url, 'pg', 0), LOG_LEVEL: 'warn', SEED_DEMO_ON_START: 'false' }
  const env = {
    ...process.env,
    ...settings,
    SUPERADMIN_EMAIL: SMOKE_ADMIN.email,
    SUPERADMIN_PASSWORD: SMOKE_ADMIN.password,
  }
  const node = spawn('taskset', ['-c', '0', process.execPath, 'functions/node.ts'], {
    env: { ...env, PORT: '18080', DB_POOL_MAX: '10' },
    stdio: 'ignore',
  })
  await measure('node', node, 'http://127.0.0.1:18080')
  const edge = spawn('taskset', ['-c', '0', process.execPath, 'scripts/edge/serve.ts'], {
    env: { ...env, EDGE_PORT: '18081' },
    stdio: 'ignore',
  })
  await measure('workerd', edge, 'http://127.0.0.1:18081')
} finally {
  await db.stop()
}
