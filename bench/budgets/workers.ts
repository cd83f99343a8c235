/**
 * The Workers' bundle sizes (the same build and measure as `make build-edge`) and workerd's cold
 * start: from creating a Miniflare instance with the already-built bundles (the way `make
 * edge-serve` and the smoke test do, scripts/edge/miniflare.ts) to the first HTTP response on its
 * port. That includes starting a new workerd process and loading every Worker's script (workerd
 * loads all of them at start), not bundling and not Node importing miniflare. Each start is
 * disposed of before the next. The first start is discarded (reported apart): on a fresh checkout,
 * right after the build, the first two took 11 and 6 s where the next ones took 1.5 s. Then the
 * median of `runs` is reported for two first requests, alternated:
 *   - GET /health: gateway → health Worker → Postgres `SELECT 1` (new connection: the full path);
 *   - GET /api/v1/buildings without a token: gateway → buildings Worker → 401, no database.
 */
import { type BundleSize, buildAndMeasure } from '../../scripts/edge/build.ts'
import { startEdge } from '../../scripts/edge/miniflare.ts'

export type WorkersOptions = {
  databaseUrl: string
  /** PgBouncer's URL bound as HYPERDRIVE, as in the workerd profile (docs/adr/0049). */
  hyperdrive?: string
  runs: number
  log: (msg: string) => void
}

const PROBES = [
  { name: 'health', path: '/health', expect: 200 },
  { name: 'unauthenticated', path: '/api/v1/buildings', expect: 401 },
] as const

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b)
  return s[s.length >> 1] ?? Number.NaN
}

async function coldStart(
  workers: BundleSize['worker'][],
  settings: Record<string, string>,
  path: string,
  hyperdrive: string | undefined,
) {
  const t0 = performance.now()
  const mf = startEdge(workers, settings, {
    host: '127.0.0.1',
    port: 0,
    ...(hyperdrive ? { hyperdrive } : {}),
  })
  try {
    const url = await mf.ready
    const readyMs = performance.now() - t0
    const res = await fetch(new URL(path, url))
    await res.arrayBuffer()
    return { readyMs, firstResponseMs: performance.now() - t0, status: res.status }
  } finally {
    await mf.dispose()
  }
}

export async function measureWorkers(o: WorkersOptions) {
  const sizes = await buildAndMeasure({ log: o.log })
  const bundles = Object.fromEntries(sizes.map((s) => [s.worker.id, { raw: s.raw, gzip: s.gzip }]))
  const gzip = sizes.map((s) => s.gzip)
  const biggest = sizes.reduce((a, b) => (b.gzip > a.gzip ? b : a))
  // The workerd profile's settings (development: no production checks on the secrets).
  const settings = {
    APP_ENV: 'development',
    LOG_LEVEL: 'error',
    DATABASE_URL: o.databaseUrl,
    JWT_SECRET: Buffer.from(crypto.getRandomValues(new Uint8Array(48))).toString('base64url'),
  }
  const workers = sizes.map((s) => s.worker)
  const discarded = await coldStart(workers, settings, '/health', o.hyperdrive)
  o.log(`workerd first start (discarded): ${Math.round(discarded.firstResponseMs)} ms`)
  const runs = PROBES.map(() => [] as Awaited<ReturnType<typeof coldStart>>[])
  for (let i = 0; i < o.runs; i++)
    for (const [p, probe] of PROBES.entries())
      runs[p]?.push(await coldStart(workers, settings, probe.path, o.hyperdrive))
  const coldStartMs: Record<
    string,
    { ready: number; firstResponse: number; runs: number[]; status: number }
  > = {}
  for (const [p, probe] of PROBES.entries()) {
    const all = runs[p] ?? []
    const wrong = all.find((r) => r.status !== probe.expect)
    if (wrong)
      throw new Error(`workerd cold start: GET ${probe.path} answered ${wrong.status}, not ${probe.expect}`)
    coldStartMs[probe.name] = {
      ready: Math.round(median(all.map((r) => r.readyMs))),
      firstResponse: Math.round(median(all.map((r) => r.firstResponseMs))),
      runs: all.map((r) => Math.round(r.firstResponseMs)),
      status: probe.expect,
    }
    o.log(`workerd cold start to GET ${probe.path}: ${coldStartMs[probe.name]?.runs.join(', ')} ms`)
  }
  return {
    state: 'ok' as const,
    workers: sizes.length,
    bundles,
    totalGzip: gzip.reduce((a, b) => a + b, 0),
    maxGzip: { worker: biggest.worker.id, gzip: biggest.gzip },
    firstStartDiscardedMs: Math.round(discarded.firstResponseMs),
    coldStartMs,
    coldStartIncludes:
      'new Miniflare → workerd process start → all Worker scripts loaded → first HTTP response',
  }
}

export type WorkersResult = Awaited<ReturnType<typeof measureWorkers>>

const kib = (n: number) => `${(n / 1024).toFixed(1)}`

/** The budgets table's rows. */
export function workerRows(r: WorkersResult): string[] {
  const each = Object.entries(r.bundles)
    .map(([id, b]) => `${id} ${kib(b.gzip)}`)
    .join(', ')
  const runs = Object.values(r.coldStartMs)[0]?.runs.length ?? 0
  const h = r.coldStartMs.health
  const u = r.coldStartMs.unauthenticated
  return [
    `| Worker bundles, gzip -9 (${r.workers} Workers): total / largest | ${kib(r.totalGzip)} KiB / ${kib(r.maxGzip.gzip)} KiB (${r.maxGzip.worker}) |`,
    `| Worker bundles, gzip -9, each (KiB) | ${each} |`,
    `| workerd cold start (new workerd + all scripts loaded + first response), median of ${runs}: GET /health (gateway → health Worker → Postgres) | ${h?.firstResponse} ms (Miniflare ready after ${h?.ready} ms) |`,
    `| same, GET /api/v1/buildings without token (gateway → buildings Worker → 401, no database) | ${u?.firstResponse} ms (Miniflare ready after ${u?.ready} ms) |`,
  ]
}
