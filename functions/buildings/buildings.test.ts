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

describe('buildings', () => {
  it('a syndic creates, reads, updates (versioned) and deletes a building; each mutation is audited', async () => {
    const { syndic, org } = await api.tenant()
    const b = await fx.building(syndic.token, { total_tantiemes: undefined })
    expect(b).toMatchObject({ organization_id: org.id, total_tantiemes: 1000, version: 1 })
    const got = await api.request('GET', `/api/v1/buildings/${b.id}`, { token: syndic.token })
    expect(got.body.name).toContain('Résidence')
    const upd = await api.request('PUT', `/api/v1/buildings/${b.id}`, {
      token: syndic.token,
      headers: { 'if-match': '1' },
      body: { city: 'Liège', postal_code: '4000' },
    })
    expect(upd.status).toBe(200)
    expect(upd.body).toMatchObject({ city: 'Liège', version: 2 })
    const stale = await api.request('PUT', `/api/v1/buildings/${b.id}`, {
      token: syndic.token,
      body: { name: 'X', version: 1 },
    })
    expect(stale.status).toBe(409)
    expect(stale.body.current_version).toBe(2)
    const staleDelete = await api.request('DELETE', `/api/v1/buildings/${b.id}`, {
      token: syndic.token,
      headers: { 'if-match': '1' },
    })
    expect(staleDelete.status).toBe(409)
    expect((await api.request('DELETE', `/api/v1/buildings/${b.id}`, { token: syndic.token })).status).toBe(
      204,
    )
    expect((await api.request('GET', `/api/v1/buildings/${b.id}`, { token: syndic.token })).status).toBe(404)
    const audit = (await api.inspect.execute(
      sql`select action from audit_log where entity_id = ${b.id} order by id`,
    )) as { rows: { action: string }[] }
    expect(audit.rows.map((r) => r.action)).toEqual(['building.create', 'building.update', 'building.delete'])
  })

  it('validates every field with a 400 naming it', async () => {
    const { syndic } = await api.tenant()
    const cases: [Record<string, unknown>, string][] = [
      [{ name: '  ' }, 'name'],
      [{ city: '' }, 'city'],
      [{ total_units: 0 }, 'total_units'],
      [{ total_tantiemes: -5 }, 'total_tantiemes'],
      [{ construction_year: 3020 }, 'construction_year'],
      [{ total_units: 'ten' }, 'total_units'],
    ]
    for (const [over, path] of cases) {
      const res = await api.request('POST', '/api/v1/buildings', {
        token: syndic.token,
        body: {
          name: 'B',
          address: 'A',
          city: 'C',
          postal_code: '1000',
          country: 'BE',
          total_units: 5,
          ...over,
        },
      })
      expect(res.status, path).toBe(400)
      expect(res.body.errors.map((e: { path: string }) => e.path).join(), path).toContain(path)
    }
  })

  it('refuses to delete a building that still has units (409)', async () => {
    const { syndic } = await api.tenant()
    const b = await fx.building(syndic.token)
    await fx.unit(syndic.token, b.id)
    const res = await api.request('DELETE', `/api/v1/buildings/${b.id}`, { token: syndic.token })
    expect(res.status).toBe(409)
    expect(res.body.code).toBe('building_has_units')
  })

  it('refuses to delete a building that has expenses or meetings (409, not a 500)', async () => {
    const { syndic } = await api.tenant()
    const withExpense = await fx.building(syndic.token)
    const expense = await api.request('POST', '/api/v1/expenses', {
      token: syndic.token,
      body: {
        building_id: withExpense.id,
        category: 'Cleaning',
        description: 'Nettoyage',
        amount: 50,
        expense_date: '2026-01-10',
      },
    })
    expect(expense.status).toBe(201)
    const withMeeting = await fx.building(syndic.token)
    const meeting = await api.request('POST', '/api/v1/meetings', {
      token: syndic.token,
      body: {
        building_id: withMeeting.id,
        meeting_type: 'Ordinary',
        title: 'AG',
        scheduled_date: '2027-05-01T18:00:00Z',
        location: 'Salle',
      },
    })
    expect(meeting.status).toBe(201)
    for (const b of [withExpense, withMeeting]) {
      const res = await api.request('DELETE', `/api/v1/buildings/${b.id}`, { token: syndic.token })
      expect(res.status).toBe(409)
      expect(res.body.code).toBe('building_has_records')
      expect((await api.request('GET', `/api/v1/buildings/${b.id}`, { token: syndic.token })).status).toBe(
        200,
      )
    }
  })

  it('refuses to lower total_tantiemes below the registered quotas', async () => {
    const { syndic } = await api.tenant()
    const b = await fx.building(syndic.token)
    await fx.unit(syndic.token, b.id, { quota: 600 })
    const res = await api.request('PUT', `/api/v1/buildings/${b.id}`, {
      token: syndic.token,
      body: { total_tantiemes: 500 },
    })
    expect(res.status).toBe(409)
  })

  it('enforces roles: accountants read, owners read only their buildings, neither writes', async () => {
    const t = await api.tenant()
    const mine = await fx.ownerWithUnit(t.syndic.token, t.org.id)
    const other = await fx.building(t.syndic.token)
    for (const token of [t.accountant.token, mine.user.token]) {
      const body = { name: 'B', address: 'A', city: 'C', postal_code: '1000', country: 'BE', total_units: 5 }
      expect((await api.request('POST', '/api/v1/buildings', { token, body })).status).toBe(403)
      expect((await api.request('DELETE', `/api/v1/buildings/${other.id}`, { token })).status).toBe(403)
    }
    const all = await api.request('GET', '/api/v1/buildings?per_page=100', { token: t.accountant.token })
    expect(all.body.pagination.total_items).toBe(2)
    const own = await api.request('GET', '/api/v1/buildings', { token: mine.user.token })
    expect(own.body.data.map((b: { id: string }) => b.id)).toEqual([mine.building.id])
    expect(
      (await api.request('GET', `/api/v1/buildings/${other.id}`, { token: mine.user.token })).status,
    ).toBe(404)
    expect(
      (await api.request('GET', `/api/v1/buildings/${mine.building.id}`, { token: mine.user.token })).status,
    ).toBe(200)
  })

  it('paginates and filters with whitelisted sorting', async () => {
    const { syndic } = await api.tenant()
    // total_units is the count of lots (ADR 0018): sorting and min/max_units read the real lots,
    // whatever number was declared.
    for (const [city, lots, year] of [
      ['Gand', 1, 1960],
      ['Gand', 3, 1990],
      ['Namur', 2, 1990],
    ] as const) {
      const b = await fx.building(syndic.token, { city, total_units: 50, construction_year: year })
      for (let i = 0; i < lots; i++) await fx.unit(syndic.token, b.id, { quota: 10 })
    }
    const page1 = await api.request('GET', '/api/v1/buildings?per_page=2&sort_by=total_units&order=desc', {
      token: syndic.token,
    })
    expect(page1.body.data.map((b: { total_units: number }) => b.total_units)).toEqual([3, 2])
    expect(page1.body.pagination).toEqual({
      current_page: 1,
      per_page: 2,
      total_items: 3,
      total_pages: 2,
      has_next: true,
      has_previous: false,
    })
    const page2 = await api.request(
      'GET',
      '/api/v1/buildings?per_page=2&page=2&sort_by=total_units&order=desc',
      {
        token: syndic.token,
      },
    )
    expect(page2.body.data.map((b: { total_units: number }) => b.total_units)).toEqual([1])
    const gand = await api.request('GET', '/api/v1/buildings?city=gand&min_units=2', { token: syndic.token })
    expect(gand.body.data).toHaveLength(1)
    const year = await api.request('GET', '/api/v1/buildings?construction_year=1990&max_units=2', {
      token: syndic.token,
    })
    expect(year.body.data.map((b: { city: string }) => b.city)).toEqual(['Namur'])
    expect(
      (await api.request('GET', '/api/v1/buildings?sort_by=password_hash', { token: syndic.token })).status,
    ).toBe(400)
  })

  it('a superadmin works in the tenant it names', async () => {
    const admin = await api.user('superadmin', null)
    const org = await api.organization()
    const noOrg = await api.request('POST', '/api/v1/buildings', {
      token: admin.token,
      body: { name: 'B', address: 'A', city: 'C', postal_code: '1000', country: 'BE', total_units: 5 },
    })
    expect(noOrg.status).toBe(400)
    const b = await fx.building(admin.token, { organization_id: org.id })
    expect(b.organization_id).toBe(org.id)
    expect((await api.request('GET', `/api/v1/buildings/${b.id}`, { token: admin.token })).status).toBe(200)
  })

  it('a list is one query for the page and its total, whatever the page size (no N+1)', async () => {
    const { syndic } = await api.tenant()
    for (let i = 0; i < 6; i++) await fx.building(syndic.token)
    for (const perPage of [2, 6]) {
      api.queries.length = 0
      const res = await api.request('GET', `/api/v1/buildings?per_page=${perPage}`, { token: syndic.token })
      expect(res.body.data).toHaveLength(perPage)
      // 1 user lookup (authentication) + 1 page carrying the total (bench: one round trip, not two).
      expect(api.queries).toHaveLength(2)
      expect(res.body.pagination.total_items).toBe(6)
    }
    // Past the last page the total is still told (a count of its own).
    const past = await api.request('GET', '/api/v1/buildings?per_page=2&page=9', { token: syndic.token })
    expect(past.body.data).toHaveLength(0)
    expect(past.body.pagination.total_items).toBe(6)
  })
})
