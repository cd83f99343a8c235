import { z } from 'zod'
import { applyV1Aliases, type Deprecation } from './env-v1-aliases.ts'

const bool = z.stringbool().or(z.boolean())
const csv = z
  .string()
  .default('')
  .transform((s) =>
    s
      .split(',')
      .map((x) => x.trim())
      .filter(Boolean),
  )

/** Every setting the API reads. Parsed once at the entry; docs/configuration.md mirrors it. */
export const EnvSchema = z
  .object({
    APP_ENV: z.enum(['development', 'test', 'production']).default('development'),
    HOST: z.string().default('127.0.0.1'),
    PORT: z.coerce.number().int().min(1).max(65535).default(8080),
    DATABASE_URL: z.string().optional(),
    DATABASE_DRIVER: z.enum(['pglite', 'pg', 'neon']).optional(),
    DATA_DIR: z.string().default('.data'),
    DB_POOL_MAX: z.coerce.number().int().min(1).max(200).default(10),
    // Test/dev only: route the Neon driver's WebSocket through a local proxy (ignored in production).
    NEON_WS_PROXY: z.string().optional(),
    STORAGE_DIR: z.string().optional(),
    WEB_DIST_DIR: z.string().optional(),
    JWT_SECRET: z.string().optional(),
    ACCESS_TOKEN_TTL_SECONDS: z.coerce.number().int().min(30).max(86_400).default(900),
    REFRESH_TOKEN_TTL_DAYS: z.coerce.number().int().min(1).max(90).default(7),
    REFRESH_SESSION_MAX_DAYS: z.coerce.number().int().min(1).max(365).default(30),
    REFRESH_REUSE_GRACE_SECONDS: z.coerce.number().int().min(0).max(120).default(20),
    CORS_ORIGINS: csv,
    BODY_LIMIT_BYTES: z.coerce
      .number()
      .int()
      .min(1024)
      .default(1024 * 1024),
    UPLOAD_LIMIT_BYTES: z.coerce
      .number()
      .int()
      .min(1024)
      .default(50 * 1024 * 1024),
    SIGNUP_ENABLED: bool.default(false),
    SUPERADMIN_EMAIL: z.string().optional(),
    SUPERADMIN_PASSWORD: z.string().optional(),
    LOGIN_MAX_FAILURES_PER_EMAIL_IP: z.coerce.number().int().min(1).default(5),
    LOGIN_MAX_FAILURES_PER_EMAIL: z.coerce.number().int().min(1).default(100),
    LOGIN_MAX_FAILURES_PER_IP: z.coerce.number().int().min(1).default(50),
    LOGIN_WINDOW_SECONDS: z.coerce.number().int().min(1).default(900),
    ARGON2_MEMORY_KIB: z.coerce.number().int().min(8).default(19_456),
    ARGON2_ITERATIONS: z.coerce.number().int().min(1).default(2),
    ARGON2_PARALLELISM: z.coerce.number().int().min(1).default(1),
    TRUST_PROXY: bool.default(false),
    SEED_DEMO_ON_START: bool.default(true),
    LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
    // Unset: pretty at a development terminal, JSON otherwise (logger.ts defaultLogFormat).
    LOG_FORMAT: z.enum(['json', 'pretty']).optional(),
    // E-mail (ADR 0023). Unset transport: captured in the database (loud warning in production).
    MAIL_TRANSPORT: z.enum(['capture', 'smtp', 'http']).optional(),
    MAIL_FROM: z.string().default('KoproGo <no-reply@koprogo.invalid>'),
    SMTP_URL: z.string().optional(),
    MAIL_HTTP_URL: z.string().default('https://api.resend.com'),
    MAIL_HTTP_KEY: z.string().optional(),
    // The address people open the web app at: links in e-mails point there.
    PUBLIC_URL: z.string().optional(),
    INVITE_LINK_TTL_HOURS: z.coerce.number().int().min(1).max(720).default(168),
    RESET_LINK_TTL_MINUTES: z.coerce.number().int().min(5).max(1440).default(60),
    // The job runner over the outbox (functions/_shared/jobs, ADR 0019).
    JOB_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(100).default(8),
    JOB_RETRY_BASE_SECONDS: z.coerce.number().min(0).default(30),
    JOB_RETRY_MAX_SECONDS: z.coerce.number().min(0).default(3600),
    JOB_LEASE_SECONDS: z.coerce.number().int().min(1).default(300),
    JOB_TIMEOUT_SECONDS: z.coerce.number().int().min(1).default(600),
    JOB_POLL_INTERVAL_MS: z.coerce.number().int().min(10).default(1000),
    // Tests only: registers the job kinds of functions/_shared/jobs/test-kinds.ts (refused in production).
    TEST_JOB_KINDS: bool.default(false),
  })
  .superRefine((env, ctx) => {
    if (env.MAIL_TRANSPORT === 'smtp' && !env.SMTP_URL)
      ctx.addIssue({ code: 'custom', path: ['SMTP_URL'], message: 'is required when MAIL_TRANSPORT=smtp' })
    if (env.MAIL_TRANSPORT === 'http' && !env.MAIL_HTTP_KEY)
      ctx.addIssue({
        code: 'custom',
        path: ['MAIL_HTTP_KEY'],
        message: 'is required when MAIL_TRANSPORT=http',
      })
    if (env.APP_ENV !== 'production') return
    // Production fails closed on settings that would make the deployment unsafe.
    if (!env.JWT_SECRET || new TextEncoder().encode(env.JWT_SECRET).length < 32) {
      ctx.addIssue({
        code: 'custom',
        path: ['JWT_SECRET'],
        message: 'must be set to at least 32 bytes in production',
      })
    }
    if (env.CORS_ORIGINS.includes('*')) {
      ctx.addIssue({
        code: 'custom',
        path: ['CORS_ORIGINS'],
        message: 'must list origins, not "*", in production',
      })
    }
    if (!env.SUPERADMIN_PASSWORD || env.SUPERADMIN_PASSWORD === DEV_SUPERADMIN.password) {
      ctx.addIssue({
        code: 'custom',
        path: ['SUPERADMIN_PASSWORD'],
        message: 'must be set (and not the development default) in production',
      })
    }
    if (env.TEST_JOB_KINDS) {
      ctx.addIssue({ code: 'custom', path: ['TEST_JOB_KINDS'], message: 'is for tests only, not production' })
    }
    if (env.ARGON2_MEMORY_KIB < 19_456 || env.ARGON2_ITERATIONS < 2) {
      ctx.addIssue({
        code: 'custom',
        path: ['ARGON2_MEMORY_KIB'],
        message: 'must be at least m=19456 KiB, t=2 (OWASP) in production',
      })
    }
  })

