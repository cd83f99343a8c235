/** The settings the smoke test gives every resource Worker (as [vars] and secrets would). */
/** neon: WebSocket via a local proxy; pg: TCP straight to Postgres; hyperdrive: `pg` through a
 * HYPERDRIVE binding to PgBouncer in transaction mode (the production path, ADR 0049). */
export type Driver = 'neon' | 'pg' | 'hyperdrive'

export const SMOKE_SECRET = 'smoke-secret-smoke-secret-smoke-secret-0123'

/** Cheap argon2 (APP_ENV=test): hashing cost is measured by `make bench`, not by the smoke test. */
export function smokeSettings(databaseUrl: string, driver: Driver, wsProxyPort: number) {
  return {
    APP_ENV: 'test',
    JWT_SECRET: SMOKE_SECRET,
    DATABASE_URL: databaseUrl,
    // With a HYPERDRIVE binding the Worker ignores DATABASE_URL and DATABASE_DRIVER.
    ...(driver === 'hyperdrive' ? {} : { DATABASE_DRIVER: driver }),
    ...(driver === 'neon' ? { NEON_WS_PROXY: `127.0.0.1:${wsProxyPort}/v1` } : {}),
    ARGON2_MEMORY_KIB: '64',
    ARGON2_ITERATIONS: '1',
    LOG_LEVEL: process.env.SMOKE_LOG_LEVEL ?? 'error',
    CORS_ORIGINS: 'https://app.example.test',
    DB_POOL_MAX: '3',
    // The jobs Worker's test kind (scripts/smoke/jobs-check.ts); other Workers ignore it.
    TEST_JOB_KINDS: 'true',
  }
}
