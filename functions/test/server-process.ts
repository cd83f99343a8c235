import { join } from 'node:path'
import { type ServerProcess, startServer as startServerProcess } from '../../scripts/lib/server-process.ts'

/**
 * The real Node server (functions/node.ts) as a child process, for crash, outage and load tests:
 * the shared "start a server and wait for health" helper (scripts/lib/server-process.ts) with the
 * tests' settings (a known superadmin, cheap argon2, quiet logs, no web build).
 */
export type Server = ServerProcess

export function startServer(
  dataDir: string,
  databaseUrl: string,
  extraEnv: Record<string, string> = {},
): Promise<Server> {
  return startServerProcess({
    env: {
      APP_ENV: 'development',
      DATA_DIR: dataDir,
      DATABASE_URL: databaseUrl,
      JWT_SECRET: 'crash-test-secret-crash-test-secret-0123',
      SUPERADMIN_EMAIL: 'root@crash.test',
      SUPERADMIN_PASSWORD: 'Crash-Root-2026',
      SEED_DEMO_ON_START: 'false',
      SIGNUP_ENABLED: 'true',
      ARGON2_MEMORY_KIB: '64',
      ARGON2_ITERATIONS: '1',
      LOG_LEVEL: 'error',
      WEB_DIST_DIR: join(dataDir, 'no-web'),
      ...extraEnv,
    },
    // A start takes ~4 s on a quiet machine; these tests run beside a whole vitest run (and CI
    // neighbours), where the first health answer has been seen to take over 60 s (the tests allow 180 s in all).
    timeoutMs: 120_000,
  })
}
