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

const newMeeting = (buildingId: string, over: Record<string, unknown> = {}) => ({
  building_id: buildingId,
  meeting_type: 'Ordinary',
  title: 'Assemblée générale ordinaire 2026',
  description: 'Approbation des comptes',
  scheduled_date: '2030-06-15T18:30:00Z',
  location: 'Salle communale, Ixelles',
  ...over,
})

type MeetingDto = { id: string; version: number; status: string; agenda: string[]; building_id: string }

async function setup() {
  const t = await api.tenant()
  const building = await fx.building(t.syndic.token)
  const create = async (over: Record<string, unknown> = {}, buildingId = building.id) => {
    const res = await api.request('POST', '/api/v1/meetings', {
      token: t.syndic.token,
      body: newMeeting(buildingId, over),
    })
    expect(res.status, JSON.stringify(res.body)).toBe(201)
    return res.body as MeetingDto
  }
  return { ...t, building, create }
}

/** Moves a meeting to yesterday and gives its building one owner (a lot held since 2020). */
async function heldYesterdayWithOneOwner(t: Awaited<ReturnType<typeof setup>>, meetingId: string) {
  const unit = await fx.unit(t.syndic.token, t.building.id)
  const owner = await fx.owner(t.syndic.token)
  const assigned = await api.request('PUT', `/api/v1/units/${unit.id}/assign-owner/${owner.id}`, {
    token: t.syndic.token,
  })
  expect(assigned.status).toBe(200)
  await api.inspect.execute(
    sql`update unit_ownerships set start_date = '2020-01-01' where unit_id = ${unit.id}`,
  )
  await api.inspect.execute(
    sql`update meetings set scheduled_date = now() - interval '1 day' where id = ${meetingId}`,
  )
}

async function auditActions(entityId: string): Promise<string[]> {
  const r = (await api.inspect.execute(
    sql`select action from audit_log where entity_id = ${entityId} order by id`,
  )) as { rows: { action: string }[] }
  return r.rows.map((row) => row.action)
}

describe('POST /meetings', () => {
  it('schedules a meeting with its agenda, readable back', async () => {
    const t = await setup()
    const res = await api.request('POST', '/api/v1/meetings', {
      token: t.syndic.token,
      body: newMeeting(t.building.id, { agenda: [' Comptes 2025 ', 'Budget 2026'] }),
    })
    expect(res.status).toBe(201)
    expect(res.body).toMatchObject({
      organization_id: t.org.id,
      building_id: t.building.id,
      meeting_type: 'Ordinary',
      title: 'Assemblée générale ordinaire 2026',
      scheduled_date: '2030-06-15T18:30:00.000Z',
      status: 'Scheduled',
      agenda: ['Comptes 2025', 'Budget 2026'],
      attendees_count: null,
      version: 1,
    })
    const got = await api.request('GET', `/api/v1/meetings/${res.body.id}`, { token: t.accountant.token })
    expect(got.body).toEqual(res.body)
    expect(await auditActions(res.body.id)).toEqual(['meeting.create'])
  })

  it('refuses invalid fields with a 400 naming each', async () => {
    const t = await setup()
    const cases: [Record<string, unknown>, string][] = [
      [{ title: '  ' }, 'title'],
      [{ meeting_type: 'Party' }, 'meeting_type'],
      [{ scheduled_date: '2030-02-30' }, 'scheduled_date'],
      [{ scheduled_date: 'next tuesday' }, 'scheduled_date'],
      [{ location: '' }, 'location'],
      [{ agenda: ['ok', ' '] }, 'agenda.1'],
      [{ building_id: 'x' }, 'building_id'],
    ]
    for (const [over, path] of cases) {
      const res = await api.request('POST', '/api/v1/meetings', {
        token: t.syndic.token,
        body: newMeeting(t.building.id, over),
      })
      expect(res.status, JSON.stringify(over)).toBe(400)
      expect(res.body.errors.map((e: { path: string }) => e.path)).toContain(path)
    }
    const list = await api.request('GET', '/api/v1/meetings', { token: t.syndic.token })
    expect(list.body.pagination.total_items).toBe(0)
  })

  it('401 without a token, 403 for accountant and owner, 404 for another tenant’s building', async () => {
    const t = await setup()
    const other = await setup()
    const body = newMeeting(t.building.id)
    expect((await api.request('POST', '/api/v1/meetings', { body })).status).toBe(401)
    for (const token of [t.accountant.token, t.owner.token])
      expect((await api.request('POST', '/api/v1/meetings', { token, body })).status).toBe(403)
    expect((await api.request('POST', '/api/v1/meetings', { token: other.syndic.token, body })).status).toBe(
      404,
    )
  })
})

