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

type Hit = { kind: string; id: string; label: string; detail: string; building_id: string | null }
const search = async (token: string, q: string) => {
  const res = await api.request('GET', `/api/v1/stats/search?q=${encodeURIComponent(q)}`, { token })
  expect(res.status, JSON.stringify(res.body)).toBe(200)
  return res.body.items as Hit[]
}

describe('GET /stats/search', () => {
  it('finds buildings, lots and owners by part of a name, address, city or number, in any case', async () => {
    const t = await api.tenant()
    const token = t.syndic.token
    const b = await fx.building(token, { name: 'Les Tilleuls', city: 'Bruxelles', address: 'Rue Haute 5' })
    const u = await fx.unit(token, b.id, { unit_number: 'TIL-3B' })
    const o = await fx.owner(token, { first_name: 'Zoé', last_name: 'Tillieux', city: 'Liège' })
    const hits = await search(token, 'tIl')
    expect(hits).toEqual([
      {
        kind: 'building',
        id: b.id,
        label: 'Les Tilleuls',
        detail: 'Rue Haute 5, Bruxelles',
        building_id: null,
      },
      { kind: 'unit', id: u.id, label: 'TIL-3B', detail: 'Les Tilleuls', building_id: b.id },
      { kind: 'owner', id: o.id, label: 'Zoé Tillieux', detail: 'Liège', building_id: null },
    ])
    expect((await search(token, 'brux')).map((h) => h.id)).toEqual([b.id])
    expect((await search(token, 'zoé till')).map((h) => h.id)).toEqual([o.id])
    expect((await search(t.accountant.token, 'haute')).map((h) => h.id)).toEqual([b.id])
  })

  it('another tenant’s rows never appear, even when they match', async () => {
    const mine = await api.tenant()
    const theirs = await api.tenant()
    const foreign = await fx.building(theirs.syndic.token, { name: 'Isolation Foreign Tower' })
    await fx.unit(theirs.syndic.token, foreign.id, { unit_number: 'ISO-1' })
    await fx.owner(theirs.syndic.token, { last_name: 'Isolationski' })
    expect(await search(mine.syndic.token, 'iso')).toEqual([])
    expect((await search(theirs.syndic.token, 'iso')).map((h) => h.kind)).toEqual([
      'building',
      'unit',
      'owner',
    ])
  })

  it('wildcards are literal, the limit holds per kind, and a one-letter query is refused', async () => {
    const t = await api.tenant()
    const token = t.syndic.token
    await fx.building(token, { name: 'Parc 100% vert' })
    await fx.building(token, { name: 'Parc 1000 vert' })
    expect((await search(token, '100%')).map((h) => h.label)).toEqual(['Parc 100% vert'])
    expect(await search(token, 'c_1')).toEqual([])
    const limited = await api.request('GET', '/api/v1/stats/search?q=parc&limit=1', { token })
    expect(limited.body.items).toHaveLength(1)
    expect((await api.request('GET', '/api/v1/stats/search?q=p', { token })).status).toBe(400)
  })

  it('401 without a token, 403 for an owner', async () => {
    const t = await api.tenant()
    expect((await api.request('GET', '/api/v1/stats/search?q=ab')).status).toBe(401)
    expect((await api.request('GET', '/api/v1/stats/search?q=ab', { token: t.owner.token })).status).toBe(403)
  })
})