export type Env = z.infer<typeof EnvSchema>

export const DEV_SUPERADMIN = { email: 'admin@koprogo.com', password: 'admin123' } as const

export class EnvError extends Error {}

/** The parsed settings and the deprecated (v1) variables found: the entry logs those once at start. */
export type EnvReading = { env: Env; deprecations: Deprecation[] }

/**
 * Parses raw variables (process.env or Worker bindings), v1 names translated first
 * (env-v1-aliases.ts); throws one readable message on failure, naming the variable as written.
 */
export function readEnv(raw: Record<string, unknown>): EnvReading {
  const cleaned = Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== '' && v !== undefined))
  const { env, deprecations, sources, errors } = applyV1Aliases(cleaned)
  const parsed = EnvSchema.safeParse(env)
  const lines = errors.map((e) => `  - ${e}`)
  if (!parsed.success) {
    for (const i of parsed.error.issues) {
      const key = String(i.path[0] ?? '')
      const old = sources[key]
      const name = old ? `${old} (v1 name of ${i.path.join('.')})` : i.path.join('.') || '(env)'
      lines.push(`  - ${name}: ${i.message}`)
    }
  }
  if (lines.length || !parsed.success) {
    throw new EnvError(`Invalid configuration, refusing to start:\n${lines.join('\n')}`)
  }
  return { env: parsed.data, deprecations }
}

/** readEnv without the deprecation notices (tests, scripts). */
export function parseEnv(raw: Record<string, unknown>): Env {
  return readEnv(raw).env
}
