/**
 * What a KoproGo Worker receives from wrangler.toml: [vars] and secrets as strings (parsed by
 * EnvSchema), plus platform bindings. Structural types only, so functions/ needs no
 * @cloudflare/workers-types (whose globals clash with the DOM lib the Node code uses).
 */
import type { R2BucketLike } from '../storage/r2-file-store.ts'

export type Fetcher = { fetch(request: Request): Promise<Response> }

/** Hyperdrive gives a connection string to a pooled, nearby Postgres endpoint. */
export type HyperdriveLike = { readonly connectionString: string }

export type WorkerBindings = Readonly<Record<string, unknown>>

export function isFetcher(value: unknown): value is Fetcher {
  return typeof value === 'object' && value !== null && typeof Reflect.get(value, 'fetch') === 'function'
}

export function hyperdriveOf(bindings: WorkerBindings): HyperdriveLike | undefined {
  const h = bindings.HYPERDRIVE
  if (typeof h !== 'object' || h === null) return undefined
  const url = Reflect.get(h, 'connectionString')
  return typeof url === 'string' ? { connectionString: url } : undefined
}

/** Only strings are settings; objects are bindings (services, R2, Hyperdrive). */
export function settingsOf(bindings: WorkerBindings): Record<string, string> {
  return Object.fromEntries(
    Object.entries(bindings).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
  )
}

/** The R2 bucket documents are stored in ([[r2_buckets]] binding `DOCUMENTS`), if bound. */
export function documentsBucketOf(bindings: WorkerBindings): R2BucketLike | undefined {
  const bucket = bindings.DOCUMENTS
  if (typeof bucket !== 'object' || bucket === null) return undefined
  const methods = ['put', 'get', 'delete'].every((m) => typeof Reflect.get(bucket, m) === 'function')
  return methods ? (bucket as R2BucketLike) : undefined
}
