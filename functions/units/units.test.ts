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

async function quotaUsed(buildingId: string): Promise<number> {
  const r = (await api.inspect.execute(sql`select quota_used from buildings where id = ${buildingId}`)) as {
    rows: { quota_used: number }[]
  }
  return Number(r.rows[0]?.quota_used)
}

describe('units', () => {
  it('creates, reads, updates and deletes a unit', async () => {
    const { syndic } = await api.tenant()
    const b = await fx.building(syndic.token)
    const u = await fx.unit(syndic.token, b.id, {
      unit_number: '2B',
      floor: 2,
      surface_area: 72.5,
      quota: 125,
    })
    expect(u).toMatchObject({ unit_number: '2B', owner_id: null, version: 1 })
    const upd = await api.request('PUT', `/api/v1/units/${u.id}`, {
      token: syndic.token,
      headers: { 'if-match': '1' },
      body: { surface_area: 75 },
    })
    expect(upd.body).toMatchObject({ surface_area: 75, version: 2 })
    const viaBuilding = await api.request('GET', `/api/v1/buildings/${b.id}/units`, { token: syndic.token })
    expect(viaBuilding.body.data.map((x: { id: string }) => x.id)).toEqual([u.id])
    expect((await api.request('DELETE', `/api/v1/units/${u.id}`, { token: syndic.token })).status).toBe(204)
  })

  it('validates the unit: type, surface, integer quota > 0, unique number in the building', async () => {
    const { syndic } = await api.tenant()
    const b = await fx.building(syndic.token)
    const base = { building_id: b.id, unit_number: 'A1', unit_type: 'Apartment', surface_area: 50, quota: 10 }
    for (const [over, path] of [
      [{ unit_type: 'Castle' }, 'unit_type'],
      [{ surface_area: 0 }, 'surface_area'],
      [{ surface_area: 10.123 }, 'surface_area'],
      [{ quota: 0 }, 'quota'],
      [{ quota: 1.5 }, 'quota'],
      [{ unit_number: ' ' }, 'unit_number'],
    ] as const) {
      const res = await api.request('POST', '/api/v1/units', {
        token: syndic.token,
        body: { ...base, ...over },
      })
      expect(res.status, path).toBe(400)
      expect(JSON.stringify(res.body.errors), path).toContain(path)
    }
    await fx.unit(syndic.token, b.id, { unit_number: 'A1' })
    const dup = await api.request('POST', '/api/v1/units', { token: syndic.token, body: base })
    expect(dup.status).toBe(409)
    expect(dup.body.code).toBe('unit_number_taken')
  })

  it('refuses quotas beyond the building total, on create and on update', async () => {
    const { syndic } = await api.tenant()
    const b = await fx.building(syndic.token, { total_tantiemes: 1000 })
    await fx.unit(syndic.token, b.id, { quota: 700 })
    const u2 = await fx.unit(syndic.token, b.id, { quota: 300 })
    const over = await api.request('POST', '/api/v1/units', {
      token: syndic.token,
      body: { building_id: b.id, unit_number: 'X', unit_type: 'Cellar', surface_area: 5, quota: 1 },
    })
    expect(over.status).toBe(409)
    expect(over.body.code).toBe('quota_exceeds_total')
    const raise = await api.request('PUT', `/api/v1/units/${u2.id}`, {
      token: syndic.token,
      body: { quota: 301 },
    })
    expect(raise.status).toBe(409)
    const lower = await api.request('PUT', `/api/v1/units/${u2.id}`, {
      token: syndic.token,
      body: { quota: 299 },
    })
    expect(lower.status).toBe(200)
  })

  it('racing for the last tantièmes: concurrent creations never exceed the total', async () => {
    const { syndic } = await api.tenant()
    const b = await fx.building(syndic.token, { total_tantiemes: 1000 })
    await fx.unit(syndic.token, b.id, { quota: 900 })
    const attempts = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        api.request('POST', '/api/v1/units', {
          token: syndic.token,
          body: {
            building_id: b.id,
            unit_number: `R${i}`,
            unit_type: 'Parking',
            surface_area: 12,
            quota: 30,
          },
        }),
      ),
    )
    const created = attempts.filter((r) => r.status === 201).length
    expect(created).toBe(3)
    expect(attempts.filter((r) => r.status === 409)).toHaveLength(5)
    const sum = (await api.inspect.execute(
      sql`select coalesce(sum(quota), 0)::int as s from units where building_id = ${b.id}`,
    )) as { rows: { s: number }[] }
    expect(sum.rows[0]?.s).toBe(990)
    // The count the check reads (migration 0027) is the sum, whoever won the race.
    expect(await quotaUsed(b.id)).toBe(990)
  })

  it("a unit in another tenant's building is 404 and writes nothing (the insert's own tenant guard)", async () => {
    const a = await api.tenant()
    const other = await api.tenant()
    const foreign = await fx.building(other.syndic.token, { total_tantiemes: 1000 })
    const res = await api.request('POST', '/api/v1/units', {
      token: a.syndic.token,
      body: {
        building_id: foreign.id,
        unit_number: 'X1',
        unit_type: 'Apartment',
        surface_area: 50,
        quota: 10,
      },
    })
    expect(res.status).toBe(404)
    const rows = (await api.inspect.execute(
      sql`select count(*)::int as n from units where building_id = ${foreign.id}`,
    )) as { rows: { n: number }[] }
    expect(rows.rows[0]?.n).toBe(0)
    expect(await quotaUsed(foreign.id)).toBe(0)
    const audit = (await api.inspect.execute(
      sql`select count(*)::int as n from audit_log where action = 'unit.create' and details->>'building_id' = ${foreign.id}`,
    )) as { rows: { n: number }[] }
    expect(audit.rows[0]?.n).toBe(0)
  })

  it('the used tantièmes follow every create, quota change and delete', async () => {
    const { syndic } = await api.tenant()
    const b = await fx.building(syndic.token, { total_tantiemes: 1000 })
    const u1 = await fx.unit(syndic.token, b.id, { quota: 400 })
    await fx.unit(syndic.token, b.id, { quota: 100 })
    expect(await quotaUsed(b.id)).toBe(500)
    const put = await api.request('PUT', `/api/v1/units/${u1.id}`, {
      token: syndic.token,
      body: { quota: 250 },
    })
    expect(put.status).toBe(200)
    expect(await quotaUsed(b.id)).toBe(350)
    const del = await api.request('DELETE', `/api/v1/units/${u1.id}`, { token: syndic.token })
    expect(del.status).toBe(204)
    expect(await quotaUsed(b.id)).toBe(100)
  })

  it('ownership: indivision shares, one primary contact, sale keeps history, refusals over 1', async () => {
    const { syndic } = await api.tenant()
    const b = await fx.building(syndic.token)
    const u = await fx.unit(syndic.token, b.id)
    const [alice, bob, carol] = [
      await fx.owner(syndic.token),
      await fx.owner(syndic.token),
      await fx.owner(syndic.token),
    ]
    const add = (ownerId: string, share: number | string, primary = false, startDate = '2020-01-01') =>
      api.request('POST', `/api/v1/units/${u.id}/owners`, {
        token: syndic.token,
        body: {
          owner_id: ownerId,
          ownership_share: share,
          is_primary_contact: primary,
          start_date: startDate,
        },
      })
    const a = await add(alice.id, 0.5, true)
    expect(a.status).toBe(201)
    expect(a.body).toMatchObject({ ownership_share: 0.5, share_ppm: 500000, is_primary_contact: true })
    expect((await add(bob.id, '0.5')).status).toBe(201)
    const tooMuch = await add(carol.id, 0.000001)
    expect(tooMuch.status).toBe(409)
    expect(tooMuch.body.code).toBe('ownership_share_exceeded')
    expect((await add(carol.id, 1.5)).status).toBe(400)

    const unit = await api.request('GET', `/api/v1/units/${u.id}`, { token: syndic.token })
    expect(unit.body.owner_id).toBe(alice.id)

    // Alice sells her half to Carol.
    const end = await api.request('DELETE', `/api/v1/units/${u.id}/owners/${alice.id}?end_date=2025-06-30`, {
      token: syndic.token,
    })
    expect(end.status).toBe(200)
    expect(end.body.end_date).toBe('2025-06-30')
    // The buyer starts on the deed date (the seller's end date is exclusive), not before.
    expect((await add(carol.id, 0.5, false, '2025-06-29')).status).toBe(409)
    expect((await add(carol.id, 0.5, false, '2025-06-30')).status).toBe(201)
    const active = await api.request('GET', `/api/v1/units/${u.id}/owners`, { token: syndic.token })
    expect(active.body.map((o: { owner_id: string }) => o.owner_id).sort()).toEqual([bob.id, carol.id].sort())
    expect(active.body.filter((o: { is_primary_contact: boolean }) => o.is_primary_contact)).toHaveLength(1)
    const history = await api.request('GET', `/api/v1/units/${u.id}/owners?include_history=true`, {
      token: syndic.token,
    })
    expect(history.body).toHaveLength(3)
    const aliceUnits = await api.request('GET', `/api/v1/owners/${alice.id}/units?include_history=true`, {
      token: syndic.token,
    })
    expect(aliceUnits.body).toHaveLength(1)
    // A unit with ownership history cannot be deleted.
    const del = await api.request('DELETE', `/api/v1/units/${u.id}`, { token: syndic.token })
    expect(del.status).toBe(409)
    expect(del.body.code).toBe('unit_has_ownership_history')
  })

  it('assign-owner (v1) makes one sole owner with share 1', async () => {
    const { syndic } = await api.tenant()
    const b = await fx.building(syndic.token)
    const u = await fx.unit(syndic.token, b.id)
    const [o1, o2] = [await fx.owner(syndic.token), await fx.owner(syndic.token)]
    expect(
      (await api.request('PUT', `/api/v1/units/${u.id}/assign-owner/${o1.id}`, { token: syndic.token }))
        .status,
    ).toBe(200)
    const res = await api.request('PUT', `/api/v1/units/${u.id}/assign-owner/${o2.id}`, {
      token: syndic.token,
    })
    expect(res.body.owner_id).toBe(o2.id)
    const owners = await api.request('GET', `/api/v1/units/${u.id}/owners`, { token: syndic.token })
    expect(owners.body).toEqual([expect.objectContaining({ owner_id: o2.id, share_ppm: 1_000_000 })])
  })

  it('filters and owner visibility: an owner lists only their own lots', async () => {
    const t = await api.tenant()
    const mine = await fx.ownerWithUnit(t.syndic.token, t.org.id)
    const b = await fx.building(t.syndic.token)
    await fx.unit(t.syndic.token, b.id, { unit_type: 'Parking', floor: -1, surface_area: 12 })
    await fx.unit(t.syndic.token, b.id, { unit_type: 'Apartment', floor: 3, surface_area: 120 })
    const q = (query: string, token = t.syndic.token) =>
      api.request('GET', `/api/v1/units?${query}`, { token })
    expect((await q('unit_type=Parking')).body.data).toHaveLength(1)
    expect((await q('has_owner=true')).body.data.map((u: { id: string }) => u.id)).toEqual([mine.unit.id])
    expect((await q(`building_id=${b.id}&min_area=100`)).body.data).toHaveLength(1)
    expect((await q('floor=-1')).body.data).toHaveLength(1)
    const own = await q('per_page=100', mine.user.token)
    expect(own.body.data.map((u: { id: string }) => u.id)).toEqual([mine.unit.id])
    const others = await q(`building_id=${b.id}`, mine.user.token)
    expect(others.body.data).toEqual([])
  })
})

