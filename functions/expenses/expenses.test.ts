import { sql } from 'drizzle-orm'
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

const newExpense = (buildingId: string, over: Record<string, unknown> = {}) => ({
  building_id: buildingId,
  category: 'Maintenance',
  description: 'Entretien ascenseur',
  amount: 1250.5,
  expense_date: '2026-03-01',
  supplier: 'Schindler',
  invoice_number: 'F-2026-001',
  ...over,
})

/** A tenant with one building and a helper that creates expenses in it, asserting 201. */
async function setup() {
  const t = await api.tenant()
  const building = await fx.building(t.syndic.token)
  const create = async (over: Record<string, unknown> = {}, buildingId = building.id) => {
    const res = await api.request('POST', '/api/v1/expenses', {
      token: t.syndic.token,
      body: newExpense(buildingId, over),
    })
    expect(res.status, JSON.stringify(res.body)).toBe(201)
    return res.body as { id: string; amount_cents: number; version: number; building_id: string }
  }
  return { ...t, building, create }
}

async function expenseCount(buildingId: string): Promise<number> {
  const r = (await api.inspect.execute(
    sql`select count(*)::int as n from expenses where building_id = ${buildingId}`,
  )) as { rows: { n: number }[] }
  return r.rows[0]?.n ?? -1
}

async function auditActions(entityId: string): Promise<string[]> {
  const r = (await api.inspect.execute(
    sql`select action from audit_log where entity_id = ${entityId} order by id`,
  )) as { rows: { action: string }[] }
  return r.rows.map((row) => row.action)
}

