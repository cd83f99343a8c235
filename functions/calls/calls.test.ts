import { parseEpcQrPayload, parseStructuredCommunication } from '@koprogo/domain'
import { sql } from 'drizzle-orm'
import { extractText, getDocumentProxy } from 'unpdf'
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

const WORKING = { iban: 'BE68 5390 0754 7034', bic: 'GKCCBEBB', holder_name: 'ACP Les Tilleuls' }
const RESERVE = { iban: 'BE71 0961 2345 6769', holder_name: 'ACP Les Tilleuls — fonds de réserve' }

type Line = {
  id: string
  owner_id: string
  unit_number: string
  amount_cents: number
  communication: string
  communication_digits: string
  delivery: 'email' | 'post'
}
type Call = { id: string; number: number; total_cents: number; iban: string; lines: Line[]; job_id: string }

async function link(token: string, unitId: string, ownerId: string, share: number) {
  const res = await api.request('POST', `/api/v1/units/${unitId}/owners`, {
    token,
    body: {
      owner_id: ownerId,
      ownership_share: share,
      is_primary_contact: share >= 0.5,
      start_date: '2020-01-01',
    },
  })
  expect(res.status, JSON.stringify(res.body)).toBe(201)
}

/** Lots A 333 (o1, e-mail consent), B 333 (o2 + o3 half each), C 334 (o1 again). */
async function setup() {
  const t = await api.tenant()
  const token = t.syndic.token
  const b = await fx.building(token, { total_units: 3, total_tantiemes: 1000 })
  const a = await fx.unit(token, b.id, { unit_number: 'A', quota: 333 })
  const bb = await fx.unit(token, b.id, { unit_number: 'B', quota: 333 })
  const c = await fx.unit(token, b.id, { unit_number: 'C', quota: 334 })
  const o1 = await fx.owner(token, {
    email_consent: true,
    email_consent_date: '2024-01-01',
    preferred_language: 'nl',
  })
  const o2 = await fx.owner(token, { email: null })
  const o3 = await fx.owner(token)
  await link(token, a.id, o1.id, 1)
  await link(token, bb.id, o2.id, 0.5)
  await link(token, bb.id, o3.id, 0.5)
  await link(token, c.id, o1.id, 1)
  return { t, token, b, o1, o2, o3 }
}

async function accounts(token: string, buildingId: string) {
  for (const [purpose, body] of [
    ['working_capital', WORKING],
    ['reserve', RESERVE],
  ] as const) {
    const res = await api.request('PUT', `/api/v1/buildings/${buildingId}/bank-accounts/${purpose}`, {
      token,
      body,
    })
    expect(res.status, JSON.stringify(res.body)).toBe(200)
  }
}

/** Creates and approves the fiscal year's budget (general key unless a line names one). */
async function approveBudget(token: string, buildingId: string, body: Record<string, unknown>) {
  const url = `/api/v1/buildings/${buildingId}/budgets`
  const draft = await api.request('POST', url, {
    token,
    body: { fiscal_year: 2027, provision_periodicity: 'quarterly', reserve_contribution_cents: 0, ...body },
  })
  expect(draft.status, JSON.stringify(draft.body)).toBe(201)
  const id = (draft.body as { id: string }).id
  const approved = await api.request('POST', `${url}/${id}/approve`, {
    token,
    body: { resolution_reference: 'AG 2026-11-20, point 3', approved_on: '2026-11-20' },
  })
  expect(approved.status, JSON.stringify(approved.body)).toBe(200)
  return id
}

const oneLine = (annualCents: number) => ({
  lines: [{ category: 'Insurance', label: 'Assurance', amount_cents: annualCents }],
})

async function issue(token: string, buildingId: string, body: Record<string, unknown>) {
  return api.request('POST', `/api/v1/buildings/${buildingId}/calls`, { token, body })
}

