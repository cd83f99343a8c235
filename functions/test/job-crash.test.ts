import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { sql } from 'drizzle-orm'
import { afterAll, describe, expect, it } from 'vitest'
import { createDatabase, type DatabaseHandle } from '../_shared/db/client.ts'
import { bindRepositories } from '../_shared/db/repositories/index.ts'
import { CRASH_PROBE, EFFECTS_LOG } from '../_shared/jobs/crash-probe.ts'
import { startServer } from './server-process.ts'

/**
 * The outbox survives a kill -9 of the job runner mid-job (issue #13, ADR 0019): six probe jobs
 * are queued, the real Node server (functions/node.ts, its in-process job loop) runs them, and it
 * is killed with SIGKILL while the third hangs between its external effect and its database
 * effect (test-kinds.ts). Restarted on the same data, every job ends `done`, each database effect
 * exists exactly once, and the external effect happened at least once per job (twice for the job
 * that was interrupted: the job id is the key a receiver dedupes on). PGlite (a file DATA_DIR)
 * always; Postgres when TEST_DB=postgres.
 */
const MIGRATIONS = resolve(import.meta.dirname, '../../migrations')
const JOBS = 6
const BLOCKING = 2 // index of the job whose first try hangs
const temps: string[] = []
afterAll(() => {
  for (const d of temps) rmSync(d, { recursive: true, force: true })
})

const JOB_ENV = {
  TEST_JOB_KINDS: 'true',
  JOB_LEASE_SECONDS: '2',
  JOB_POLL_INTERVAL_MS: '100',
  JOB_RETRY_BASE_SECONDS: '0',
}

async function until<T>(what: string, probe: () => Promise<T | undefined> | T | undefined, ms = 60_000) {
  const deadline = Date.now() + ms
  for (;;) {
    const value = await probe()
    if (value !== undefined) return value
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 100))
  }
}

function effectLines(dataDir: string): string[][] {
  const file = join(dataDir, EFFECTS_LOG)
  if (!existsSync(file)) return []
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => l.split(' '))
}

