/**
 * `make bench`: for each profile, start the API pinned to one CPU, load the realistic seed, run
 * the Rust KoproGo's request mix (bench/mix.ts) with 20 connections, and write
 * bench/results/<date>-<profile>.json plus one markdown table for the run.
 *
 * Settings (environment):
 *   BENCH_DURATION=60          seconds of measured load per profile (180 to compare with the anchor)
 *   BENCH_WARMUP=5             seconds of the same mix before measuring (JIT, pool, caches)
 *   BENCH_PROFILES=pglite,postgres,workerd
 *   BENCH_CONNECTIONS=20
 *   BENCH_SCALE=1              realistic seed multiplier (10 = the growth run: 230 buildings)
 *   BENCH_GENERATOR=auto       auto (wrk when installed, else autocannon) | wrk | autocannon
 *   BENCH_API_CPU=0 BENCH_LOAD_CPU=1   taskset CPU lists: the API alone on one, generator + Postgres on the other
 *   BENCH_BUDGETS=1            also measure start time, login cost, web and Worker bundle sizes,
 *                             workerd cold start and Lighthouse (0 to skip all of them)
 *   BENCH_WORKERS=1            Worker bundles (gzip) + workerd cold start (0 to skip: ~15-30 s build
 *                             when stale, then 1 + 2 × BENCH_COLD_STARTS workerd starts of ~1.5 s)
 *   BENCH_COLD_STARTS=5        workerd cold starts per probe (median reported)
 *   BENCH_LIGHTHOUSE=1         Lighthouse of /login and /syndic + installability facts (0 to skip:
 *                             ~40 s; fetches lighthouse with `pnpm dlx` on first use, needs Chromium
 *                             at CHROMIUM_PATH, default /usr/bin/chromium)
 *   BENCH_OWNER_CHARGES=1      GET /owners/{id}/charges budget (an owner with 5,000 expense parts, P95 of a
 *                             page ≤ 50 ms) on a fresh embedded server; default on with the budgets.
 *                             Alone (~2.5 min): BENCH_PROFILES= BENCH_BUDGETS=0 BENCH_OWNER_CHARGES=1
 *   BENCH_OWNER_CHARGES_ON=pglite   where that budget runs: pglite, postgres, or both (comma-separated)
 *   BENCH_LIGHTHOUSE_PRESET=desktop   or mobile (Lighthouse's default: emulated phone, slow 4G)
 *   BENCH_LABEL=               suffix of the result file names (e.g. "before", "scale10")
 *   BENCH_RATE=               fixed total request rate (autocannon): compare API CPU ms/request of two
 *                             builds on a busy machine, where saturated throughput is mostly noise
 *   BENCH_READ_SHARE=0.7       share of reads in the mix (1 or 0 to cost reads and writes apart)
 *   BENCH_API_NODE_FLAGS='--max-semi-space-size=8 --max-old-space-size=192'   Node flags of the API,
 *                             the Dockerfile's ('' for V8's defaults);
 *                             MALLOC_ARENA_MAX (default 2) is passed to the API too
 *   BENCH_CPU_PROF=1           write a V8 CPU profile of the API to bench/results/profiles/
 *   BENCH_PG_STATEMENTS=1      load pg_stat_statements and record where Postgres spent its time
 *   BENCH_KEEP_PG_LOG=1        copy the Postgres server log (with the auto_explain plans) to bench/results/
 *   DB_POOL_MAX, LOG_LEVEL…    passed through to the API
 *
 * Budgets only, no load test (~1.5 min): BENCH_PROFILES= .tools/bin/node bench/run.ts
 * (the login cost is then measured on the embedded server with the demo syndic).
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { cpus, tmpdir, totalmem } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import type autocannon from 'autocannon'
import { lighthouseRows, measureLighthouse } from './budgets/lighthouse.ts'
import { measureOwnerCharges, ownerChargesRows } from './budgets/owner-charges.ts'
import { measureWeb } from './budgets/web.ts'
import { measureWorkers, workerRows } from './budgets/workers.ts'
import { createMix } from './mix.ts'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const resultsDir = join(root, 'bench', 'results')
const env = process.env
const cfg = {
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
  ownerChargesOn: (env.BENCH_OWNER_CHARGES_ON ?? 'pglite')
    .split(',')
    .map((s) => s.trim())
    .filter((s): s is 'pglite' | 'postgres' => s === 'pglite' || s === 'postgres'),
}

/** The Rust KoproGo's published figures (1 vCPU / 2 GB VPS, wrk -t4 -c20 -d180s). */
const ANCHOR = { rps: 287, p50: 69, p95: 183, p99: 752, errorPct: 0.26 }
const SUPERADMIN = { email: 'bench-admin@koprogo.test', password: 'bench-admin-password' }
const SYNDIC = { email: 'admin@small.be', password: 'admin123' }
/** The demo seed's syndic (functions/seed/seed-data.ts, demoSeed), on servers started with the demo. */
const DEMO_SYNDIC = { email: 'syndic@demo.koprogo.be', password: 'demo-syndic-2026' }
const node = process.execPath
const has = (cmd: string) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0
const canPin = has('taskset') && cpus().length >= 2
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))
const log = (msg: string) => process.stderr.write(`bench: ${msg}\n`)

// ---------------------------------------------------------------- processes

function pinned(cpu: string, cmd: string, args: string[]): [string, string[]] {
  return canPin ? ['taskset', ['-c', cpu, cmd, ...args]] : [cmd, args]
}