describe('calls for funds (issue #15 item 6)', () => {
  it('validates the IBAN of a building account', async () => {
    const { token, b } = await setup()
    const bad = await api.request('PUT', `/api/v1/buildings/${b.id}/bank-accounts/reserve`, {
      token,
      body: { iban: 'BE68 5390 0754 7035', holder_name: 'ACP' },
    })
    expect(bad.status).toBe(400)
    expect(JSON.stringify(bad.body)).toContain('iban')
  })

  it('refuses a call without the account it is paid into (409), an extraordinary call without resolution (400)', async () => {
    const { token, b } = await setup()
    const none = await issue(token, b.id, {
      kind: 'reserve',
      label: 'R',
      due_date: '2027-01-15',
      amount_cents: 100_000,
    })
    expect(none.status).toBe(409)
    expect((none.body as { code: string }).code).toBe('bank_account_missing')
    await accounts(token, b.id)
    // A provision is the approved budget's: without one it is refused, saying so.
    const noBudget = await issue(token, b.id, {
      kind: 'provision',
      label: 'T1',
      due_date: '2027-01-15',
      period: 1,
    })
    expect(noBudget.status).toBe(409)
    expect(noBudget.body).toMatchObject({ code: 'budget_not_approved' })
    expect((noBudget.body as { detail: string }).detail).toContain('No approved budget for 2027')
    const withAmount = await issue(token, b.id, {
      kind: 'provision',
      label: 'T1',
      due_date: '2027-01-15',
      amount_cents: 100_000,
    })
    expect(withAmount.status).toBe(400)
    const noVote = await issue(token, b.id, {
      kind: 'extraordinary',
      label: 'Toiture',
      due_date: '2027-01-15',
      amount_cents: 100_000,
    })
    expect(noVote.status).toBe(400)
  })

  it('one line per owner per lot, exact to the cent, each with its own valid structured communication', async () => {
    const { token, b, o1, o2, o3 } = await setup()
    await accounts(token, b.id)
    await approveBudget(token, b.id, oneLine(400_004))
    const res = await issue(token, b.id, {
      kind: 'provision',
      label: 'Provisions T1 2027',
      due_date: '2027-01-15',
      issue_date: '2026-12-15',
      period: 1,
    })
    expect(res.status, JSON.stringify(res.body)).toBe(201)
    const call = res.body as Call
    expect(call.number).toBe(1)
    expect(call.iban).toBe('BE68539007547034')
    expect(call.lines.map((l) => [l.unit_number, l.owner_id, l.amount_cents])).toEqual(
      [
        ['A', o1.id, 33_300],
        ['B', o2.id, 16_650],
        ['B', o3.id, 16_650],
        ['C', o1.id, 33_401],
      ].sort((x, y) => (x[0] === y[0] ? (String(x[1]) < String(y[1]) ? -1 : 1) : 0)),
    )
    expect(call.lines.reduce((s, l) => s + l.amount_cents, 0)).toBe(100_001)
    expect(call.total_cents).toBe(100_001)
    const comms = call.lines.map((l) => l.communication_digits)
    expect(new Set(comms).size).toBe(comms.length)
    for (const l of call.lines) {
      expect(l.communication).toMatch(/^\+\+\+\d{3}\/\d{4}\/\d{5}\+\+\+$/)
      expect(parseStructuredCommunication(l.communication).ok).toBe(true)
    }
    // E-mail only to the owner who consented in writing; the others are on the postal list.
    expect(call.lines.filter((l) => l.delivery === 'email').map((l) => l.owner_id)).toEqual([o1.id, o1.id])
    const postal = await api.request('GET', `/api/v1/calls/${call.id}/postal-list`, { token })
    expect(postal.status).toBe(200)
    const letters = (postal.body as { letters: { owner_id: string; address: string[] }[] }).letters
    expect(letters.map((l) => l.owner_id).sort()).toEqual([o2.id, o3.id].sort())
    expect(letters[0]?.address).toContain('1050 Ixelles')

    // A second call continues the numbering; a reserve call goes to the reserve account.
    const reserve = await issue(token, b.id, {
      kind: 'reserve',
      label: 'Fonds de réserve 2027',
      due_date: '2027-02-01',
      amount_cents: 50_000,
    })
    expect(reserve.status).toBe(201)
    expect((reserve.body as Call).number).toBe(2)
    expect((reserve.body as Call).iban).toBe('BE71096123456769')
    const all = [...comms, ...(reserve.body as Call).lines.map((l) => l.communication_digits)]
    expect(new Set(all).size).toBe(all.length)
  })

  it('provisions and reserve calls are read from the approved budget: each line over its key, quarters exact', async () => {
    const { token, b } = await setup()
    await accounts(token, b.id)
    const units = (await api.request('GET', `/api/v1/units?building_id=${b.id}`, { token })).body as {
      data: { id: string; unit_number: string }[]
    }
    const c = units.data.find((u) => u.unit_number === 'C')
    const key = await api.request('POST', `/api/v1/buildings/${b.id}/distribution-keys`, {
      token,
      body: { name: 'Parking C', kind: 'custom', members: [{ unit_id: c?.id, weight: 1 }] },
    })
    expect(key.status, JSON.stringify(key.body)).toBe(201)
    const budgetId = await approveBudget(token, b.id, {
      lines: [
        { category: 'Insurance', label: 'Assurance', amount_cents: 1_200_001 },
        {
          category: 'Maintenance',
          label: 'Parking',
          amount_cents: 40_000,
          distribution_key_id: (key.body as { id: string }).id,
        },
      ],
      reserve_contribution_cents: 100_003,
    })
    let sum = 0
    for (let q = 0; q < 4; q++) {
      const res = await issue(token, b.id, {
        kind: 'provision',
        label: `Provisions T${q + 1}`,
        due_date: ['2027-01-01', '2027-04-01', '2027-07-01', '2027-10-01'][q],
        period: q + 1,
      })
      expect(res.status, JSON.stringify(res.body)).toBe(201)
      const call = res.body as Call & { budget_ref: string; period_index: number; periods: number }
      expect(call).toMatchObject({ budget_ref: budgetId, period_index: q, periods: 4 })
      sum += call.total_cents
      if (q === 0) {
        // Q1: 300 001 over 333/333/334 + the parking line's 10 000 on lot C alone.
        const byLot = (n: string) =>
          call.lines.filter((l) => l.unit_number === n).reduce((s, l) => s + l.amount_cents, 0)
        expect([byLot('A'), byLot('B'), byLot('C')]).toEqual([99_900, 99_900, 100_201 + 10_000])
      }
    }
    // The four quarters sum exactly to the annual budget.
    expect(sum).toBe(1_240_001)
    // The reserve call: the period's part of the contribution, to the reserve account.
    const reserve = await issue(token, b.id, {
      kind: 'reserve',
      label: 'Réserve T1',
      due_date: '2027-01-01',
      period: 1,
    })
    expect(reserve.status, JSON.stringify(reserve.body)).toBe(201)
    expect(reserve.body).toMatchObject({ total_cents: 25_001, iban: 'BE71096123456769' })
    // A fifth quarter does not exist.
    const fifth = await issue(token, b.id, {
      kind: 'provision',
      label: 'T5',
      due_date: '2027-12-01',
      period: 5,
    })
    expect(fifth.status).toBe(400)
  })

  it('is the syndic’s: an owner is refused, another tenant’s building, call and owner are 404', async () => {
    const { t, token, b, o1 } = await setup()
    await accounts(token, b.id)
    const call = (
      await issue(token, b.id, { kind: 'reserve', label: 'R', due_date: '2027-01-15', amount_cents: 1000 })
    ).body as Call
    expect(
      (
        await issue(t.owner.token, b.id, {
          kind: 'reserve',
          label: 'R',
          due_date: '2027-01-15',
          amount_cents: 1000,
        })
      ).status,
    ).toBe(403)
    const other = await api.tenant()
    const o = other.syndic.token
    expect(
      (await issue(o, b.id, { kind: 'reserve', label: 'R', due_date: '2027-01-15', amount_cents: 1000 }))
        .status,
    ).toBe(404)
    expect((await api.request('GET', `/api/v1/buildings/${b.id}/calls`, { token: o })).status).toBe(404)
    expect((await api.request('GET', `/api/v1/calls/${call.id}`, { token: o })).status).toBe(404)
    expect((await api.request('GET', `/api/v1/calls/${call.id}/postal-list`, { token: o })).status).toBe(404)
    expect((await api.request('GET', `/api/v1/owners/${o1.id}/account`, { token: o })).status).toBe(404)
    expect(
      (
        await api.request('PUT', `/api/v1/buildings/${b.id}/bank-accounts/reserve`, {
          token: o,
          body: RESERVE,
        })
      ).status,
    ).toBe(404)
    expect(
      (
        await api.request('POST', `/api/v1/buildings/${b.id}/payments`, {
          token: o,
          body: { owner_id: o1.id, amount_cents: 100, payment_date: '2027-01-10' },
        })
      ).status,
    ).toBe(404)
  })
})

