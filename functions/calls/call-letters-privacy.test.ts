import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runDueJobs } from '../_shared/jobs/runner.ts'
import { createTestApi, type TestApi } from '../test/harness.ts'
import { propertyFixtures } from '../test/property-fixtures.ts'

let api: TestApi
let fx: ReturnType<typeof propertyFixtures>
beforeAll(async () => {
  api = await createTestApi()
  fx = propertyFixtures(api)
})
afterAll(() => api.close())

type Doc = { id: string; addressee_owner_id: string | null }
type Page = { data: Doc[]; pagination: { total_items: number } }

async function ok(res: Promise<{ status: number; body: unknown }>, status = 200) {
  const r = await res
  expect(r.status, JSON.stringify(r.body)).toBe(status)
  return r.body
}

/** One building, lot A of owner a (linked to user A), lot B of owner b (linked to user B), one call issued and its letters filed. */
async function twoOwnersWithLetters() {
  const t = await api.tenant()
  const token = t.syndic.token
  const userB = await api.user('owner', t.org.id)
  const b = await fx.building(token, { total_units: 2, total_tantiemes: 1000 })
  const units = [
    await fx.unit(token, b.id, { unit_number: 'A', quota: 500 }),
    await fx.unit(token, b.id, { unit_number: 'B', quota: 500 }),
  ]
  const owners = [await fx.owner(token), await fx.owner(token)]
  for (const [i, user] of [t.owner, userB].entries()) {
    const body = {
      owner_id: owners[i]?.id,
      ownership_share: 1,
      is_primary_contact: true,
      start_date: '2020-01-01',
    }
    await ok(api.request('POST', `/api/v1/units/${units[i]?.id}/owners`, { token, body }), 201)
    await ok(
      api.request('PUT', `/api/v1/owners/${owners[i]?.id}/link-user`, { token, body: { user_id: user.id } }),
    )
  }
  await ok(
    api.request('PUT', `/api/v1/buildings/${b.id}/bank-accounts/working_capital`, {
      token,
      body: { iban: 'BE68 5390 0754 7034', bic: 'GKCCBEBB', holder_name: 'ACP Les Tilleuls' },
    }),
  )
  await ok(
    api.request('PUT', `/api/v1/buildings/${b.id}/bank-accounts/reserve`, {
      token,
      body: { iban: 'BE71 0961 2345 6769', holder_name: 'ACP Les Tilleuls — fonds de réserve' },
    }),
  )
  const budget = (await ok(
    api.request('POST', `/api/v1/buildings/${b.id}/budgets`, {
      token,
      body: {
        fiscal_year: 2027,
        provision_periodicity: 'quarterly',
        reserve_contribution_cents: 0,
        lines: [{ category: 'Insurance', label: 'Assurance', amount_cents: 400_000 }],
      },
    }),
    201,
  )) as { id: string }
  await ok(
    api.request('POST', `/api/v1/buildings/${b.id}/budgets/${budget.id}/approve`, {
      token,
      body: { resolution_reference: 'AG 2026-11-20, point 3', approved_on: '2026-11-20' },
    }),
  )
  const call = (await ok(
    api.request('POST', `/api/v1/buildings/${b.id}/calls`, {
      token,
      body: { kind: 'provision', label: 'T1 2027', due_date: '2027-01-15', period: 1 },
    }),
    201,
  )) as { lines: { id: string; owner_id: string }[] }
  while ((await runDueJobs(api.runtime)) > 0) {}
  const letterOf = (ownerId: string) => call.lines.find((l) => l.owner_id === ownerId)?.id as string
  return {
    t,
    userB,
    building: b,
    a: { owner: owners[0]?.id as string, letter: letterOf(owners[0]?.id as string) },
    b: { owner: owners[1]?.id as string, letter: letterOf(owners[1]?.id as string) },
  }
}

const download = (id: string, token: string) =>
  api.app.request(`/api/v1/documents/${id}/download`, { headers: { authorization: `Bearer ${token}` } })

describe('call letters are addressed to their owner (no co-owner reads them)', () => {
  it('an owner lists, reads and downloads only their own letter; another owner’s is a 404; the syndic sees both', async () => {
    const { t, userB, building, a, b } = await twoOwnersWithLetters()
    const A = t.owner.token

    // Lists: the building's documents and GET /documents hold A's letter only, marked as A's.
    for (const url of [
      `/api/v1/buildings/${building.id}/documents`,
      `/api/v1/documents?building_id=${building.id}`,
    ]) {
      const page = (await ok(api.request('GET', url, { token: A }))) as Page
      expect(page.data.map((d) => [d.id, d.addressee_owner_id])).toEqual([[a.letter, a.owner]])
      expect(page.pagination.total_items).toBe(1)
    }
    // Single read and download of B's letter: not found, exactly like another tenant's row.
    expect((await api.request('GET', `/api/v1/documents/${b.letter}`, { token: A })).status).toBe(404)
    expect((await download(b.letter, A)).status).toBe(404)
    // A's own letter: read and downloaded (the owner portal's "Letter (PDF)").
    expect(((await ok(api.request('GET', `/api/v1/documents/${a.letter}`, { token: A }))) as Doc).id).toBe(
      a.letter,
    )
    const mine = await download(a.letter, A)
    expect(mine.status).toBe(200)
    expect(mine.headers.get('content-type')).toContain('application/pdf')
    // And symmetrically for B.
    expect((await download(a.letter, userB.token)).status).toBe(404)
    expect((await download(b.letter, userB.token)).status).toBe(200)

    // The syndic and the accountant are unchanged: both letters, both downloadable.
    for (const token of [t.syndic.token, t.accountant.token]) {
      const page = (await ok(
        api.request('GET', `/api/v1/buildings/${building.id}/documents`, { token }),
      )) as Page
      expect(page.data.map((d) => d.id).sort()).toEqual([a.letter, b.letter].sort())
    }
    expect((await download(b.letter, t.syndic.token)).status).toBe(200)
  })
})
