/**
 * Builds every Worker with `wrangler deploy --dry-run --outdir dist/workers/<id> --env <id>` (two
 * at a time: the machines have two cores) and measures each bundle. A stamp of the sources makes
 * a second call in the same `make test` (bundles, then smoke) free.
 */
import { spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { ROOT } from './route-table.ts'
import { bundleFile, distDir, type EdgeWorker, edgeWorkers } from './workers.ts'

export const WRANGLER_ENV = {
  WRANGLER_SEND_METRICS: 'false',
  WRANGLER_SEND_ERROR_REPORTS: 'false',
  WRANGLER_HIDE_BANNER: 'true',
  CLOUDFLARE_CF_FETCH_ENABLED: 'false',
} as const

export type BundleSize = { worker: EdgeWorker; raw: number; gzip: number; forbidden: string[] }

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? filesUnder(join(dir, e.name)) : [join(dir, e.name)],
  )
}

function sourcesStamp(): string {
  const hash = createHash('sha256')
  const roots = ['functions', 'domain/src'].map((d) => join(ROOT, d))
  const files = roots.flatMap((d) => filesUnder(d)).filter((f) => !f.includes('node_modules'))
  for (const f of [...files, join(ROOT, 'wrangler.toml'), join(ROOT, 'pnpm-lock.yaml')].sort()) {
    hash
      .update(f)
      .update(String(statSync(f).mtimeMs))
      .update(String(statSync(f).size))
  }
  return hash.digest('hex')
}

function wranglerBuild(w: EdgeWorker): Promise<{ code: number; output: string }> {
  const out = distDir(w)
  rmSync(out, { recursive: true, force: true })
  const wrangler = join(ROOT, 'node_modules', 'wrangler', 'bin', 'wrangler.js')
  const args = [wrangler, 'deploy', '--dry-run', '--outdir', out, '--env', w.id]
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, env: { ...process.env, ...WRANGLER_ENV } })
    let output = ''
    child.stdout.on('data', (d: Buffer) => {
      output += d.toString()
    })
    child.stderr.on('data', (d: Buffer) => {
      output += d.toString()
    })
    child.on('close', (code) => resolve({ code: code ?? 1, output }))
  })
}

/** Builds what is stale; throws with wrangler's output when a build fails. */
export async function buildWorkers(options: { force?: boolean; log?: (line: string) => void } = {}) {
  const log = options.log ?? ((line: string) => process.stdout.write(`${line}\n`))
  const workers = edgeWorkers()
  const stampFile = join(ROOT, 'dist', 'workers', '.stamp')
  const stamp = sourcesStamp()
  const built = workers.every((w) => existsSync(bundleFile(w)))
  if (!options.force && built && existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp) {
    log(`edge: ${workers.length} Worker bundles up to date`)
    return workers
  }
  const started = performance.now()
  const queue = [...workers]
  const failures: string[] = []
  const lane = async () => {
    for (let w = queue.shift(); w; w = queue.shift()) {
      const r = await wranglerBuild(w)
      if (r.code !== 0) failures.push(`${w.id}:\n${r.output}`)
    }
  }
  await Promise.all([lane(), lane()])
  if (failures.length > 0) throw new Error(`wrangler build failed for ${failures.join('\n')}`)
  writeFileSync(stampFile, stamp)
  log(`edge: built ${workers.length} Workers in ${((performance.now() - started) / 1000).toFixed(1)} s`)
  return workers
}

/** Signs that Node-only code leaked into a bundle (see NODE_ONLY_ALIASES). */
const FORBIDDEN: ReadonlyArray<readonly [string, RegExp]> = [
  ['PGlite', /class PGlite\b|pglite\.wasm/],
  ['node:fs', /^import .* from "(node:)?fs(\/promises)?";$/m],
  ['ws (Node WebSocket)', /class WebSocketServer\b/],
]

export function measure(w: EdgeWorker): BundleSize {
  // Text modules (Swagger UI's script and stylesheet in the gateway) count like code.
  const files = filesUnder(distDir(w)).filter((f) => /\.(m?js|wasm|css)$/.test(f))
  let raw = 0
  let gzip = 0
  const forbidden = new Set<string>()
  for (const f of files) {
    const bytes = readFileSync(f)
    raw += bytes.length
    gzip += gzipSync(bytes, { level: 9 }).length
    const text = bytes.toString('utf8')
    for (const [name, pattern] of FORBIDDEN) if (pattern.test(text)) forbidden.add(name)
  }
  return { worker: w, raw, gzip, forbidden: [...forbidden] }
}

/** Builds what is stale, then measures every bundle: `make build-edge`/`make test` and `make bench`. */
export async function buildAndMeasure(
  options: Parameters<typeof buildWorkers>[0] = {},
): Promise<BundleSize[]> {
  return (await buildWorkers(options)).map(measure)
}

export const kib = (n: number) => `${(n / 1024).toFixed(1)} KiB`