describe('meeting lifecycle', () => {
  it('updates with optimistic concurrency', async () => {
    const t = await setup()
    const m = await t.create()
    const res = await api.request('PUT', `/api/v1/meetings/${m.id}`, {
      token: t.syndic.token,
      headers: { 'if-match': '1' },
      body: { title: 'AG reportée', meeting_type: 'Extraordinary' },
    })
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({ title: 'AG reportée', meeting_type: 'Extraordinary', version: 2 })
    expect(res.body.location).toBe('Salle communale, Ixelles')
    const stale = await api.request('PUT', `/api/v1/meetings/${m.id}`, {
      token: t.syndic.token,
      body: { title: 'Lost update', version: 1 },
    })
    expect(stale.status).toBe(409)
    expect(stale.body.current_version).toBe(2)
    const blank = await api.request('PUT', `/api/v1/meetings/${m.id}`, {
      token: t.syndic.token,
      body: { title: '' },
    })
    expect(blank.status).toBe(400)
    const accountant = await api.request('PUT', `/api/v1/meetings/${m.id}`, {
      token: t.accountant.token,
      body: { title: 'x' },
    })
    expect(accountant.status).toBe(403)
  })

  it('adds agenda items, completes, then refuses any change to the held meeting', async () => {
    const t = await setup()
    const m = await t.create()
    const item = await api.request('POST', `/api/v1/meetings/${m.id}/agenda`, {
      token: t.syndic.token,
      body: { item: 'Travaux de toiture' },
    })
    expect(item.status).toBe(200)
    expect(item.body).toMatchObject({ agenda: ['Travaux de toiture'], version: 2 })
    const empty = await api.request('POST', `/api/v1/meetings/${m.id}/agenda`, {
      token: t.syndic.token,
      body: { item: '  ' },
    })
    expect(empty.status).toBe(400)
    const staleAgenda = await api.request('POST', `/api/v1/meetings/${m.id}/agenda`, {
      token: t.syndic.token,
      body: { item: 'Point', version: 1 },
    })
    expect(staleAgenda.status).toBe(409)
    expect(staleAgenda.body.current_version).toBe(2)
    const negative = await api.request('POST', `/api/v1/meetings/${m.id}/complete`, {
      token: t.syndic.token,
      body: { attendees_count: -1 },
    })
    expect(negative.status).toBe(400)
    // Issue #14: a meeting is not "held" before its date…
    const early = await api.request('POST', `/api/v1/meetings/${m.id}/complete`, {
      token: t.syndic.token,
      body: { attendees_count: 1 },
    })
    expect(early.status).toBe(409)
    expect(early.body).toMatchObject({ code: 'meeting_not_yet_held' })
    // …so time passes: the meeting's date is moved into the past in the database (the API
    // refuses a near date), and the register gets one owner holding since 2020.
    await heldYesterdayWithOneOwner(t, m.id)
    const tooMany = await api.request('POST', `/api/v1/meetings/${m.id}/complete`, {
      token: t.syndic.token,
      headers: { 'accept-language': 'fr' },
      body: { attendees_count: 42 },
    })
    expect(tooMany.status).toBe(409)
    expect(tooMany.body.code).toBe('attendees_exceed_owners')
    expect(tooMany.body.detail).toBe(
      '42 présents enregistrés, mais l’immeuble compte 1 copropriétaires à la date de l’assemblée',
    )
    const done = await api.request('POST', `/api/v1/meetings/${m.id}/complete`, {
      token: t.syndic.token,
      body: { attendees_count: 1 },
    })
    expect(done.status).toBe(200)
    expect(done.body).toMatchObject({ status: 'Completed', attendees_count: 1, version: 3 })
    for (const [method, suffix, body] of [
      ['POST', '/agenda', { item: 'Trop tard' }],
      ['POST', '/complete', { attendees_count: 1 }],
      ['POST', '/cancel', undefined],
      ['PUT', '', { title: 'Réécrire l’histoire' }],
      ['DELETE', '', undefined],
    ] as const) {
      const res = await api.request(method, `/api/v1/meetings/${m.id}${suffix}`, {
        token: t.syndic.token,
        body,
      })
      expect(res.status, `${method} ${suffix}`).toBe(409)
      expect(res.body.code, `${method} ${suffix}`).toMatch(/^meeting_(not_scheduled|completed)$/)
    }
    expect(await auditActions(m.id)).toEqual(['meeting.create', 'meeting.agenda_add', 'meeting.complete'])
  })

  it('cancels without a body, honours If-Match, and deletes a cancelled meeting', async () => {
    const t = await setup()
    const m = await t.create()
    const stale = await api.request('POST', `/api/v1/meetings/${m.id}/cancel`, {
      token: t.syndic.token,
      headers: { 'if-match': '5' },
    })
    expect(stale.status).toBe(409)
    expect(stale.body.current_version).toBe(1)
    const cancelled = await api.request('POST', `/api/v1/meetings/${m.id}/cancel`, { token: t.syndic.token })
    expect(cancelled.status).toBe(200)
    expect(cancelled.body).toMatchObject({ status: 'Cancelled', version: 2 })
    const staleDelete = await api.request('DELETE', `/api/v1/meetings/${m.id}`, {
      token: t.syndic.token,
      headers: { 'if-match': '1' },
    })
    expect(staleDelete.status).toBe(409)
    expect((await api.request('DELETE', `/api/v1/meetings/${m.id}`, { token: t.syndic.token })).status).toBe(
      204,
    )
    expect((await api.request('GET', `/api/v1/meetings/${m.id}`, { token: t.syndic.token })).status).toBe(404)
    expect(await auditActions(m.id)).toEqual(['meeting.create', 'meeting.cancel', 'meeting.delete'])
  })

  it('answers 404 on every id route for another tenant, 403 for roles that may not write', async () => {
    const t = await setup()
    const other = await setup()
    const m = await t.create()
    const routes: [string, string, unknown][] = [
      ['GET', '', undefined],
      ['PUT', '', { title: 'x' }],
      ['DELETE', '', undefined],
      ['POST', '/agenda', { item: 'x' }],
      ['POST', '/complete', { attendees_count: 1 }],
      ['POST', '/cancel', undefined],
      ['GET', '/documents', undefined],
    ]
    for (const [method, suffix, body] of routes) {
      const path = `/api/v1/meetings/${m.id}${suffix}`
      expect(
        (await api.request(method, path, { token: other.syndic.token, body })).status,
        `${method} ${suffix}`,
      ).toBe(404)
      expect((await api.request(method, path, { body })).status, `${method} ${suffix}`).toBe(401)
      if (method !== 'GET') {
        for (const token of [t.accountant.token, t.owner.token])
          expect((await api.request(method, path, { token, body })).status, `${method} ${suffix}`).toBe(403)
      }
    }
    const unknown = await api.request('GET', `/api/v1/meetings/${crypto.randomUUID()}`, {
      token: t.syndic.token,
    })
    expect(unknown.status).toBe(404)
    const got = await api.request('GET', `/api/v1/meetings/${m.id}`, { token: t.syndic.token })
    expect(got.body).toMatchObject({ status: 'Scheduled', version: 1 })
  })
})