type Api = { proc: ChildProcess; pid: number; base: string; readyMs: number; output: string[] }

async function startApi(
  extraEnv: Record<string, string>,
  port: number,
  entry = join(root, 'functions', 'node.ts'),
): Promise<Api> {
  const prof = env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${join(resultsDir, 'profiles')}`] : []
  const flags = (env.BENCH_API_NODE_FLAGS ?? '--max-semi-space-size=8 --max-old-space-size=192')
    .split(' ')
    .filter(Boolean)
  const [cmd, args] = pinned(cfg.apiCpu, node, [...flags, ...prof, entry])
  const started = performance.now()
  const output: string[] = []
  const proc = spawn(cmd, args, {
    cwd: root,
    env: {
      ...env,
      APP_ENV: 'development',
      HOST: '127.0.0.1',
      PORT: String(port),
      EDGE_PORT: String(port),
      LOG_LEVEL: env.LOG_LEVEL ?? 'warn',
      // Memory settings for a small VPS (docs/performance.md, "RSS"): two malloc arenas (argon2 runs
      // on the libuv pool threads) and an 8 MB young generation instead of V8's machine-sized one.
      MALLOC_ARENA_MAX: env.MALLOC_ARENA_MAX ?? '2',
      SEED_DEMO_ON_START: 'false',
      SUPERADMIN_EMAIL: SUPERADMIN.email,
      SUPERADMIN_PASSWORD: SUPERADMIN.password,
      WEB_DIST_DIR: join(root, 'bench', '.no-web'),
      ...extraEnv,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const keep = (b: Buffer) => {
    output.push(b.toString())
    if (output.length > 200) output.shift()
  }
  proc.stdout?.on('data', keep)
  proc.stderr?.on('data', keep)
  const base = `http://127.0.0.1:${port}`
  const readyMs = await waitHealthy(base, proc, started).catch((e: Error) => {
    throw new Error(`${e.message}\n${output.join('')}`)
  })
  if (!proc.pid) throw new Error('the API did not start')
  return { proc, pid: proc.pid, base, readyMs, output }
}

async function waitHealthy(base: string, proc: ChildProcess, started: number): Promise<number> {
  for (;;) {
    if (proc.exitCode !== null) {
      await sleep(50)
      throw new Error(`the API exited with ${proc.exitCode}`)
    }
    try {
      const res = await fetch(`${base}/health`)
      if (res.status === 200) return Math.round(performance.now() - started)
    } catch {}
    if (performance.now() - started > 120_000) throw new Error('the API was not healthy within 120 s')
    await sleep(20)
  }
}

async function stop(proc: ChildProcess): Promise<void> {
  if (proc.exitCode !== null) return
  const exited = new Promise((r) => proc.once('exit', r))
  proc.kill('SIGTERM')
  await Promise.race([exited, sleep(15_000)])
  if (proc.exitCode === null) proc.kill('SIGKILL')
}

type Postgres = { url: string; dir: string; run: string[]; bin: string; port: number }

function startPostgres(port: number): Postgres {
  const dirs = existsSync('/usr/lib/postgresql') ? readdirSync('/usr/lib/postgresql').sort() : []
  const last = dirs[dirs.length - 1]
  const bin = last
    ? `/usr/lib/postgresql/${last}/bin`
    : dirname(spawnSync('sh', ['-c', 'command -v initdb']).stdout.toString().trim())
  if (!existsSync(join(bin, 'initdb'))) throw new Error('no PostgreSQL binaries (apt-get install postgresql)')
  const dir = mkdtempSync(join(tmpdir(), 'koprogo-bench-pg-'))
  const asRoot = process.getuid?.() === 0
  const run = asRoot ? ['runuser', '-u', 'postgres', '--'] : []
  if (asRoot) spawnSync('chown', ['postgres:postgres', dir])
  const sh = (args: string[]) => {
    const [c, ...a] = [...run, ...args]
    const r = spawnSync(c as string, a, { encoding: 'utf8' })
    if (r.status !== 0) throw new Error(`${args.join(' ')}: ${r.stderr}${r.stdout}`)
    return r.stdout
  }
  sh([
    join(bin, 'initdb'),
    '-D',
    `${dir}/data`,
    '--auth=trust',
    '-U',
    'postgres',
    '-E',
    'UTF8',
    '--locale=C.UTF-8',
  ])
  const opts = [
    `-p ${port}`,
    `-k ${dir}`,
    '-c listen_addresses=127.0.0.1',
    '-c max_connections=100',
    '-c shared_buffers=256MB',
    // auto_explain is loaded but silent; the plan check turns it on at the end of the run.
    '-c session_preload_libraries=auto_explain',
    `-c fsync=${env.BENCH_PG_FSYNC ?? 'on'}`,
    // Off by default: its bookkeeping would tax the run it measures.
    ...(env.BENCH_PG_STATEMENTS
      ? ['-c shared_preload_libraries=pg_stat_statements', '-c pg_stat_statements.track=all']
      : []),
  ].join(' ')
  const [c, a] = pinned(cfg.loadCpu, join(bin, 'pg_ctl'), [
    '-D',
    `${dir}/data`,
    '-l',
    `${dir}/server.log`,
    '-w',
    '-t',
    '60',
    '-o',
    opts,
    'start',
  ])
  sh([c, ...a])
  sh([join(bin, 'createdb'), '-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', 'koprogo_bench'])
  return { url: `postgres://postgres@127.0.0.1:${port}/koprogo_bench`, dir, run, bin, port }
}

