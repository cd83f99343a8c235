import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApi, type TestApi } from '../test/harness.ts'
import { propertyFixtures } from '../test/property-fixtures.ts'

/**
 * GET /owners/{id}/charges, paginated and bounded (issue #12 item 5, docs/reliability.md "Bounded
 * work, duplicates and plan limits"): every line equals the owner's part in
 * /expenses/{id}/distribution, the pages tile the period, the totals cover every line, and the
 * number of queries does not grow with the number of expenses or of distinct dates.
 */
let api: TestApi
let fx: ReturnType<typeof propertyFixtures>
beforeAll(async () => {
  api = await createTestApi()
  fx = propertyFixtures(api)
})
afterAll(() => api.close())

type Line = {
  expense_id: string
  unit_id: string
  amount_cents: number
  payment_status: string
  expense_date: string
}

/**
 * 1000 tantièmes: A 333 (o1 alone), B 333 (o2 half from 2020; o1 a quarter from 2025-07-01, so
 * o1's lines change mid-period and a quarter stays unassigned), C 300 (o1 a third, o4 two thirds);
 * 34 tantièmes belong to no unit.
 */
async function world() {
  const t = await api.tenant()
  const token = t.syndic.token
  const building = await fx.building(token, { total_units: 3, total_tantiemes: 1000 })
  const a = await fx.unit(token, building.id, { unit_number: 'A', quota: 333 })
  const b = await fx.unit(token, building.id, { unit_number: 'B', quota: 333 })
  const c = await fx.unit(token, building.id, { unit_number: 'C', quota: 300 })
  const [o1, o2, o4] = [await fx.owner(token), await fx.owner(token), await fx.owner(token)]
  const link = async (
    unitId: string,
    ownerId: string,
    share: number | string,
    start: string,
    primary = false,
  ) => {
    const res = await api.request('POST', `/api/v1/units/${unitId}/owners`, {
      token,
      body: { owner_id: ownerId, ownership_share: share, is_primary_contact: primary, start_date: start },
    })
    expect(res.status, JSON.stringify(res.body)).toBe(201)
  }
  await link(a.id, o1.id, 1, '2020-01-01', true)
  await link(b.id, o2.id, 0.5, '2020-01-01', true)
  await link(b.id, o1.id, 0.25, '2025-07-01')
  await link(c.id, o1.id, '0.333333', '2020-01-01')
  await link(c.id, o4.id, '0.666667', '2020-01-01', true)
  const amounts = ['100.01', '33.33', '0.07', '12345.67', '999.99', '1.00', '250.50', '77.77']
  let n = 0
  const expense = async (date: string) => {
    const res = await api.request('POST', '/api/v1/expenses', {
      token,
      body: {
        building_id: building.id,
        category: 'Maintenance',
        description: `Entretien ${n}`,
        amount: amounts[n++ % amounts.length],
        expense_date: date,
      },
    })
    expect(res.status, JSON.stringify(res.body)).toBe(201)
    return res.body as { id: string }
  }
  const user = await api.user('owner', t.org.id)
  const linked = await api.request('PUT', `/api/v1/owners/${o1.id}/link-user`, {
    token,
    body: { user_id: user.id },
  })
  expect(linked.status).toBe(200)
  return { ...t, building, units: { a, b, c }, owners: { o1, o2, o4 }, expense, o1User: user }
}

async function allPages(path: string, token: string, perPage: number) {
  const lines: Line[] = []
  let totals: Record<string, number> | undefined
  let totalItems = -1
  for (let page = 1; ; page++) {
    const res = await api.request(
      'GET',
      `${path}${path.includes('?') ? '&' : '?'}page=${page}&per_page=${perPage}`,
      {
        token,
      },
    )
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    expect(res.body.lines).toBeUndefined()
    totals ??= res.body.totals
    expect(res.body.totals).toEqual(totals)
    totalItems = res.body.pagination.total_items
    lines.push(...res.body.data)
    if (!res.body.pagination.has_next) break
  }
  return { lines, totals: totals as Record<string, number>, totalItems }
}