describe('POST /expenses', () => {
  it('records an expense in euros as exact cents, readable back, audited', async () => {
    const t = await setup()
    const res = await api.request('POST', '/api/v1/expenses', {
      token: t.syndic.token,
      body: newExpense(t.building.id),
    })
    expect(res.status).toBe(201)
    expect(res.body).toMatchObject({
      organization_id: t.org.id,
      building_id: t.building.id,
      category: 'Maintenance',
      amount: 1250.5,
      amount_cents: 125050,
      expense_date: '2026-03-01',
      payment_status: 'Pending',
      supplier: 'Schindler',
      invoice_number: 'F-2026-001',
      paid_date: null,
      version: 1,
    })
    const got = await api.request('GET', `/api/v1/expenses/${res.body.id}`, { token: t.accountant.token })
    expect(got.status).toBe(200)
    expect(got.body).toEqual(res.body)
    expect(await auditActions(res.body.id)).toEqual(['expense.create', 'expense.approve'])
  })

  it('accepts amount_cents, a decimal string with a comma, or both when they agree', async () => {
    const t = await setup()
    const cases: [Record<string, unknown>, number][] = [
      [{ amount: undefined, amount_cents: 9999 }, 9999],
      [{ amount: '12,34' }, 1234],
      [{ amount: '0.10' }, 10],
      [{ amount: 19.99, amount_cents: 1999 }, 1999],
    ]
    for (const [over, cents] of cases) {
      const res = await api.request('POST', '/api/v1/expenses', {
        token: t.accountant.token,
        body: newExpense(t.building.id, over),
      })
      expect(res.status, JSON.stringify(over)).toBe(201)
      expect(res.body.amount_cents).toBe(cents)
      expect(res.body.amount).toBe(cents / 100)
    }
  })

  it('refuses every invalid value with a 400 naming the field, and stores nothing', async () => {
    const t = await setup()
    const cases: [Record<string, unknown>, string][] = [
      [{ amount: 12.345 }, 'amount'],
      [{ amount: 0.1 + 0.2 }, 'amount'],
      [{ amount: '1e3' }, 'amount'],
      [{ amount: 0 }, 'amount'],
      [{ amount: -5 }, 'amount'],
      [{ amount: undefined }, 'amount'],
      [{ amount: 10, amount_cents: 999 }, 'amount_cents'],
      [{ amount: undefined, amount_cents: 12.5 }, 'amount_cents'],
      [{ category: 'Champagne' }, 'category'],
      [{ description: '   ' }, 'description'],
      [{ expense_date: '2026-02-30' }, 'expense_date'],
      [{ expense_date: 'yesterday' }, 'expense_date'],
      [{ building_id: 'not-a-uuid' }, 'building_id'],
    ]
    for (const [over, path] of cases) {
      const res = await api.request('POST', '/api/v1/expenses', {
        token: t.syndic.token,
        body: newExpense(t.building.id, over),
      })
      expect(res.status, JSON.stringify(over)).toBe(400)
      expect(res.headers.get('content-type')).toContain('application/problem+json')
      expect(
        res.body.errors.map((e: { path: string }) => e.path),
        JSON.stringify(over),
      ).toContain(path)
    }
    expect(await expenseCount(t.building.id)).toBe(0)
  })

  it('401 without a token, 403 for an owner, 404 for another tenant’s building', async () => {
    const t = await setup()
    const other = await setup()
    const body = newExpense(t.building.id)
    expect((await api.request('POST', '/api/v1/expenses', { body })).status).toBe(401)
    expect((await api.request('POST', '/api/v1/expenses', { token: t.owner.token, body })).status).toBe(403)
    const foreign = await api.request('POST', '/api/v1/expenses', {
      token: other.syndic.token,
      body,
    })
    expect(foreign.status).toBe(404)
    expect(await expenseCount(t.building.id)).toBe(0)
  })

  it('an Idempotency-Key replay returns the first response and creates one row', async () => {
    const t = await setup()
    const body = newExpense(t.building.id)
    const headers = { 'idempotency-key': `exp-${crypto.randomUUID()}` }
    const first = await api.request('POST', '/api/v1/expenses', { token: t.syndic.token, body, headers })
    const second = await api.request('POST', '/api/v1/expenses', { token: t.syndic.token, body, headers })
    expect(first.status).toBe(201)
    expect(second.status).toBe(201)
    expect(second.headers.get('idempotent-replayed')).toBe('true')
    expect(second.body.id).toBe(first.body.id)
    expect(await expenseCount(t.building.id)).toBe(1)
    const changed = await api.request('POST', '/api/v1/expenses', {
      token: t.syndic.token,
      body: { ...body, amount: 1 },
      headers,
    })
    expect(changed.status).toBe(422)
    expect(await expenseCount(t.building.id)).toBe(1)
  })
})

