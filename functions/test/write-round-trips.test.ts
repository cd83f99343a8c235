import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApi, type TestApi } from './harness.ts'
import { propertyFixtures } from './property-fixtures.ts'

/**
 * Issue #17 item 2: how many statements (= round trips: neither driver pipelines) each create of
 * the anchor mix sends to the database, BEGIN/COMMIT/SAVEPOINT included, with and without an
 * Idempotency-Key. The first statement of every request is the authentication's user lookup
 * (reads pay it too); the ceiling is on what the create itself sends after it.
 */
let api: TestApi
let fx: ReturnType<typeof propertyFixtures>
let token: string
let buildingId: string
let n = 0

beforeAll(async () => {
  api = await createTestApi()
  fx = propertyFixtures(api)
  const t = await api.tenant()
  token = t.syndic.token
  buildingId = (await fx.building(token, { total_tantiemes: 100_000 })).id
})
afterAll(() => api.close())

/** The anchor mix's write bodies (scripts/lib/request-mix.ts), unique per call. */
function body(path: string): Record<string, unknown> {
  const u = `${Date.now().toString(36)}${(n++).toString(36)}`
  switch (path) {
    case '/api/v1/buildings':
      return {
        name: `Résidence Test ${u}`,
        address: 'Rue de la Loi 16',
        city: 'Bruxelles',
        postal_code: '1000',
        country: 'Belgium',
        total_units: 20,
        construction_year: 1972,
      }
    case '/api/v1/units':
      return {
        building_id: buildingId,
        unit_number: `U-${u}`,
        unit_type: 'Apartment',
        floor: 1,
        surface_area: 80,
        quota: 100,
      }
    case '/api/v1/owners':
      return {
        first_name: 'Marie',
        last_name: 'Dubois',
        email: `marie.${u}@bench.example.be`,
        phone: '+32 470 12 34 56',
        address: 'Avenue Louise 10',
        city: 'Bruxelles',
        postal_code: '1000',
        country: 'Belgium',
      }
    default:
      return {
        building_id: buildingId,
        category: 'Maintenance',
        description: 'Entretien annuel de l’ascenseur',
        amount: 1234.56,
        expense_date: new Date().toISOString(),
      }
  }
}

const CREATES = ['/api/v1/buildings', '/api/v1/units', '/api/v1/owners', '/api/v1/expenses'] as const

async function roundTripsOf(path: string, idempotencyKey?: string) {
  const headers: Record<string, string> = idempotencyKey ? { 'idempotency-key': idempotencyKey } : {}
  const { result, statements } = await api.countRoundTrips(() =>
    api.request('POST', path, { token, body: body(path), headers }),
  )
  expect(result.status, JSON.stringify(result.body)).toBe(201)
  return statements
}

/**
 * Statements per create, the authentication's user lookup included, measured on both drivers.
 * Before: main at 7cde90a (every write its own INSERT, BEGIN/COMMIT around each use case, the
 * idempotency claim as DELETE expired + INSERT). After: the batched unit of work (ADR 0047).
 * The plan's building limit and the building's quota room are checked in the create's own
 * statement (counts kept on the limit's row, migration 0027): no lock held across round trips.
 * An expense (session 7, ADR 0054): the closed-year check is the ledger insert's own trigger
 * (migration 0029), the distribution basis one query with the building's total: 7 → 5, 13 → 11.
 */
const BEFORE = {
  '/api/v1/buildings': { plain: 8, idempotent: 15 },
  '/api/v1/units': { plain: 8, idempotent: 15 },
  '/api/v1/owners': { plain: 6, idempotent: 13 },
  '/api/v1/expenses': { plain: 13, idempotent: 20 },
}
const CEILING: typeof BEFORE = {
  '/api/v1/buildings': { plain: 3, idempotent: 9 },
  '/api/v1/units': { plain: 3, idempotent: 9 },
  '/api/v1/owners': { plain: 3, idempotent: 9 },
  '/api/v1/expenses': { plain: 5, idempotent: 11 },
}

describe('round trips of a create (issue #17 item 2)', () => {
  it('an expense: the building, its distribution basis (with the total), the ledger settings, one write', async () => {
    const statements = await roundTripsOf('/api/v1/expenses')
    const text = statements.join('\n')
    expect(
      statements.filter((q) => /\bfrom "buildings"/.test(q)),
      text,
    ).toHaveLength(2)
    expect(text).not.toMatch(/from "fiscal_year_closings"/)
    expect(
      statements.slice(1).some((q) => /^(begin|commit)$/i.test(q.trim())),
      text,
    ).toBe(false)
    expect(statements, text).toHaveLength(5)
  })

  it('each create of the anchor mix sends its writes as one statement, within its ceiling', async () => {
    const counts: Record<string, { plain: number; idempotent: number }> = {}
    for (const path of CREATES) {
      const plain = await roundTripsOf(path)
      const idempotent = await roundTripsOf(path, `rt-${path.slice(8)}-${n}-${Date.now()}`)
      counts[path] = { plain: plain.length, idempotent: idempotent.length }
      // The row, its audit row(s) and (expenses) the ledger entry and lines: one statement.
      const writes = plain.filter(
        (q) => /^\s*(?:insert|update|delete)\b/i.test(q) || q.includes('write batch'),
      )
      expect(writes, plain.join('\n')).toHaveLength(1)
      expect(plain.length, plain.join('\n')).toBeLessThanOrEqual(CEILING[path].plain)
      expect(idempotent.length, idempotent.join('\n')).toBeLessThanOrEqual(CEILING[path].idempotent)
    }
    console.info(`round trips per create (before → now): ${JSON.stringify({ BEFORE, now: counts })}`)
  })

  it.each(['/api/v1/buildings', '/api/v1/units', '/api/v1/owners'])(
    '%s: at most 2 round trips after authentication, no BEGIN/COMMIT',
    async (path) => {
      const statements = await roundTripsOf(path)
      expect(
        statements.slice(1).some((q) => /^(begin|commit)$/i.test(q.trim())),
        statements.join('\n'),
      ).toBe(false)
      expect(statements.length, statements.join('\n')).toBeLessThanOrEqual(3)
    },
  )
})
