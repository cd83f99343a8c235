import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import type { Role, User } from '@koprogo/domain'
import { inject } from 'vitest'
import { nodeApiDocsAssets } from '../_shared/api-docs-node.ts'
import { buildRuntime } from '../_shared/compose.ts'
import { createDatabase, type DatabaseHandle, fromPglite } from '../_shared/db/client.ts'
import { bindRepositories } from '../_shared/db/repositories/index.ts'
import { type Env, parseEnv } from '../_shared/env.ts'
import { uuidv7 } from '../_shared/ids.ts'
import { createLogger } from '../_shared/logger.ts'
import type { Runtime } from '../_shared/runtime.ts'
import type { HashSlots } from '../_shared/security/hash-slots.ts'
import { localFileStore } from '../_shared/storage/local-file-store.ts'
import { createGateway } from '../gateway.ts'
import { assertTestDatabaseUrl } from './test-database.ts'

export const TEST_PASSWORD = 'Correct-Horse-9'

/** Cheap argon2 parameters: hashing cost is measured by `make bench`, not paid in every test. */
export const TEST_ENV: Record<string, string> = {
  APP_ENV: 'test',
  JWT_SECRET: 'test-secret-test-secret-test-secret-0123',
  ARGON2_MEMORY_KIB: '64',
  ARGON2_ITERATIONS: '1',
  LOG_LEVEL: 'silent',
  CORS_ORIGINS: 'https://app.example.test',
  SIGNUP_ENABLED: 'true',
}

export type TestApi = Awaited<ReturnType<typeof createTestApi>>

/**
 * The app's database (with the run-time tenant guard, like production) and, on the same data, an
 * unguarded handle for the tests' own whole-table checks (row counts, sums across tenants).
 */
async function openDatabase(
  onQuery: (sql: string) => void,
  onTransactionEdge: (sql: string) => void,
): Promise<{ database: DatabaseHandle; inspect: DatabaseHandle }> {
  if (process.env.TEST_DB === 'postgres') {
    const url = assertTestDatabaseUrl(process.env.TEST_DATABASE_URL ?? '')
    return {
      database: await createDatabase({ url, driver: 'pg', poolMax: 10, onQuery }),
      inspect: await createDatabase({ url, driver: 'pg', poolMax: 2, tenantGuard: false }),
    }
  }
  const blob = new Blob([readFileSync(inject('pgliteTemplate'))])
  const client = new PGlite({ loadDataDir: blob })
  countTransactionEdges(client, onTransactionEdge)
  const database = await fromPglite(client, { onQuery })
  const inspect = await fromPglite(client, { tenantGuard: false })
  // One PGlite instance behind both handles: closing it once is enough.
  return { database, inspect: { ...inspect, close: async () => undefined } }
}

/**
 * PGlite sends a top-level transaction's BEGIN and COMMIT (or ROLLBACK) itself, past Drizzle's
 * logger (on `pg` Drizzle sends them as statements, so the logger sees them): reported here so
 * that a round-trip count means the same on both drivers.
 */
function countTransactionEdges(client: PGlite, report: (sql: string) => void): void {
  const transaction = client.transaction.bind(client)
  client.transaction = (async (callback: Parameters<PGlite['transaction']>[0]) => {
    report('begin')
    try {
      const result = await transaction(callback)
      report('commit')
      return result
    } catch (error) {
      report('rollback')
      throw error
    }
  }) as PGlite['transaction']
}