function psql(pg: Postgres, sql: string): string {
  const [c, ...a] = [
    ...pg.run,
    join(pg.bin, 'psql'),
    '-h',
    '127.0.0.1',
    '-p',
    String(pg.port),
    '-U',
    'postgres',
    '-d',
    'koprogo_bench',
    '-At',
    '-c',
    sql,
  ]
  return spawnSync(c as string, a, { encoding: 'utf8' }).stdout
}

function stopPostgres(pg: Postgres, keepLog = true): void {
  if (env.BENCH_KEEP_PG_LOG && keepLog)
    writeFileSync(join(resultsDir, 'postgres-server.log'), readFileSync(join(pg.dir, 'server.log')))
  const [c, ...a] = [...pg.run, join(pg.bin, 'pg_ctl'), '-D', `${pg.dir}/data`, '-m', 'fast', '-w', 'stop']
  spawnSync(c as string, a)
  rmSync(pg.dir, { recursive: true, force: true })
}

/** The process and its descendants (the workerd profile's server is miniflare's workerd child). */
function processTree(pid: number): number[] {
  const all = [pid]
  for (let i = 0; i < all.length; i++) {
    try {
      for (const task of readdirSync(`/proc/${all[i]}/task`)) {
        const kids = readFileSync(`/proc/${all[i]}/task/${task}/children`, 'utf8').trim()
        if (kids) all.push(...kids.split(' ').map(Number))
      }
    } catch {
      // the process ended meanwhile
    }
  }
  return all
}

/** utime + stime of a process, in seconds. */
function cpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  return (Number(fields[11]) + Number(fields[12])) / 100
}
/** Busy share of each CPU between two readings of /proc/stat (the whole machine: shared hosts add noise). */
function cpuTimes(): number[][] {
  return readFileSync('/proc/stat', 'utf8')
    .split('\n')
    .filter((l) => /^cpu\d/.test(l))
    .map((l) => l.split(/\s+/).slice(1, 9).map(Number))
}
function busyPct(a: number[][], b: number[][]): number[] {
  return b.map((row, i) => {
    const before = a[i] ?? row
    const d = row.map((v, j) => v - (before[j] ?? 0))
    const total = d.reduce((x, y) => x + y, 0)
    const idle = (d[3] ?? 0) + (d[4] ?? 0)
    return total > 0 ? Math.round((100 * (total - idle)) / total) : 0
  })
}
function memoryMb(pid: number): { peakRss: number; rss: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8')
  const kb = (k: string) => Number(new RegExp(`${k}:\\s+(\\d+)`).exec(status)?.[1] ?? 0)
  return { peakRss: Math.round(kb('VmHWM') / 1024), rss: Math.round(kb('VmRSS') / 1024) }
}

// ---------------------------------------------------------------- HTTP setup

async function call(base: string, method: string, path: string, token?: string, body?: unknown) {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  const text = await res.text()
  let json: unknown = null
  try {
    json = JSON.parse(text)
  } catch {}
  return {
    status: res.status,
    json: json as Record<string, unknown> & { data?: Record<string, unknown>[] },
    text,
  }
}

async function login(base: string, who: { email: string; password: string }): Promise<string> {
  const res = await call(base, 'POST', '/api/v1/auth/login', undefined, who)
  if (res.status !== 200) throw new Error(`login ${who.email}: ${res.status} ${res.text}`)
  return String(res.json.token)
}

type Setup = { token: string; buildingIds: string[]; expenses: boolean; seedMs: number; seedMessage: string }

async function setup(base: string): Promise<Setup> {
  const admin = await login(base, SUPERADMIN)
  const t0 = performance.now()
  const seeded = await call(base, 'POST', `/api/v1/seed/realistic?scale=${cfg.scale}`, admin)
  if (seeded.status !== 200) throw new Error(`seed: ${seeded.status} ${seeded.text}`)
  const seedMs = Math.round(performance.now() - t0)
  const token = await login(base, SYNDIC)
  // The mix creates thousands of buildings in the small firm: raise its plan limits first, as a
  // superadmin would (plan limits are enforced on every create, docs/security.md).
  const me = await call(base, 'GET', '/api/v1/auth/me', token)
  const raised = await call(base, 'PUT', `/api/v1/organizations/${String(me.json.organization_id)}`, admin, {
    max_buildings: 100_000_000,
    max_users: 100_000_000,
  })
  if (raised.status !== 200) throw new Error(`PUT /organizations: ${raised.status} ${raised.text}`)
  const listed = await call(base, 'GET', '/api/v1/buildings', token)
  if (listed.status !== 200) throw new Error(`GET /buildings: ${listed.status}`)
  // The Rust bench keeps up to 10 listed ids; ours creates 10 targets with room for the run's
  // unit quotas (the quota rule refuses units beyond total_tantiemes, 1000 in the seed).
  const buildingIds: string[] = []
  for (let i = 0; i < 10; i++) {
    const created = await call(base, 'POST', '/api/v1/buildings', token, {
      name: `Résidence Bench ${i + 1}`,
      address: `Rue de la Loi ${i + 1}`,
      city: 'Bruxelles',
      postal_code: '1000',
      country: 'Belgium',
      total_units: 50,
      total_tantiemes: 100_000_000,
      construction_year: 2000,
    })
    if (created.status !== 201) throw new Error(`POST /buildings: ${created.status} ${created.text}`)
    buildingIds.push(String(created.json.id))
  }
  const expenses = (await call(base, 'GET', '/api/v1/expenses', token)).status === 200
  if (!expenses) log('GET /api/v1/expenses is not served yet: its 20 % of reads and writes go to the others')
  return { token, buildingIds, expenses, seedMs, seedMessage: String(seeded.json.message) }
}

