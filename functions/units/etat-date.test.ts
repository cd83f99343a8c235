import { extractText, getDocumentProxy } from 'unpdf'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApi, type TestApi } from '../test/harness.ts'
import { propertyFixtures } from '../test/property-fixtures.ts'

/*
 * Issue #16 item 7: the état daté of a lot (Civil Code art. 3.94). The figures are checked to the
 * cent against the owner account (GET /owners/{id}/account) and against the amounts the test
 * called and paid itself; the legal deadline (15 days §1, 30 days §2) is tracked.
 */

let api: TestApi
let fx: ReturnType<typeof propertyFixtures>
beforeAll(async () => {
  api = await createTestApi()
  fx = propertyFixtures(api)
})
afterAll(() => api.close())

type Body = Record<string, unknown>
type AccountLine = {
  unit_id: string
  kind: 'provision' | 'reserve' | 'extraordinary'
  amount_cents: number
  paid_cents: number
  outstanding_cents: number
  due_date: string
  communication: string
}

const today = () => new Date().toISOString().slice(0, 10)

async function setup() {
  const t = await api.tenant()
  const token = t.syndic.token
  const post = async (path: string, body: Body, status = 201) => {
    const res = await api.request('POST', `/api/v1${path}`, { token, body })
    expect(res.status, JSON.stringify(res.body)).toBe(status)
    return res.body
  }
  const b = await fx.building(token, { total_units: 2, total_tantiemes: 1000 })
  const a = await fx.unit(token, b.id, { unit_number: 'A', quota: 600 })
  const bb = await fx.unit(token, b.id, { unit_number: 'B', quota: 400 })
  const seller = await fx.owner(token, { first_name: 'Marie', last_name: 'Dubois' })
  const other = await fx.owner(token)
  for (const [unit, owner] of [
    [a, seller],
    [bb, other],
  ] as const) {
    await post(`/units/${unit.id}/owners`, {
      owner_id: owner.id,
      ownership_share: 1,
      is_primary_contact: true,
      start_date: '2020-01-01',
    })
  }
  for (const [purpose, body] of [
    ['working_capital', { iban: 'BE68 5390 0754 7034', holder_name: 'ACP Europe' }],
    ['reserve', { iban: 'BE71 0961 2345 6769', holder_name: 'ACP Europe — réserve' }],
  ] as const) {
    const res = await api.request('PUT', `/api/v1/buildings/${b.id}/bank-accounts/${purpose}`, {
      token,
      body,
    })
    expect(res.status, JSON.stringify(res.body)).toBe(200)
  }
  // Two reserve calls already due, one extraordinary call (works voted) due in the future.
  await post(`/buildings/${b.id}/calls`, {
    kind: 'reserve',
    label: 'Réserve 2026 T1',
    issue_date: '2026-01-01',
    due_date: '2026-01-15',
    amount_cents: 100_000,
  })
  await post(`/buildings/${b.id}/calls`, {
    kind: 'reserve',
    label: 'Réserve 2026 T2',
    issue_date: '2026-06-01',
    due_date: '2026-06-15',
    amount_cents: 50_001,
  })
  await post(`/buildings/${b.id}/calls`, {
    kind: 'extraordinary',
    label: 'Toiture',
    issue_date: today(),
    due_date: '2099-03-01',
    amount_cents: 200_000,
    resolution_ref: 'AG 2026-05-10, point 4',
  })
  const account = async () =>
    (await api.request('GET', `/api/v1/owners/${seller.id}/account?building_id=${b.id}`, { token })).body
      .buildings[0] as { lines: AccountLine[]; balance_cents: number }
  // The seller pays 70 000 naming the first call's line: that line, then the oldest open one.
  const first = (await account()).lines.find((l) => l.unit_id === a.id && l.due_date === '2026-01-15')
  await post(`/buildings/${b.id}/payments`, {
    owner_id: seller.id,
    amount_cents: 70_000,
    payment_date: '2026-02-01',
    communication: first?.communication,
  })
  return { t, token, b, a, seller, other, post, account }
}

async function pdfText(documentId: string, token: string) {
  const res = await api.app.request(`/api/v1/documents/${documentId}/download`, {
    headers: { authorization: `Bearer ${token}` },
  })
  expect(res.status).toBe(200)
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(await res.arrayBuffer())), {
    mergePages: true,
  })
  return text.replace(/[\u00a0\u202f]/g, ' ')
}