async function crashRun(dataDir: string, databaseUrl: string, open: () => Promise<DatabaseHandle>) {
  // Queue the jobs before the server starts (a PGlite folder has one process at a time).
  let db = await open()
  await db.migrate(MIGRATIONS)
  const ids: string[] = []
  for (let i = 0; i < JOBS; i++) {
    ids.push(
      await bindRepositories(db.db).outbox.enqueue({
        kind: CRASH_PROBE,
        organizationId: null,
        payload: { i, block: i === BLOCKING },
      }),
    )
  }
  await db.close()
  const blocking = ids[BLOCKING] ?? ''

  let server = await startServer(dataDir, databaseUrl, JOB_ENV)
  await until('the blocking job to start', () =>
    effectLines(dataDir).some(([id]) => id === blocking) ? true : undefined,
  )
  server.proc.kill('SIGKILL')
  await server.exited
  const beforeKill = effectLines(dataDir)

  server = await startServer(dataDir, databaseUrl, JOB_ENV)
  const login = await fetch(`${server.base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'root@crash.test', password: 'Crash-Root-2026' }),
  })
  const { token } = (await login.json()) as { token: string }
  await until('every job done (GET /api/v1/admin/jobs)', async () => {
    const res = await fetch(`${server.base}/api/v1/admin/jobs?status=done&per_page=100`, {
      headers: { authorization: `Bearer ${token}` },
    })
    const done = new Set(((await res.json()) as { data: { id: string }[] }).data.map((j) => j.id))
    return ids.every((id) => done.has(id)) ? true : undefined
  })
  server.proc.kill('SIGTERM')
  expect(await server.exited).toBe(0)

  db = await open()
  try {
    const rows = (
      (await db.db.execute(sql`select id, status, attempts from outbox where id in ${ids} order by id`)) as {
        rows: { id: string; status: string; attempts: number }[]
      }
    ).rows
    expect(rows.map((r) => r.status)).toEqual(ids.map(() => 'done'))
    const effects = (
      (await db.db.execute(sql`select entity_id as id, count(*)::int as n from audit_log
        where action = 'test.job-effect' and entity_id in ${ids} group by entity_id`)) as {
        rows: { id: string; n: number }[]
      }
    ).rows
    // Database effects: exactly once per job, the interrupted one included.
    expect(Object.fromEntries(effects.map((e) => [e.id, e.n]))).toEqual(
      Object.fromEntries(ids.map((id) => [id, 1])),
    )
    // External effects: at least once per job; the interrupted job's was repeated on its second try.
    const after = effectLines(dataDir)
    for (const id of ids) expect(after.filter(([j]) => j === id).length).toBeGreaterThanOrEqual(1)
    expect(after.filter(([j]) => j === blocking).map(([, attempt]) => attempt)).toEqual(['1', '2'])
    expect(rows.find((r) => r.id === blocking)?.attempts).toBe(2)
    console.info(
      `job crash (${db.driver}): ${JOBS} jobs, ${beforeKill.length} tries started before kill -9, ${after.length} tries in all, ${rows.filter((r) => r.status === 'done').length} done, ${effects.length} database effects (each once), 0 lost`,
    )
  } finally {
    await db.close()
  }
}

/**
 * SIGTERM while a job hangs: the server still exits 0 within its shutdown budget, the hanging job
 * and the ones claimed behind it are handed back (pending, the try not counted), and the next
 * start does them without waiting for a lease.
 */
async function gracefulRun(dataDir: string, databaseUrl: string, open: () => Promise<DatabaseHandle>) {
  let db = await open()
  await db.migrate(MIGRATIONS)
  const ids: string[] = []
  for (let i = 0; i < 3; i++) {
    const payload = { i, block: i === 0 }
    ids.push(
      await bindRepositories(db.db).outbox.enqueue({ kind: CRASH_PROBE, organizationId: null, payload }),
    )
  }
  await db.close()
  const env = { ...JOB_ENV, JOB_LEASE_SECONDS: '600' }
  let server = await startServer(dataDir, databaseUrl, env)
  await until('the blocking job to start', () =>
    effectLines(dataDir).some(([id]) => id === ids[0]) ? true : undefined,
  )
  const stopped = Date.now()
  server.proc.kill('SIGTERM')
  expect(await server.exited).toBe(0)
  const stopMs = Date.now() - stopped
  db = await open()
  const states = async () =>
    (
      (await db.db.execute(sql`select status, attempts from outbox where id in ${ids} order by id`)) as {
        rows: { status: string; attempts: number }[]
      }
    ).rows
  expect(await states()).toEqual(ids.map(() => ({ status: 'pending', attempts: 0 })))
  await db.close()
  // A 600 s lease: only the hand-back lets the next start take them at once.
  server = await startServer(dataDir, databaseUrl, env)
  await until('the handed-back jobs to run', () =>
    ids.every((id) => effectLines(dataDir).filter(([j]) => j === id).length >= 1) &&
    effectLines(dataDir).filter(([j]) => j === ids[0]).length === 2
      ? true
      : undefined,
  )
  server.proc.kill('SIGTERM')
  expect(await server.exited).toBe(0)
  db = await open()
  try {
    expect((await states()).map((r) => r.status)).toEqual(ids.map(() => 'done'))
    console.info(
      `job stop (${db.driver}): SIGTERM with a hanging job → exit 0 in ${stopMs} ms, 3 jobs handed back, all done after restart`,
    )
  } finally {
    await db.close()
  }
}

describe('kill -9 of the job runner mid-job', () => {
  it.runIf(process.env.TEST_DB !== 'postgres')(
    'PGlite in a DATA_DIR: every job done after restart, database effects exactly once',
    { timeout: 180_000 },
    async () => {
      const dataDir = mkdtempSync(join(tmpdir(), 'koprogo-job-crash-'))
      temps.push(dataDir)
      await crashRun(dataDir, '', () =>
        createDatabase({ driver: 'pglite', dataDir: join(dataDir, 'pgdata'), tenantGuard: false }),
      )
    },
  )

  it.runIf(process.env.TEST_DB !== 'postgres')(
    'PGlite: SIGTERM hands a hanging job back; the next start does it',
    { timeout: 120_000 },
    async () => {
      const dataDir = mkdtempSync(join(tmpdir(), 'koprogo-job-stop-'))
      temps.push(dataDir)
      await gracefulRun(dataDir, '', () =>
        createDatabase({ driver: 'pglite', dataDir: join(dataDir, 'pgdata'), tenantGuard: false }),
      )
    },
  )

  it.runIf(process.env.TEST_DB === 'postgres')(
    'Postgres: every job done after a kill -9 restart, database effects exactly once; SIGTERM hands a hanging job back',
    { timeout: 180_000 },
    async () => {
      const dataDir = mkdtempSync(join(tmpdir(), 'koprogo-job-crash-'))
      temps.push(dataDir)
      const admin = new URL(process.env.TEST_DATABASE_URL ?? '')
      const name = `koprogo_jobcrash_${crypto.randomUUID().slice(0, 8)}_test`
      const url = Object.assign(new URL(admin.href), { pathname: `/${name}` }).href
      const server = await createDatabase({ url: admin.href, driver: 'pg', poolMax: 1 })
      await server.db.execute(sql.raw(`create database ${name}`))
      try {
        const open = () => createDatabase({ url, driver: 'pg', poolMax: 2, tenantGuard: false })
        await crashRun(dataDir, url, open)
        // The stop test on a fresh database and folder.
        await server.db.execute(sql.raw(`drop database ${name} with (force)`))
        await server.db.execute(sql.raw(`create database ${name}`))
        const stopDir = mkdtempSync(join(tmpdir(), 'koprogo-job-stop-'))
        temps.push(stopDir)
        await gracefulRun(stopDir, url, open)
      } finally {
        await server.db.execute(sql.raw(`drop database if exists ${name} with (force)`))
        await server.close()
      }
    },
  )
})