/** An in-process API (app.request) on a fresh database copy, with helpers to make tenants and users. */
export async function createTestApi(
  envOverrides: Record<string, string> = {},
  options: { hashSlots?: HashSlots } = {},
) {
  /** Every SQL statement the app ran, for tests that count queries (N+1 guards). */
  const queries: string[] = []
  /**
   * Every statement handed to the driver, BEGIN/COMMIT/SAVEPOINT included: one round trip each
   * (neither `pg` nor PGlite pipelines). `countRoundTrips` reads it for one request.
   */
  const roundTrips: string[] = []
  const { database, inspect: inspection } = await openDatabase(
    (q) => {
      queries.push(q)
      roundTrips.push(q)
    },
    (q) => roundTrips.push(q),
  )
  const logLines: string[] = []
  const env: Env = parseEnv({ ...TEST_ENV, ...envOverrides })
  const filesRoot = mkdtempSync(join(tmpdir(), 'koprogo-files-'))
  const runtime: Runtime = buildRuntime(env, database, {
    files: localFileStore(filesRoot),
    logger: createLogger(env.LOG_LEVEL === 'silent' ? 'debug' : env.LOG_LEVEL, (l) => logLines.push(l)),
    clientIp: (c) => c.req.header('x-test-ip') ?? '203.0.113.1',
    ...(options.hashSlots ? { hashSlots: options.hashSlots } : {}),
  })
  const app = createGateway(() => runtime, nodeApiDocsAssets())
  const repos = bindRepositories(database.db)
  const passwordHash = await runtime.passwords.hash(TEST_PASSWORD)

  async function request(
    method: string,
    path: string,
    options: { token?: string; body?: unknown; headers?: Record<string, string>; rawBody?: BodyInit } = {},
  ) {
    const headers: Record<string, string> = { ...options.headers }
    if (options.token) headers.authorization = `Bearer ${options.token}`
    let body: BodyInit | undefined = options.rawBody
    if (options.body !== undefined) {
      headers['content-type'] ??= 'application/json'
      body = JSON.stringify(options.body)
    }
    const res = await app.request(path, { method, headers, body })
    const text = await res.text()
    let json: unknown = null
    try {
      json = text ? JSON.parse(text) : null
    } catch {
      json = null
    }
    // biome-ignore lint/suspicious/noExplicitAny: tests read arbitrary JSON bodies
    return { status: res.status, headers: res.headers, text, body: json as any }
  }

  async function organization(name = `Org ${uuidv7().slice(-8)}`) {
    const now = new Date()
    const org = {
      id: uuidv7(),
      name,
      slug: `org-${uuidv7().replaceAll('-', '').slice(-16)}`,
      contactEmail: 'contact@example.test',
      contactPhone: null,
      subscriptionPlan: 'Professional' as const,
      maxBuildings: 20,
      maxUsers: 50,
      isActive: true,
      version: 1,
      createdAt: now,
      updatedAt: now,
    }
    await repos.identity.organizations.insert(org)
    return org
  }

  /** A user inserted directly (fast) plus an access token for it. */
  async function user(role: Role, organizationId: string | null, fields: Partial<User> = {}) {
    const now = new Date()
    const u: User = {
      id: uuidv7(),
      email: `${role}-${uuidv7().slice(-12)}@example.test`,
      firstName: 'Test',
      lastName: role,
      role,
      organizationId: role === 'superadmin' ? null : organizationId,
      isActive: true,
      passwordHash,
      sessionEpoch: 0,
      version: 1,
      createdAt: now,
      updatedAt: now,
      ...fields,
    }
    await repos.identity.users.insert(u)
    const token = await runtime.accessKey.sign(
      {
        sub: u.id,
        email: u.email,
        role: u.role,
        organization_id: u.organizationId,
        session_epoch: u.sessionEpoch,
      },
      900,
    )
    return { ...u, token }
  }

  /** A tenant with one user of each role. */
  async function tenant() {
    const org = await organization()
    return {
      org,
      syndic: await user('syndic', org.id),
      accountant: await user('accountant', org.id),
      owner: await user('owner', org.id),
    }
  }

  return {
    app,
    runtime,
    database,
    repos,
    request,
    organization,
    user,
    tenant,
    logLines,
    queries,
    roundTrips,
    /** The statements (round trips) one call sends to the database, in order. */
    async countRoundTrips<T>(call: () => Promise<T>): Promise<{ result: T; statements: string[] }> {
      roundTrips.length = 0
      const result = await call()
      return { result, statements: roundTrips.splice(0) }
    },
    /** The local file store's folder, for tests that check nothing was left in it. */
    filesRoot,
    /** Unguarded, for assertions over whole tables; the app itself never gets this handle. */
    inspect: inspection.db,
    close: async () => {
      await inspection.close()
      await database.close()
    },
  }
}
