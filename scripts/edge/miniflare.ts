/**
 * The built Workers in workerd through Miniflare's API, wired like production: the gateway holds
 * a service binding to each resource Worker; every resource Worker gets the settings ([vars] and
 * secrets) and the R2 bucket. Used by the smoke test and by `make edge-serve`.
 */
import { readdirSync } from 'node:fs'
import { basename, join } from 'node:path'
import { convertV4MiniflareOptions, Miniflare } from 'miniflare'
import { GATEWAY } from '../../functions/_shared/edge/names.ts'
import {
  bundleFile,
  COMPATIBILITY_DATE,
  COMPATIBILITY_FLAGS,
  distDir,
  type EdgeWorker,
  R2_BINDING,
  TEXT_MODULES,
} from './workers.ts'

export type EdgeServeOptions = {
  host?: string
  port?: number
  r2Dir?: string
  /**
   * A Postgres connection string bound as HYPERDRIVE on every Worker that gets the settings: the
   * production path (`pg`, unnamed statements, a transaction pooler). Locally it points at a
   * PgBouncer in transaction mode (scripts/lib/pgbouncer.ts); Miniflare requires a password.
   */
  hyperdrive?: string
  /** workerd's V8 inspector on this port (bench/edge-profile.ts takes CPU profiles through it). */
  inspectorPort?: number
  /**
   * Also serve the gateway Worker on its own socket at this port, without Miniflare's entry
   * Worker in front (an isolate production does not have): what the bench measures with
   * BENCH_EDGE_DIRECT=1 (docs/performance.md, "Edge profile").
   */
  directPort?: number
}

/**
 * The bundle's entry plus the text modules wrangler wrote next to it as <sha1>-<file name>
 * (wrangler.toml `rules`; the gateway's Swagger UI files).
 */
function modulesOf(w: EdgeWorker): Array<{ type: 'ESModule' | 'Text'; path: string }> {
  const dir = distDir(w)
  const text = readdirSync(dir).filter((f) => TEXT_MODULES.some((m) => f.endsWith(`-${basename(m)}`)))
  return [
    { type: 'ESModule', path: bundleFile(w) },
    ...text.map((f) => ({ type: 'Text' as const, path: join(dir, f) })),
  ]
}

/** Miniflare 5 (wrangler 4.164's) still takes the documented v4 option shape through its converter. */
export function startEdge(
  workers: readonly EdgeWorker[],
  settings: Record<string, string>,
  serve: EdgeServeOptions = {},
): Miniflare {
  const options = convertV4MiniflareOptions({
    cf: false,
    ...(serve.host ? { host: serve.host } : {}),
    ...(serve.port !== undefined ? { port: serve.port } : {}),
    ...(serve.inspectorPort !== undefined ? { inspectorPort: serve.inspectorPort } : {}),
    workers: workers.map((w) => ({
      name: w.name,
      modules: modulesOf(w),
      modulesRoot: distDir(w),
      compatibilityDate: COMPATIBILITY_DATE,
      compatibilityFlags: [...COMPATIBILITY_FLAGS],
      serviceBindings: Object.fromEntries(w.services.map((s) => [s.binding, s.service])),
      ...(w.settings ? { bindings: settings } : {}),
      ...(w.settings && serve.hyperdrive ? { hyperdrives: { HYPERDRIVE: serve.hyperdrive } } : {}),
      ...(w.r2 ? { r2Buckets: [R2_BINDING], r2Persist: serve.r2Dir ?? false } : {}),
      ...(w.id === GATEWAY && serve.directPort !== undefined
        ? { unsafeDirectSockets: [{ host: serve.host ?? '127.0.0.1', port: serve.directPort }] }
        : {}),
    })),
  })
  return new Miniflare(options)
}