describe('GET /owners/{id}/charges (paginated)', () => {
  it('every line equals the distribution’s part; pages tile the period; totals cover every line', async () => {
    const w = await world()
    const dates = [
      '2025-01-15',
      '2025-03-01',
      '2025-06-30',
      '2025-07-01',
      '2025-09-09',
      '2026-02-28',
      '2026-02-28',
    ]
    const made = []
    for (const date of dates) made.push(await w.expense(date))
    for (const e of made.slice(0, 3))
      expect(
        (await api.request('PUT', `/api/v1/expenses/${e.id}/mark-paid`, { token: w.syndic.token })).status,
      ).toBe(200)

    const { lines, totals, totalItems } = await allPages(
      `/api/v1/owners/${w.owners.o1.id}/charges`,
      w.syndic.token,
      4,
    )
    // o1: A and C on every expense, B from 2025-07-01 (4 of the 7).
    expect(lines).toHaveLength(7 * 2 + 4)
    expect(totalItems).toBe(lines.length)
    // Order: expense date, expense id, unit number.
    const key = (l: Line) => `${l.expense_date}|${l.expense_id}`
    expect(lines.map(key)).toEqual([...lines.map(key)].sort())
    // Each line is exactly the owner's part of that unit in the expense's distribution.
    for (const e of made) {
      const d = await api.request('GET', `/api/v1/expenses/${e.id}/distribution`, { token: w.syndic.token })
      const expected = (
        d.body.units as { unit_id: string; owners: { owner_id: string; amount_cents: number }[] }[]
      ).flatMap((u) =>
        u.owners.filter((o) => o.owner_id === w.owners.o1.id).map((o) => [u.unit_id, o.amount_cents]),
      )
      const got = lines.filter((l) => l.expense_id === e.id).map((l) => [l.unit_id, l.amount_cents])
      expect(got).toEqual(expected)
    }
    const sum = (ls: Line[]) => ls.reduce((s, l) => s + l.amount_cents, 0)
    expect(totals.total_cents).toBe(sum(lines))
    expect(totals.paid_cents).toBe(sum(lines.filter((l) => l.payment_status === 'Paid')))
    expect(totals.unpaid_cents).toBe(sum(lines.filter((l) => l.payment_status !== 'Paid')))
    // The honest names (ADR 0031): the association paid its supplier, not "the owner paid".
    expect([totals.supplier_paid_cents, totals.supplier_unpaid_cents]).toEqual([
      totals.paid_cents,
      totals.unpaid_cents,
    ])

    // A period narrows lines and totals alike.
    const h2 = await allPages(
      `/api/v1/owners/${w.owners.o1.id}/charges?date_from=2025-07-01`,
      w.syndic.token,
      3,
    )
    expect(h2.lines).toEqual(lines.filter((l) => l.expense_date >= '2025-07-01'))
    expect(h2.totals.total_cents).toBe(sum(h2.lines))

    // Past the last page: no lines, the same totals.
    const past = await api.request('GET', `/api/v1/owners/${w.owners.o1.id}/charges?page=99`, {
      token: w.syndic.token,
    })
    expect(past.body.data).toEqual([])
    expect(past.body.totals.total_cents).toBe(totals.total_cents)
    expect(past.body.pagination).toMatchObject({ current_page: 99, per_page: 20, total_items: lines.length })
  })

  it('v1 clients (no page, no per_page) get the first 100 lines as `lines` and `data`, with the totals', async () => {
    const w = await world()
    await w.expense('2026-01-10')
    const res = await api.request('GET', `/api/v1/owners/${w.owners.o1.id}/charges`, {
      token: w.accountant.token,
    })
    expect(res.status).toBe(200)
    expect(res.body.lines).toHaveLength(3)
    expect(res.body.lines).toEqual(res.body.data)
    expect(res.body.pagination).toMatchObject({ per_page: 100, total_items: 3, has_next: false })
    expect(res.body.totals.total_cents).toBe(
      res.body.lines.reduce((s: number, l: Line) => s + l.amount_cents, 0),
    )
    expect(
      (
        await api.request('GET', `/api/v1/owners/${w.owners.o1.id}/charges?per_page=101`, {
          token: w.accountant.token,
        })
      ).status,
    ).toBe(400)
  })

  it('a bounded number of queries, whatever the number of expenses and distinct dates', async () => {
    const w = await world()
    const path = `/api/v1/owners/${w.owners.o1.id}/charges?per_page=5`
    const counted = async () => {
      api.queries.length = 0
      const res = await api.request('GET', path, { token: w.syndic.token })
      expect(res.status).toBe(200)
      return { n: api.queries.length, total: res.body.pagination.total_items as number }
    }
    for (let i = 0; i < 3; i++) await w.expense(`2025-0${i + 1}-10`)
    const few = await counted()
    for (let i = 0; i < 12; i++) await w.expense(`2026-${String(i + 1).padStart(2, '0')}-${10 + i}`)
    const many = await counted()
    expect(many.total).toBeGreaterThan(few.total)
    // Authentication (1), the owner's tenant and row (2), page + grouped lines + bases (3).
    expect(many.n).toBe(few.n)
    expect(many.n).toBeLessThanOrEqual(6)
  })

  it('an owner user pages through their own charges only; another owner’s or tenant’s is 404', async () => {
    const w = await world()
    await w.expense('2026-01-10')
    const token = w.o1User.token
    const own = await api.request('GET', `/api/v1/owners/${w.owners.o1.id}/charges?page=1&per_page=2`, {
      token,
    })
    expect(own.status).toBe(200)
    expect(own.body.data).toHaveLength(2)
    expect(own.body.pagination.total_items).toBe(3)
    expect(
      (await api.request('GET', `/api/v1/owners/${w.owners.o2.id}/charges?page=1`, { token })).status,
    ).toBe(404)
    const other = await api.tenant()
    expect(
      (
        await api.request('GET', `/api/v1/owners/${w.owners.o1.id}/charges?page=1`, {
          token: other.syndic.token,
        })
      ).status,
    ).toBe(404)
  })
})
