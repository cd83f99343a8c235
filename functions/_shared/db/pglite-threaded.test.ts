import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { threadedPglite } from './pglite-threaded.ts'
import { isDatabaseUnavailable } from './unavailable.ts'

/**
 * PGlite in a worker thread (pglite-threaded.ts, ADR 0013): it must behave as PGlite does for
 * Drizzle (results, parsers, errors with their SQLSTATE, transactions) and, when the engine stops
 * answering inside WebAssembly, fail the pending call as database-unavailable by the deadline,
 * kill the thread and reopen the folder with every committed row. The disk faults themselves are
 * proven against the real server in functions/test/pglite-disk-fault.test.ts.
 */
const cleanups: (() => unknown)[] = []
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c()
})

function open(statementDeadlineMs = 10_000) {
  const dir = mkdtempSync(join(tmpdir(), 'koprogo-pglite-thread-'))
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }))
  const faults: unknown[] = []
  const engine = threadedPglite(join(dir, 'pgdata'), (e) => faults.push(e), { statementDeadlineMs })
  cleanups.push(() => engine.close())
  return { engine, client: engine.client, faults }
}
const failure = (p: Promise<unknown>) =>
  p.then(
    () => undefined,
    (e: unknown) => e,
  )

describe.runIf(process.env.TEST_DB !== 'postgres')('PGlite in a worker thread', () => {
  it('answers like PGlite: rows in both modes, the caller’s parsers, SQLSTATE errors, commit and rollback', async () => {
    const { client } = open()
    await client.query('create table t (id int primary key, at date, n numeric)')
    await client.query('insert into t values ($1, $2, $3)', [1, '2026-02-28', '1.50'])
    const parsers = { 1082: (v: string) => `date:${v}` }
    expect((await client.query('select * from t', [], { rowMode: 'array', parsers })).rows).toEqual([
      [1, 'date:2026-02-28', '1.50'],
    ])
    expect((await client.query('select id, at from t', [], { parsers })).rows).toEqual([
      { id: 1, at: 'date:2026-02-28' },
    ])
    const duplicate = (await failure(client.query('insert into t (id) values (1)'))) as Record<
      string,
      unknown
    >
    expect(duplicate.code).toBe('23505')
    expect(duplicate.constraint).toBe('t_pkey')

    await client.transaction(async (tx) => {
      await tx.query('insert into t (id) values (2)')
    })
    const rolledBack = await failure(
      client.transaction(async (tx) => {
        await tx.query('insert into t (id) values (3)')
        throw new Error('the caller gives up')
      }),
    )
    expect(String(rolledBack)).toContain('gives up')
    expect((await client.query('select id from t order by id')).rows).toEqual([{ id: 1 }, { id: 2 }])
  })

  it('an I/O error (class 58, as a failed WAL write reports) abandons the thread at once: that statement fails as unavailable, a new thread serves the committed rows', {
    timeout: 60_000,
  }, async () => {
    const { client, faults } = open()
    await client.query('create table t (id int primary key)')
    await client.query('insert into t values (1)')
    // PGlite 0.5.16 spins on the statement after a real 58030; the thread must never get one.
    const io = await failure(
      client.query(`do $$ begin raise exception 'could not write to WAL' using errcode = '58030'; end $$`),
    )
    expect((io as { code?: string }).code).toBe('58030')
    expect(isDatabaseUnavailable(io)).toBe(true)
    expect(faults.length).toBe(1)
    let rows: unknown
    for (let i = 0; i < 30 && rows === undefined; i++) {
      // A new thread is started at most once a second after the previous start.
      rows = await client.query('select id from t').then(
        (r) => r.rows,
        () => new Promise((ok) => setTimeout(ok, 100)).then(() => undefined),
      )
    }
    expect(rows).toEqual([{ id: 1 }])
  })

  it('a statement that does not answer by the deadline fails as unavailable, the busy thread is killed, a new one reopens the folder with the committed rows', {
    timeout: 60_000,
  }, async () => {
    const { client, faults } = open(1_000)
    await client.query('create table t (id int primary key)')
    await client.query('insert into t values (1)')
    const started = Date.now()
    const pending = await Promise.all([
      failure(client.query('select pg_sleep(30)')),
      failure(client.query('select id from t')), // waits behind the stuck statement
    ])
    const [stuck, queued] = pending
    expect(isDatabaseUnavailable(stuck), String(stuck)).toBe(true)
    // It had not reached the killed thread: it runs on the new one (the last start was > 1 s ago).
    expect(queued).toBeUndefined()
    expect(Date.now() - started).toBeLessThan(5_000)
    expect(faults.length).toBe(1)
    expect((await client.query('select id from t')).rows).toEqual([{ id: 1 }])
    // And again: each stuck thread is replaced.
    expect(isDatabaseUnavailable(await failure(client.query('select pg_sleep(30)')))).toBe(true)
    expect((await client.query('select id from t')).rows).toEqual([{ id: 1 }])
    expect(faults.length).toBe(2)
  })
})
