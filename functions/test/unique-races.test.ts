import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApi, type TestApi } from './harness.ts'
import { propertyFixtures } from './property-fixtures.ts'

/**
 * Unique-constraint races (issue #12 item 7, docs/reliability.md "Bounded work, duplicates and
 * plan limits"). The use cases check for a duplicate before inserting, but two requests can both
 * pass the check; the database's unique index then refuses the loser. That refusal must be the
 * same 409 the check gives, never a 500. On PGlite the requests are serialised (the check
 * answers); on Postgres they run on a pool of 10 and the constraint answers.
 */
const RACERS = 12
let api: TestApi
let fx: ReturnType<typeof propertyFixtures>
beforeAll(async () => {
  api = await createTestApi()
  fx = propertyFixtures(api)
})
afterAll(() => api.close())

type Res = { status: number; body: { error?: string; code?: string } }
function expectOneWinner(results: Res[], winStatus: number, code: string, message: string) {
  const statuses = results.map((r) => r.status).sort()
  expect(statuses, JSON.stringify(results.map((r) => r.body))).toEqual([
    ...(winStatus < 409 ? [winStatus] : []),
    ...Array(RACERS - 1).fill(409),
    ...(winStatus > 409 ? [winStatus] : []),
  ])
  for (const loser of results.filter((r) => r.status === 409)) {
    expect(loser.body.code).toBe(code)
    expect(loser.body.error).toBe(message)
  }
}

describe(`${RACERS} concurrent creates of the same unique value: one wins, the others get 409`, () => {
  it('users with the same e-mail (POST /users)', async () => {
    const { org, syndic } = await api.tenant()
    const email = `race-${crypto.randomUUID()}@example.test`
    const results = await Promise.all(
      Array.from({ length: RACERS }, () =>
        api.request('POST', '/api/v1/users', {
          token: syndic.token,
          body: { email, password: 'Sturdy-Pass-2026', first_name: 'A', last_name: 'B', role: 'owner' },
        }),
      ),
    )
    expectOneWinner(results, 201, 'email_taken', 'A user with this e-mail already exists')
    expect(org.id).toBeTruthy()
  })

  it('owners with the same e-mail in one organization (POST /owners)', async () => {
    const { syndic } = await api.tenant()
    const email = `owner-race-${crypto.randomUUID()}@example.be`
    const results = await Promise.all(
      Array.from({ length: RACERS }, () =>
        api.request('POST', '/api/v1/owners', {
          token: syndic.token,
          body: {
            first_name: 'Marie',
            last_name: 'Dubois',
            email,
            address: 'Avenue Louise 10',
            city: 'Ixelles',
            postal_code: '1050',
            country: 'Belgium',
          },
        }),
      ),
    )
    expectOneWinner(results, 201, 'email_taken', 'Another owner of this organization has this e-mail')
  })

  it('one user linked to N owners at once (PUT /owners/{id}/link-user)', async () => {
    const { org, syndic } = await api.tenant()
    const user = await api.user('owner', org.id)
    const owners = []
    for (let i = 0; i < RACERS; i++) owners.push(await fx.owner(syndic.token))
    const results = await Promise.all(
      owners.map((o) =>
        api.request('PUT', `/api/v1/owners/${o.id}/link-user`, {
          token: syndic.token,
          body: { user_id: user.id },
        }),
      ),
    )
    expectOneWinner(results, 200, 'user_already_linked', 'This user is linked to another owner')
  })

  it('units with the same number in one building (POST /units)', async () => {
    const { syndic } = await api.tenant()
    const b = await fx.building(syndic.token, { total_tantiemes: 100_000 })
    const results = await Promise.all(
      Array.from({ length: RACERS }, () =>
        api.request('POST', '/api/v1/units', {
          token: syndic.token,
          body: {
            building_id: b.id,
            unit_number: 'A-1',
            unit_type: 'Apartment',
            floor: 1,
            surface_area: 80,
            quota: 100,
          },
        }),
      ),
    )
    expectOneWinner(results, 201, 'unit_number_taken', 'Another unit of this building has this unit number')
  })
})
