import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { and, eq, sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildings, tenantRowCounts } from '../_shared/db/schema/index.ts'
import { createTestApi, type TestApi } from './harness.ts'
import { propertyFixtures } from './property-fixtures.ts'
import { rowCountMismatches } from './row-count-check.ts'

/**
 * A list's `total_items` comes from `tenant_row_counts`, kept by triggers in the writing
 * transaction (migrations/0003, docs/performance.md). These tests make it drift if it can:
 * concurrent creations and deletions, a rolled-back insert, bulk seeding and clearing.
 */
let api: TestApi
beforeAll(async () => {
  api = await createTestApi()
})
afterAll(() => api.close())

/** A new tenant holding one building, one unit in it and one owner. */
async function tenantWithOneOfEach() {
  const t = await api.tenant()
  const fx = propertyFixtures(api)
  const b = await fx.building(t.syndic.token)
  await fx.unit(t.syndic.token, b.id)
  await fx.owner(t.syndic.token)
  return t
}

const total = async (token: string, path: string, query = '') =>
  (await api.request('GET', `/api/v1/${path}${query}`, { token })).body.pagination.total_items as number

describe('per-tenant row counts behind list totals', () => {
  it('stay exact under concurrent creations and deletions', async () => {
    const t = await api.tenant()
    const other = await api.tenant()
    const fx = propertyFixtures(api)
    const made = await Promise.all(Array.from({ length: 16 }, () => fx.building(t.syndic.token)))
    await Promise.all([
      ...Array.from({ length: 10 }, () => fx.owner(t.syndic.token)),
      ...Array.from({ length: 6 }, () => fx.building(other.syndic.token)),
      ...made.slice(0, 5).map((b) =>
        api.request('DELETE', `/api/v1/buildings/${b.id}`, {
          token: t.syndic.token,
          headers: { 'if-match': String(b.version) },
        }),
      ),
    ])
    expect(await total(t.syndic.token, 'buildings')).toBe(11)
    expect(await total(t.syndic.token, 'owners')).toBe(10)
    expect(await total(other.syndic.token, 'buildings')).toBe(6)
    // Past the last page the total comes from the counter alone.
    expect(await total(t.syndic.token, 'buildings', '?page=50')).toBe(11)
    expect(await total(t.syndic.token, 'units')).toBe(0)
    expect(await rowCountMismatches(api.inspect)).toEqual([])
  })

  it("give the total of an unfiltered list without counting the tenant's rows", async () => {
    // The mix's four lists (GET /buildings, /units, /owners, /expenses, no query): their totals
    // come from the counter. A count(*) over the tenant's rows is a sequential scan once the
    // tenant holds most of a table (session 11's growth run: GET /units did that).
    const t = await tenantWithOneOfEach()
    for (const path of ['buildings', 'units', 'owners', 'expenses']) {
      const { statements } = await api.countRoundTrips(() =>
        api.request('GET', `/api/v1/${path}`, { token: t.syndic.token }),
      )
      const counted = statements.filter((q) => /count\(\*\)/i.test(q) && new RegExp(`from "${path}"`).test(q))
      expect(counted, `GET /${path}`).toEqual([])
      expect(
        statements.some((q) => q.includes('tenant_row_counts')),
        `GET /${path}`,
      ).toBe(true)
    }
  })

  it('do not count a row whose transaction rolled back', async () => {
    const t = await api.tenant()
    await propertyFixtures(api).building(t.syndic.token)
    const counter = () =>
      api.inspect
        .select({ n: sql<number>`cast(sum(${tenantRowCounts.rowCount}) as integer)` })
        .from(tenantRowCounts)
        .where(and(eq(tenantRowCounts.organizationId, t.org.id), eq(tenantRowCounts.tableName, 'buildings')))
    expect(await counter()).toEqual([{ n: 1 }])
    const attempt = api.inspect.transaction(async (tx) => {
      await tx.insert(buildings).values({
        id: crypto.randomUUID(),
        organizationId: t.org.id,
        name: 'Rolled back',
        address: 'Rue Neuve 1',
        city: 'Bruxelles',
        postalCode: '1000',
        country: 'Belgium',
        totalUnits: 1,
      })
      throw new Error('abort')
    })
    await expect(attempt).rejects.toThrow('abort')
    expect(await counter()).toEqual([{ n: 1 }])
    expect(await total(t.syndic.token, 'buildings')).toBe(1)
  })

  it('migration 0003 fills exact counts for a database that already holds rows', async () => {
    const t = await tenantWithOneOfEach()
    const migration = readFileSync(
      join(import.meta.dirname, '../../migrations/0003_tenant_row_counts.sql'),
      'utf8',
    )
    const fill = migration.split('--> statement-breakpoint').at(-1) ?? ''
    expect(fill).toMatch(/^\s*INSERT INTO tenant_row_counts/m)
    // Replayed on an empty counter table inside a transaction that is rolled back afterwards.
    const replay = api.inspect.transaction(async (tx) => {
      await tx.execute(sql`delete from tenant_row_counts`)
      await tx.execute(sql.raw(fill))
      expect(await rowCountMismatches(tx)).toEqual([])
      const [row] = await tx
        .select({ n: sql<number>`cast(sum(${tenantRowCounts.rowCount}) as integer)` })
        .from(tenantRowCounts)
        .where(and(eq(tenantRowCounts.organizationId, t.org.id), eq(tenantRowCounts.tableName, 'units')))
      expect(row).toEqual({ n: 1 })
      throw new Error('roll back')
    })
    await expect(replay).rejects.toThrow('roll back')
    expect(await rowCountMismatches(api.inspect)).toEqual([])
  })

  it('follow bulk seeding and clearing of whole tenants', async () => {
    const admin = await api.user('superadmin', null)
    const seeded = await api.request('POST', '/api/v1/seed/realistic', { token: admin.token })
    expect(seeded.status, JSON.stringify(seeded.body)).toBeLessThan(300)
    expect(await rowCountMismatches(api.inspect)).toEqual([])
    const cleared = await api.request('POST', '/api/v1/seed/clear', { token: admin.token })
    expect(cleared.status, JSON.stringify(cleared.body)).toBeLessThan(300)
    expect(await rowCountMismatches(api.inspect)).toEqual([])
  })
})