type Account = {
  buildings: {
    balance_cents: number
    ledger_balance_cents: number
    called_cents: number
    paid_cents: number
    lines: {
      id: string
      outstanding_cents: number
      communication_digits: string
      epc_payload: string | null
      iban: string
    }[]
    payments: { credit_cents: number }[]
  }[]
}

describe('owner accounts and payments (issue #15 item 7)', () => {
  it('allocates to the named line first, then the oldest due; the rest is a credit; the owner reads it in the portal', async () => {
    const { t, token, b, o1 } = await setup()
    await accounts(token, b.id)
    await approveBudget(token, b.id, oneLine(400_000))
    const q1 = (
      await issue(token, b.id, { kind: 'provision', label: 'T1', due_date: '2027-01-01', period: 1 })
    ).body as Call
    const q2 = (
      await issue(token, b.id, { kind: 'provision', label: 'T2', due_date: '2027-04-01', period: 2 })
    ).body as Call
    const mine = (c: Call) => c.lines.filter((l) => l.owner_id === o1.id)
    // o1 owes A 33 300 + C 33 400 per quarter.
    const named = mine(q2)[1] as Line
    const pay = async (body: Record<string, unknown>) =>
      api.request('POST', `/api/v1/buildings/${b.id}/payments`, {
        token,
        body: { payment_date: '2027-01-05', ...body },
      })

    // The communication alone names the owner; that line is paid first, the rest to the oldest.
    const first = await pay({ amount_cents: 40_000, communication: named.communication })
    expect(first.status, JSON.stringify(first.body)).toBe(201)
    expect((first.body as { owner_id: string }).owner_id).toBe(o1.id)
    expect((first.body as { allocations: unknown[] }).allocations).toMatchObject([
      { line_id: named.id, amount_cents: named.amount_cents },
      { line_id: mine(q1)[0]?.id, amount_cents: 40_000 - named.amount_cents },
    ])
    // Without a communication: oldest first, and an overpayment becomes a credit.
    const second = await pay({ owner_id: o1.id, amount_cents: 200_000, payer: 'M. Dubois' })
    expect(second.status).toBe(201)
    const owed = 4 * 0 + (33_300 + 33_400) * 2
    expect((second.body as { credit_cents: number }).credit_cents).toBe(240_000 - owed)
    // A payment that names nobody and no owner is refused.
    expect((await pay({ amount_cents: 100 })).status).toBe(400)

    // The owner portal: linked user reads their own account by /owners/me/account.
    const linked = await api.request('PUT', `/api/v1/owners/${o1.id}/link-user`, {
      token,
      body: { user_id: t.owner.id },
    })
    expect(linked.status, JSON.stringify(linked.body)).toBe(200)
    const me = await api.request('GET', '/api/v1/owners/me/account', { token: t.owner.token })
    expect(me.status, JSON.stringify(me.body)).toBe(200)
    const acc = (me.body as Account).buildings[0]
    expect(acc?.called_cents).toBe(owed)
    expect(acc?.paid_cents).toBe(240_000)
    expect(acc?.balance_cents).toBe(owed - 240_000)
    // The books agree: the owner's 410 sub-account carries the same balance.
    expect(acc?.ledger_balance_cents).toBe(acc?.balance_cents)
    expect(acc?.lines.every((l) => l.outstanding_cents === 0 && l.epc_payload === null)).toBe(true)
    // Another owner's account is a 404 for this owner.
    const others = (q1.lines.find((l) => l.owner_id !== o1.id) as Line).owner_id
    expect(
      (await api.request('GET', `/api/v1/owners/${others}/account`, { token: t.owner.token })).status,
    ).toBe(404)
    // The syndic reads the other owner's account: its due line carries the EPC payload.
    const theirs = await api.request('GET', `/api/v1/owners/${others}/account`, { token })
    const line = (theirs.body as Account).buildings[0]?.lines[0]
    const epc = parseEpcQrPayload(line?.epc_payload ?? '')
    expect(epc).toMatchObject({
      version: '002',
      iban: 'BE68539007547034',
      reference: line?.communication_digits,
    })
    expect(epc.amountCents).toBe(line?.outstanding_cents)
  })
})

