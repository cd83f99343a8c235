import type {
  Actor,
  ActorContext,
  FileStore,
  IdentitySettings,
  PasswordHasher,
  UseCaseContext,
} from '@koprogo/domain'
import type { Context } from 'hono'
import type { DatabaseHandle } from './db/client.ts'
import { bindRepositories } from './db/repositories/index.ts'
import { runInTransaction } from './db/transaction.ts'
import type { Env } from './env.ts'
import { uuidv7Generator } from './ids.ts'
import type { Logger } from './logger.ts'
import type { Mailer } from './mail/mailer.ts'
import { type AccessTokenKey, sessionTokenService } from './security/session-tokens.ts'

/**
 * What the handlers need from the outside world. Node builds one for the process (one pool);
 * a Worker builds one per request from its bindings.
 */
export type Runtime = {
  readonly env: Env
  readonly database: DatabaseHandle
  readonly passwords: PasswordHasher
  readonly accessKey: AccessTokenKey
  readonly logger: Logger
  /** Document bytes: a local folder on Node, an R2 bucket in Workers. */
  readonly files: FileStore
  /** The caller's address for login throttling; how to read it depends on the host. */
  readonly clientIp: (c: Context) => string
  /** Outgoing e-mail, used by the mail jobs (ADR 0023). */
  readonly mailer: Mailer
  /**
   * `false` turns the batched unit of work off for every route (ADR 0047): the A/B of
   * functions/test/load/create-round-trips.load.test.ts, and a switch if a driver misbehaves.
   */
  readonly batchedWrites?: boolean
}

export type AppEnv = {
  Variables: {
    requestId: string
    runtime: Runtime
    actor: Actor | null
  }
}

export function identitySettings(env: Env): IdentitySettings {
  return {
    signupEnabled: env.SIGNUP_ENABLED,
    loginMaxFailuresPerEmailIp: env.LOGIN_MAX_FAILURES_PER_EMAIL_IP,
    loginMaxFailuresPerEmail: env.LOGIN_MAX_FAILURES_PER_EMAIL,
    loginMaxFailuresPerIp: env.LOGIN_MAX_FAILURES_PER_IP,
    loginWindowSeconds: env.LOGIN_WINDOW_SECONDS,
    refreshTokenTtlSeconds: env.REFRESH_TOKEN_TTL_DAYS * 86_400,
    refreshSessionMaxSeconds: env.REFRESH_SESSION_MAX_DAYS * 86_400,
    refreshReuseGraceSeconds: env.REFRESH_REUSE_GRACE_SECONDS,
  }
}

/**
 * `batchedWrites`: the use case's unit of work sends its deferred writes as one statement and
 * opens a transaction only when it needs one (db/write-batch.ts, ADR 0047). On for the creates
 * of the anchor mix; a route turns it on once its tests pass with it.
 */
export type ContextOptions = { readonly batchedWrites?: boolean }

export function useCaseContextFor(
  runtime: Runtime,
  requestId: string,
  options: ContextOptions = {},
): UseCaseContext {
  const db = runtime.database.db
  const batched = options.batchedWrites === true && runtime.batchedWrites !== false
  return {
    requestId,
    clock: { now: () => new Date() },
    ids: uuidv7Generator,
    repos: bindRepositories(db),
    transaction: (work) => runInTransaction(db, bindRepositories, work, { batched }),
    passwords: runtime.passwords,
    sessions: sessionTokenService(runtime.accessKey, runtime.env.ACCESS_TOKEN_TTL_SECONDS),
    settings: identitySettings(runtime.env),
    files: runtime.files,
  }
}

/** The per-request use-case context (no actor: public endpoints). */
export function publicContext(c: Context<AppEnv>, options: ContextOptions = {}): UseCaseContext {
  return useCaseContextFor(c.get('runtime'), c.get('requestId'), options)
}

/** The per-request use-case context of the authenticated caller; requireAuth guarantees the actor. */
export function actorContext(c: Context<AppEnv>, options: ContextOptions = {}): ActorContext {
  const actor = c.get('actor')
  if (!actor) throw new Error('actorContext used on a route without requireAuth')
  return { ...publicContext(c, options), actor }
}
