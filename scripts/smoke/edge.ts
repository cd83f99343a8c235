/**
 * Runs the built Workers in workerd through Miniflare's API, wired like production: the gateway
 * holds a service binding to each resource Worker, every resource Worker gets the R2 bucket and
 * the settings a deployment would get from [vars] and secrets.
 */
import { join } from 'node:path'
import { convertV4MiniflareOptions, Miniflare } from 'miniflare'
import {
  COMPATIBILITY_DATE,
  COMPATIBILITY_FLAGS,
  distDir,
  type EdgeWorker,
  R2_BINDING,
} from '../edge/workers.ts'

export type Driver = 'neon' | 'pg'

export const SMOKE_SECRET = 'smoke-secret-smoke-secret-smoke-secret-0123'

/** Cheap argon2 (APP_ENV=test): hashing cost is measured by `make bench`, not by the smoke test. */
export function smokeSettings(databaseUrl: string, driver: Driver, wsProxyPort: number) {
  return {
    APP_ENV: 'test',
    JWT_SECRET: SMOKE_SECRET,
    DATABASE_URL: databaseUrl,
    DATABASE_DRIVER: driver,
    ...(driver === 'neon' ? { NEON_WS_PROXY: `127.0.0.1:${wsProxyPort}/v1` } : {}),
    ARGON2_MEMORY_KIB: '64',
    ARGON2_ITERATIONS: '1',
    LOG_LEVEL: process.env.SMOKE_LOG_LEVEL ?? 'error',
    CORS_ORIGINS: 'https://app.example.test',
    DB_POOL_MAX: '3',
  }
}

/** Miniflare 5 (wrangler 4.164's) still accepts the documented v4 option shape through its converter. */
export function startEdge(workers: readonly EdgeWorker[], settings: Record<string, string>): Miniflare {
  const options = convertV4MiniflareOptions({
    cf: false,
    workers: workers.map((w) => ({
      name: w.name,
      modules: true,
      scriptPath: join(distDir(w), 'index.js'),
      modulesRoot: distDir(w),
      compatibilityDate: COMPATIBILITY_DATE,
      compatibilityFlags: [...COMPATIBILITY_FLAGS],
      serviceBindings: Object.fromEntries(w.services.map((s) => [s.binding, s.service])),
      ...(w.resource ? { bindings: settings } : {}),
      ...(w.r2 ? { r2Buckets: [R2_BINDING] } : {}),
    })),
  })
  return new Miniflare(options)
}
