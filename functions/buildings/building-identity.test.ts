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

const v1Building = {
  name: 'Résidence Les Tilleuls',
  address: 'Rue de la Loi 16',
  city: 'Bruxelles',
  postal_code: '1000',
  country: 'Belgium',
  total_units: 2,
  construction_year: 1972,
}

describe('total_units is the number of lots (issue #20 item 7, ADR 0018)', () => {
  it('counts the lots whatever was declared; the declared number is kept as declared_units', async () => {
    const { syndic } = await api.tenant()
    const created = await api.request('POST', '/api/v1/buildings', { token: syndic.token, body: v1Building })
    expect(created.status, JSON.stringify(created.body)).toBe(201)
    expect(created.body).toMatchObject({ total_units: 0, declared_units: 2 })
    const id = created.body.id as string
    const lots = []
    for (let i = 0; i < 3; i++) lots.push(await fx.unit(syndic.token, id, { quota: 100 }))
    const got = await api.request('GET', `/api/v1/buildings/${id}`, { token: syndic.token })
    expect(got.body).toMatchObject({ total_units: 3, declared_units: 2, version: 1 })
    const listed = await api.request('GET', '/api/v1/buildings?min_units=3', { token: syndic.token })
    expect(listed.body.data.map((b: { id: string }) => b.id)).toEqual([id])

    const lot = lots[0] as { id: string }
    expect((await api.request('DELETE', `/api/v1/units/${lot.id}`, { token: syndic.token })).status).toBe(204)
    // An update of the building (v1 sends total_units again) never overwrites the count.
    const upd = await api.request('PUT', `/api/v1/buildings/${id}`, {
      token: syndic.token,
      body: { total_units: 4, version: 1 },
    })
    expect(upd.status, JSON.stringify(upd.body)).toBe(200)
    expect(upd.body).toMatchObject({ total_units: 2, declared_units: 4, version: 2 })
  })

  it('the database keeps the count even against a direct write', async () => {
    const { syndic, org } = await api.tenant()
    const b = await fx.building(syndic.token)
    await fx.unit(syndic.token, b.id)
    await api.inspect.execute(
      sql`update buildings set total_units = 99 where id = ${b.id} and organization_id = ${org.id}`,
    )
    const got = await api.request('GET', `/api/v1/buildings/${b.id}`, { token: syndic.token })
    expect(got.body.total_units).toBe(1)
  })

  it('concurrent creations and deletions of lots leave the exact count', async () => {
    const { syndic } = await api.tenant()
    const b = await fx.building(syndic.token)
    const first = await Promise.all(
      Array.from({ length: 4 }, () => fx.unit(syndic.token, b.id, { quota: 10 })),
    )
    const mixed = await Promise.all([
      ...first.map((u) => api.request('DELETE', `/api/v1/units/${u.id}`, { token: syndic.token })),
      ...Array.from({ length: 6 }, (_, i) =>
        api.request('POST', '/api/v1/units', {
          token: syndic.token,
          body: { building_id: b.id, unit_number: `C${i}`, unit_type: 'Cellar', surface_area: 5, quota: 10 },
        }),
      ),
    ])
    expect(mixed.map((r) => r.status).sort()).toEqual([201, 201, 201, 201, 201, 201, 204, 204, 204, 204])
    const real = (await api.inspect.execute(
      sql`select count(*)::int as n from units where building_id = ${b.id}`,
    )) as { rows: { n: number }[] }
    expect(real.rows[0]?.n).toBe(6)
    const got = await api.request('GET', `/api/v1/buildings/${b.id}`, { token: syndic.token })
    expect(got.body.total_units).toBe(6)
  })

  it('validates the declared number under the name the client sent, and refuses two that disagree', async () => {
    const { syndic } = await api.tenant()
    const v1 = await api.request('POST', '/api/v1/buildings', {
      token: syndic.token,
      body: { ...v1Building, total_units: 0 },
    })
    expect(v1.status).toBe(400)
    expect(v1.body.errors.map((e: { path: string }) => e.path)).toEqual(['total_units'])
    const both = await api.request('POST', '/api/v1/buildings', {
      token: syndic.token,
      body: { ...v1Building, total_units: 2, declared_units: 3 },
    })
    expect(both.status).toBe(400)
    expect(both.body.errors.map((e: { path: string }) => e.path)).toEqual(['total_units'])
    const { total_units: _v1, ...withoutCount } = v1Building
    const none = await api.request('POST', '/api/v1/buildings', { token: syndic.token, body: withoutCount })
    expect(none.status, JSON.stringify(none.body)).toBe(201)
    expect(none.body).toMatchObject({ total_units: 0, declared_units: null })
  })
})

describe("the syndic's public identity on a building (issue #20 item 9)", () => {
  it("defaults to the managing organization's name and contact", async () => {
    const { syndic, org } = await api.tenant()
    const b = await api.request('POST', '/api/v1/buildings', { token: syndic.token, body: v1Building })
    expect(b.body).toMatchObject({
      syndic_name: org.name,
      syndic_email: org.contactEmail,
      syndic_phone: org.contactPhone,
      syndic_enterprise_number: null,
      syndic_address: null,
    })
  })

  it('stores, returns and updates the identity sent (it used to be dropped), checking the number', async () => {
    const { syndic } = await api.tenant()
    const res = await api.request('POST', '/api/v1/buildings', {
      token: syndic.token,
      body: {
        ...v1Building,
        syndic_name: 'Syndic Dupont SRL',
        syndic_enterprise_number: 'BE 0123 456 749',
        syndic_address: 'Rue Haute 1, 1000 Bruxelles',
        syndic_email: 'Gestion@Dupont.be',
        syndic_phone: '+32 2 123 45 67',
      },
    })
    expect(res.status, JSON.stringify(res.body)).toBe(201)
    const identity = {
      syndic_name: 'Syndic Dupont SRL',
      syndic_enterprise_number: '0123.456.749',
      syndic_address: 'Rue Haute 1, 1000 Bruxelles',
      syndic_email: 'gestion@dupont.be',
      syndic_phone: '+32 2 123 45 67',
    }
    expect(res.body).toMatchObject(identity)
    const got = await api.request('GET', `/api/v1/buildings/${res.body.id}`, { token: syndic.token })
    expect(got.body).toMatchObject(identity)
    const upd = await api.request('PUT', `/api/v1/buildings/${res.body.id}`, {
      token: syndic.token,
      body: { syndic_phone: null, syndic_address: 'Rue Neuve 2, 1000 Bruxelles' },
    })
    expect(upd.status).toBe(200)
    expect(upd.body).toMatchObject({ syndic_phone: null, syndic_address: 'Rue Neuve 2, 1000 Bruxelles' })

    const bad = await api.request('POST', '/api/v1/buildings', {
      token: syndic.token,
      body: { ...v1Building, syndic_enterprise_number: '0123.456.748', syndic_email: 'nope' },
    })
    expect(bad.status).toBe(400)
    expect(bad.body.errors.map((e: { path: string }) => e.path)).toEqual([
      'syndic_enterprise_number',
      'syndic_email',
    ])
  })
})
