import { expect } from 'vitest'
import type { TestApi } from './harness.ts'

/** Creates property rows through the API (so every rule and the audit run), asserting success. */
export function propertyFixtures(api: TestApi) {
  let n = 0
  const uniq = () => `${Date.now().toString(36)}${(n++).toString(36)}`

  async function building(token: string, over: Record<string, unknown> = {}) {
    const res = await api.request('POST', '/api/v1/buildings', {
      token,
      body: {
        name: `Résidence ${uniq()}`,
        address: 'Rue de la Loi 16',
        city: 'Bruxelles',
        postal_code: '1000',
        country: 'Belgium',
        total_units: 10,
        total_tantiemes: 1000,
        construction_year: 1972,
        ...over,
      },
    })
    expect(res.status, JSON.stringify(res.body)).toBe(201)
    return res.body as { id: string; version: number; total_tantiemes: number; organization_id: string }
  }

  async function unit(token: string, buildingId: string, over: Record<string, unknown> = {}) {
    const res = await api.request('POST', '/api/v1/units', {
      token,
      body: {
        building_id: buildingId,
        unit_number: `U${uniq()}`,
        unit_type: 'Apartment',
        floor: 1,
        surface_area: 80,
        quota: 100,
        ...over,
      },
    })
    expect(res.status, JSON.stringify(res.body)).toBe(201)
    return res.body as { id: string; version: number; unit_number: string; owner_id: string | null }
  }

  async function owner(token: string, over: Record<string, unknown> = {}) {
    const res = await api.request('POST', '/api/v1/owners', {
      token,
      body: {
        first_name: 'Marie',
        last_name: `Dubois${uniq()}`,
        email: `owner-${uniq()}@example.be`,
        phone: '+32 470 12 34 56',
        address: 'Avenue Louise 10',
        city: 'Ixelles',
        postal_code: '1050',
        country: 'Belgium',
        ...over,
      },
    })
    expect(res.status, JSON.stringify(res.body)).toBe(201)
    return res.body as { id: string; version: number; email: string }
  }

  /** An owner user who owns one unit (linked through owners.user_id), plus that unit's building. */
  async function ownerWithUnit(syndicToken: string, organizationId: string) {
    const b = await building(syndicToken)
    const u = await unit(syndicToken, b.id)
    const o = await owner(syndicToken)
    const user = await api.user('owner', organizationId)
    expect(
      (await api.request('PUT', `/api/v1/units/${u.id}/assign-owner/${o.id}`, { token: syndicToken })).status,
    ).toBe(200)
    const link = await api.request('PUT', `/api/v1/owners/${o.id}/link-user`, {
      token: syndicToken,
      body: { user_id: user.id },
    })
    expect(link.status, JSON.stringify(link.body)).toBe(200)
    return { building: b, unit: u, owner: o, user }
  }

  return { building, unit, owner, ownerWithUnit, uniq }
}
