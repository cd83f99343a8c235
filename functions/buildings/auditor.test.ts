import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApi, type TestApi } from '../test/harness.ts'
import { propertyFixtures } from '../test/property-fixtures.ts'

/*
 * The assembly's account auditor (Civil Code art. 3.91), ADR 0040: invited with the auditor role,
 * granted ONE building by the syndic, reads that building's books, statements and annual accounts
 * through the one access policy (`booksReadScope`), writes nothing (403), and sees no other
 * building (404, like a missing one). Every refusal is checked.
 */

let api: TestApi
let fx: ReturnType<typeof propertyFixtures>
beforeAll(async () => {
  api = await createTestApi()
  fx = propertyFixtures(api)
})
afterAll(() => api.close())

const READS = (id: string) => [
  `/api/v1/buildings/${id}/ledger/trial-balance?fiscal_year=2025`,
  `/api/v1/buildings/${id}/ledger/accounts/410?fiscal_year=2025`,
  `/api/v1/buildings/${id}/ledger/entries?fiscal_year=2025`,
  `/api/v1/buildings/${id}/fiscal-years`,
  `/api/v1/buildings/${id}/fiscal-years/2025/statements`,
  `/api/v1/buildings/${id}/fiscal-years/2025/accounts`,
]

describe('account auditor of one building (issue #16 item 5, art. 3.91)', () => {
  it('reads the granted building only, writes nothing, and only a syndic grants', async () => {
    const t = await api.tenant()
    const token = t.syndic.token
    const audited = await fx.building(token)
    const other = await fx.building(token)
    const foreign = await api.tenant()
    const foreignBuilding = await fx.building(foreign.syndic.token)
    const auditor = await api.user('auditor', t.org.id)
    const a = auditor.token

    // Before the grant: nothing (404, the building might as well not exist).
    for (const path of READS(audited.id))
      expect((await api.request('GET', path, { token: a })).status, path).toBe(404)

    // Only the syndic grants, only an auditor of the firm, only once.
    const grant = (tok: string, buildingId: string, userId: string) =>
      api.request('POST', `/api/v1/buildings/${buildingId}/auditors`, {
        token: tok,
        body: { user_id: userId },
      })
    expect((await grant(t.accountant.token, audited.id, auditor.id)).status).toBe(403)
    expect((await grant(t.owner.token, audited.id, auditor.id)).status).toBe(403)
    expect((await grant(a, audited.id, auditor.id)).status).toBe(403)
    expect((await grant(foreign.syndic.token, audited.id, auditor.id)).status).toBe(404)
    expect((await grant(token, audited.id, t.accountant.id)).status).toBe(400)
    const foreignAuditor = await api.user('auditor', foreign.org.id)
    expect((await grant(token, audited.id, foreignAuditor.id)).status).toBe(400)
    const granted = await grant(token, audited.id, auditor.id)
    expect(granted.status, JSON.stringify(granted.body)).toBe(201)
    expect((await grant(token, audited.id, auditor.id)).status).toBe(409)
    const listed = await api.request('GET', `/api/v1/buildings/${audited.id}/auditors`, { token })
    expect((listed.body as { data: { user_id: string }[] }).data.map((g) => g.user_id)).toEqual([auditor.id])
    expect((await api.request('GET', `/api/v1/buildings/${audited.id}/auditors`, { token: a })).status).toBe(
      403,
    )

    // The granted building's books, statements and accounts: readable.
    for (const path of READS(audited.id)) {
      const res = await api.request('GET', path, { token: a })
      expect(res.status, `${path} ${JSON.stringify(res.body)}`).toBe(200)
    }
    // Any other building, of the firm or another one: 404.
    for (const b of [other.id, foreignBuilding.id]) {
      for (const path of READS(b))
        expect((await api.request('GET', path, { token: a })).status, path).toBe(404)
    }
    // Writes: none, even on the audited building.
    const writes: [string, string, unknown][] = [
      ['POST', `/api/v1/buildings/${audited.id}/fiscal-years/2025/close`, undefined],
      [
        'POST',
        `/api/v1/buildings/${audited.id}/payments`,
        { owner_id: auditor.id, amount_cents: 100, payment_date: '2025-01-01' },
      ],
      [
        'POST',
        `/api/v1/buildings/${audited.id}/calls`,
        { kind: 'reserve', label: 'x', due_date: '2027-01-15', amount_cents: 100 },
      ],
      [
        'PUT',
        `/api/v1/buildings/${audited.id}/bank-accounts/reserve`,
        { iban: 'BE71 0961 2345 6769', holder_name: 'x' },
      ],
      ['POST', `/api/v1/buildings/${audited.id}/auditors`, { user_id: auditor.id }],
      [
        'POST',
        '/api/v1/expenses',
        {
          building_id: audited.id,
          category: 'Repairs',
          description: 'x',
          amount_cents: 100,
          expense_date: '2026-01-05',
        },
      ],
      [
        'POST',
        '/api/v1/buildings',
        { name: 'x', address: 'x', city: 'x', postal_code: '1000', country: 'Belgium' },
      ],
    ]
    for (const [method, path, body] of writes) {
      const res = await api.request(method, path, { token: a, body })
      expect(res.status, `${method} ${path}`).toBe(403)
    }
    // The building list names the audited building only; other buildings' records stay closed
    // (functions/buildings/auditor-reads.test.ts covers every read).
    const list = await api.request('GET', '/api/v1/buildings', { token: a })
    expect(list.status).toBe(200)
    expect((list.body as { data: { id: string }[] }).data.map((b) => b.id)).toEqual([audited.id])
    expect((await api.request('GET', `/api/v1/buildings/${other.id}`, { token: a })).status).toBe(404)
  })
})
