/**
 * The load generators: wrk (bench/wrk/mix.lua) when installed, else autocannon in-process with the
 * shared request mix (scripts/lib/request-mix.ts). Both report the same LoadResult.
 */
import { spawn } from 'node:child_process'
import { join } from 'node:path'
import type autocannon from 'autocannon'
import { ensureWrk } from '../scripts/lib/debian-package.ts'
import { createMix } from '../scripts/lib/request-mix.ts'
import { cfg, env, has, root } from './config.ts'
import type { Setup } from './setup.ts'

export type LoadResult = {
  generator: string
  requests: number
  seconds: number
  rps: number
  latencyMs: { p50: number; p90: number; p95: number; p99: number; p999: number; max: number }
  status: { '2xx': number; '4xx': number; '5xx': number; other: number; socketErrors: number }
  byEndpoint?: Record<string, Record<string, number>>
  failureSamples?: string[]
}

/**
 * wrk unless a fixed rate is asked for (autocannon only) or BENCH_GENERATOR says otherwise; on a
 * fresh Debian machine `auto` installs wrk (scripts/lib/debian-package.ts) rather than fall back to
 * autocannon, which shares the Postgres core and takes several times more of it per request.
 */
let picked: string | undefined
export const pickGenerator = () => {
  picked ??= env.BENCH_RATE
    ? 'autocannon'
    : cfg.generator === 'auto'
      ? has('wrk') || ensureWrk((line) => process.stderr.write(`bench: ${line}\n`))
        ? 'wrk'
        : 'autocannon'
      : cfg.generator
  return picked
}

export async function runLoad(base: string, s: Setup, seconds: number, tag: string): Promise<LoadResult> {
  return pickGenerator() === 'wrk' ? runWrk(base, s, seconds, tag) : runAutocannon(base, s, seconds, tag)
}

export function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return 0
  const i = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)
  return Math.round((sorted[Math.max(0, i)] ?? 0) * 100) / 100
}

export async function runAutocannon(
  base: string,
  s: Setup,
  seconds: number,
  tag: string,
): Promise<LoadResult> {
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

export async function runWrk(base: string, s: Setup, seconds: number, tag: string): Promise<LoadResult> {
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
