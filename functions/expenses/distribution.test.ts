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

type OwnerPart = {
  owner_id: string
  ownership_share: number
  share_ppm: number
  amount_cents: number
  amount: number
}
type UnitPart = {
  unit_id: string
  unit_number: string
  quota: number
  amount_cents: number
  unassigned_cents: number
  owners: OwnerPart[]
}

/**
 * 1000 tantièmes over units A 333 / B 333 / C 334. A: o1 alone; B: o2 and o3 half each;
 * C: o1 one third and o4 two thirds (o1 holds in two units). Links start in 2020.
 */
async function coOwnedBuilding() {
  const t = await api.tenant()
  const token = t.syndic.token
  const building = await fx.building(token, { total_units: 3, total_tantiemes: 1000 })
  const a = await fx.unit(token, building.id, { unit_number: 'A', quota: 333 })
  const b = await fx.unit(token, building.id, { unit_number: 'B', quota: 333 })
  const c = await fx.unit(token, building.id, { unit_number: 'C', quota: 334 })
  const [o1, o2, o3, o4] = [
    await fx.owner(token),
    await fx.owner(token),
    await fx.owner(token),
    await fx.owner(token),
  ]
  const link = async (unitId: string, ownerId: string, share: number | string, primary: boolean) => {
    const res = await api.request('POST', `/api/v1/units/${unitId}/owners`, {
      token,
      body: {
        owner_id: ownerId,
        ownership_share: share,
        is_primary_contact: primary,
        start_date: '2020-01-01',
      },
    })
    expect(res.status, JSON.stringify(res.body)).toBe(201)
  }
  await link(a.id, o1.id, 1, true)
  await link(b.id, o2.id, 0.5, true)
  await link(b.id, o3.id, 0.5, false)
  await link(c.id, o1.id, '0.333333', false)
  await link(c.id, o4.id, '0.666667', true)
  const expense = async (amount: string, date = '2026-03-01') => {
    const res = await api.request('POST', '/api/v1/expenses', {
      token,
      body: {
        building_id: building.id,
        category: 'Works',
        description: 'Toiture',
        amount,
        expense_date: date,
      },
    })
    expect(res.status, JSON.stringify(res.body)).toBe(201)
    return res.body as { id: string; amount_cents: number }
  }
  /** An owner-role user linked to the owner record `ownerId`. */
  const ownerUser = async (ownerId: string) => {
    const user = await api.user('owner', t.org.id)
    const res = await api.request('PUT', `/api/v1/owners/${ownerId}/link-user`, {
      token,
      body: { user_id: user.id },
    })
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    return user
  }
  return { ...t, building, units: { a, b, c }, owners: { o1, o2, o3, o4 }, expense, ownerUser }
}

const sum = (values: number[]) => values.reduce((s, v) => s + v, 0)

describe('GET /expenses/{id}/distribution', () => {
  it('splits by quota then share, the parts summing exactly to the amount', async () => {
    const t = await coOwnedBuilding()
    const e = await t.expense('100.01')
    const res = await api.request('GET', `/api/v1/expenses/${e.id}/distribution`, {
      token: t.accountant.token,
    })
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    const d = res.body as {
      expense_id: string
      amount_cents: number
      amount: number
      unallocated_cents: number
      total_tantiemes: number
      as_of: string
      units: UnitPart[]
    }
    expect(d).toMatchObject({
      expense_id: e.id,
      amount_cents: 10001,
      amount: 100.01,
      unallocated_cents: 0,
      total_tantiemes: 1000,
      as_of: '2026-03-01',
    })
    // 10001 × 333/1000 = 3330.333 twice, × 334/1000 = 3340.334: the leftover cent goes to C.
    expect(d.units.map((u) => [u.unit_number, u.quota, u.amount_cents])).toEqual([
      ['A', 333, 3330],
      ['B', 333, 3330],
      ['C', 334, 3341],
    ])
    expect(sum(d.units.map((u) => u.amount_cents)) + d.unallocated_cents).toBe(10001)
    for (const u of d.units) {
      expect(sum(u.owners.map((o) => o.amount_cents)) + u.unassigned_cents, u.unit_number).toBe(
        u.amount_cents,
      )
      for (const o of u.owners) expect(o.amount).toBe(o.amount_cents / 100)
    }
    const b = d.units[1]
    expect(b?.owners.map((o) => [o.ownership_share, o.share_ppm, o.amount_cents])).toEqual([
      [0.5, 500000, 1665],
      [0.5, 500000, 1665],
    ])
  })

  it('counts a part of the tantièmes no unit carries as unallocated', async () => {
    const t = await api.tenant()
    const building = await fx.building(t.syndic.token, { total_tantiemes: 1000 })
    await fx.unit(t.syndic.token, building.id, { unit_number: '1', quota: 600 })
    const e = await api.request('POST', '/api/v1/expenses', {
      token: t.syndic.token,
      body: {
        building_id: building.id,
        category: 'Other',
        description: 'x',
        amount_cents: 1000,
        expense_date: '2026-01-01',
      },
    })
    const d = await api.request('GET', `/api/v1/expenses/${e.body.id}/distribution`, {
      token: t.syndic.token,
    })
    expect(d.status).toBe(200)
    expect(d.body.units[0]).toMatchObject({ amount_cents: 600, unassigned_cents: 600, owners: [] })
    expect(d.body.unallocated_cents).toBe(400)
  })

  it('an owner reads the distribution of their building only; another tenant gets 404', async () => {
    const t = await coOwnedBuilding()
    const e = await t.expense('10.00')
    const holder = await t.ownerUser(t.owners.o2.id)
    const outsider = await api.user('owner', t.org.id)
    const other = await api.tenant()
    const path = `/api/v1/expenses/${e.id}/distribution`
    expect((await api.request('GET', path, { token: holder.token })).status).toBe(200)
    expect((await api.request('GET', path, { token: outsider.token })).status).toBe(404)
    expect((await api.request('GET', path, { token: other.syndic.token })).status).toBe(404)
    expect((await api.request('GET', path)).status).toBe(401)
    const unknown = `/api/v1/expenses/${crypto.randomUUID()}/distribution`
    expect((await api.request('GET', unknown, { token: t.syndic.token })).status).toBe(404)
    // The same visibility applies to the expense itself and to the lists.
    expect((await api.request('GET', `/api/v1/expenses/${e.id}`, { token: holder.token })).status).toBe(200)
    expect((await api.request('GET', `/api/v1/expenses/${e.id}`, { token: outsider.token })).status).toBe(404)
    const listed = await api.request('GET', '/api/v1/expenses', { token: outsider.token })
    expect(listed.body.pagination.total_items).toBe(0)
    const mine = await api.request('GET', `/api/v1/buildings/${t.building.id}/expenses`, {
      token: holder.token,
    })
    expect(mine.body.data.map((x: { id: string }) => x.id)).toEqual([e.id])
    const theirs = await api.request('GET', `/api/v1/buildings/${t.building.id}/expenses`, {
      token: outsider.token,
    })
    expect(theirs.status).toBe(404)
  })
})

