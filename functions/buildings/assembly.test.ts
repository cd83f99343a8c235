import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApi, type TestApi } from '../test/harness.ts'
import { propertyFixtures } from '../test/property-fixtures.ts'

// Issue #14 (convocation side): statutes settings, the 15-day notice, the 1/5 request, the board.
let api: TestApi
let fx: ReturnType<typeof propertyFixtures>
beforeAll(async () => {
  api = await createTestApi()
  fx = propertyFixtures(api)
})
afterAll(() => api.close())

const DAY = 86_400_000
const inDays = (n: number) => new Date(Date.now() + n * DAY).toISOString()

async function setup() {
  const t = await api.tenant()
  const building = await fx.building(t.syndic.token, { total_tantiemes: 1000 })
  return { ...t, building }
}

/** A lot of `quota` tantièmes held since 2020 by a new owner; returns the owner id. */
async function lot(t: Awaited<ReturnType<typeof setup>>, quota: number, over: Record<string, unknown> = {}) {
  const unit = await fx.unit(t.syndic.token, t.building.id, { quota, ...over })
  const owner = await fx.owner(t.syndic.token)
  const res = await api.request('PUT', `/api/v1/units/${unit.id}/assign-owner/${owner.id}`, {
    token: t.syndic.token,
  })
  expect(res.status, JSON.stringify(res.body)).toBe(200)
  await api.inspect.execute(
    sql`update unit_ownerships set start_date = '2020-01-01' where unit_id = ${unit.id}`,
  )
  return owner.id
}

describe('assembly settings (Civil Code art. 3.87 §3)', () => {
  it('reads the legal defaults, records a longer notice, refuses a shorter one; another tenant gets 404', async () => {
    const t = await setup()
    const other = await api.tenant()
    const url = `/api/v1/buildings/${t.building.id}/assembly-settings`
    const got = await api.request('GET', url, { token: t.accountant.token })
    expect(got.body).toMatchObject({ notice_days: 15, remote_participation: false, legal_defaults: true })
    const short = await api.request('PUT', url, {
      token: t.syndic.token,
      headers: { 'accept-language': 'fr' },
      body: { notice_days: 10 },
    })
    expect(short.status).toBe(400)
    expect(short.body.errors[0].path).toBe('notice_days')
    expect(short.body.errors[0].message).toContain('art. 3.87 §3')
    const set = await api.request('PUT', url, {
      token: t.syndic.token,
      body: { notice_days: 21, remote_participation: true, minutes_languages: ['fr', 'nl'] },
    })
    expect(set.status, JSON.stringify(set.body)).toBe(200)
    expect(set.body).toMatchObject({
      notice_days: 21,
      minutes_languages: ['fr', 'nl'],
      legal_defaults: false,
      version: 1,
    })
    expect(
      (await api.request('PUT', url, { token: t.accountant.token, body: { notice_days: 30 } })).status,
    ).toBe(403)
    expect((await api.request('GET', url, { token: other.syndic.token })).status).toBe(404)
    expect(
      (await api.request('PUT', url, { token: other.syndic.token, body: { notice_days: 30 } })).status,
    ).toBe(404)

    // The statutes' 21 days now apply to scheduling: 18 days ahead is refused, in the user's language.
    const near = await api.request('POST', '/api/v1/meetings', {
      token: t.syndic.token,
      headers: { 'accept-language': 'fr' },
      body: {
        building_id: t.building.id,
        meeting_type: 'Ordinary',
        title: 'AG',
        scheduled_date: inDays(18),
        location: 'Salle',
      },
    })
    expect(near.status).toBe(409)
    expect(near.body.code).toBe('convocation_notice_too_short')
    expect(near.body.detail).toMatch(
      /^L’assemblée doit être convoquée au moins 21 jours à l’avance \(Code civil art\. 3\.87 §3\)/,
    )
    const far = await api.request('POST', '/api/v1/meetings', {
      token: t.syndic.token,
      body: {
        building_id: t.building.id,
        meeting_type: 'Ordinary',
        title: 'AG',
        scheduled_date: inDays(22),
        location: 'Salle',
      },
    })
    expect(far.status).toBe(201)
  })

  it('refuses a meeting 9 days away with the legal 15 days, and a reschedule inside the notice', async () => {
    const t = await setup()
    const body = { building_id: t.building.id, meeting_type: 'Ordinary', title: 'AG', location: 'Salle' }
    const nine = await api.request('POST', '/api/v1/meetings', {
      token: t.syndic.token,
      body: { ...body, scheduled_date: inDays(9) },
    })
    expect(nine.status).toBe(409)
    expect(nine.body.detail).toContain('at least 15 days ahead')
    const ok = await api.request('POST', '/api/v1/meetings', {
      token: t.syndic.token,
      body: { ...body, scheduled_date: inDays(30) },
    })
    const moved = await api.request('PUT', `/api/v1/meetings/${ok.body.id}`, {
      token: t.syndic.token,
      body: { scheduled_date: inDays(10) },
    })
    expect(moved.status).toBe(409)
    expect(moved.body.code).toBe('convocation_notice_too_short')
  })
})

