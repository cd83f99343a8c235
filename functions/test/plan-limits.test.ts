import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApi, type TestApi } from './harness.ts'
import { propertyFixtures } from './property-fixtures.ts'

/**
 * Subscription plan limits (issue #12 item 14, ADR 0015, docs/security.md "Bounded work,
 * duplicates and plan limits"): organizations.max_buildings and max_users are enforced on every
 * create, race-safe (the organization row is locked while counting), and a superadmin raises them.
 */
const RACERS = 12
let api: TestApi
let fx: ReturnType<typeof propertyFixtures>
let admin: Awaited<ReturnType<TestApi['user']>>
beforeAll(async () => {
  api = await createTestApi()
  fx = propertyFixtures(api)
  admin = await api.user('superadmin', null)
})
afterAll(() => api.close())

async function setLimits(orgId: string, limits: Record<string, unknown>) {
  const res = await api.request('PUT', `/api/v1/organizations/${orgId}`, { token: admin.token, body: limits })
  expect(res.status, JSON.stringify(res.body)).toBe(200)
  return res.body
}

const buildingBody = (name: string) => ({
  name,
  address: 'Rue de la Loi 16',
  city: 'Bruxelles',
  postal_code: '1000',
  country: 'Belgium',
  total_units: 10,
})
const userBody = () => ({
  email: `u-${crypto.randomUUID()}@example.test`,
  password: 'Sturdy-Pass-2026',
  first_name: 'Jan',
  last_name: 'Janssens',
  role: 'owner',
})

async function count(table: 'buildings' | 'users', orgId: string): Promise<number> {
  const r = (await api.inspect.execute(
    sql`select count(*)::int as n from ${sql.identifier(table)} where organization_id = ${orgId}`,
  )) as { rows: { n: number }[] }
  return Number(r.rows[0]?.n)
}

async function buildingCount(orgId: string): Promise<number> {
  const r = (await api.inspect.execute(
    sql`select building_count from organizations where id = ${orgId}`,
  )) as {
    rows: { building_count: number }[]
  }
  return Number(r.rows[0]?.building_count)
}

describe('plan limits', () => {
  it('max_buildings: the create past the limit is 409 plan_limit_reached naming the plan; a superadmin raises it', async () => {
    const { org, syndic } = await api.tenant()
    await setLimits(org.id, { subscription_plan: 'Free', max_buildings: 2 })
    await fx.building(syndic.token)
    await fx.building(syndic.token)
    const third = await api.request('POST', '/api/v1/buildings', {
      token: syndic.token,
      body: buildingBody('Third'),
    })
    expect(third.status).toBe(409)
    expect(third.body.code).toBe('plan_limit_reached')
    expect(third.body.error).toBe(
      'The Free plan of this organization allows at most 2 buildings; it has 2. A platform administrator can raise the limit.',
    )
    // Nothing was written by the refused create (no building, no audit row).
    expect(await count('buildings', org.id)).toBe(2)
    // The refusal is the database's own (the create's one statement fails): with an
    // Idempotency-Key it is answered and replayed the same, and the claim's transaction survives.
    const headers = { 'idempotency-key': `limit-${org.id}` }
    const keyed = await api.request('POST', '/api/v1/buildings', {
      token: syndic.token,
      body: buildingBody('Keyed'),
      headers,
    })
    expect(keyed.status).toBe(409)
    expect(keyed.body.code).toBe('plan_limit_reached')
    const replay = await api.request('POST', '/api/v1/buildings', {
      token: syndic.token,
      body: buildingBody('Keyed'),
      headers,
    })
    expect([replay.status, replay.body.code]).toEqual([409, 'plan_limit_reached'])
    expect(await count('buildings', org.id)).toBe(2)
    const audited = (await api.inspect.execute(
      sql`select count(*)::int as n from audit_log where organization_id = ${org.id} and action = 'building.create'`,
    )) as { rows: { n: number }[] }
    expect(audited.rows[0]?.n).toBe(2)
    // A superadmin creating in that organization is held to the same plan.
    const byAdmin = await api.request('POST', '/api/v1/buildings', {
      token: admin.token,
      body: { ...buildingBody('By admin'), organization_id: org.id },
    })
    expect(byAdmin.status).toBe(409)
    // Only a superadmin changes the limits; then the same request succeeds.
    const bySyndic = await api.request('PUT', `/api/v1/organizations/${org.id}`, {
      token: syndic.token,
      body: { max_buildings: 100 },
    })
    expect(bySyndic.status).toBe(403)
    const raised = await setLimits(org.id, { max_buildings: 3 })
    expect(raised.max_buildings).toBe(3)
    await fx.building(syndic.token)
    expect(await count('buildings', org.id)).toBe(3)
  })

  it('max_users: POST /users and POST /auth/register with a token stop at the limit', async () => {
    const { org, syndic } = await api.tenant() // 3 users: syndic, accountant, owner
    await setLimits(org.id, { subscription_plan: 'Starter', max_users: 4 })
    const fourth = await api.request('POST', '/api/v1/users', { token: syndic.token, body: userBody() })
    expect(fourth.status, JSON.stringify(fourth.body)).toBe(201)
    const fifth = await api.request('POST', '/api/v1/users', { token: syndic.token, body: userBody() })
    expect(fifth.status).toBe(409)
    expect(fifth.body.code).toBe('plan_limit_reached')
    expect(fifth.body.error).toContain('The Starter plan of this organization allows at most 4 users')
    const registered = await api.request('POST', '/api/v1/auth/register', {
      token: syndic.token,
      body: userBody(),
    })
    expect(registered.status).toBe(409)
    expect(registered.body.code).toBe('plan_limit_reached')
    expect(await count('users', org.id)).toBe(4)
    await setLimits(org.id, { max_users: 5 })
    expect(
      (await api.request('POST', '/api/v1/users', { token: syndic.token, body: userBody() })).status,
    ).toBe(201)
  })

  it('public sign-up founds a Free organization (1 building, 3 users) and its syndic is held to it', async () => {
    const email = `founder-${crypto.randomUUID()}@example.test`
    const signup = await api.request('POST', '/api/v1/auth/register', {
      body: { ...userBody(), email, role: 'syndic', organization_name: `Firm ${crypto.randomUUID()}` },
    })
    expect(signup.status, JSON.stringify(signup.body)).toBe(201)
    const token = signup.body.token as string
    const org = await api.request('GET', `/api/v1/organizations/${signup.body.user.organization_id}`, {
      token,
    })
    expect(org.body).toMatchObject({ subscription_plan: 'Free', max_buildings: 1, max_users: 3 })
    expect(
      (await api.request('POST', '/api/v1/buildings', { token, body: buildingBody('One') })).status,
    ).toBe(201)
    expect(
      (await api.request('POST', '/api/v1/buildings', { token, body: buildingBody('Two') })).status,
    ).toBe(409)
  })
})