/** Server time of a login (argon2id verify) and logins per second with 4 in flight. */
async function measureLogins(base: string, who = SYNDIC) {
  const times: number[] = []
  for (let i = 0; i < 8; i++) {
    const t = performance.now()
    await login(base, who)
    times.push(performance.now() - t)
  }
  let done = 0
  const until = performance.now() + 5000
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      while (performance.now() < until) {
        await login(base, who)
        done++
      }
    }),
  )
  times.sort((a, b) => a - b)
  return { medianMs: Math.round(times[times.length >> 1] ?? 0), perSecond: Math.round((done / 5) * 10) / 10 }
}

// ---------------------------------------------------------------- load

type LoadResult = {
  generator: string
  requests: number
  seconds: number
  rps: number
  latencyMs: { p50: number; p90: number; p95: number; p99: number; p999: number; max: number }
  status: { '2xx': number; '4xx': number; '5xx': number; other: number; socketErrors: number }
  byEndpoint?: Record<string, Record<string, number>>
  failureSamples?: string[]
}

const pickGenerator = () =>
  env.BENCH_RATE
    ? 'autocannon'
    : cfg.generator === 'auto'
      ? has('wrk')
        ? 'wrk'
        : 'autocannon'
      : cfg.generator

async function runLoad(base: string, s: Setup, seconds: number, tag: string): Promise<LoadResult> {
  return pickGenerator() === 'wrk' ? runWrk(base, s, seconds, tag) : runAutocannon(base, s, seconds, tag)
}

function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return 0
  const i = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)
  return Math.round((sorted[Math.max(0, i)] ?? 0) * 100) / 100
}

async function runAutocannon(base: string, s: Setup, seconds: number, tag: string): Promise<LoadResult> {
  const { default: autocannon } = await import('autocannon')
  const next = createMix({
    buildingIds: s.buildingIds,
    expenses: s.expenses,
    tag,
    readShare: Number(env.BENCH_READ_SHARE ?? 0.7),
  })
  const getHeaders = { authorization: `Bearer ${s.token}` }
  const postHeaders = { ...getHeaders, 'content-type': 'application/json' }
  const latencies: number[] = []
  const byEndpoint: Record<string, Record<string, number>> = {}
  const samples: string[] = []
  const status = { '2xx': 0, '4xx': 0, '5xx': 0, other: 0, socketErrors: 0 }
  const instance = autocannon({
    url: base,
    connections: cfg.connections,
    duration: seconds,
    ...(env.BENCH_RATE ? { overallRate: Number(env.BENCH_RATE) } : {}),
    requests: [
      {
        setupRequest: (req: autocannon.Request, context: object) => {
          const r = next()
          ;(context as { kind?: string }).kind = r.kind
          return r.method === 'GET'
            ? { ...req, method: 'GET', path: r.path, headers: { ...getHeaders }, body: undefined }
            : {
                ...req,
                method: 'POST',
                path: r.path,
                headers: { ...postHeaders },
                body: Buffer.from(r.body ?? ''),
              }
        },
        onResponse: (code: number, body: string, context: object) => {
          const kind = String((context as { kind?: string }).kind)
          if (code >= 400 && samples.length < 5)
            samples.push(`${kind} → ${code} ${String(body).slice(0, 300)}`)
          const cls = `${Math.floor(code / 100)}xx`
          const row = byEndpoint[kind] ?? {}
          row[cls] = (row[cls] ?? 0) + 1
          byEndpoint[kind] = row
        },
      },
    ],
    // Without a callback autocannon returns its instance, which is also a promise of the result
    // (the typings only declare the promise).
  }) as unknown as autocannon.Instance & Promise<autocannon.Result>
  instance.on('response', (_client: unknown, code: number, _bytes: number, ms: number) => {
    latencies.push(ms)
    if (code >= 200 && code < 300) status['2xx']++
    else if (code >= 400 && code < 500) status['4xx']++
    else if (code >= 500) status['5xx']++
    else status.other++
  })
  const result = await instance
  status.socketErrors = result.errors + result.timeouts
  const sorted = Float64Array.from(latencies).sort()
  return {
    generator: 'autocannon',
    requests: latencies.length,
    seconds: result.duration,
    rps: Math.round(latencies.length / result.duration),
    latencyMs: {
      p50: percentile(sorted, 50),
      p90: percentile(sorted, 90),
      p95: percentile(sorted, 95),
      p99: percentile(sorted, 99),
      p999: percentile(sorted, 99.9),
      max: percentile(sorted, 100),
    },
    status,
    byEndpoint,
    failureSamples: samples,
  }
}

