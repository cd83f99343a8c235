import { fileURLToPath } from 'node:url'

export const MIGRATIONS = fileURLToPath(new URL('../../migrations', import.meta.url))

/**
 * Refuses to run the suites against anything but a throw-away database: the name must say
 * "test" and the host must be local. A mistyped URL must never reach production data.
 */
export function assertTestDatabaseUrl(url: string): string {
  const parsed = new URL(url)
  const name = parsed.pathname.replace(/^\//, '')
  const localHosts = ['localhost', '127.0.0.1', '::1', '[::1]', '']
  if (!/test/i.test(name)) throw new Error(`TEST_DATABASE_URL must name a test database (got "${name}")`)
  if (!localHosts.includes(parsed.hostname) && process.env.ALLOW_REMOTE_TEST_DB !== '1') {
    throw new Error(`TEST_DATABASE_URL must point to this machine (got "${parsed.hostname}")`)
  }
  return url
}

/** The copy of the test database a vitest worker uses (ADR 0056); the name keeps "test". */
export function workerDatabaseUrl(baseUrl: string, poolId: number): string {
  const url = new URL(baseUrl)
  url.pathname = `${url.pathname}_w${poolId}`
  return url.href
}
