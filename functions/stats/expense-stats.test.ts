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

async function expense(token: string, buildingId: string, category: string, amount: number, date: string) {
  const res = await api.request('POST', '/api/v1/expenses', {
    token,
    body: { building_id: buildingId, category, description: 'x', amount, expense_date: date },
  })
  expect(res.status, JSON.stringify(res.body)).toBe(201)
}

/** Two buildings of one tenant, four expenses over two months; and a noisy neighbour tenant. */
async function world() {
  const t = await api.tenant()
  const token = t.syndic.token
  const b1 = await fx.building(token)
  const b2 = await fx.building(token)
  await expense(token, b1.id, 'Cleaning', 80.5, '2026-02-01')
  await expense(token, b1.id, 'Cleaning', 19.5, '2026-03-10')
  await expense(token, b1.id, 'Utilities', 200, '2026-03-15')
  await expense(token, b2.id, 'Insurance', 1000, '2026-03-20')
  const other = await api.tenant()
  const ob = await fx.building(other.syndic.token)
  await expense(other.syndic.token, ob.id, 'Cleaning', 999, '2026-02-01')
  return { t, b1, b2, other, ob }
}

describe('GET /stats/expenses', () => {
  it('sums the tenant’s expenses by category and by month, in cents, for staff', async () => {
    const { t } = await world()
    for (const token of [t.syndic.token, t.accountant.token]) {
      const byCategory = await api.request('GET', '/api/v1/stats/expenses?group=category', { token })
      expect(byCategory.status).toBe(200)
      expect(byCategory.body).toEqual({
        group: 'category',
        items: [
          { key: 'Cleaning', total_cents: 10_000, count: 2 },
          { key: 'Insurance', total_cents: 100_000, count: 1 },
          { key: 'Utilities', total_cents: 20_000, count: 1 },
        ],
      })
    }
    const byMonth = await api.request('GET', '/api/v1/stats/expenses?group=month', { token: t.syndic.token })
    expect(byMonth.body.items).toEqual([
      { key: '2026-02', total_cents: 8_050, count: 1 },
      { key: '2026-03', total_cents: 121_950, count: 3 },
    ])
  })

  it('one building at a time; another tenant’s building is a 404, never its sums', async () => {
    const { t, b1, ob } = await world()
    const one = await api.request('GET', `/api/v1/stats/expenses?group=month&building_id=${b1.id}`, {
      token: t.syndic.token,
    })
    expect(one.body.items).toEqual([
      { key: '2026-02', total_cents: 8_050, count: 1 },
      { key: '2026-03', total_cents: 21_950, count: 2 },
    ])
    const foreign = await api.request('GET', `/api/v1/stats/expenses?building_id=${ob.id}`, {
      token: t.syndic.token,
    })
    expect(foreign.status).toBe(404)
  })

  it('401 without a token, 403 for an owner and a superadmin without a tenant, 400 on a bad group', async () => {
    const t = await api.tenant()
    const admin = await api.user('superadmin', null)
    expect((await api.request('GET', '/api/v1/stats/expenses')).status).toBe(401)
    expect((await api.request('GET', '/api/v1/stats/expenses', { token: t.owner.token })).status).toBe(403)
    expect((await api.request('GET', '/api/v1/stats/expenses', { token: admin.token })).status).toBe(403)
    expect(
      (await api.request('GET', '/api/v1/stats/expenses?group=year', { token: t.syndic.token })).status,
    ).toBe(400)
  })
})