async function runWrk(base: string, s: Setup, seconds: number, tag: string): Promise<LoadResult> {
  const args = [
    '-t4',
    `-c${cfg.connections}`,
    `-d${seconds}s`,
    '--latency',
    '-s',
    join(root, 'bench', 'wrk', 'mix.lua'),
    base,
  ]
  const proc = spawn('wrk', args, {
    env: {
      ...env,
      BENCH_TOKEN: s.token,
      BENCH_BUILDINGS: s.buildingIds.join(','),
      BENCH_EXPENSES: s.expenses ? '1' : '0',
      BENCH_TAG: tag,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  let out = ''
  proc.stdout?.on('data', (b: Buffer) => {
    out += b.toString()
  })
  await new Promise((r) => proc.once('exit', r))
  const line = out.split('\n').find((l) => l.startsWith('WRK_RESULT '))
  if (!line) throw new Error(`wrk gave no result:\n${out}`)
  const w = JSON.parse(line.slice('WRK_RESULT '.length))
  const secs = w.duration_us / 1e6
  const r2 = (x: number) => Math.round(x * 100) / 100
  return {
    generator: 'wrk',
    requests: w.requests,
    seconds: r2(secs),
    rps: Math.round(w.requests / secs),
    latencyMs: {
      p50: r2(w.p50),
      p90: r2(w.p90),
      p95: r2(w.p95),
      p99: r2(w.p99),
      p999: r2(w.p999),
      max: r2(w.max),
    },
    status: {
      '2xx': w.s2xx,
      '4xx': w.s4xx,
      '5xx': w.s5xx,
      other: w.sother,
      socketErrors: w.errors.connect + w.errors.read + w.errors.write + w.errors.timeout,
    },
  }
}

// ---------------------------------------------------------------- plans

/**
 * BENCH_PG_STATEMENTS=1: where Postgres spent its time during the mix (pg_stat_statements, nested
 * statements of triggers included), as milliseconds per request of the mix and share of the total.
 */
function topStatements(pg: Postgres, requests: number) {
  const rows = psql(
    pg,
    `SELECT round(total_exec_time::numeric, 1) || '|' || calls || '|' ||
       regexp_replace(left(query, 140), '\\s+', ' ', 'g')
     FROM pg_stat_statements ORDER BY total_exec_time DESC LIMIT 20`,
  )
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const [ms, calls, query] = line.split('|')
      return { totalMs: Number(ms), calls: Number(calls), query: query ?? '' }
    })
  const total = Number(
    psql(pg, 'SELECT round(sum(total_exec_time)::numeric, 1) FROM pg_stat_statements').trim(),
  )
  return {
    totalMsPerRequest: Math.round((total / Math.max(1, requests)) * 1000) / 1000,
    top: rows.map((r) => ({
      ...r,
      msPerRequest: Math.round((r.totalMs / Math.max(1, requests)) * 1000) / 1000,
      sharePct: Math.round((r.totalMs / Math.max(1, total)) * 1000) / 10,
    })),
  }
}

/** Turns auto_explain on, lists each resource once, and reports the scan nodes of each list query. */
async function checkPlans(pg: Postgres, base: string, token: string) {
  psql(pg, 'ANALYZE') // the plans of a steady state, not of statistics taken before the run's inserts
  psql(pg, 'ALTER SYSTEM SET auto_explain.log_min_duration = 0')
  psql(pg, 'SELECT pg_reload_conf()')
  await sleep(300)
  const logFile = join(pg.dir, 'server.log')
  const before = readFileSync(logFile, 'utf8').length
  const paths = ['/api/v1/buildings', '/api/v1/units', '/api/v1/owners', '/api/v1/expenses']
  // The bench writes into admin@small.be's organization, which ends up holding most rows: there a
  // sequential scan is the right plan for the count. admin@large.be's untouched organization is a
  // tenant among many, the case the indexes are for.
  const other = await login(base, { email: 'admin@large.be', password: 'admin123' })
  for (const p of paths) await call(base, 'GET', p, token)
  for (const p of paths) await call(base, 'GET', p, other)
  await sleep(300)
  psql(pg, 'ALTER SYSTEM RESET auto_explain.log_min_duration')
  psql(pg, 'SELECT pg_reload_conf()')
  const text = readFileSync(logFile, 'utf8').slice(before)
  const plans = text.split(/LOG: {2}duration: [\d.]+ ms {2}plan:\n/).slice(1)
  const out: { table: string; tenant: string; query: string; scans: string[]; fullSort: boolean }[] = []
  const orgs = psql(
    pg,
    "SELECT u.email || '=' || u.organization_id FROM users u WHERE u.email IN ('admin@small.be','admin@large.be')",
  )
    .trim()
    .split('\n')
    .map((l) => l.split('='))
  for (const plan of plans) {
    const query = /Query Text: (.*)/.exec(plan)?.[1] ?? ''
    // The listed table, not the counter subquery's (`from "tenant_row_counts"` comes first).
    const table = /from "(buildings|units|owners|expenses)"/.exec(query)?.[1] ?? ''
    if (!['buildings', 'units', 'owners', 'expenses'].includes(table) || !/^select/i.test(query)) continue
    const scans = [
      ...plan.matchAll(
        /((?:Parallel )?(?:Seq|Index|Index Only|Bitmap Heap|Bitmap Index) Scan(?: using \w+)? on \w+)/g,
      ),
    ].map((m) => m[1] as string)
    const org = /'([0-9a-f-]{36})'::uuid/.exec(plan)?.[1]
    const tenant = orgs.find(([, id]) => id === org)?.[0] ?? '?'
    // A full Sort under the Limit means the page sorted every matching row: O(tenant), not O(page).
    const fullSort = /->\s+Sort\b|^\s*Sort\b/m.test(plan)
    out.push({ table, tenant, query: query.slice(0, 160), scans, fullSort })
  }
  const counts = Object.fromEntries(
    ['buildings', 'units', 'owners', 'expenses'].map((t) => [
      t,
      Number(psql(pg, `SELECT count(*) FROM ${t}`).trim() || 0),
    ]),
  )
  return {
    rows: counts,
    rowsPerTenant: Object.fromEntries(
      orgs.map(([email, id]) => [
        email,
        Object.fromEntries(
          ['buildings', 'units', 'owners', 'expenses'].map((t) => [
            t,
            Number(psql(pg, `SELECT count(*) FROM ${t} WHERE organization_id = '${id}'`).trim() || 0),
          ]),
        ),
      ]),
    ),
    plans: out,
    seqScans: Object.fromEntries(
      orgs.map(([email]) => [
        email,
        out
          .filter(
            (p) =>
              p.tenant === email && p.scans.some((s) => s.startsWith('Seq') && s.endsWith(` on ${p.table}`)),
          )
          .map((p) => p.table),
      ]),
    ),
  }
}

// ---------------------------------------------------------------- profiles

let nextPort = 18_080 + Math.floor(Math.random() * 1000)

async function runProfile(profile: string) {
  const dataDir = mkdtempSync(join(tmpdir(), 'koprogo-bench-data-'))
  let pg: Postgres | null = null
  let api: Api | null = null
  try {
    const extra: Record<string, string> = { DATA_DIR: dataDir }
    if (profile === 'postgres') {
      pg = startPostgres(nextPort++)
      extra.DATABASE_URL = pg.url
    } else if (profile === 'workerd') {
      // `make edge-serve`: the built Workers in workerd (miniflare), against Postgres. The schema and
      // the superadmin come from `make migrate`, as in an edge deployment.
      pg = startPostgres(nextPort++)
      extra.DATABASE_URL = pg.url
      extra.JWT_SECRET = Buffer.from(crypto.getRandomValues(new Uint8Array(48))).toString('base64url')
      const migrated = spawnSync(node, [join(root, 'scripts', 'migrate.ts')], {
        cwd: root,
        env: {
          ...env,
          ...extra,
          SUPERADMIN_EMAIL: SUPERADMIN.email,
          SUPERADMIN_PASSWORD: SUPERADMIN.password,
        },
        encoding: 'utf8',
      })
      if (migrated.status !== 0) throw new Error(`migrate: ${migrated.stderr}${migrated.stdout}`)
    } else if (profile !== 'pglite') throw new Error(`unknown profile ${profile}`)
    api = await startApi(
      extra,
      nextPort++,
      profile === 'workerd' ? join(root, 'scripts', 'edge', 'serve.ts') : undefined,
    )
    log(
      `${profile}: API ready in ${api.readyMs} ms (pid ${api.pid}${canPin ? `, cpu ${cfg.apiCpu}` : ', not pinned'})`,
    )
    const s = await setup(api.base)
    log(`${profile}: ${s.seedMessage} in ${s.seedMs} ms`)
    const logins = cfg.budgets ? await measureLogins(api.base) : null
    const tag = Date.now().toString(36)
    const tree = processTree(api.pid)
    const treeMemory = () =>
      tree.map(memoryMb).reduce((a, b) => ({ peakRss: a.peakRss + b.peakRss, rss: a.rss + b.rss }))
    const treeCpu = () => tree.reduce((sum, pid) => sum + cpuSeconds(pid), 0)
    const setupPeakRss = treeMemory().peakRss
    // Restart the kernel's peak-RSS counter: the figure below is the API's peak under the mix.
    try {
      for (const pid of tree) writeFileSync(`/proc/${pid}/clear_refs`, '5')
    } catch {
      log('cannot reset the peak RSS counter: the figure includes the setup')
    }
    if (cfg.warmup > 0) await runLoad(api.base, s, cfg.warmup, `${tag}w`)
    if (pg && env.BENCH_PG_STATEMENTS) {
      psql(pg, 'CREATE EXTENSION IF NOT EXISTS pg_stat_statements')
      psql(pg, 'SELECT pg_stat_statements_reset()')
    }
    const cpu0 = treeCpu()
    const cores0 = cpuTimes()
    log(`${profile}: ${cfg.duration} s of the mix, ${cfg.connections} connections (${pickGenerator()})`)
    const load = await runLoad(api.base, s, cfg.duration, tag)
    const cpu = treeCpu() - cpu0
    const coresBusyPct = busyPct(cores0, cpuTimes())
    const mem = treeMemory()
    const statements = pg && env.BENCH_PG_STATEMENTS ? topStatements(pg, load.requests) : null
    const plans = pg ? await checkPlans(pg, api.base, s.token) : null
    return {
      profile,
      state: 'ok' as const,
      scale: cfg.scale,
      connections: cfg.connections,
      pinned: canPin ? { api: cfg.apiCpu, loadAndPostgres: cfg.loadCpu } : null,
      pool: profile === 'pglite' ? null : Number(env.DB_POOL_MAX ?? 10),
      expensesServed: s.expenses,
      startMs: api.readyMs,
      seedMs: s.seedMs,
      login: logins,
      ...load,
      errorPct:
        Math.round(((load.requests - load.status['2xx']) / Math.max(1, load.requests)) * 10_000) / 100,
      server: {
        cpuPct: Math.round((cpu / load.seconds) * 100),
        cpuMsPerRequest: Math.round(((cpu * 1000) / Math.max(1, load.requests)) * 1000) / 1000,
        peakRssMb: mem.peakRss,
        setupPeakRssMb: setupPeakRss,
        endRssMb: mem.rss,
      },
      coresBusyPct,
      ...(statements ? { statements } : {}),
      plans,
    }
  } finally {
    if (api) await stop(api.proc)
    if (pg) stopPostgres(pg)
    rmSync(dataDir, { recursive: true, force: true })
  }
}

// ---------------------------------------------------------------- budgets

/**
 * `make start` (embedded, demo seed on) to the first 200 on /health: empty data folder, then warm.
 * `whileWarm` runs against the warm server, which has the demo data and serves `webDistDir`.
 */
async function measureStart<T>(webDistDir: string, whileWarm: (base: string) => Promise<T>) {
  const dataDir = mkdtempSync(join(tmpdir(), 'koprogo-bench-start-'))
  try {
    const first = await startApi({ DATA_DIR: dataDir, SEED_DEMO_ON_START: 'true' }, nextPort++)
    await stop(first.proc)
    const warm = await startApi(
      { DATA_DIR: dataDir, SEED_DEMO_ON_START: 'true', WEB_DIST_DIR: webDistDir },
      nextPort++,
    )
    try {
      return { firstMs: first.readyMs, warmMs: warm.readyMs, warm: await whileWarm(warm.base) }
    } finally {
      await stop(warm.proc)
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true })
  }
}

