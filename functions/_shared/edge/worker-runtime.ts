import type { FileStore } from '@koprogo/domain'
import { neonConfig } from '@neondatabase/serverless'
import type { Context } from 'hono'
import type { RuntimeProvider } from '../app.ts'
import { buildRuntime } from '../compose.ts'
import { createDatabase, type DatabaseConfig, pickDriver } from '../db/client.ts'
import { type Env, readEnv } from '../env.ts'
import { warnDeprecated } from '../env-v1-aliases.ts'
import { createLogger, type Logger } from '../logger.ts'
import { warnAboutMail } from '../mail/select-mailer.ts'
import type { AppEnv, Runtime } from '../runtime.ts'
import { AccessTokenKey } from '../security/session-tokens.ts'
import { r2FileStore } from '../storage/r2-file-store.ts'
import { documentsBucketOf, hyperdriveOf, settingsOf, type WorkerBindings } from './bindings.ts'

/** What is worth keeping for the life of an isolate: the parsed env, the imported HMAC key, the logger. */
type Isolate = { env: Env; accessKey: AccessTokenKey; logger: Logger }
let isolate: Isolate | undefined

function isolateFor(bindings: WorkerBindings): Isolate {
  if (isolate) return isolate
  // Throws EnvError on a bad configuration: every request then fails closed with a 500.
  const { env, deprecations } = readEnv(settingsOf(bindings))
  if (!env.JWT_SECRET) throw new Error('JWT_SECRET is required: wrangler secret put JWT_SECRET')
  const logger = createLogger(env.LOG_LEVEL)
  warnDeprecated(logger, deprecations)
  configureNeon(env, logger)
  warnAboutMail(env, logger)
  isolate = { env, accessKey: new AccessTokenKey(env.JWT_SECRET), logger }
  return isolate
}

/** Tests reach a local Postgres through a WebSocket-to-TCP proxy; production never does. */
function configureNeon(env: Env, logger: Logger): void {
  if (!env.NEON_WS_PROXY) return
  if (env.APP_ENV === 'production') {
    logger.warn('NEON_WS_PROXY is ignored in production')
    return
  }
  const proxy = env.NEON_WS_PROXY
  neonConfig.wsProxy = (host, port) => `${proxy}?address=${host}:${port}`
  neonConfig.useSecureWebSocket = false
  neonConfig.pipelineTLS = false
  neonConfig.pipelineConnect = false
}

/** Without the R2 binding, every resource but documents still works; document calls fail loudly. */
const NO_BUCKET: FileStore = {
  put: () => Promise.reject(new Error('No R2 binding DOCUMENTS on this Worker (wrangler.toml r2_buckets)')),
  get: () => Promise.reject(new Error('No R2 binding DOCUMENTS on this Worker (wrangler.toml r2_buckets)')),
  delete: () =>
    Promise.reject(new Error('No R2 binding DOCUMENTS on this Worker (wrangler.toml r2_buckets)')),
}

function filesFor(bindings: WorkerBindings): FileStore {
  const bucket = documentsBucketOf(bindings)
  return bucket ? r2FileStore(bucket) : NO_BUCKET
}

/** Hyperdrive (pooled TCP, `pg` + nodejs_compat) wins over DATABASE_URL (Neon over WebSocket). */
export function edgeDatabaseConfig(env: Env, bindings: WorkerBindings): DatabaseConfig {
  const hyperdrive = hyperdriveOf(bindings)
  const url = hyperdrive?.connectionString ?? env.DATABASE_URL
  if (!url) throw new Error('DATABASE_URL (wrangler secret) or a HYPERDRIVE binding is required on Workers')
  const driver = hyperdrive ? 'pg' : (env.DATABASE_DRIVER ?? pickDriver({ url }))
  if (driver === 'pglite') throw new Error('DATABASE_DRIVER=pglite cannot run in a Worker')
  // Hyperdrive pools connections itself: no startup parameters it might refuse (client.ts).
  return { url, driver, poolMax: env.DB_POOL_MAX, serverTimeouts: hyperdrive ? false : undefined }
}

/**
 * A runtime from a Worker's bindings with its own database client (no module-level pools on the
 * edge: a socket cannot outlive the request or event that opened it). The caller closes
 * `runtime.database` (with waitUntil).
 */
export async function runtimeFromBindings(
  bindings: WorkerBindings,
  clientIp: (c: Context) => string = () => 'unknown',
): Promise<Runtime> {
  const { env, accessKey, logger } = isolateFor(bindings)
  const database = await createDatabase(edgeDatabaseConfig(env, bindings))
  return { ...buildRuntime(env, database, { files: filesFor(bindings), logger, clientIp }), accessKey }
}

/** The Worker's runtime per request; the resource Worker closes its database after the response. */
export const workerRuntime: RuntimeProvider = (c: Context<AppEnv>) =>
  // AppEnv declares no Bindings (Node has none); on Workers, c.env is the bindings object.
  // Cloudflare sets cf-connecting-ip itself at its edge; a client cannot forge it there.
  runtimeFromBindings(
    (c.env ?? {}) as WorkerBindings,
    (ctx) => ctx.req.header('cf-connecting-ip') ?? 'unknown',
  )