describe('owners’ request to convene (art. 3.87 §2)', () => {
  it('refuses 150/1000 with the arithmetic, records 200/1000 with a 30-day deadline (art. 3.87 §2)', async () => {
    const t = await setup()
    const a = await lot(t, 150)
    const b = await lot(t, 50)
    await lot(t, 800)
    const url = `/api/v1/buildings/${t.building.id}/assembly-requests`
    const receivedAt = new Date(Date.now() - 35 * DAY).toISOString()
    const low = await api.request('POST', url, {
      token: t.syndic.token,
      body: { owner_ids: [a], received_at: receivedAt },
    })
    expect(low.status).toBe(409)
    expect(low.body.code).toBe('request_share_below_fifth')
    expect(low.body.detail).toBe(
      'The requesting owners hold 150 / 1000 tantièmes held; one fifth is 200: not reached (art. 3.87 §2)',
    )
    const enough = await api.request('POST', url, {
      token: t.syndic.token,
      body: { owner_ids: [a, b], received_at: receivedAt, note: 'Travaux toiture' },
    })
    expect(enough.status, JSON.stringify(enough.body)).toBe(201)
    expect(enough.body).toMatchObject({ shares_held: 200, shares_total: 1000, status: 'overdue' })
    expect(new Date(enough.body.deadline).getTime() - new Date(receivedAt).getTime()).toBe(30 * DAY)
    const list = await api.request('GET', url, { token: t.syndic.token })
    expect(list.body.data.map((r: { id: string }) => r.id)).toEqual([enough.body.id])
    const other = await api.tenant()
    expect((await api.request('GET', url, { token: other.syndic.token })).status).toBe(404)
  })
})

describe('board of co-owners (art. 3.90 §1)', () => {
  it('is mandatory from 20 lots not counting cellars and parkings, and warns while no mandate runs', async () => {
    const t = await setup()
    const owner = await lot(t, 10)
    for (let i = 0; i < 18; i++) await fx.unit(t.syndic.token, t.building.id, { quota: 10 })
    for (const unit_type of ['Cellar', 'Parking'])
      await fx.unit(t.syndic.token, t.building.id, { quota: 10, unit_type })
    const url = `/api/v1/buildings/${t.building.id}/board`
    const nineteen = await api.request('GET', url, { token: t.syndic.token })
    expect(nineteen.body).toMatchObject({ counted_lots: 19, mandatory: false, missing: false })
    await fx.unit(t.syndic.token, t.building.id, { quota: 10, unit_type: 'Commercial' })
    const twenty = await api.request('GET', url, { token: t.syndic.token })
    expect(twenty.body).toMatchObject({ counted_lots: 20, mandatory: true, missing: true, active_count: 0 })
    const mandate = await api.request('POST', `${url}/mandates`, {
      token: t.syndic.token,
      body: { owner_id: owner, board_role: 'president', start_date: '2026-01-01', end_date: '2099-12-31' },
    })
    expect(mandate.status, JSON.stringify(mandate.body)).toBe(201)
    const after = await api.request('GET', url, { token: t.owner.token })
    expect(after.status).toBe(404) // an owner of no lot of this building does not see it
    const staff = await api.request('GET', url, { token: t.accountant.token })
    expect(staff.body).toMatchObject({ mandatory: true, missing: false, active_count: 1 })
    const ended = await api.request('PATCH', `${url}/mandates/${mandate.body.id}`, {
      token: t.syndic.token,
      body: { end_date: '2025-12-31' },
    })
    expect(ended.status).toBe(400)
    const other = await api.tenant()
    expect(
      (
        await api.request('PATCH', `${url}/mandates/${mandate.body.id}`, {
          token: other.syndic.token,
          body: {},
        })
      ).status,
    ).toBe(404)
  })
})
