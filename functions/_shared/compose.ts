import { ensureSuperadmin, type FileStore } from '@koprogo/domain'
import type { Context } from 'hono'
import type { DatabaseHandle } from './db/client.ts'
import { DEV_SUPERADMIN, type Env } from './env.ts'
import { createLogger, type Logger } from './logger.ts'
import type { Mailer } from './mail/mailer.ts'
import { mailerFromEnv } from './mail/select-mailer.ts'
import type { Runtime } from './runtime.ts'
import { useCaseContextFor } from './runtime.ts'
import { defaultHashSlots, type HashSlots } from './security/hash-slots.ts'
import { argon2PasswordHasher } from './security/password-hasher.ts'
import { AccessTokenKey } from './security/session-tokens.ts'

/** The composition root shared by every entry: env + database → the handlers' runtime. */
export function buildRuntime(
  env: Env,
  database: DatabaseHandle,
  options: {
    files: FileStore
    logger?: Logger
    clientIp?: (c: Context) => string
    hashSlots?: HashSlots
    /** SMTP is made by the Node entry (Node-only code); otherwise the env picks capture or HTTP. */
    mailer?: Mailer
  },
): Runtime {
  if (!env.JWT_SECRET) throw new Error('JWT_SECRET is required (the Node entry generates one in development)')
  return {
    env,
    database,
    passwords: argon2PasswordHasher(
      {
        memoryKib: env.ARGON2_MEMORY_KIB,
        iterations: env.ARGON2_ITERATIONS,
        parallelism: env.ARGON2_PARALLELISM,
      },
      options.hashSlots ?? defaultHashSlots(availableCores()),
    ),
    accessKey: new AccessTokenKey(env.JWT_SECRET),
    logger: options.logger ?? createLogger(env.LOG_LEVEL),
    files: options.files,
    clientIp: options.clientIp ?? ((c) => headerIp(c, env) ?? 'unknown'),
    mailer: options.mailer ?? mailerFromEnv(env, database.db),
  }
}

/** The cores this process may use (Node's os.availableParallelism); 1 where there is no such API (Workers). */
function availableCores(): number {
  const proc = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process
  try {
    const os = proc?.getBuiltinModule?.('node:os') as { availableParallelism?: () => number } | undefined
    return os?.availableParallelism?.() ?? 1
  } catch {
    return 1
  }
}

/** Forwarded addresses are believed only behind a proxy the operator declared (TRUST_PROXY). */
export function headerIp(c: Context, env: Env): string | undefined {
  if (!env.TRUST_PROXY) return undefined
  return c.req.header('x-forwarded-for')?.split(',')[0]?.trim() || c.req.header('x-real-ip') || undefined
}

/**
 * Creates the first superadmin from SUPERADMIN_EMAIL/PASSWORD. Outside production, when they are
 * unset, the well-known development account is created and a warning says so loudly.
 */
export async function bootstrapSuperadmin(
  runtime: Runtime,
): Promise<{ email: string; usingDefault: boolean }> {
  const { env, logger } = runtime
  const usingDefault = !env.SUPERADMIN_EMAIL || !env.SUPERADMIN_PASSWORD
  if (usingDefault && env.APP_ENV === 'production')
    throw new Error('SUPERADMIN_EMAIL and SUPERADMIN_PASSWORD are required')
  const email = env.SUPERADMIN_EMAIL ?? DEV_SUPERADMIN.email
  const password = env.SUPERADMIN_PASSWORD ?? DEV_SUPERADMIN.password
  const result = await ensureSuperadmin({
    ctx: useCaseContextFor(runtime, 'bootstrap'),
    input: { email, password },
  })
  if (!result.ok) throw new Error(`Could not create the superadmin: ${result.error.message}`)
  if (result.value.created && usingDefault) {
    logger.warn(
      'created the DEVELOPMENT superadmin with a well-known password; set SUPERADMIN_EMAIL/SUPERADMIN_PASSWORD',
      {
        email,
      },
    )
  }
  return { email, usingDefault }
}
