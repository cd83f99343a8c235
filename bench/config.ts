/**
 * The bench's settings (BENCH_* variables, documented at the top of bench/run.ts and in
 * docs/performance.md), the accounts it uses, and CPU pinning.
 */
import { spawnSync } from 'node:child_process'
import { cpus } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
export const resultsDir = join(root, 'bench', 'results')
export const env = process.env
export const cfg = {
  duration: Number(env.BENCH_DURATION ?? 60),
  warmup: Number(env.BENCH_WARMUP ?? 5),
  profiles: (env.BENCH_PROFILES ?? 'pglite,postgres,workerd')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean),
  connections: Number(env.BENCH_CONNECTIONS ?? 20),
  scale: Number(env.BENCH_SCALE ?? 1),
  generator: env.BENCH_GENERATOR ?? 'auto',
  apiCpu: env.BENCH_API_CPU ?? '0',
  loadCpu: env.BENCH_LOAD_CPU ?? '1',
  budgets: env.BENCH_BUDGETS !== '0',
  workers: env.BENCH_WORKERS !== '0',
  coldStarts: Number(env.BENCH_COLD_STARTS ?? 5),
  lighthouse: env.BENCH_LIGHTHOUSE !== '0',
  lighthousePreset: env.BENCH_LIGHTHOUSE_PRESET === 'mobile' ? ('mobile' as const) : ('desktop' as const),
  label: env.BENCH_LABEL ? `-${env.BENCH_LABEL}` : '',
  ownerCharges: (env.BENCH_OWNER_CHARGES ?? (env.BENCH_BUDGETS === '0' ? '0' : '1')) !== '0',
  growth: env.BENCH_GROWTH === '1',
  offlineReplay: (env.BENCH_OFFLINE_REPLAY ?? (env.BENCH_BUDGETS === '0' ? '0' : '1')) !== '0',
  lighthouseMobile:
    (env.BENCH_LIGHTHOUSE_MOBILE ??
      (env.BENCH_BUDGETS === '0' || env.BENCH_LIGHTHOUSE === '0' ? '0' : '1')) !== '0',
  assembly: (env.BENCH_ASSEMBLY ?? (env.BENCH_BUDGETS === '0' ? '0' : '1')) !== '0',
  ownerChargesOn: (env.BENCH_OWNER_CHARGES_ON ?? 'pglite')
    .split(',')
    .map((s) => s.trim())
    .filter((s): s is 'pglite' | 'postgres' => s === 'pglite' || s === 'postgres'),
}

/** The Rust KoproGo's published figures (1 vCPU / 2 GB VPS, wrk -t4 -c20 -d180s). */
export const ANCHOR = { rps: 287, p50: 69, p95: 183, p99: 752, errorPct: 0.26 }
export const SUPERADMIN = { email: 'bench-admin@koprogo.test', password: 'bench-admin-password' }
export const SYNDIC = { email: 'admin@small.be', password: 'admin123' }
/** The demo seed's syndic (functions/seed/seed-data.ts, demoSeed), on servers started with the demo. */
export const DEMO_SYNDIC = { email: 'syndic@demo.koprogo.be', password: 'demo-syndic-2026' }

export const has = (cmd: string) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0
export const canPin = has('taskset') && cpus().length >= 2
export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))
export const log = (msg: string) => process.stderr.write(`bench: ${msg}\n`)

/** `taskset -c <cpu>` in front of a command when pinning is possible. */
export function pinned(cpu: string, cmd: string, args: string[]): [string, string[]] {
  return canPin ? ['taskset', ['-c', cpu, cmd, ...args]] : [cmd, args]
}
