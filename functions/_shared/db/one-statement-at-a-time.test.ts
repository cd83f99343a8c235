import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { assertTestDatabaseUrl } from '../../test/test-database.ts'
import { createDatabase, type DatabaseHandle } from './client.ts'

/**
 * A use case's reads run together (Promise.all); inside a transaction they share one pg client.
 * pg 8 queued them itself and printed "Calling client.query() when the client is already executing
 * a query is deprecated" (removed in pg 9): the pg driver's clients now send them one after the
 * other (client.ts, oneStatementAtATimeClient). Postgres project only.
 */
const onPostgres = process.env.TEST_DB === 'postgres'
let handle: DatabaseHandle
const warnings: string[] = []
const onWarning = (w: Error) => warnings.push(`${w.name}: ${w.message}`)

beforeAll(async () => {
  if (!onPostgres) return
  handle = await createDatabase({
    url: assertTestDatabaseUrl(process.env.TEST_DATABASE_URL ?? ''),
    driver: 'pg',
  })
  process.on('warning', onWarning)
})
afterAll(async () => {
  if (!onPostgres) return
  process.off('warning', onWarning)
  await handle.close()
})

describe.runIf(onPostgres)('pg driver: statements issued together on one client', () => {
  it('answers each in a transaction, in order, with no deprecation warning', async () => {
    const answers = await handle.db.transaction(async (tx) =>
      Promise.all(
        Array.from({ length: 8 }, (_, i) =>
          tx
            .execute(sql`select ${i}::int as n, pg_sleep(0.01)`)
            .then((r) => (r as { rows: { n: number }[] }).rows[0]?.n),
        ),
      ),
    )
    expect(answers).toEqual([0, 1, 2, 3, 4, 5, 6, 7])
    // process 'warning' events are emitted on the next tick.
    await new Promise((ok) => setImmediate(ok))
    expect(warnings.filter((w) => w.includes('already executing a query'))).toEqual([])
  })

  it('a failed statement rejects alone; the transaction then refuses the rest, as Postgres does', async () => {
    const outcome = await handle.db
      .transaction(async (tx) => {
        const settled = await Promise.allSettled([
          tx.execute(sql`select 1 as n`),
          tx.execute(sql`select 1 / 0 as n`),
          tx.execute(sql`select 3 as n`),
        ])
        return settled.map((s) => s.status)
      })
      .catch((error: unknown) => (error instanceof Error ? 'rolled back' : String(error)))
    // The third statement runs after the failure, inside the aborted transaction: refused too.
    expect(outcome).toEqual(['fulfilled', 'rejected', 'rejected'])
  })
})