describe('PUT /expenses/{id}/mark-paid', () => {
  it('pays today without a body, then refuses a second payment', async () => {
    const t = await setup()
    const e = await t.create({ expense_date: '2026-01-15' })
    const paid = await api.request('PUT', `/api/v1/expenses/${e.id}/mark-paid`, { token: t.accountant.token })
    expect(paid.status).toBe(200)
    expect(paid.body).toMatchObject({
      payment_status: 'Paid',
      // "Today" is the building's day in Brussels (the domain's clock), not UTC's: they differ
      // between 22:00/23:00 and midnight UTC.
      paid_date: new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Brussels' }).format(new Date()),
      version: 2,
    })
    const again = await api.request('PUT', `/api/v1/expenses/${e.id}/mark-paid`, { token: t.syndic.token })
    expect(again.status).toBe(409)
    expect(again.body.code).toBe('expense_already_paid')
    expect(await auditActions(e.id)).toEqual(['expense.create', 'expense.approve', 'expense.mark_paid'])
  })

  it('takes paid_date and a version; stale If-Match → 409 with current_version', async () => {
    const t = await setup()
    const e = await t.create({ expense_date: '2026-01-15' })
    const early = await api.request('PUT', `/api/v1/expenses/${e.id}/mark-paid`, {
      token: t.syndic.token,
      body: { paid_date: '2026-01-14' },
    })
    expect(early.status).toBe(400)
    expect(early.body.errors[0].path).toBe('paid_date')
    const bad = await api.request('PUT', `/api/v1/expenses/${e.id}/mark-paid`, {
      token: t.syndic.token,
      body: { paid_date: '2026-13-01' },
    })
    expect(bad.status).toBe(400)
    const stale = await api.request('PUT', `/api/v1/expenses/${e.id}/mark-paid`, {
      token: t.syndic.token,
      headers: { 'if-match': '"7"' },
      body: { paid_date: '2026-02-01' },
    })
    expect(stale.status).toBe(409)
    expect(stale.body.current_version).toBe(1)
    const staleBody = await api.request('PUT', `/api/v1/expenses/${e.id}/mark-paid`, {
      token: t.syndic.token,
      body: { paid_date: '2026-02-01', version: 3 },
    })
    expect(staleBody.status).toBe(409)
    const ok = await api.request('PUT', `/api/v1/expenses/${e.id}/mark-paid`, {
      token: t.syndic.token,
      headers: { 'if-match': 'W/"1"' },
      body: { paid_date: '2026-02-01' },
    })
    expect(ok.status).toBe(200)
    expect(ok.body).toMatchObject({ paid_date: '2026-02-01', version: 2 })
  })

  it('403 for an owner, 404 for another tenant or an unknown id, 401 without token', async () => {
    const t = await setup()
    const other = await setup()
    const e = await t.create()
    const path = `/api/v1/expenses/${e.id}/mark-paid`
    expect((await api.request('PUT', path)).status).toBe(401)
    expect((await api.request('PUT', path, { token: t.owner.token })).status).toBe(403)
    expect((await api.request('PUT', path, { token: other.syndic.token })).status).toBe(404)
    const unknown = `/api/v1/expenses/${crypto.randomUUID()}/mark-paid`
    expect((await api.request('PUT', unknown, { token: t.syndic.token })).status).toBe(404)
    const got = await api.request('GET', `/api/v1/expenses/${e.id}`, { token: t.syndic.token })
    expect(got.body.payment_status).toBe('Pending')
  })
})