type NotMeasured = { state: 'skipped' | 'failed'; note: string }

/** A budget that fails is reported as failed; the others are still measured. */
async function attempt<T>(what: string, run: () => Promise<T>): Promise<T | NotMeasured> {
  try {
    return await run()
  } catch (error) {
    const note = (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? ''
    log(`${what} failed: ${error instanceof Error ? error.stack : String(error)}`)
    return { state: 'failed', note }
  }
}

/** The owner-charges budget on its own fresh server (no other load): embedded, or the VPS profile. */
async function measureOwnerChargesBudget(on: 'pglite' | 'postgres') {
  const dataDir = mkdtempSync(join(tmpdir(), 'koprogo-bench-charges-'))
  const pg = on === 'postgres' ? startPostgres(nextPort++) : null
  try {
    const api = await startApi({ DATA_DIR: dataDir, ...(pg ? { DATABASE_URL: pg.url } : {}) }, nextPort++)
    try {
      return await measureOwnerCharges({ base: api.base, superadmin: SUPERADMIN, log })
    } finally {
      await stop(api.proc)
    }
  } finally {
    if (pg) stopPostgres(pg, false)
    rmSync(dataDir, { recursive: true, force: true })
  }
}

async function measureWorkerBundles() {
  const pg = startPostgres(nextPort++)
  try {
    return await measureWorkers({ databaseUrl: pg.url, runs: cfg.coldStarts, log })
  } finally {
    stopPostgres(pg, false)
  }
}

// ---------------------------------------------------------------- report

const ms = (x: number | undefined) => (x === undefined ? '—' : `${x}`)

type ProfileResult = Awaited<ReturnType<typeof runProfile>>

function table(results: (ProfileResult | { profile: string; state: 'failed'; note: string })[]): string {
  const rows = [
    '| Profile | req/s | P50 ms | P90 ms | P95 ms | P99 ms | P99.9 ms | 2xx | 4xx | 5xx | errors % | API CPU % | API CPU ms/req | API peak RSS MB | CPUs busy % |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|',
    `| Rust KoproGo (published, 1 vCPU VPS, 180 s) | ${ANCHOR.rps} | ${ANCHOR.p50} | — | ${ANCHOR.p95} | ${ANCHOR.p99} | — | — | — | — | ${ANCHOR.errorPct} | — | — |`,
  ]
  for (const r of results) {
    if (r.state !== 'ok' || !('latencyMs' in r)) {
      rows.push(
        `| ${r.profile} | ${'note' in r ? `failed: ${r.note}` : 'failed'} | | | | | | | | | | | | | |`,
      )
      continue
    }
    const l = r.latencyMs
    rows.push(
      `| ${r.profile}${r.scale > 1 ? ` ×${r.scale}` : ''} (${r.generator}, ${Math.round(r.seconds)} s) | ${r.rps} | ${ms(l.p50)} | ${ms(l.p90)} | ${ms(l.p95)} | ${ms(l.p99)} | ${ms(l.p999)} | ${r.status['2xx']} | ${r.status['4xx']} | ${r.status['5xx']} | ${r.errorPct} | ${r.server.cpuPct} | ${r.server.cpuMsPerRequest} | ${r.server.peakRssMb} | ${r.coresBusyPct.join(' / ')} |`,
    )
  }
  return rows.join('\n')
}

async function main() {
  if (canPin) spawnSync('taskset', ['-a', '-p', '-c', cfg.loadCpu, String(process.pid)], { stdio: 'ignore' })
  else
    log('taskset or a second CPU is missing: nothing is pinned, figures are not comparable with the anchor')
  mkdirSync(resultsDir, { recursive: true })
  const stamp = new Date().toISOString().slice(0, 16).replace(/[:T]/g, '-')
  const machine = {
    cpu: cpus()[0]?.model,
    cpus: cpus().length,
    memoryGb: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    loadAverageAtStart: readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' '),
  }
  const results: (ProfileResult | { profile: string; state: 'failed'; note: string })[] = []
  for (const profile of cfg.profiles) {
    log(`profile ${profile}`)
    let r: ProfileResult | { profile: string; state: 'failed'; note: string }
    try {
      r = await runProfile(profile)
    } catch (error) {
      log(`${profile} failed: ${error instanceof Error ? error.message : String(error)}`)
      r = {
        profile,
        state: 'failed',
        note: String(error instanceof Error ? error.message : error).split('\n')[0] ?? '',
      }
    }
    const file = join(
      resultsDir,
      `${stamp}-${profile}${cfg.scale > 1 ? `-x${cfg.scale}` : ''}${cfg.label}.json`,
    )
    writeFileSync(
      file,
      `${JSON.stringify({ date: new Date().toISOString(), machine, durationS: cfg.duration, ...r }, null, 2)}\n`,
    )
    log(`wrote ${file}`)
    results.push(r)
  }
  let budgets = ''
  if (cfg.budgets) {
    const profileLogin = results.flatMap((r) => ('login' in r && r.login ? [r.login] : []))[0]
    const webDir = mkdtempSync(join(tmpdir(), 'koprogo-bench-web-'))
    const web = measureWeb(root, webDir)
    const skipped = (name: string): NotMeasured => ({ state: 'skipped', note: `${name}=0` })
    const start = await measureStart(webDir, async (base) => ({
      // Budgets only (no profile ran): the login cost on the embedded server, demo syndic.
      login: profileLogin
        ? undefined
        : { ...(await measureLogins(base, DEMO_SYNDIC)), on: 'embedded (PGlite)' },
      lighthouse: !cfg.lighthouse
        ? skipped('BENCH_LIGHTHOUSE')
        : web.state !== 'ok'
          ? ({ state: 'failed', note: `no web build: ${web.note}` } as NotMeasured)
          : await attempt('lighthouse', () =>
              measureLighthouse({ root, base, syndic: DEMO_SYNDIC, preset: cfg.lighthousePreset, log }),
            ),
    })).finally(() => rmSync(webDir, { recursive: true, force: true }))
    const loginRow = profileLogin ?? start.warm.login
    const lighthouse = start.warm.lighthouse
    const workers = cfg.workers
      ? await attempt('worker bundles', measureWorkerBundles)
      : skipped('BENCH_WORKERS')
    const b = {
      start: { firstMs: start.firstMs, warmMs: start.warmMs },
      web,
      login: loginRow,
      workerBundles: workers,
      lighthouse,
    }
    writeFileSync(join(resultsDir, `${stamp}-budgets${cfg.label}.json`), `${JSON.stringify(b, null, 2)}\n`)
    budgets = [
      '',
      '| Budget | Measured |',
      '|---|---|',
      `| make start → first 200 on /health, empty data folder (migrations + demo seed) | ${start.firstMs} ms |`,
      `| same, warm restart | ${start.warmMs} ms |`,
      `| login (argon2id m=19456 t=2 p=1), median round trip${loginRow && 'on' in loginRow ? `, ${loginRow.on}` : ''} | ${loginRow ? `${loginRow.medianMs} ms` : '—'} |`,
      `| logins per second, API on one core | ${loginRow ? loginRow.perSecond : '—'} |`,
      ...(web.state === 'ok' && web.pages
        ? Object.entries(web.pages).map(
            ([name, p]) =>
              `| web ${name === 'login' ? 'login page' : `${name} dashboard`}: JS / CSS (gzip -9) | ${(p.jsGzip / 1024).toFixed(1)} / ${(p.cssGzip / 1024).toFixed(1)} KiB |`,
          )
        : [`| web JS / CSS | ${web.note} |`]),
      ...('note' in workers
        ? [`| Worker bundles (gzip), workerd cold start | ${workers.state}: ${workers.note} |`]
        : workerRows(workers)),
      ...('note' in lighthouse
        ? [`| Lighthouse (login, syndic dashboard) | ${lighthouse.state}: ${lighthouse.note} |`]
        : lighthouseRows(lighthouse)),
    ].join('\n')
  }
  if (cfg.ownerCharges) {
    const rows: string[] = []
    const all: Record<string, unknown> = {}
    for (const on of cfg.ownerChargesOn) {
      const measured = await attempt(`owner charges (${on})`, () => measureOwnerChargesBudget(on))
      all[on] = measured
      rows.push(
        ...('note' in measured
          ? [`| owner charges (5,000 parts, ${on}) | ${measured.state}: ${measured.note} |`]
          : ownerChargesRows(
              measured,
              on === 'pglite' ? 'embedded (PGlite), API on one core' : 'Node + Postgres, API on one core',
            )),
      )
    }
    writeFileSync(
      join(resultsDir, `${stamp}-owner-charges${cfg.label}.json`),
      `${JSON.stringify(all, null, 2)}\n`,
    )
    budgets = budgets
      ? [budgets, ...rows].join('\n')
      : ['', '| Budget | Measured |', '|---|---|', ...rows].join('\n')
  }
  const md = `# Bench ${stamp}${cfg.label}\n\nMachine: ${machine.cpus} × ${machine.cpu}, ${machine.memoryGb} GiB, Node ${machine.node}; load average at start ${machine.loadAverageAtStart}. API pinned to CPU ${cfg.apiCpu}, generator and Postgres on CPU ${cfg.loadCpu}; ${cfg.connections} connections; realistic seed ×${cfg.scale}.\n\n${results.length ? table(results) : 'No load profile (BENCH_PROFILES is empty).'}\n${budgets}\n`
  writeFileSync(join(resultsDir, `${stamp}${cfg.scale > 1 ? `-x${cfg.scale}` : ''}${cfg.label}.md`), md)
  process.stdout.write(`\n${md}`)
}

main().catch((error: unknown) => {
  process.stderr.write(`bench: ${error instanceof Error ? error.stack : String(error)}\n`)
  process.exit(1)
})
