import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApi, type TestApi } from '../test/harness.ts'

let api: TestApi
beforeAll(async () => {
  api = await createTestApi()
})
afterAll(() => api.close())

const count = async (table: string, where = 'true') => {
  const r = (await api.inspect.execute(
    sql.raw(`select count(*)::int as n from ${table} where ${where}`),
  )) as {
    rows: { n: number }[]
  }
  return r.rows[0]?.n ?? -1
}

// Each test loads what it asserts on (loading is idempotent), so none depends on another's data.
describe('seed', () => {
  it('is superadmin-only', async () => {
    const { syndic } = await api.tenant()
    for (const path of ['/api/v1/seed/demo', '/api/v1/seed/realistic', '/api/v1/seed/clear']) {
      expect((await api.request('POST', path, { token: syndic.token })).status, path).toBe(403)
    }
    expect((await api.request('POST', '/api/v1/seed/demo')).status).toBe(401)
  })

  it('loads the realistic dataset of API.md, consistent with every invariant', async () => {
    const admin = await api.user('superadmin', null)
    const res = await api.request('POST', '/api/v1/seed/realistic', { token: admin.token })
    expect(res.status).toBe(200)
    expect(res.body.success).toBe(true) // v1's SeedManager reads data.success (issue #20, item 13)
    expect(res.body.users.map((u: { email: string }) => u.email)).toEqual([
      'admin@small.be',
      'admin@medium.be',
      'admin@large.be',
    ])
    const seeded = "organization_id in (select id from organizations where seed_tag = 'realistic')"
    expect(await count('organizations', "seed_tag = 'realistic'")).toBe(3)
    expect(await count('buildings', seeded)).toBe(23)
    expect(await count('units', seeded)).toBeGreaterThanOrEqual(170)
    expect(await count('owners', seeded)).toBeGreaterThanOrEqual(100)
    expect(await count('expenses', seeded)).toBeGreaterThanOrEqual(50)
    // Every building's quotas sum exactly to its total; every unit's active shares to 1.
    expect(
      await count(
        'buildings b',
        `${seeded.replace('organization_id', 'b.organization_id')} and b.total_tantiemes <> (select sum(quota) from units u where u.building_id = b.id)`,
      ),
    ).toBe(0)
    expect(
      await count(
        'units u',
        `${seeded.replace('organization_id', 'u.organization_id')} and 1000000 <> (select sum(share_ppm) from unit_ownerships o where o.unit_id = u.id and o.end_date is null)`,
      ),
    ).toBe(0)
    const login = await api.request('POST', '/api/v1/auth/login', {
      body: { email: 'admin@small.be', password: 'admin123' },
    })
    expect(login.status).toBe(200)
    expect(login.body.user.role).toBe('syndic')
  })

  it('loading twice creates nothing twice', async () => {
    const admin = await api.user('superadmin', null)
    await api.request('POST', '/api/v1/seed/realistic', { token: admin.token })
    const before = await count(
      'buildings',
      "organization_id in (select id from organizations where seed_tag = 'realistic')",
    )
    const res = await api.request('POST', '/api/v1/seed/realistic', { token: admin.token })
    expect(res.status).toBe(200)
    expect(res.body.message).toContain('already')
    expect(
      await count(
        'buildings',
        "organization_id in (select id from organizations where seed_tag = 'realistic')",
      ),
    ).toBe(before)
  })

  it('demo: a syndic, an accountant and two owner users linked to owner records', async () => {
    const admin = await api.user('superadmin', null)
    const res = await api.request('POST', '/api/v1/seed/demo', { token: admin.token })
    expect(res.status).toBe(200)
    expect(res.body.users.map((u: { role: string }) => u.role).sort()).toEqual([
      'accountant',
      'owner',
      'owner',
      'syndic',
    ])
    expect(res.body.success).toBe(true)
    for (const { email, password } of res.body.users as { email: string; password: string }[]) {
      const login = await api.request('POST', '/api/v1/auth/login', { body: { email, password } })
      expect(login.status, email).toBe(200)
    }
    expect(
      await count(
        'owners',
        "user_id is not null and organization_id in (select id from organizations where seed_tag = 'demo')",
      ),
    ).toBe(2)
    expect(await count('unit_ownerships', 'share_ppm = 500000')).toBeGreaterThanOrEqual(2)
    const syndic = res.body.users.find((u: { role: string }) => u.role === 'syndic')
    const session = await api.request('POST', '/api/v1/auth/login', { body: syndic })
    const docs = await api.request('GET', '/api/v1/documents', { token: session.body.token })
    expect(
      await count('documents', "organization_id in (select id from organizations where seed_tag = 'demo')"),
    ).toBe(1)
    if (docs.status === 200) {
      const doc = docs.body.data[0]
      expect(doc.mime_type).toBe('application/pdf')
      const file = await api.app.request(`/api/v1/documents/${doc.id}/download`, {
        headers: { authorization: `Bearer ${session.body.token}` },
      })
      expect(file.status).toBe(200)
      expect(new TextDecoder().decode((await file.arrayBuffer()).slice(0, 5))).toBe('%PDF-')
    }
  })

  it('every seeded organization is within its plan limits (buildings and users); the demo has its plan defaults', async () => {
    const admin = await api.user('superadmin', null)
    for (const kind of ['demo', 'realistic'])
      expect((await api.request('POST', `/api/v1/seed/${kind}`, { token: admin.token })).status).toBe(200)
    const over =
      'seed_tag is not null and (max_buildings < (select count(*) from buildings b where b.organization_id = organizations.id) or max_users < (select count(*) from users u where u.organization_id = organizations.id))'
    expect(await count('organizations', over)).toBe(0)
    expect(
      await count(
        'organizations',
        "seed_tag = 'demo' and subscription_plan = 'Professional' and max_buildings = 20 and max_users = 50",
      ),
    ).toBe(1)
    // The demo syndic can still add buildings and users through the API (within the plan).
    const demo = (await api.request('POST', '/api/v1/seed/demo', { token: admin.token })).body.users.find(
      (u: { role: string }) => u.role === 'syndic',
    )
    const login = { email: demo.email, password: demo.password }
    const token = (await api.request('POST', '/api/v1/auth/login', { body: login })).body.token
    const building = await api.request('POST', '/api/v1/buildings', {
      token,
      body: {
        name: 'Nouvel immeuble',
        address: 'Rue 1',
        city: 'Namur',
        postal_code: '5000',
        country: 'Belgium',
        total_units: 4,
      },
    })
    expect(building.status, JSON.stringify(building.body)).toBe(201)
  })

  it('clear removes seeded organizations only, never a real tenant', async () => {
    const admin = await api.user('superadmin', null)
    const real = await api.tenant()
    await api.request('POST', '/api/v1/seed/demo', { token: admin.token })
    const res = await api.request('POST', '/api/v1/seed/clear', { token: admin.token })
    expect(res.status).toBe(200)
    expect(await count('organizations', 'seed_tag is not null')).toBe(0)
    expect(await count('users', "email like '%@demo.koprogo.be' or email like 'admin@%.be'")).toBe(0)
    expect(await count('organizations', `id = '${real.org.id}'`)).toBe(1)
    expect((await api.request('GET', '/api/v1/auth/me', { token: real.syndic.token })).status).toBe(200)
    expect(await count('audit_log', "action = 'seed.clear'")).toBeGreaterThanOrEqual(1)
  })
})