describe('GET /expenses', () => {
  it('paginates and never lists another tenant’s rows', async () => {
    const t = await setup()
    const other = await setup()
    await other.create()
    for (let i = 0; i < 3; i++) await t.create({ invoice_number: `P-${i}` })
    const p1 = await api.request('GET', '/api/v1/expenses?per_page=2', { token: t.accountant.token })
    expect(p1.status).toBe(200)
    expect(p1.body.data).toHaveLength(2)
    expect(p1.body.pagination).toEqual({
      current_page: 1,
      per_page: 2,
      total_items: 3,
      total_pages: 2,
      has_next: true,
      has_previous: false,
    })
    const p2 = await api.request('GET', '/api/v1/expenses?per_page=2&page=2', { token: t.accountant.token })
    expect(p2.body.data).toHaveLength(1)
    expect(p2.body.pagination).toMatchObject({ has_next: false, has_previous: true })
    const ids = [...p1.body.data, ...p2.body.data].map((e: { id: string }) => e.id)
    expect(new Set(ids).size).toBe(3)
    expect(
      [...p1.body.data, ...p2.body.data].every(
        (e: { organization_id: string }) => e.organization_id === t.org.id,
      ),
    ).toBe(true)
    const other404 = await api.request('GET', `/api/v1/expenses/${ids[0]}`, { token: other.syndic.token })
    expect(other404.status).toBe(404)
    const distribution404 = await api.request('GET', `/api/v1/expenses/${ids[0]}/distribution`, {
      token: other.syndic.token,
    })
    expect(distribution404.status).toBe(404)
    expect((await api.request('GET', '/api/v1/expenses')).status).toBe(401)
  })

  it('filters by building, category, status, paid, dates and amounts in euros', async () => {
    const t = await setup()
    const second = await fx.building(t.syndic.token)
    const small = await t.create({ amount: '99.99', category: 'Cleaning', expense_date: '2026-01-10' })
    const exact = await t.create({ amount: '100.00', category: 'Insurance', expense_date: '2026-02-10' })
    const large = await t.create({ amount: 250, category: 'Works', expense_date: '2026-03-10' })
    const elsewhere = await t.create({ amount: 5, expense_date: '2026-02-11' }, second.id)
    await api.request('PUT', `/api/v1/expenses/${exact.id}/mark-paid`, {
      token: t.syndic.token,
      body: { paid_date: '2026-02-15' },
    })
    const ids = async (query: string) => {
      const sort = query.includes('sort_by') ? '' : 'sort_by=expense_date&'
      const res = await api.request('GET', `/api/v1/expenses?per_page=100&${sort}${query}`, {
        token: t.syndic.token,
      })
      expect(res.status, `${query}: ${JSON.stringify(res.body)}`).toBe(200)
      return res.body.data.map((e: { id: string }) => e.id)
    }
    expect(await ids(`building_id=${t.building.id}`)).toEqual([small.id, exact.id, large.id])
    expect(await ids(`building_id=${second.id}`)).toEqual([elsewhere.id])
    expect(await ids('category=Works')).toEqual([large.id])
    expect(await ids('status=Paid')).toEqual([exact.id])
    expect(await ids('paid=true')).toEqual([exact.id])
    expect(await ids('paid=false')).toEqual([small.id, elsewhere.id, large.id])
    expect(await ids('date_from=2026-02-10&date_to=2026-02-28')).toEqual([exact.id, elsewhere.id])
    expect(await ids('min_amount=100&max_amount=250.00')).toEqual([exact.id, large.id])
    expect(await ids('max_amount=99.99')).toEqual([small.id, elsewhere.id])
    expect(await ids('min_amount=100.01')).toEqual([large.id])
    expect(await ids('sort_by=amount&order=desc')).toEqual([large.id, exact.id, small.id, elsewhere.id])
  })

  it('refuses malformed filters with 400', async () => {
    const t = await setup()
    for (const query of [
      'min_amount=1.234',
      'min_amount=abc',
      'min_amount=-1',
      'min_amount=10&max_amount=5',
      'date_from=2026-02-30',
      'date_from=2026-03-01&date_to=2026-02-01',
      'paid=maybe',
      'status=Lost',
      'category=Champagne',
      'sort_by=password',
      'per_page=0',
      'building_id=nope',
    ]) {
      const res = await api.request('GET', `/api/v1/expenses?${query}`, { token: t.syndic.token })
      expect(res.status, query).toBe(400)
    }
  })

  it('a superadmin lists one organization with organization_id', async () => {
    const t = await setup()
    const e = await t.create()
    const admin = await api.user('superadmin', null)
    const res = await api.request('GET', `/api/v1/expenses?organization_id=${t.org.id}`, {
      token: admin.token,
    })
    expect(res.status).toBe(200)
    expect(res.body.data.map((x: { id: string }) => x.id)).toEqual([e.id])
    const one = await api.request('GET', `/api/v1/expenses/${e.id}`, { token: admin.token })
    expect(one.status).toBe(200)
  })

  it('GET /buildings/{id}/expenses lists one building; a foreign or unknown building is 404', async () => {
    const t = await setup()
    const other = await setup()
    const second = await fx.building(t.syndic.token)
    const mine = await t.create({ category: 'Repairs' })
    await t.create({}, second.id)
    const res = await api.request('GET', `/api/v1/buildings/${t.building.id}/expenses?category=Repairs`, {
      token: t.accountant.token,
    })
    expect(res.status).toBe(200)
    expect(res.body.data.map((e: { id: string }) => e.id)).toEqual([mine.id])
    const foreign = await api.request('GET', `/api/v1/buildings/${t.building.id}/expenses`, {
      token: other.syndic.token,
    })
    expect(foreign.status).toBe(404)
    const unknown = await api.request('GET', `/api/v1/buildings/${crypto.randomUUID()}/expenses`, {
      token: t.syndic.token,
    })
    expect(unknown.status).toBe(404)
  })
})