describe('GET /meetings', () => {
  it('paginates and filters by building, status, type and date range', async () => {
    const t = await setup()
    const other = await setup()
    await other.create()
    const second = await fx.building(t.syndic.token)
    const june = await t.create({ scheduled_date: '2030-06-15T18:30:00Z' })
    const sept = await t.create({ scheduled_date: '2030-09-10', meeting_type: 'Extraordinary' })
    const march = await t.create({ scheduled_date: '2030-03-01T09:00:00Z' }, second.id)
    await api.request('POST', `/api/v1/meetings/${march.id}/cancel`, { token: t.syndic.token })
    const ids = async (query: string) => {
      const res = await api.request('GET', `/api/v1/meetings?${query}`, { token: t.accountant.token })
      expect(res.status, `${query}: ${JSON.stringify(res.body)}`).toBe(200)
      return res.body.data.map((m: { id: string }) => m.id)
    }
    expect(await ids('')).toEqual([march.id, june.id, sept.id])
    expect(await ids('order=desc')).toEqual([sept.id, june.id, march.id])
    expect(await ids(`building_id=${t.building.id}`)).toEqual([june.id, sept.id])
    expect(await ids('status=Cancelled')).toEqual([march.id])
    expect(await ids('meeting_type=Extraordinary')).toEqual([sept.id])
    // A bare date_to covers that whole day (the AG at 18:30 is included).
    expect(await ids('date_from=2030-04-01&date_to=2030-06-15')).toEqual([june.id])
    expect(await ids('date_from=2030-06-15T19:00:00Z')).toEqual([sept.id])
    const page = await api.request('GET', '/api/v1/meetings?per_page=2&page=2', { token: t.syndic.token })
    expect(page.body.data.map((m: { id: string }) => m.id)).toEqual([sept.id])
    expect(page.body.pagination).toMatchObject({
      total_items: 3,
      total_pages: 2,
      has_previous: true,
      has_next: false,
    })
    for (const bad of [
      'date_from=2030-13-01',
      'date_from=2030-07-01&date_to=2030-06-01',
      'status=Done',
      'sort_by=location',
    ]) {
      expect(
        (await api.request('GET', `/api/v1/meetings?${bad}`, { token: t.syndic.token })).status,
        bad,
      ).toBe(400)
    }
  })

  it('an owner sees only the meetings of buildings where they hold a unit', async () => {
    const t = await setup()
    const { building, user } = await fx.ownerWithUnit(t.syndic.token, t.org.id)
    const theirs = await t.create({}, building.id)
    const notTheirs = await t.create()
    const list = await api.request('GET', '/api/v1/meetings', { token: user.token })
    expect(list.status).toBe(200)
    expect(list.body.data.map((m: { id: string }) => m.id)).toEqual([theirs.id])
    expect((await api.request('GET', `/api/v1/meetings/${theirs.id}`, { token: user.token })).status).toBe(
      200,
    )
    expect((await api.request('GET', `/api/v1/meetings/${notTheirs.id}`, { token: user.token })).status).toBe(
      404,
    )
    const own = await api.request('GET', `/api/v1/buildings/${building.id}/meetings`, { token: user.token })
    expect(own.body.data.map((m: { id: string }) => m.id)).toEqual([theirs.id])
    const foreign = await api.request('GET', `/api/v1/buildings/${t.building.id}/meetings`, {
      token: user.token,
    })
    expect(foreign.status).toBe(404)
    // An owner account without a linked owner record sees nothing at all.
    const unlinked = await api.request('GET', '/api/v1/meetings', { token: t.owner.token })
    expect(unlinked.body.data).toEqual([])
  })

  it('GET /buildings/{id}/meetings filters one building; foreign and unknown buildings are 404', async () => {
    const t = await setup()
    const other = await setup()
    const m = await t.create({ meeting_type: 'Extraordinary' })
    await t.create()
    const res = await api.request(
      'GET',
      `/api/v1/buildings/${t.building.id}/meetings?meeting_type=Extraordinary`,
      {
        token: t.syndic.token,
      },
    )
    expect(res.status).toBe(200)
    expect(res.body.data.map((x: { id: string }) => x.id)).toEqual([m.id])
    for (const [token, id] of [
      [other.syndic.token, t.building.id],
      [t.syndic.token, crypto.randomUUID()],
    ] as const) {
      expect((await api.request('GET', `/api/v1/buildings/${id}/meetings`, { token })).status).toBe(404)
    }
    const admin = await api.user('superadmin', null)
    const all = await api.request('GET', `/api/v1/meetings?organization_id=${t.org.id}`, {
      token: admin.token,
    })
    expect(all.body.pagination.total_items).toBe(2)
  })
})
