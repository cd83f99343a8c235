import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sql } from 'drizzle-orm'
import { afterAll, describe, expect, it } from 'vitest'
import { createDatabase, type DatabaseHandle } from '../_shared/db/client.ts'
import { startServer } from './server-process.ts'

/**
 * An offline outbox after a crash (docs/reliability.md § Idempotency, ADR 0016): the real server
 * is killed with SIGKILL while idempotent POSTs are in flight, restarted on the same data, and
 * every request (creating a user) — acknowledged or not — is sent again with its own Idempotency-Key, as the PWA's
 * outbox does. Each must now succeed (a replay of the committed answer, or the write done now),
 * none may be refused as "still running", and each key must have produced exactly one row.
 */
const ACKED_BEFORE_KILL = 12
const CONCURRENCY = 10
const HASHING = { ARGON2_MEMORY_KIB: '19456', ARGON2_ITERATIONS: '2' }
const temps: string[] = []
afterAll(() => {
  for (const d of temps) rmSync(d, { recursive: true, force: true })
})

async function call(base: string, path: string, token: string | null, body: unknown, key?: string) {
  const headers: Record<string, string> = { 'content-type': 'application/json' }
  if (token) headers.authorization = `Bearer ${token}`
  if (key) headers['idempotency-key'] = key
  const res = await fetch(`${base}${path}`, { method: 'POST', headers, body: JSON.stringify(body) })
  const text = await res.text()
  return {
    status: res.status,
    replayed: res.headers.get('idempotent-replayed') === 'true',
    body: text ? (JSON.parse(text) as Record<string, unknown>) : {},
  }
}

async function outboxCrashRun(dataDir: string, databaseUrl: string, open: () => Promise<DatabaseHandle>) {
  // Production hashing cost: creating a user spends ~50–100 ms hashing its password after the
  // key was claimed, so the kill finds requests between claim and answer.
  let server = await startServer(dataDir, databaseUrl, HASHING)
  const root = await call(server.base, '/api/v1/auth/login', null, {
    email: 'root@crash.test',
    password: 'Crash-Root-2026',
  })
  expect(root.status, JSON.stringify(root.body)).toBe(200)
  const token = String(root.body.token)
  const org = await call(server.base, '/api/v1/organizations', token, {
    name: `Outbox ${crypto.randomUUID().slice(0, 8)}`,
    contact_email: 'outbox@crash.test',
    subscription_plan: 'Enterprise',
  })
  expect(org.status, JSON.stringify(org.body)).toBe(201)
  const organizationId = String(org.body.id)
  const run = crypto.randomUUID().slice(0, 8)

  // The outbox: every entry keeps its key for life.
  const entries: { key: string; body: Record<string, unknown>; ackedId?: string }[] = []
  let acks = 0
  let killed = false
  const worker = async () => {
    while (!killed) {
      const entry: (typeof entries)[number] = {
        key: `outbox-${crypto.randomUUID()}`,
        body: {
          email: `outbox-${run}-${entries.length}@crash.test`,
          password: 'Outbox-Owner-2026',
          first_name: 'O',
          last_name: 'B',
          role: 'owner',
          organization_id: organizationId,
        },
      }
      entries.push(entry)
      try {
        const r = await call(server.base, '/api/v1/users', token, entry.body, entry.key)
        if (r.status !== 201) throw new Error(`user ${r.status} ${JSON.stringify(r.body)}`)
        entry.ackedId = String(r.body.id)
        if (++acks >= ACKED_BEFORE_KILL && !killed) {
          killed = true
          server.proc.kill('SIGKILL')
        }
      } catch (error) {
        if (!killed) throw error
      }
    }
  }
  await Promise.all(Array.from({ length: CONCURRENCY }, worker))
  await server.exited

  // Claims the dead process left (the defect: they blocked their keys for 24 h). Read while no
  // server runs: an embedded data folder has one process at a time.
  const orphanClaims = await count(
    open,
    sql`select count(*)::int as n from idempotency_keys where status_code is null`,
  )

  server = await startServer(dataDir, databaseUrl, HASHING)
  let replays = 0
  let performed = 0
  try {
    for (const entry of entries) {
      const r = await call(server.base, '/api/v1/users', token, entry.body, entry.key)
      expect(r.status, `${entry.key}: ${JSON.stringify(r.body)}`).toBe(201)
      if (entry.ackedId) expect(r.body.id).toBe(entry.ackedId)
      if (r.replayed) replays++
      else performed++
    }
  } finally {
    server.proc.kill('SIGTERM')
    await server.exited
  }
  const check = await open()
  try {
    const r = (await check.db.execute(sql`
      select email, count(*)::int as n from users where organization_id = ${organizationId} group by email`)) as {
      rows: { email: string; n: number }[]
    }
    const counts = new Map(r.rows.map((row) => [row.email, row.n]))
    for (const entry of entries) expect(counts.get(String(entry.body.email)), entry.key).toBe(1)
    expect(r.rows.length).toBe(entries.length)
  } finally {
    await check.close()
  }
  console.info(
    `idempotency crash (${databaseUrl ? 'postgres' : 'pglite'}): ${entries.length} outbox entries, ${acks} acknowledged before SIGKILL, ` +
      `${orphanClaims} claims left in progress, on retry ${replays} replayed + ${performed} performed, each exactly once`,
  )
}

async function count(open: () => Promise<DatabaseHandle>, query: ReturnType<typeof sql>): Promise<number> {
  const db = await open()
  try {
    return ((await db.db.execute(query)) as { rows: { n: number }[] }).rows[0]?.n ?? 0
  } finally {
    await db.close()
  }
}

describe('kill -9 with idempotent writes in flight, then the outbox retries', () => {
  it.runIf(process.env.TEST_DB !== 'postgres')(
    'PGlite: every entry completes exactly once, none stays "in progress"',
    { timeout: 180_000 },
    async () => {
      const dataDir = mkdtempSync(join(tmpdir(), 'koprogo-idem-crash-'))
      temps.push(dataDir)
      await outboxCrashRun(dataDir, '', () =>
        createDatabase({ driver: 'pglite', dataDir: join(dataDir, 'pgdata'), tenantGuard: false }),
      )
    },
  )

  it.runIf(process.env.TEST_DB === 'postgres')(
    'Postgres: every entry completes exactly once, none stays "in progress"',
    { timeout: 180_000 },
    async () => {
      const dataDir = mkdtempSync(join(tmpdir(), 'koprogo-idem-crash-'))
      temps.push(dataDir)
      const admin = new URL(process.env.TEST_DATABASE_URL ?? '')
      const name = `koprogo_idem_crash_${crypto.randomUUID().slice(0, 8)}_test`
      const url = Object.assign(new URL(admin.href), { pathname: `/${name}` }).href
      const server = await createDatabase({ url: admin.href, driver: 'pg', poolMax: 1 })
      await server.db.execute(sql.raw(`create database ${name}`))
      try {
        await outboxCrashRun(dataDir, url, () =>
          createDatabase({ url, driver: 'pg', poolMax: 2, tenantGuard: false }),
        )
      } finally {
        await server.db.execute(sql.raw(`drop database if exists ${name} with (force)`))
        await server.close()
      }
    },
  )
})
