import { mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { createDatabase } from '../_shared/db/client.ts'
import { rowCountMismatches } from './row-count-check.ts'
import { startServer } from './server-process.ts'

/**
 * The embedded profile's disk fills up under the running server (docs/reliability.md § Database
 * connection loss): the real Node server on PGlite, its data files made unable to grow (ENOSPC,
 * injected under node:fs by failing-disk-preload.ts) in the middle of a write burst, then freed.
 * The process must stay up, every answer be a success or 503 database_unavailable + Retry-After,
 * every acknowledged write survive, nothing be half-written, and writes work again by themselves.
 */
const temps: string[] = []
afterAll(() => {
  for (const d of temps) rmSync(d, { recursive: true, force: true })
})

type Answer = { status: number; error?: unknown; retryAfter: string | null; body: Record<string, unknown> }
async function call(
  base: string,
  method: string,
  path: string,
  token?: string,
  body?: unknown,
): Promise<Answer> {
  const headers: Record<string, string> = {}
  if (token) headers.authorization = `Bearer ${token}`
  if (body !== undefined) headers['content-type'] = 'application/json'
  const res = await fetch(`${base}${path}`, {
    method,
    headers,
    signal: AbortSignal.timeout(30_000),
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  })
  const text = await res.text()
  const parsed = text ? (JSON.parse(text) as Record<string, unknown>) : {}
  return { status: res.status, error: parsed.error, retryAfter: res.headers.get('retry-after'), body: parsed }
}

describe.runIf(process.env.TEST_DB !== 'postgres')(
  'PGlite: the disk fills up under the running server',
  () => {
    it('writes answer 503 database_unavailable while data files cannot grow; the process stays up; writes resume; nothing lost or partial', {
      timeout: 180_000,
    }, async () => {
      const dir = mkdtempSync(join(tmpdir(), 'koprogo-diskfull-'))
      temps.push(dir)
      const trigger = join(dir, 'disk-full')
      const server = await startServer(dir, '', {
        NODE_OPTIONS: `--import ${resolve(import.meta.dirname, 'failing-disk-preload.ts')}`,
        FAILING_DISK_UNDER: join(dir, 'pgdata', 'base'),
        FAILING_DISK_TRIGGER: trigger,
        FAILING_DISK_CODE: 'ENOSPC',
      })
      try {
        const base = server.base
        const email = `syndic-${crypto.randomUUID()}@diskfull.test`
        expect(
          (
            await call(base, 'POST', '/api/v1/auth/register', undefined, {
              email,
              password: 'Disk-Full-2026',
              first_name: 'D',
              last_name: 'F',
              role: 'syndic',
              organization_name: 'Disk full',
            })
          ).status,
        ).toBe(201)
        const token = String(
          (await call(base, 'POST', '/api/v1/auth/login', undefined, { email, password: 'Disk-Full-2026' }))
            .body.token,
        )
        const building = await call(base, 'POST', '/api/v1/buildings', token, {
          name: 'Disk',
          address: 'Rue 1',
          city: 'Bruxelles',
          postal_code: '1000',
          country: 'Belgium',
          total_units: 5000,
          total_tantiemes: 1_000_000,
        })
        const buildingId = String(building.body.id)
        let n = 0
        const acked: string[] = []
        const answers: Answer[] = []
        const create = async () => {
          const a = await call(base, 'POST', '/api/v1/units', token, {
            building_id: buildingId,
            unit_number: `F${n++}-${'x'.repeat(40)}`,
            unit_type: 'Apartment',
            surface_area: 50,
            quota: 10,
          })
          answers.push(a)
          if (a.status === 201) acked.push(String(a.body.id))
          return a
        }
        for (let i = 0; i < 10; i++) expect((await create()).status).toBe(201)

        writeFileSync(trigger, '') // the disk is full from now on
        let refused = 0
        for (let i = 0; i < 400 && refused < 5; i++) if ((await create()).status === 503) refused++
        expect(refused, 'no write was refused while the disk was full').toBeGreaterThan(0)
        const health = await call(base, 'GET', '/health')
        expect(health.status, 'reads (and /health) still work on a full disk').toBe(200)
        unlinkSync(trigger) // space freed

        for (let i = 0; i < 10; i++)
          expect((await create()).status, 'a write after the disk was freed').toBe(201)
        expect(server.proc.exitCode).toBeNull()
        const unexpected = answers.filter(
          (a) =>
            a.status !== 201 &&
            !(a.status === 503 && a.error === 'database_unavailable' && Number(a.retryAfter) > 0),
        )
        expect(unexpected.map((a) => `${a.status} ${JSON.stringify(a.body)}`)).toEqual([])
        server.proc.kill('SIGTERM')
        expect(await server.exited).toBe(0)

        const db = await createDatabase({
          driver: 'pglite',
          dataDir: join(dir, 'pgdata'),
          tenantGuard: false,
        })
        try {
          const { sql } = await import('drizzle-orm')
          const ids = new Set(
            (
              (await db.db.execute(
                sql`select id::text as id from units where building_id = ${buildingId}`,
              )) as unknown as {
                rows: { id: string }[]
              }
            ).rows.map((r) => r.id),
          )
          for (const id of acked) expect(ids.has(id), `acknowledged unit ${id} lost`).toBe(true)
          expect(ids.size, 'a refused write left a unit behind').toBe(acked.length)
          expect(await rowCountMismatches(db.db)).toEqual([])
          console.info(
            `pglite disk full: ${answers.length} unit creations, ${acked.length} acknowledged and present, ${refused} refused with 503 database_unavailable while full, 0 other errors, 0 partial`,
          )
        } finally {
          await db.close()
        }
      } finally {
        if (server.proc.exitCode === null) server.proc.kill('SIGKILL')
      }
    })

    it('a WAL write failing inside COMMIT: the process keeps serving, the stuck write answers 503 database_unavailable by the deadline, nothing acknowledged is lost, writes resume', {
      timeout: 180_000,
    }, async () => {
      const dir = mkdtempSync(join(tmpdir(), 'koprogo-walcommit-'))
      temps.push(dir)
      const trigger = join(dir, 'wal-fails')
      // Only the WAL fails: a small transaction's records stay in WAL buffers until its COMMIT
      // flushes them, so the first failing write is inside COMMIT — where PGlite 0.5.16 spins in
      // WebAssembly before any error reaches JavaScript (it froze the whole process before the
      // engine ran in its own thread, pglite-threaded.ts).
      const server = await startServer(dir, '', {
        NODE_OPTIONS: `--import ${resolve(import.meta.dirname, 'failing-disk-preload.ts')}`,
        FAILING_DISK_UNDER: join(dir, 'pgdata', 'pg_wal'),
        FAILING_DISK_TRIGGER: trigger,
        FAILING_DISK_CODE: 'EIO',
      })
      const timed = async <T>(work: () => Promise<T>) => {
        const started = performance.now()
        const value = await work()
        return { value, ms: performance.now() - started }
      }
      let polling = true
      const probes: { path: string; status: number; ms: number }[] = []
      const poll = async (path: string) => {
        while (polling) {
          const a = await timed(() =>
            fetch(`${server.base}${path}`, { signal: AbortSignal.timeout(30_000) }).then(
              async (r) => {
                await r.arrayBuffer()
                return r.status
              },
              () => 0,
            ),
          )
          probes.push({ path, status: a.value, ms: a.ms })
          await new Promise((ok) => setTimeout(ok, 200))
        }
      }
      try {
        const base = server.base
        const email = `syndic-${crypto.randomUUID()}@walcommit.test`
        expect(
          (
            await call(base, 'POST', '/api/v1/auth/register', undefined, {
              email,
              password: 'Wal-Commit-2026',
              first_name: 'W',
              last_name: 'C',
              role: 'syndic',
              organization_name: 'WAL commit',
            })
          ).status,
        ).toBe(201)
        const token = String(
          (await call(base, 'POST', '/api/v1/auth/login', undefined, { email, password: 'Wal-Commit-2026' }))
            .body.token,
        )
        const building = await call(base, 'POST', '/api/v1/buildings', token, {
          name: 'WAL',
          address: 'Rue 2',
          city: 'Bruxelles',
          postal_code: '1000',
          country: 'Belgium',
          total_units: 5000,
          total_tantiemes: 1_000_000,
        })
        const buildingId = String(building.body.id)
        let n = 0
        const acked: string[] = []
        const answers: Answer[] = []
        const create = async () => {
          const a = await call(base, 'POST', '/api/v1/units', token, {
            building_id: buildingId,
            unit_number: `W${n++}`,
            unit_type: 'Apartment',
            surface_area: 50,
            quota: 10,
          })
          answers.push(a)
          if (a.status === 201) acked.push(String(a.body.id))
          return a
        }
        for (let i = 0; i < 10; i++) expect((await create()).status).toBe(201)

        // /health goes through the database; an unauthenticated API call does not: it proves
        // the event loop runs while the engine is stuck.
        const polls = [poll('/health'), poll('/api/v1/buildings')]
        writeFileSync(trigger, '') // every WAL write fails from now on
        const failingFrom = performance.now()
        const stuck = await timed(create)
        expect(stuck.value.status, JSON.stringify(stuck.value.body)).toBe(503)
        expect(stuck.value.error).toBe('database_unavailable')
        expect(Number(stuck.value.retryAfter)).toBeGreaterThan(0)
        // PGLITE_THREAD_LIMITS.statementDeadlineMs (10 s) + slack for a loaded machine.
        expect(stuck.ms, 'the stuck write answered by the deadline').toBeLessThan(15_000)
        let refusedWhileFailing = 0
        for (let i = 0; i < 3; i++) if ((await create()).status === 503) refusedWhileFailing++
        unlinkSync(trigger) // the disk works again

        const back = performance.now()
        let recovered = false
        for (let i = 0; i < 50 && !recovered; i++) {
          recovered = (await create()).status === 201
          if (!recovered) await new Promise((ok) => setTimeout(ok, 200))
        }
        const recoveryMs = performance.now() - back
        expect(recovered, 'writes resumed after the disk was back').toBe(true)
        for (let i = 0; i < 10; i++) expect((await create()).status, 'a write after recovery').toBe(201)
        const windowMs = performance.now() - failingFrom
        polling = false
        await Promise.all(polls)
        expect(server.proc.exitCode).toBeNull()

        const loop = probes.filter((p) => p.path !== '/health')
        const health = probes.filter((p) => p.path === '/health')
        // The probes must cover the failing window: one every 200 ms plus its round trip, so at
        // least one a second. The window is ~10 s when the write hangs in an explicit COMMIT
        // until the statement deadline, ~2–3 s since a unit's create is one autocommit statement
        // (ADR 0047) whose failed WAL write errors at once: a fixed count (> 10) failed then.
        expect(loop.length, `event-loop probes over ${Math.round(windowMs)} ms`).toBeGreaterThanOrEqual(
          Math.max(2, Math.floor(windowMs / 1_000)),
        )
        expect(
          loop.filter((p) => p.status !== 401 || p.ms > 2_000),
          'the process froze or failed',
        ).toEqual([])
        expect(
          health.filter((p) => p.status === 0 || p.ms > 15_000),
          '/health unanswered or slower than the deadline + slack',
        ).toEqual([])
        const unexpected = answers.filter(
          (a) =>
            a.status !== 201 &&
            !(a.status === 503 && a.error === 'database_unavailable' && Number(a.retryAfter) > 0),
        )
        expect(unexpected.map((a) => `${a.status} ${JSON.stringify(a.body)}`)).toEqual([])
        server.proc.kill('SIGTERM')
        expect(await server.exited).toBe(0)

        const db = await createDatabase({
          driver: 'pglite',
          dataDir: join(dir, 'pgdata'),
          tenantGuard: false,
        })
        try {
          const { sql } = await import('drizzle-orm')
          const ids = new Set(
            (
              (await db.db.execute(
                sql`select id::text as id from units where building_id = ${buildingId}`,
              )) as unknown as { rows: { id: string }[] }
            ).rows.map((r) => r.id),
          )
          for (const id of acked) expect(ids.has(id), `acknowledged unit ${id} lost`).toBe(true)
          expect(ids.size, 'a refused write left a unit behind').toBe(acked.length)
          expect(await rowCountMismatches(db.db)).toEqual([])
          const max = (xs: number[]) => Math.round(Math.max(...xs))
          console.info(
            `pglite WAL write failing inside COMMIT: stuck write answered 503 in ${Math.round(stuck.ms)} ms, ${refusedWhileFailing}/3 later writes 503 while failing; ` +
              `event loop probe max ${max(loop.map((p) => p.ms))} ms (${loop.length} probes), /health max ${max(health.map((p) => p.ms))} ms (${health.length}); ` +
              `first write after the disk was back ${Math.round(recoveryMs)} ms; ${answers.length} creations, ${acked.length} acknowledged and present, 0 partial`,
          )
        } finally {
          await db.close()
        }
      } finally {
        polling = false
        if (server.proc.exitCode === null) server.proc.kill('SIGKILL')
      }
    })
  },
)
