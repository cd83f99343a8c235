// The error mapper answers in the reader's language (Accept-Language), with the same status,
// `type`, `code`, `error` and field paths in every language (ADR 0025).
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

const lang = (l: string | undefined): Record<string, string> =>
  l === undefined ? {} : { 'accept-language': l }

describe('problem texts in the reader’s language', () => {
  it('says the same quota conflict in en, fr, nl and de, with its values; the stable parts never change', async () => {
    const { syndic } = await api.tenant()
    const b = await fx.building(syndic.token, { total_tantiemes: 1000 })
    await fx.unit(syndic.token, b.id, { quota: 800 })
    const over = (l?: string) =>
      api.request('POST', '/api/v1/units', {
        token: syndic.token,
        headers: lang(l),
        body: { building_id: b.id, unit_number: `X${l}`, unit_type: 'Cellar', surface_area: 5, quota: 300 },
      })
    const english = 'quota 300 exceeds the tantièmes left in this building (200 of 1000)'
    const expected: Record<string, [title: string, detail: string]> = {
      en: ['Conflict', english],
      'fr-BE,fr;q=0.9': [
        'Conflit',
        'la quote-part 300 dépasse les tantièmes restants de cet immeuble (200 sur 1000)',
      ],
      'nl-BE': [
        'Conflict',
        'het aandeel 300 overschrijdt de resterende aandelen van dit gebouw (200 van 1000)',
      ],
      de: ['Konflikt', 'der Anteil 300 übersteigt die verbleibenden Anteile dieses Gebäudes (200 von 1000)'],
    }
    for (const [header, [title, detail]] of Object.entries(expected)) {
      const res = await over(header)
      expect(res.status).toBe(409)
      expect(res.body).toMatchObject({ title, detail, code: 'quota_exceeds_total', error: english })
      expect(res.body.type).toBe('https://koprogo.org/problems/conflict')
      expect(res.headers.get('content-language')).toBe(header.slice(0, 2))
    }
  })

  it('answers in English without Accept-Language or with a language it does not speak', async () => {
    const { syndic } = await api.tenant()
    for (const header of [undefined, 'es-ES,it;q=0.8', '*']) {
      const res = await api.request('GET', '/api/v1/buildings/00000000-0000-7000-8000-000000000000', {
        token: syndic.token,
        headers: lang(header),
      })
      expect(res.status).toBe(404)
      expect(res.body).toMatchObject({ title: 'Not found', detail: 'Building not found' })
    }
    const nl = await api.request('GET', '/api/v1/buildings/00000000-0000-7000-8000-000000000000', {
      token: syndic.token,
      headers: lang('es, nl;q=0.5'),
    })
    expect(nl.body).toMatchObject({
      title: 'Niet gevonden',
      detail: 'Gebouw niet gevonden',
      error: 'Building not found',
    })
  })

  it('translates a validation problem and its field messages, keeping the field paths', async () => {
    const { syndic } = await api.tenant()
    const res = await api.request('POST', '/api/v1/buildings', {
      token: syndic.token,
      headers: lang('fr'),
      body: {
        name: 'X',
        address: 'Rue 1',
        city: 'Namur',
        postal_code: '5000',
        country: 'BE',
        total_units: 2,
        bogus: 1,
      },
    })
    expect(res.status).toBe(400)
    expect(res.body.title).toBe('Requête invalide')
    expect(res.body.detail).toBe('Champ inconnu : bogus')
    expect(res.body.errors).toEqual([{ path: 'bogus', message: 'Champ inconnu' }])
    expect(res.body.error).toBe('Unknown field: bogus')
  })

  it('translates zod’s own field messages, reading their values back', async () => {
    const { syndic } = await api.tenant()
    const res = await api.request('POST', '/api/v1/buildings', {
      token: syndic.token,
      headers: lang('nl'),
      body: {
        name: 'x'.repeat(300),
        address: 'Rue 1',
        city: 'Namur',
        postal_code: '5000',
        country: 'BE',
        total_units: 2,
      },
    })
    expect(res.status).toBe(400)
    const name = res.body.errors.find((e: { path: string }) => e.path === 'name')
    expect(name.message).toMatch(/^Te lang: hoogstens \d+ tekens$/)
  })

  it('translates authentication failures too (the web app sends its language on every call)', async () => {
    const res = await api.request('GET', '/api/v1/buildings', { headers: lang('de') })
    expect(res.status).toBe(401)
    expect(res.body).toMatchObject({ title: 'Nicht angemeldet', detail: 'Anmeldung erforderlich' })
  })
})