describe(`${RACERS} concurrent creates never overshoot the limit`, () => {
  it('buildings: with room for 3, exactly 3 × 201 and the rest 409 plan_limit_reached', async () => {
    const { org, syndic } = await api.tenant()
    await fx.building(syndic.token)
    await setLimits(org.id, { max_buildings: 4 })
    const results = await Promise.all(
      Array.from({ length: RACERS }, (_, i) =>
        api.request('POST', '/api/v1/buildings', { token: syndic.token, body: buildingBody(`Racer ${i}`) }),
      ),
    )
    const statuses = results.map((r) => r.status).sort()
    expect(statuses, JSON.stringify(results.map((r) => r.body))).toEqual([
      ...Array(3).fill(201),
      ...Array(RACERS - 3).fill(409),
    ])
    for (const r of results.filter((x) => x.status === 409)) expect(r.body.code).toBe('plan_limit_reached')
    expect(await count('buildings', org.id)).toBe(4)
    // The count the check reads (kept on the organization's row, migration 0027) is the real one,
    // and a delete gives the room back.
    expect(await buildingCount(org.id)).toBe(4)
    const won = results.find((r) => r.status === 201)?.body as { id: string }
    expect((await api.request('DELETE', `/api/v1/buildings/${won.id}`, { token: syndic.token })).status).toBe(
      204,
    )
    expect(await buildingCount(org.id)).toBe(3)
    const again = await api.request('POST', '/api/v1/buildings', {
      token: syndic.token,
      body: buildingBody('Again'),
    })
    expect(again.status).toBe(201)
  })

  it('users: with room for 2, exactly 2 × 201 and the rest 409 plan_limit_reached', async () => {
    const { org, syndic } = await api.tenant()
    await setLimits(org.id, { max_users: 5 })
    const results = await Promise.all(
      Array.from({ length: RACERS }, () =>
        api.request('POST', '/api/v1/users', { token: syndic.token, body: userBody() }),
      ),
    )
    const statuses = results.map((r) => r.status).sort()
    expect(statuses, JSON.stringify(results.map((r) => r.body))).toEqual([
      ...Array(2).fill(201),
      ...Array(RACERS - 2).fill(409),
    ])
    for (const r of results.filter((x) => x.status === 409)) expect(r.body.code).toBe('plan_limit_reached')
    expect(await count('users', org.id)).toBe(5)
  })
})
