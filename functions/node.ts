/**
 * Node entry (embedded and single-VPS profiles): one process serving the API under /api/v1 and
 * the built web app, with one database pool for the process. `make start` runs this file.
 */
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { serve } from '@hono/node-server'
import { getConnInfo } from '@hono/node-server/conninfo'
import { nodeApiDocsAssets } from './_shared/api-docs-node.ts'
import { bootstrapSuperadmin, buildRuntime, headerIp } from './_shared/compose.ts'
import { createDatabase } from './_shared/db/client.ts'
import { driverMessage } from './_shared/db/unavailable.ts'
import { DEV_SUPERADMIN, type Env, EnvError, type EnvReading, readEnv } from './_shared/env.ts'
import { warnDeprecated } from './_shared/env-v1-aliases.ts'
import { crashProbeHandlers } from './_shared/jobs/crash-probe.ts'
import { jobHandlers } from './_shared/jobs/handlers.ts'
import { startJobLoop } from './_shared/jobs/job-loop.ts'
import { testJobHandlers } from './_shared/jobs/test-kinds.ts'
import { createLogger, defaultLogFormat } from './_shared/logger.ts'
import { warnAboutMail } from './_shared/mail/select-mailer.ts'
import { smtpMailer } from './_shared/mail/smtp-mailer.ts'
import { installProcessFaultHandlers } from './_shared/process-faults.ts'
import { progressLine, startBanner } from './_shared/start-banner.ts'
import { localFileStore } from './_shared/storage/local-file-store.ts'
import { createGateway } from './gateway.ts'
import { presentDemoLogins } from './seed/demo-logins.ts'
import { seedDemoIfEmpty } from './seed/seed.service.ts'
import { mountWeb } from './web-static.ts'

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..')
export const MIGRATIONS_DIR = join(repoRoot, 'migrations')

/** In development a JWT secret is generated once and kept in the data folder, so restarts keep sessions. */
function developmentSecret(dataDir: string): string {
  const file = join(dataDir, 'jwt-secret')
  if (existsSync(file)) return readFileSync(file, 'utf8').trim()
  const secret = Buffer.from(crypto.getRandomValues(new Uint8Array(48))).toString('base64url')
  writeFileSync(file, `${secret}\n`, { mode: 0o600 })
  chmodSync(file, 0o600)
  return secret
}

/** The settings with paths resolved, plus the v1 variables found (main logs them once). */
export function loadSettings(raw: NodeJS.ProcessEnv = process.env): EnvReading {
  const { env, deprecations } = readEnv(raw)
  const dataDir = resolve(repoRoot, env.DATA_DIR)
  mkdirSync(dataDir, { recursive: true })
  return {
    env: {
      ...env,
      DATA_DIR: dataDir,
      STORAGE_DIR: resolve(repoRoot, env.STORAGE_DIR ?? join(dataDir, 'files')),
      WEB_DIST_DIR: resolve(repoRoot, env.WEB_DIST_DIR ?? 'web/dist'),
      JWT_SECRET: env.JWT_SECRET ?? developmentSecret(dataDir),
    },
    deprecations,
  }
}

export function loadEnv(raw: NodeJS.ProcessEnv = process.env): Env {
  return loadSettings(raw).env
}

