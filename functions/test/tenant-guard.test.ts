import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApi, type TestApi } from './harness.ts'
import { propertyFixtures } from './property-fixtures.ts'
import { type JsonSchema, type Operation, sampleValue } from './sample-request.ts'

/**
 * Defence in depth for tenancy (ADR 0009): a forgotten `organization_id` filter must fail a test,
 * not leak in production. Every operation of the OpenAPI document is called by a syndic and an
 * accountant with a valid request; every SQL statement the app runs for them (the drizzle query
 * log) that reads or writes a tenant-owned table must name `organization_id`: in its WHERE for
 * SELECT/UPDATE/DELETE, in its column list for INSERT. A statement that touches a tenant table
 * by primary key only is how one tenant's id would reach another tenant's row.
 */
const TENANT_TABLES = [
  'buildings',
  'units',
  'owners',
  'unit_ownerships',
  'expenses',
  'meetings',
  'documents',
  'owner_charges',
  'charge_distributions',
]
/** Statements that legitimately cross tenants, each with its reason. */
const ALLOWED: { pattern: RegExp; reason: string }[] = []

let api: TestApi
let doc: {
  paths: Record<string, Record<string, Operation>>
  components?: { schemas?: Record<string, JsonSchema> }
}
const ids: Record<string, string> = {}
let tokens: string[] = []

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
})
afterAll(() => api.close())

function idFor(name: string, path: string): string {
  const entity =
    name === 'id'
      ? (path.split('/')[3] ?? '').replace(/ies$/, 'y').replace(/s$/, '')
      : name.replace(/_id$/, '')
  return ids[entity] ?? crypto.randomUUID()
}

/** The violations in one SQL statement, if it touches a tenant table. */
export function unscoped(statement: string): string | null {
  const s = statement.replace(/\s+/g, ' ')
  const tables = TENANT_TABLES.filter((t) => new RegExp(`"${t}"`).test(s))
  if (tables.length === 0) return null
  if (ALLOWED.some((a) => a.pattern.test(s))) return null
  const lower = s.toLowerCase()
  if (lower.startsWith('insert')) return /"organization_id"/.test(s) ? null : s
  const where = lower.indexOf(' where ')
  if (where < 0) return s
  return /"organization_id"/.test(s.slice(where)) ? null : s
}

describe('every statement on a tenant table filters on organization_id (query-log guard)', () => {
  it('the guard recognises scoped and unscoped statements', () => {
    expect(unscoped('select "id" from "buildings" where "buildings"."id" = $1')).not.toBeNull()
    expect(unscoped('select "id" from "buildings"')).not.toBeNull()
    expect(
      unscoped(
        'select "id" from "buildings" where ("buildings"."organization_id" = $1 and "buildings"."id" = $2)',
      ),
    ).toBeNull()
    expect(unscoped('insert into "units" ("id", "organization_id") values ($1, $2)')).toBeNull()
    expect(unscoped('select 1 from "users" where "id" = $1')).toBeNull()
  })

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
            const v = unscoped(q)
            if (v) violations.add(`${method.toUpperCase()} ${path}: ${v.slice(0, 300)}`)
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(100)
    expect([...violations]).toEqual([])
  })
})
