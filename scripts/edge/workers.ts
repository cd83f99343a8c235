/**
 * The edge layout derived from the route table: one Worker per resource plus the gateway, their
 * entries, bindings and settings. wrangler.toml, the resource entries, `make build-edge` and the
 * workerd smoke test all come from here (docs/adr/0010-edge-workers-layout.md).
 */
import { basename, join, relative } from 'node:path'
import { GATEWAY, serviceBinding, workerName } from '../../functions/_shared/edge/names.ts'
import { type ResourceEntry, ROOT, readRouteTable } from './route-table.ts'

export const COMPATIBILITY_DATE = '2026-11-01'
/** `pg` over TCP (Hyperdrive) needs node:net & co.; the Neon WebSocket driver needs nothing. */
export const COMPATIBILITY_FLAGS = ['nodejs_compat'] as const
/** Workers free plan, compressed: the smallest limit a self-hosting association may be on. */
export const BUNDLE_LIMIT_GZIP_BYTES = 3 * 1024 * 1024
export const SECRETS = ['JWT_SECRET', 'DATABASE_URL', 'SUPERADMIN_PASSWORD'] as const
/** Settings every resource Worker gets as [vars]; anything else keeps the EnvSchema default. */
export const EDGE_VARS: Readonly<Record<string, string>> = {
  APP_ENV: 'production',
  LOG_LEVEL: 'info',
  CORS_ORIGINS: 'https://app.koprogo.example',
  SIGNUP_ENABLED: 'false',
  DB_POOL_MAX: '5',
}
export const R2_BINDING = 'DOCUMENTS'
export const R2_BUCKET = 'koprogo-documents'

/**
 * Modules a Worker must never bundle: PGlite (WebAssembly, node:fs), the migrators (read files),
 * `ws` (Workers have a global WebSocket), and `fs`/`pgpass`, which `pg` loads only for
 * certificate files or a password-less URL (~/.pgpass): neither exists in a Worker.
 * db/client.ts imports the first ones lazily and never reaches them on the edge. `exceljs` (the
 * register's XLSX, functions/buildings/register-xlsx.ts) is Node streams and ~1 MB: on the edge the
 * XLSX path answers 415 "send CSV" instead of bloating the buildings Worker.
 */
export const NODE_ONLY_ALIASES = [
  '@electric-sql/pglite',
  'drizzle-orm/pglite',
  'drizzle-orm/pglite/migrator',
  'drizzle-orm/node-postgres/migrator',
  'drizzle-orm/neon-serverless/migrator',
  'ws',
  'fs',
  'pgpass',
  'exceljs',
] as const
export const STUB = './functions/_shared/edge/node-only-stub.ts'
/** Import specifiers bundled as text modules (wrangler matches a rule glob against the specifier):
 * the gateway serves the API reference's script and stylesheet. */
export const TEXT_MODULES = [
  'swagger-ui-dist/swagger-ui-bundle.js',
  'swagger-ui-dist/swagger-ui.css',
] as const

export type EdgeWorker = {
  /** `gateway` or the resource name; also its wrangler environment (`--env <id>`). */
  readonly id: string
  readonly name: string
  /** Entry relative to the repository root. */
  readonly main: string
  readonly services: ReadonlyArray<{ binding: string; service: string }>
  readonly r2: boolean
  readonly resource: ResourceEntry | undefined
  /** Gets the settings ([vars] and secrets): every Worker but the gateway. */
  readonly settings: boolean
  /** Cron Triggers (the jobs Worker). */
  readonly crons: readonly string[]
}

/** The job runner's Worker: no route, a Cron Trigger (functions/_shared/edge/jobs-worker.ts, ADR 0019). */
export const JOBS = 'jobs'
/** Every minute, the shortest a Cron Trigger allows: a job waits at most about a minute on the edge. */
export const JOBS_CRON = '* * * * *'

export function edgeWorkers(resources: readonly ResourceEntry[] = readRouteTable()): EdgeWorker[] {
  const gateway: EdgeWorker = {
    id: GATEWAY,
    name: workerName(GATEWAY),
    main: 'functions/gateway/index.ts',
    services: resources.map((r) => ({ binding: serviceBinding(r.name), service: workerName(r.name) })),
    r2: false,
    resource: undefined,
    settings: false,
    crons: [],
  }
  const jobs: EdgeWorker = {
    id: JOBS,
    name: workerName(JOBS),
    main: 'functions/_shared/edge/jobs-worker.ts',
    services: [],
    // Handlers may store files (generated PDFs).
    r2: true,
    resource: undefined,
    settings: true,
    crons: [JOBS_CRON],
  }
  return [
    gateway,
    jobs,
    ...resources.map((r) => ({
      id: r.name,
      name: workerName(r.name),
      main: `functions/${r.name}/index.ts`,
      services: [],
      // Every resource Worker may store files (documents today, generated PDFs later).
      r2: true,
      resource: r,
      settings: true,
      crons: [],
    })),
  ]
}

export function distDir(worker: EdgeWorker): string {
  return join(ROOT, 'dist', 'workers', worker.id)
}

/** The bundle wrangler writes: its entry's file name with .js (index.js for resources and the gateway). */
export function bundleFile(worker: EdgeWorker): string {
  return join(distDir(worker), basename(worker.main).replace(/\.ts$/, '.js'))
}

/** The Worker entry for a resource: imports only that resource's routes. */
export function resourceEntrySource(r: ResourceEntry): string {
  const from = relative(join(ROOT, 'functions', r.name), join(ROOT, 'functions', r.module))
  const spec = from.startsWith('.') ? from : `./${from}`
  return `// Generated by scripts/edge/generate.ts from functions/resources.ts (make edge-config).
import { createResourceWorker } from '../_shared/edge/resource-worker.ts'
import { ${r.exportName} } from '${spec}'

// The one allowed default export: Workers take their fetch handler from the module's default.
export default createResourceWorker('${r.name}', ${r.exportName})
`
}
