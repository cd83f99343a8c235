import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApi, type TestApi } from '../test/harness.ts'
import { propertyFixtures } from '../test/property-fixtures.ts'

let api: TestApi
let fx: ReturnType<typeof propertyFixtures>
beforeAll(async () => {
  api = await createTestApi()
  fx = propertyFixtures(api)
})
afterAll(() => api.close())

/** A tenant with 2 buildings, 3 units, 2 owners, 1 expense and 1 meeting. */
async function populatedTenant() {
  const t = await api.tenant()
  const token = t.syndic.token
  const b1 = await fx.building(token)
  const b2 = await fx.building(token)
  await fx.unit(token, b1.id)
  await fx.unit(token, b1.id)
  await fx.unit(token, b2.id)
  await fx.owner(token)
  await fx.owner(token)
  const expense = await api.request('POST', '/api/v1/expenses', {
    token,
    body: {
      building_id: b1.id,
      category: 'Cleaning',
      description: 'Nettoyage',
      amount: 80,
      expense_date: '2026-02-01',
    },
  })
  expect(expense.status).toBe(201)
  const meeting = await api.request('POST', '/api/v1/meetings', {
    token,
    body: {
      building_id: b2.id,
      meeting_type: 'Ordinary',
      title: 'AG',
      scheduled_date: '2030-06-01',
      location: 'Ici',
    },
  })
  expect(meeting.status).toBe(201)
  return t
}

describe('GET /stats/dashboard', () => {
  it('counts only the caller’s organization for syndic and accountant', async () => {
    const t = await populatedTenant()
    await populatedTenant()
    const expected = {
      total_organizations: 1,
      total_users: 3,
      total_buildings: 2,
      active_subscriptions: 1,
      total_owners: 2,
      total_units: 3,
      total_expenses: 1,
      total_meetings: 1,
    }
    for (const token of [t.syndic.token, t.accountant.token]) {
      const res = await api.request('GET', '/api/v1/stats/dashboard', { token })
      expect(res.status).toBe(200)
      expect(res.body).toEqual(expected)
    }
  })

  it('a superadmin sees the platform totals', async () => {
    const t = await populatedTenant()
    const admin = await api.user('superadmin', null)
    const res = await api.request('GET', '/api/v1/stats/dashboard', { token: admin.token })
    expect(res.status).toBe(200)
    const mine = (await api.request('GET', '/api/v1/stats/dashboard', { token: t.syndic.token })).body
    for (const [key, value] of Object.entries(mine))
      expect(res.body[key], key).toBeGreaterThanOrEqual(value as number)
    expect(res.body.total_organizations).toBeGreaterThanOrEqual(2)
  })

  it('401 without a token, 403 for an owner', async () => {
    const t = await api.tenant()
    expect((await api.request('GET', '/api/v1/stats/dashboard')).status).toBe(401)
    expect((await api.request('GET', '/api/v1/stats/dashboard', { token: t.owner.token })).status).toBe(403)
  })
})
