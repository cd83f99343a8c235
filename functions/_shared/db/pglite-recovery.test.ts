import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sql } from 'drizzle-orm'
import { afterEach, describe, expect, it } from 'vitest'
import { failWritesUnder } from '../../test/failing-disk.ts'
import { createDatabase, type DatabaseHandle } from './client.ts'
import { isDatabaseUnavailable } from './unavailable.ts'

/**
 * The embedded profile on a failing disk (pglite-recovery.ts, ADR 0013): PGlite in a real data
 * folder whose writes fail (EIO / ENOSPC injected under node:fs, which PGlite's NODEFS uses).
 * Each failure must reject the statement as database-unavailable (→ 503), never hang or kill
 * the process, and the database must work again — with every committed row — once the disk does.
 */
const cleanups: (() => unknown)[] = []
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c()
})

const rows = async (h: DatabaseHandle, q: ReturnType<typeof sql>) =>
  ((await h.db.execute(q)) as unknown as { rows: Record<string, unknown>[] }).rows
const failure = (p: Promise<unknown>) =>
  p.then(
    () => undefined,
    (e: unknown) => e,
  )
const sleep = (ms: number) => new Promise((ok) => setTimeout(ok, ms))

async function open(code: 'EIO' | 'ENOSPC', sub: string) {
  const dir = mkdtempSync(join(tmpdir(), 'koprogo-pglite-fault-'))
  const dataDir = join(dir, 'pgdata')
  const state = { failing: false }
  const faults: Error[] = []
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }))
  cleanups.push(
    failWritesUnder(
      () => [join(dataDir, sub)],
      code,
      () => state.failing,
    ),
  )
  const handle = await createDatabase({
    driver: 'pglite',
    dataDir,
    tenantGuard: false,
    onConnectionError: (e) => faults.push(e),
  })
  cleanups.push(() => handle.close())
  await handle.db.execute(sql`create table t (id int primary key, v text)`)
  await handle.db.execute(sql`insert into t values (1, 'committed before the fault')`)
  return { handle, state, faults }
}

describe.runIf(process.env.TEST_DB !== 'postgres')('PGlite on a failing disk', () => {
  it('WAL write fails (EIO): the statement fails as unavailable, the engine is reopened from its folder once the disk works, committed rows are there', async () => {
    const { handle, state, faults } = await open('EIO', 'pg_wal/')
    state.failing = true
    const lost = await failure(handle.db.execute(sql`insert into t values (2, 'never acknowledged')`))
    expect(isDatabaseUnavailable(lost), String(lost)).toBe(true)
    expect(faults.length).toBeGreaterThan(0)
    // While the disk still fails: fast refusals (reopening fails), not a frozen event loop.
    const started = Date.now()
    expect(isDatabaseUnavailable(await failure(handle.db.execute(sql`select 1`)))).toBe(true)
    expect(await handle.ping()).toBe(false)
    expect(Date.now() - started).toBeLessThan(10_000)

    state.failing = false
    await sleep(1_100) // reopening is tried at most once a second
    expect(await handle.ping()).toBe(true)
    expect(await rows(handle, sql`select id from t order by id`)).toEqual([{ id: 1 }])
    await handle.db.transaction(async (tx) => {
      await tx.execute(sql`insert into t values (3, 'after recovery')`)
    })
    expect(await rows(handle, sql`select count(*)::int as n from t`)).toEqual([{ n: 2 }])
  })

  it('data file cannot grow (ENOSPC, disk full): the transaction rolls back as unavailable, the same engine goes on', async () => {
    const { handle, state, faults } = await open('ENOSPC', 'base/')
    state.failing = true
    const full = await failure(
      handle.db.transaction(async (tx) => {
        for (let i = 10; i < 400; i++) await tx.execute(sql`insert into t values (${i}, repeat('x', 200))`)
      }),
    )
    expect(isDatabaseUnavailable(full), String(full)).toBe(true)
    expect(await rows(handle, sql`select count(*)::int as n from t`)).toEqual([{ n: 1 }])
    state.failing = false
    await handle.db.transaction(async (tx) => {
      for (let i = 10; i < 400; i++) await tx.execute(sql`insert into t values (${i}, repeat('x', 200))`)
    })
    expect(await rows(handle, sql`select count(*)::int as n from t`)).toEqual([{ n: 391 }])
    expect(faults).toEqual([]) // nothing to reopen
  })
})