describe('call letters (PDF per owner and lot, e-mail through the outbox)', () => {
  it('renders one letter per line in the owner language, mails only consenting owners, once', async () => {
    const { token, b, o1 } = await setup()
    await accounts(token, b.id)
    await approveBudget(token, b.id, oneLine(400_004))
    const res = await issue(token, b.id, {
      kind: 'provision',
      label: 'T1 2027',
      due_date: '2027-01-15',
      period: 1,
    })
    const call = res.body as Call
    while ((await runDueJobs(api.runtime)) > 0) {}
    const detail = (await api.request('GET', `/api/v1/calls/${call.id}`, { token })).body as {
      lines: (Line & { document_id: string | null; emailed_at: string | null })[]
    }
    expect(detail.lines.every((l) => l.document_id === l.id)).toBe(true)
    const line = detail.lines.find((l) => l.owner_id === o1.id) as Line & { document_id: string }
    const file = await api.app.request(`/api/v1/documents/${line.document_id}/download`, {
      headers: { authorization: `Bearer ${token}` },
    })
    expect(file.status).toBe(200)
    const { text } = await extractText(await getDocumentProxy(new Uint8Array(await file.arrayBuffer())), {
      mergePages: true,
    })
    const page = text.replace(/[\u00a0\u202f]/g, ' ')
    expect(page).toContain('Opvraging van fondsen nr. 1')
    expect(page).toContain(line.communication)
    expect(page).toContain('BE68 5390 0754 7034')
    expect(page).toContain('333,00 €')
    // E-mail: the two lines of the consenting owner, once each, even after the jobs run again.
    expect(detail.lines.filter((l) => l.emailed_at !== null).map((l) => l.owner_id)).toEqual([o1.id, o1.id])
    while ((await runDueJobs(api.runtime)) > 0) {}
    const mails = (await api.inspect.execute(
      sql`select subject from captured_mail where subject like ${'Opvraging van fondsen nr. 1:%'} and to_address = ${
        (await api.request('GET', `/api/v1/owners/${o1.id}`, { token })).body.email
      }`,
    )) as unknown as { rows: { subject: string }[] }
    expect(mails.rows).toHaveLength(2)
  })
})
