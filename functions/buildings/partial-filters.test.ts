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

describe('list filters match partially and case-insensitively', () => {
  it('city=brux finds Bruxelles; wildcards in the text are literal; another tenant stays out', async () => {
    const t = await api.tenant()
    const other = await api.tenant()
    const token = t.syndic.token
    const brussels = await fx.building(token, { city: 'Bruxelles' })
    await fx.building(token, { city: 'Namur' })
    await fx.building(other.syndic.token, { city: 'Bruxelles' })
    const list = async (q: string) =>
      (
        (await api.request('GET', `/api/v1/buildings?city=${encodeURIComponent(q)}`, { token })).body
          .data as {
          id: string
        }[]
      ).map((b) => b.id)
    expect(await list('brux')).toEqual([brussels.id])
    expect(await list('XELLES')).toEqual([brussels.id])
    expect(await list('%')).toEqual([])
    expect(await list('_ruxelles')).toEqual([])
  })

  it('owner names: part of the name, any case', async () => {
    const t = await api.tenant()
    const o = await fx.owner(t.syndic.token, { last_name: 'Van Den Berghe' })
    const res = await api.request('GET', '/api/v1/owners?last_name=den%20ber', { token: t.syndic.token })
    expect(res.body.data.map((x: { id: string }) => x.id)).toEqual([o.id])
  })
})
