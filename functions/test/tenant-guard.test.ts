import { and, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildings } from '../_shared/db/schema/index.ts'
import { TenantScopeViolation, unscopedStatement } from '../_shared/db/tenant-scope.ts'
import { createTestApi, type TestApi } from './harness.ts'
import { propertyFixtures } from './property-fixtures.ts'
import { type JsonSchema, type Operation, sampleValue } from './sample-request.ts'

/**
 * Defence in depth for tenancy (ADR 0009), in two layers:
 * - at run time, the DB client refuses any statement on a tenant table that does not name
 *   `organization_id` (functions/_shared/db/tenant-scope.ts): a forgotten filter fails closed;
 * - here, every operation of the OpenAPI document is called by a syndic and an accountant with a
 *   valid request, and no statement in the drizzle query log may be unscoped — so a forgotten
 *   filter fails CI before it can fail a user's request.
 */
let api: TestApi
let doc: {
  paths: Record<string, Record<string, Operation>>
  components?: { schemas?: Record<string, JsonSchema> }
}
const ids: Record<string, string> = {}
let tokens: string[] = []
let victim: { buildingId: string; organizationId: string }

beforeAll(async () => {
  api = await createTestApi()
  const fx = propertyFixtures(api)
  doc = (await api.request('GET', '/api/v1/openapi.json')).body
  const t = await api.tenant()
  const b = await fx.building(t.syndic.token)
  const u = await fx.unit(t.syndic.token, b.id)
  const o = await fx.owner(t.syndic.token)
  await api.request('PUT', `/api/v1/units/${u.id}/assign-owner/${o.id}`, { token: t.syndic.token })
  Object.assign(ids, { building: b.id, unit: u.id, owner: o.id, user: t.owner.id, organization: t.org.id })
  tokens = [t.syndic.token, t.accountant.token]
  victim = { buildingId: b.id, organizationId: t.org.id }
})
afterAll(() => api.close())

function idFor(name: string, path: string): string {
  const entity =
    name === 'id'
      ? (path.split('/')[3] ?? '').replace(/ies$/, 'y').replace(/s$/, '')
      : name.replace(/_id$/, '')
  return ids[entity] ?? crypto.randomUUID()
}

describe('the run-time guard refuses unscoped statements on tenant tables (fail closed)', () => {
  it('recognises scoped, unscoped and deliberately cross-tenant statements', () => {
    expect(unscopedStatement('select "id" from "buildings" where "buildings"."id" = $1')).not.toBeNull()
    expect(unscopedStatement('select "id" from "buildings"')).not.toBeNull()
    expect(unscopedStatement('delete from "units" where "units"."id" = $1')).not.toBeNull()
    expect(unscopedStatement('update "owners" set "email" = $1 where "owners"."id" = $2')).not.toBeNull()
    expect(unscopedStatement('insert into "units" ("id", "building_id") values ($1, $2)')).not.toBeNull()
    expect(unscopedStatement('select count(*) from expenses')).not.toBeNull()
    expect(
      unscopedStatement(
        'select "id" from "buildings" where ("buildings"."organization_id" = $1 and "buildings"."id" = $2)',
      ),
    ).toBeNull()
    expect(unscopedStatement('insert into "units" ("id", "organization_id") values ($1, $2)')).toBeNull()
    expect(unscopedStatement('select 1 from "users" where "id" = $1')).toBeNull()
    expect(unscopedStatement('select "total_buildings" from "organizations"')).toBeNull()
    expect(
      unscopedStatement(
        'select "organization_id" from "units" where ("units"."id" = $1 and /* cross-tenant */ true)',
      ),
    ).toBeNull()
  })

  it('an unscoped read of a row that exists throws before reaching the database and returns nothing', async () => {
    const { db } = api.database
    const read = db.select().from(buildings).where(eq(buildings.id, victim.buildingId))
    await expect(read).rejects.toBeInstanceOf(TenantScopeViolation)
    const scoped = await db
      .select({ id: buildings.id })
      .from(buildings)
      .where(and(eq(buildings.organizationId, victim.organizationId), eq(buildings.id, victim.buildingId)))
    expect(scoped).toEqual([{ id: victim.buildingId }])
  })

  it('an unscoped write is refused and changes nothing, even inside a transaction', async () => {
    const { db } = api.database
    const before = await db
      .select({ name: buildings.name, version: buildings.version })
      .from(buildings)
      .where(and(eq(buildings.organizationId, victim.organizationId), eq(buildings.id, victim.buildingId)))
    const write = db.transaction(async (tx) => {
      await tx
        .update(buildings)
        .set({ name: 'hijacked' })
        .where(and(eq(buildings.organizationId, victim.organizationId), eq(buildings.id, victim.buildingId)))
      await tx.update(buildings).set({ name: 'hijacked' }).where(eq(buildings.id, victim.buildingId))
    })
    await expect(write).rejects.toBeInstanceOf(TenantScopeViolation)
    const after = await db
      .select({ name: buildings.name, version: buildings.version })
      .from(buildings)
      .where(and(eq(buildings.organizationId, victim.organizationId), eq(buildings.id, victim.buildingId)))
    expect(after).toEqual(before)
  })
})

describe('every statement on a tenant table filters on organization_id (query-log guard)', () => {
  it('for every operation of the OpenAPI document, by a syndic and an accountant', async () => {
    const violations = new Set<string>()
    let checked = 0
    for (const [path, methods] of Object.entries(doc.paths)) {
      if (path.startsWith('/api/v1/seed') || path.startsWith('/api/v1/organizations')) continue
      for (const [method, op] of Object.entries(methods)) {
        for (const token of tokens) {
          const json = op.requestBody?.content['application/json']?.schema
          const body = json ? sampleValue(doc, 'body', json, idFor, path) : undefined
          const url = path.replace(/\{([a-z_]+)\}/g, (_m, name: string) => idFor(name, path))
          api.queries.length = 0
          await api.request(method.toUpperCase(), url, { token, ...(body !== undefined ? { body } : {}) })
          for (const q of api.queries) {
            checked++
            const v = unscopedStatement(q)
            if (v) violations.add(`${method.toUpperCase()} ${path}: ${v.slice(0, 300)}`)
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(100)
    expect([...violations]).toEqual([])
  })
})
