import { err, ok } from '@koprogo/domain'
import { eq, sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApi, type TestApi } from '../../test/harness.ts'
import { uuidv7 } from '../ids.ts'
import type { Database } from './client.ts'
import { auditLog, buildings, organizations } from './schema/index.ts'
import { TenantScopeViolation } from './tenant-scope.ts'
import { runInTransaction } from './transaction.ts'
import { deferInsert, writeBatch } from './write-batch.ts'

/**
 * The batched unit of work (ADR 0047) keeps the unit-of-work contract: all or nothing, reads see
 * the unit's own writes, locks are held until the end. Run on PGlite and Postgres.
 */
let api: TestApi
beforeAll(async () => {
  api = await createTestApi()
})
afterAll(() => api.close())

const auditRow = (entityId: string) => ({
  organizationId: null,
  actorUserId: null,
  action: 'test.batch',
  entity: 'test',
  entityId,
  requestId: 'write-batch-test',
})
const auditRowsOf = async (entityId: string) =>
  api.inspect.select().from(auditLog).where(eq(auditLog.entityId, entityId)).orderBy(auditLog.id)

function batched<T>(work: (db: Database) => Promise<ReturnType<typeof ok<T>> | ReturnType<typeof err>>) {
  return api.countRoundTrips(() =>
    runInTransaction(api.database.db, (db) => db, work as never, { batched: true }),
  )
}

describe('batched unit of work', () => {
  it('deferred writes go as one statement, in order, without BEGIN/COMMIT', async () => {
    const id = uuidv7()
    const { statements } = await batched(async (db) => {
      await deferInsert(db, auditLog, auditRow(id))
      await deferInsert(db, auditLog, { ...auditRow(id), action: 'test.second' })
      return ok(null)
    })
    expect(statements).toHaveLength(1)
    expect((await auditRowsOf(id)).map((r) => r.action)).toEqual(['test.batch', 'test.second'])
  })

  it('rows keep the order they were recorded in, whatever order the CTEs run in', async () => {
    // Postgres's manual: the order of a statement's data-modifying sub-statements is
    // unpredictable. Written either way round, the audit rows are numbered in recorded order.
    for (const partsReversed of [false, true]) {
      const id = uuidv7()
      const org = await api.organization()
      const batch = writeBatch(api.database.db, { partsReversed })
      await deferInsert(batch.db, auditLog, { ...auditRow(id), action: 'test.first' })
      await deferInsert(batch.db, organizations, { ...org, id: uuidv7(), slug: `${org.slug}-b` })
      await deferInsert(batch.db, auditLog, { ...auditRow(id), action: 'test.second' })
      await deferInsert(batch.db, auditLog, { ...auditRow(id), action: 'test.third' })
      const { statements } = await api.countRoundTrips(() => batch.commit())
      expect(statements).toHaveLength(1)
      expect(
        (await auditRowsOf(id)).map((r) => r.action),
        `partsReversed: ${partsReversed}`,
      ).toEqual(['test.first', 'test.second', 'test.third'])
    }
  })

  it('a deferred insert into a tenant table without its organization is refused, nothing sent', async () => {
    const batch = writeBatch(api.database.db)
    const row = { id: uuidv7(), name: 'X', address: 'A', city: 'C', postalCode: '1000', country: 'BE' }
    await expect(deferInsert(batch.db, buildings, { ...row, organizationId: '' })).rejects.toThrow(
      TenantScopeViolation,
    )
    const { statements } = await api.countRoundTrips(() => batch.commit())
    expect(statements).toHaveLength(0)
  })

  it('an Err result sends nothing; a throw sends nothing', async () => {
    const id = uuidv7()
    const refused = await batched(async (db) => {
      await deferInsert(db, auditLog, auditRow(id))
      return err({ code: 'refused', message: 'no' } as never)
    })
    expect(refused.result.ok).toBe(false)
    expect(refused.statements).toHaveLength(0)
    await expect(
      batched(async (db) => {
        await deferInsert(db, auditLog, auditRow(id))
        throw new Error('boom')
      }),
    ).rejects.toThrow('boom')
    expect(await auditRowsOf(id)).toHaveLength(0)
  })

  it('one failing write in the statement leaves none of the others', async () => {
    const id = uuidv7()
    const org = await api.organization()
    await expect(
      batched(async (db) => {
        await deferInsert(db, auditLog, auditRow(id))
        // The organization exists already: a primary-key violation in the same statement.
        await deferInsert(db, organizations, { ...org, slug: `${org.slug}-2` })
        return ok(null)
      }),
    ).rejects.toThrow()
    expect(await auditRowsOf(id)).toHaveLength(0)
  })

  it('a read of a table with a deferred write sees it: the transaction opens and the writes go first', async () => {
    const id = uuidv7()
    const { result, statements } = await batched(async (db) => {
      await deferInsert(db, auditLog, auditRow(id))
      const rows = await db.select().from(auditLog).where(eq(auditLog.entityId, id))
      // A later deferred write, after the transaction opened, goes at the end, before COMMIT.
      await deferInsert(db, auditLog, { ...auditRow(id), action: 'test.after' })
      return ok(rows.length)
    })
    expect(result).toEqual({ ok: true, value: 1 })
    expect(statements.map((q) => q.trim().split(/\s+/)[0]?.toLowerCase())).toEqual([
      'begin',
      'insert',
      'select',
      'insert',
      'commit',
    ])
    expect((await auditRowsOf(id)).map((r) => r.action)).toEqual(['test.batch', 'test.after'])
  })

  it('a locking read opens the transaction before it; an Err then rolls the unit back', async () => {
    const org = await api.organization()
    const id = uuidv7()
    const { statements } = await batched(async (db) => {
      await db.select().from(organizations).where(eq(organizations.id, org.id)).for('update')
      await deferInsert(db, auditLog, auditRow(id))
      await db.execute(sql`select 1`)
      return err({ code: 'refused', message: 'no' } as never)
    })
    expect(statements[0]).toBe('begin')
    expect(statements.at(-1)).toBe('rollback')
    expect(await auditRowsOf(id)).toHaveLength(0)
  })

  it('plain reads before any write run without a transaction', async () => {
    const org = await api.organization()
    const { statements } = await batched(async (db) => {
      const [row] = await db.select().from(organizations).where(eq(organizations.id, org.id))
      return ok(row?.name)
    })
    expect(statements).toHaveLength(1)
    expect(statements[0]).toMatch(/^select/)
  })
})