describe('état daté (Civil Code art. 3.94)', () => {
  it('generated from the owner account, to the cent, as a PDF in the language of the request', async () => {
    const s = await setup()
    const res = await s.post(`/units/${s.a.id}/etat-date`, {
      requested_by: 'Maître Janssens, notaire',
      requester_email: 'notaire@example.test',
      notary_reference: 'REP 2026/1234',
      basis: 'art_3_94_2',
      language: 'nl',
      deed_date: '2027-02-01',
      pending_procedures: 'Geen',
      decided_works: 'Dakwerken (AV 10/05/2026, punt 4)',
    })
    // The independent computation: the owner account's lines of lot A.
    const lines = (await s.account()).lines.filter((l) => l.unit_id === s.a.id)
    const sum = (ls: AccountLine[], f: (l: AccountLine) => number) => ls.reduce((x, l) => x + f(l), 0)
    const due = lines.filter((l) => l.due_date <= today())
    const reserve = lines.filter((l) => l.kind === 'reserve')
    expect(res).toMatchObject({
      unit_id: s.a.id,
      basis: 'art_3_94_2',
      language: 'nl',
      request_date: today(),
      status: 'delivered',
      figures: {
        as_of: today(),
        owners: [{ owner_id: s.seller.id, name: 'Marie Dubois' }],
        by_kind: {
          provision: { called_cents: 0, paid_cents: 0 },
          reserve: {
            called_cents: sum(reserve, (l) => l.amount_cents),
            paid_cents: sum(reserve, (l) => l.paid_cents),
          },
          extraordinary: { called_cents: 120_000, paid_cents: 0 },
        },
        arrears_cents: sum(due, (l) => l.outstanding_cents),
        not_yet_due_cents: 120_000,
      },
    })
    // And by hand: lot A carries 600/1000 — 60 000 and 30 001 (50 001 × 0.6 = 30 000.6, the cent
    // to A by largest remainder), paid 70 000: the first line in full, 10 000 on the second.
    expect(res.figures.by_kind.reserve).toEqual({ called_cents: 90_001, paid_cents: 70_000 })
    expect(res.figures.arrears_cents).toBe(20_001)
    // The deadline: 30 days after the request (§2).
    const deadline = new Date(`${today()}T00:00:00Z`)
    deadline.setUTCDate(deadline.getUTCDate() + 30)
    expect(res.deadline_date).toBe(deadline.toISOString().slice(0, 10))
    expect(res.days_left).toBe(30)
    const text = await pdfText(res.document_id, s.token)
    expect(text).toContain('Staat van lot A bij overdracht')
    expect(text).toContain('Maître Janssens, notaire')
    expect(text).toContain('REP 2026/1234')
    expect(text).toContain('900,01 €')
    expect(text).toContain('700,00 €')
    expect(text).toContain('Achterstallen van de verkoper (vervaldag verstreken): 200,01 €')
    expect(text).toContain('nog niet vervallen opvragingen: 1 200,00 €')
    expect(text).toContain('Dakwerken')
    // Listed with its status.
    const list = await api.request('GET', `/api/v1/units/${s.a.id}/etat-date`, { token: s.token })
    expect(list.status).toBe(200)
    expect(list.body.data).toEqual([
      expect.objectContaining({ id: res.id, status: 'delivered', document_id: res.document_id }),
    ])
  })

  it('a pending request is tracked against its deadline (15 days, §1), then generated once', async () => {
    const s = await setup()
    const late = await s.post(`/units/${s.a.id}/etat-date`, {
      requested_by: 'Immo Centrale',
      request_date: '2026-01-02',
      generate: false,
    })
    expect(late).toMatchObject({
      basis: 'art_3_94_1',
      deadline_date: '2026-01-17',
      status: 'overdue',
      document_id: null,
      figures: null,
    })
    const fresh = await s.post(`/units/${s.a.id}/etat-date`, {
      requested_by: 'Notaire Peeters',
      generate: false,
      language: 'fr',
    })
    expect(fresh).toMatchObject({ status: 'pending', days_left: 15 })
    const generated = await s.post(`/units/${s.a.id}/etat-date/${late.id}/generate`, {}, 200)
    expect(generated).toMatchObject({ status: 'delivered_late', figures: { arrears_cents: 20_001 } })
    const again = await s.post(`/units/${s.a.id}/etat-date/${late.id}/generate`, {}, 200)
    expect(again.document_id).toBe(generated.document_id)
    const text = await pdfText(generated.document_id, s.token)
    expect(text).toContain('État daté du lot A')
    expect(text).toContain('Arriérés dus par le cédant (échéance passée) : 200,01 €')
    const list = await api.request('GET', `/api/v1/units/${s.a.id}/etat-date`, { token: s.token })
    expect(list.body.data.map((r: { status: string }) => r.status)).toEqual(['pending', 'delivered_late'])
    // Refusals: a request date in the future, no requester, an unknown basis.
    const bad = await api.request('POST', `/api/v1/units/${s.a.id}/etat-date`, {
      token: s.token,
      body: { requested_by: ' ', request_date: '2099-01-01' },
    })
    expect(bad.status).toBe(400)
    expect(bad.body.errors.map((e: { path: string }) => e.path).sort()).toEqual([
      'request_date',
      'requested_by',
    ])
  })

  it('owners get 403; another tenant’s unit and request 404; audited', async () => {
    const s = await setup()
    const other = await api.tenant()
    const body = { requested_by: 'Notaire X' }
    expect(
      (await api.request('POST', `/api/v1/units/${s.a.id}/etat-date`, { token: s.t.owner.token, body }))
        .status,
    ).toBe(403)
    expect(
      (await api.request('GET', `/api/v1/units/${s.a.id}/etat-date`, { token: s.t.owner.token })).status,
    ).toBe(403)
    expect(
      (await api.request('POST', `/api/v1/units/${s.a.id}/etat-date`, { token: other.syndic.token, body }))
        .status,
    ).toBe(404)
    expect(
      (await api.request('GET', `/api/v1/units/${s.a.id}/etat-date`, { token: other.accountant.token }))
        .status,
    ).toBe(404)
    const mine = await s.post(`/units/${s.a.id}/etat-date`, { ...body, generate: false })
    expect(
      (
        await api.request('POST', `/api/v1/units/${s.a.id}/etat-date/${mine.id}/generate`, {
          token: other.syndic.token,
          body: {},
        })
      ).status,
    ).toBe(404)
    const audit = await api.inspect.execute(
      `select action from audit_log where organization_id = '${s.t.org.id}' and action like 'etat_date.%'`,
    )
    expect(((audit as unknown as { rows?: unknown[] }).rows ?? (audit as unknown as unknown[])).length).toBe(
      1,
    )
  })
})