describe('GET /owners/{id}/charges', () => {
  it('sums an owner’s parts across units and expenses, matching the distributions', async () => {
    const t = await coOwnedBuilding()
    const e1 = await t.expense('100.01', '2026-03-01')
    const e2 = await t.expense('33.33', '2026-04-01')
    await api.request('PUT', `/api/v1/expenses/${e1.id}/mark-paid`, { token: t.syndic.token })
    let expected = 0
    for (const e of [e1, e2]) {
      const d = await api.request('GET', `/api/v1/expenses/${e.id}/distribution`, { token: t.syndic.token })
      for (const u of d.body.units as UnitPart[])
        expected += sum(u.owners.filter((o) => o.owner_id === t.owners.o1.id).map((o) => o.amount_cents))
    }
    const res = await api.request('GET', `/api/v1/owners/${t.owners.o1.id}/charges`, {
      token: t.accountant.token,
    })
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    expect(res.body.owner_id).toBe(t.owners.o1.id)
    // Two units × two expenses.
    expect(res.body.lines).toHaveLength(4)
    expect(res.body.totals.total_cents).toBe(expected)
    expect(res.body.totals.total).toBe(expected / 100)
    expect(res.body.totals.paid_cents + res.body.totals.unpaid_cents).toBe(expected)
    const paidLines = res.body.lines.filter((l: { expense_id: string }) => l.expense_id === e1.id)
    expect(res.body.totals.paid_cents).toBe(
      sum(paidLines.map((l: { amount_cents: number }) => l.amount_cents)),
    )
    const april = await api.request('GET', `/api/v1/owners/${t.owners.o1.id}/charges?date_from=2026-04-01`, {
      token: t.syndic.token,
    })
    expect(april.body.lines.map((l: { expense_id: string }) => l.expense_id)).toEqual([e2.id, e2.id])
    const bad = await api.request(
      'GET',
      `/api/v1/owners/${t.owners.o1.id}/charges?date_from=2026-05-01&date_to=2026-04-01`,
      {
        token: t.syndic.token,
      },
    )
    expect(bad.status).toBe(400)
  })

  it('an owner user reads their own charges; anyone else’s, or another tenant’s, is 404', async () => {
    const t = await coOwnedBuilding()
    await t.expense('50.00')
    const holder = await t.ownerUser(t.owners.o3.id)
    const own = await api.request('GET', `/api/v1/owners/${t.owners.o3.id}/charges`, { token: holder.token })
    expect(own.status).toBe(200)
    // Unit B carries 5000 × 333/1000 = 1665 cents; its two halves are 833 and 832 (tie by owner id).
    expect([832, 833]).toContain(own.body.totals.total_cents)
    const someoneElse = await api.request('GET', `/api/v1/owners/${t.owners.o2.id}/charges`, {
      token: holder.token,
    })
    expect(someoneElse.status).toBe(404)
    const other = await api.tenant()
    const foreign = await api.request('GET', `/api/v1/owners/${t.owners.o3.id}/charges`, {
      token: other.syndic.token,
    })
    expect(foreign.status).toBe(404)
    expect((await api.request('GET', `/api/v1/owners/${t.owners.o3.id}/charges`)).status).toBe(401)
  })
})