describe('owners', () => {
  it('CRUD with e-mail unique per organization, /owners/me and user links', async () => {
    const t = await api.tenant()
    const o = await fx.owner(t.syndic.token, { email: 'Jan.Peeters@Example.be' })
    expect(o.email).toBe('jan.peeters@example.be')
    const dup = await api.request('POST', '/api/v1/owners', {
      token: t.syndic.token,
      body: {
        first_name: 'J',
        last_name: 'P',
        email: 'jan.peeters@example.be',
        address: 'a',
        city: 'c',
        postal_code: '1',
        country: 'BE',
      },
    })
    expect(dup.status).toBe(409)
    const other = await api.tenant()
    await fx.owner(other.syndic.token, { email: 'jan.peeters@example.be' })

    const user = await api.user('owner', t.org.id)
    expect((await api.request('GET', '/api/v1/owners/me', { token: user.token })).status).toBe(404)
    const link = await api.request('PUT', `/api/v1/owners/${o.id}/link-user`, {
      token: t.syndic.token,
      body: { user_id: user.id },
    })
    expect(link.status).toBe(200)
    const me = await api.request('GET', '/api/v1/owners/me', { token: user.token })
    expect(me.body.id).toBe(o.id)
    // An accountant cannot be linked as an owner; a user of another organization is not found.
    const badRole = await api.request('PUT', `/api/v1/owners/${o.id}/link-user`, {
      token: t.syndic.token,
      body: { user_id: t.accountant.id },
    })
    expect(badRole.status).toBe(400)
    const foreign = await api.request('PUT', `/api/v1/owners/${o.id}/link-user`, {
      token: t.syndic.token,
      body: { user_id: other.owner.id },
    })
    expect(foreign.status).toBe(404)
    // An owner lists only the records linked to their account (issue #20, item 14; v1 calls it).
    const mine = await api.request('GET', '/api/v1/owners', { token: user.token })
    expect(mine.status).toBe(200)
    expect(mine.body.data.map((x: { id: string }) => x.id)).toEqual([o.id])
    const filtered = await api.request('GET', '/api/v1/owners?email=JAN.PEETERS@example.be', {
      token: t.accountant.token,
    })
    expect(filtered.body.data.map((x: { id: string }) => x.id)).toEqual([o.id])
    const upd = await api.request('PUT', `/api/v1/owners/${o.id}`, {
      token: t.syndic.token,
      headers: { 'if-match': String(me.body.version) },
      body: { phone: '+32 2 123 45 67' },
    })
    expect(upd.status).toBe(200)
  })
})