async function main(): Promise<void> {
  if (existsSync(join(repoRoot, '.env'))) process.loadEnvFile(join(repoRoot, '.env'))
  const started = performance.now()
  const { env, deprecations } = loadSettings()
  const logger = createLogger(
    env.LOG_LEVEL,
    undefined,
    env.LOG_FORMAT ?? defaultLogFormat(env.APP_ENV, process.stdout.isTTY === true),
  )
  const progress = (step: string) => process.stdout.write(`${progressLine(step)}\n`)
  const embedded = !env.DATABASE_URL || env.DATABASE_DRIVER === 'pglite'
  progress(embedded ? `opening the embedded database in ${env.DATA_DIR}` : 'connecting to the database')
  warnDeprecated(logger, deprecations)
  installProcessFaultHandlers(logger)
  const database = await createDatabase({
    url: env.DATABASE_URL,
    driver: env.DATABASE_DRIVER,
    dataDir: join(env.DATA_DIR, 'pgdata'),
    poolMax: env.DB_POOL_MAX,
    // Embedded PGlite in its own thread: a disk fault that makes it spin fails requests (503), not the process.
    pgliteThread: true,
    // The request that used the connection answers 503 (app.ts); this says why, once per connection.
    onConnectionError: (error) => logger.warn('database connection lost', { error: driverMessage(error) }),
  })
  progress('applying the database migrations')
  await database.migrate(MIGRATIONS_DIR)
  warnAboutMail(env, logger)
  const runtime = buildRuntime(env, database, {
    ...(env.MAIL_TRANSPORT === 'smtp'
      ? { mailer: smtpMailer({ url: env.SMTP_URL ?? '', from: env.MAIL_FROM }) }
      : {}),
    files: localFileStore(env.STORAGE_DIR ?? join(env.DATA_DIR, 'files')),
    logger,
    clientIp: (c) => headerIp(c, env) ?? getConnInfo(c).remote.address ?? 'unknown',
  })
  const admin = await bootstrapSuperadmin(runtime)
  const seedDemo = database.driver === 'pglite' && env.SEED_DEMO_ON_START
  if (seedDemo) progress('loading the demo data if the database is empty (first start only, a few seconds)')
  if (seedDemo) await seedDemoIfEmpty(database.db, runtime.passwords, runtime.files)
  const demoLogins = await presentDemoLogins(database.db)

  // The job runner over the outbox, in this process for every profile (ADR 0019).
  const jobs = startJobLoop(runtime, {
    handlers: env.TEST_JOB_KINDS
      ? { ...jobHandlers, ...testJobHandlers, ...crashProbeHandlers }
      : jobHandlers,
  })

  const app = createGateway(() => runtime, nodeApiDocsAssets())
  const web = mountWeb(app, env.WEB_DIST_DIR ?? '')
  const server = serve({ fetch: app.fetch, hostname: env.HOST, port: env.PORT }, (info) => {
    const base = `http://${info.address === '0.0.0.0' || info.address === '::' ? 'localhost' : info.address}:${info.port}`
    const lines = startBanner({
      base,
      database: `${database.driver}${database.driver === 'pglite' ? ` in ${env.DATA_DIR}` : ''}`,
      webBuilt: Boolean(web),
      logins: [
        admin.usingDefault
          ? { role: 'superadmin', ...DEV_SUPERADMIN, note: 'development default — change it' }
          : { role: 'superadmin', email: admin.email, note: 'SUPERADMIN_PASSWORD' },
        ...demoLogins.map((l) => ({ ...l, note: 'demo data' })),
      ],
      readyMs: performance.now() - started,
    })
    process.stdout.write(`${lines.join('\n')}\n`)
  })

  let stopping = false
  const shutdown = (signal: string) => {
    if (stopping) return
    stopping = true
    logger.info('shutting down', { signal })
    // Stop accepting, let in-flight requests and the current job finish (a job still running
    // after 5 s is handed back), then close the database (PGlite flushes).
    const force = setTimeout(() => process.exit(1), 10_000)
    force.unref()
    const serverClosed = new Promise<void>((resolve) => server.close(() => resolve()))
    Promise.all([serverClosed, jobs.stop(5_000)])
      .then(() => database.close())
      .then(
        () => process.exit(0),
        () => process.exit(1),
      )
    if ('closeIdleConnections' in server) server.closeIdleConnections()
  }
  process.on('SIGTERM', () => shutdown('SIGTERM'))
  process.on('SIGINT', () => shutdown('SIGINT'))
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error: unknown) => {
    process.stderr.write(
      `${error instanceof EnvError ? error.message : error instanceof Error ? error.stack : String(error)}\n`,
    )
    process.exit(1)
  })
}
