import type { FileStore } from '@koprogo/domain'
import { neonConfig } from '@neondatabase/serverless'
import type { Context } from 'hono'
import type { RuntimeProvider } from '../app.ts'
import { buildRuntime } from '../compose.ts'
import {
  createDatabase,
  createRequestScopedDatabase,
  type DatabaseConfig,
  pickDriver,
  type RequestDatabaseHandle,
} from '../db/client.ts'
import { type Env, readEnv } from '../env.ts'
import { warnDeprecated } from '../env-v1-aliases.ts'
import { createLogger, type Logger } from '../logger.ts'
import { warnAboutMail } from '../mail/select-mailer.ts'
import type { AppEnv, Runtime } from '../runtime.ts'
import { AccessTokenKey } from '../security/session-tokens.ts'
import { r2FileStore } from '../storage/r2-file-store.ts'
import { documentsBucketOf, hyperdriveOf, settingsOf, type WorkerBindings } from './bindings.ts'

/**
 * What is worth keeping for the life of an isolate: the parsed env, the imported HMAC key, the
 * logger, and (pg: Hyperdrive or a Postgres URL) the Drizzle instance with its prepared queries.
 */
type Isolate = {
  env: Env
  accessKey: AccessTokenKey
  logger: Logger
  database?: Promise<{ open(): RequestDatabaseHandle }>
}
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

/** The connections one request may open to Hyperdrive (edgeDatabaseConfig, ADR 0053). */
export const EDGE_REQUEST_CONNECTIONS = 1

/** Hyperdrive (pooled TCP, `pg` + nodejs_compat) wins over DATABASE_URL (Neon over WebSocket). */
export function edgeDatabaseConfig(env: Env, bindings: WorkerBindings): DatabaseConfig {
  const hyperdrive = hyperdriveOf(bindings)
  const url = hyperdrive?.connectionString ?? env.DATABASE_URL
  if (!url) throw new Error('DATABASE_URL (wrangler secret) or a HYPERDRIVE binding is required on Workers')
  const driver = hyperdrive ? 'pg' : (env.DATABASE_DRIVER ?? pickDriver({ url }))
  if (driver === 'pglite') throw new Error('DATABASE_DRIVER=pglite cannot run in a Worker')
  // Hyperdrive pools connections itself, in transaction mode: no startup parameters it might
  // refuse, no named prepared statements (client.ts, namedStatements; ADR 0049).
  return {
    url,
    driver,
    // Behind Hyperdrive a request holds ONE connection (ADR 0053): each further connection is a
    // TCP connect, a startup and a password exchange in the Worker for a statement that takes
    // well under a millisecond — a list's rows and count (Promise.all) opened two per request.
    // Statements of one request queue on it, as they do on PGlite's single connection, which
    // the whole test suite runs on (so no code path waits on a second connection).
    poolMax: hyperdrive ? EDGE_REQUEST_CONNECTIONS : env.DB_POOL_MAX,
    serverTimeouts: hyperdrive ? false : undefined,
    namedStatements: hyperdrive ? false : undefined,
  }
}

/**
 * The database of one request or event. With `pg` the Drizzle instance is the isolate's and only
 * the connections are the request's (createRequestScopedDatabase); the Neon driver still builds
 * its own per request. The caller runs its work in `run` and closes the handle (with waitUntil).
 */
export async function openRequestDatabase(bindings: WorkerBindings): Promise<RequestDatabaseHandle> {
  const state = isolateFor(bindings)
  const config = edgeDatabaseConfig(state.env, bindings)
  if (config.driver !== 'pg') {
    const handle = await createDatabase(config)
    return { ...handle, run: (work) => work() }
  }
  state.database ??= createRequestScopedDatabase(config)
  try {
    return (await state.database).open()
  } catch (error) {
    state.database = undefined
    throw error
  }
}

/** A runtime from a Worker's bindings around the database of the request or event (openRequestDatabase). */
export function runtimeFromBindings(
  bindings: WorkerBindings,
  database: RequestDatabaseHandle,
  clientIp: (c: Context) => string = () => 'unknown',
): Runtime {
  const { env, accessKey, logger } = isolateFor(bindings)
  return { ...buildRuntime(env, database, { files: filesFor(bindings), logger, clientIp }), accessKey }
}

/** Each request's database, opened by the resource Worker's first middleware (resource-worker.ts). */
export const requestDatabases = new WeakMap<Context, RequestDatabaseHandle>()

/** The Worker's runtime per request, around the database its first middleware opened. */
export const workerRuntime: RuntimeProvider = (c: Context<AppEnv>) => {
  const database = requestDatabases.get(c)
  if (!database) throw new Error('No request database: createResourceWorker opens it before the stack')
  // AppEnv declares no Bindings (Node has none); on Workers, c.env is the bindings object.
  // Cloudflare sets cf-connecting-ip itself at its edge; a client cannot forge it there.
  return runtimeFromBindings(
    (c.env ?? {}) as WorkerBindings,
    database,
    (ctx) => ctx.req.header('cf-connecting-ip') ?? 'unknown',
  )
}
