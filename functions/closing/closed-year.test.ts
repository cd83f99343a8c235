import { fileAnnualAccounts } from '@koprogo/domain'
import { extractText, getDocumentProxy } from 'unpdf'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runDueJobs } from '../_shared/jobs/runner.ts'
import { pdfLibRenderer } from '../_shared/pdf/pdf-lib-renderer.ts'
import { useCaseContextFor } from '../_shared/runtime.ts'
import { createTestApi, type TestApi } from '../test/harness.ts'
import { propertyFixtures } from '../test/property-fixtures.ts'

/*
 * A small year closed (ADR 0040, 0042): two lots, A 600 and B 400 tantièmes; a lift key (A weight
 * 2, B weight 1); 2025 invoices insurance 100 000 (general: A 60 000, B 40 000) and lift
 * maintenance 30 001 (A 20 001, B 10 000: the odd cent to A's larger remainder); a reserve call
 * of 10 000. Then the annual accounts as a PDF for the assembly, read back as text.
 */

let api: TestApi
let fx: ReturnType<typeof propertyFixtures>
beforeAll(async () => {
  api = await createTestApi()
  fx = propertyFixtures(api)
})
afterAll(() => api.close())

async function runJobs() {
  while ((await runDueJobs(api.runtime)) > 0) {}
}

async function pdfText(bytes: Uint8Array): Promise<string> {
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(bytes)), { mergePages: true })
  return text.replace(/\s+/g, ' ')
}

async function download(url: string, token: string, headers: Record<string, string> = {}) {
  const res = await api.app.request(url, { headers: { authorization: `Bearer ${token}`, ...headers } })
  return {
    status: res.status,
    type: res.headers.get('content-type'),
    bytes: new Uint8Array(await res.arrayBuffer()),
  }
}

/** A building with two owners (Anne reads Dutch, Bruno French), the 2025 invoices, closed. */
async function closedYear(options: { cancelledBeforeClose?: boolean } = {}) {
  const t = await api.tenant()
  const token = t.syndic.token
  const b = await fx.building(token, { name: 'Résidence Tilleuls', total_units: 2, total_tantiemes: 1000 })
  const lots = [
    { unit: 'A', quota: 600, first_name: 'Anne', preferred_language: 'nl' },
    { unit: 'B', quota: 400, first_name: 'Bruno', preferred_language: 'fr' },
  ]
  const units: string[] = []
  const owners: string[] = []
  for (const l of lots) {
    const unit = await fx.unit(token, b.id, { unit_number: l.unit, quota: l.quota })
    const owner = await fx.owner(token, {
      first_name: l.first_name,
      last_name: 'Test',
      preferred_language: l.preferred_language,
    })
    const res = await api.request('POST', `/api/v1/units/${unit.id}/owners`, {
      token,
      body: { owner_id: owner.id, ownership_share: 1, is_primary_contact: true, start_date: '2020-01-01' },
    })
    expect(res.status, JSON.stringify(res.body)).toBe(201)
    units.push(unit.id)
    owners.push(owner.id)
  }
  const key = await api.request('POST', `/api/v1/buildings/${b.id}/distribution-keys`, {
    token,
    body: {
      name: 'Lift',
      kind: 'custom',
      statutory: true,
      members: [
        { unit_id: units[0], weight: 2 },
        { unit_id: units[1], weight: 1 },
      ],
    },
  })
  expect(key.status, JSON.stringify(key.body)).toBe(201)
  const expenseIds: string[] = []
  for (const e of [
    { category: 'Insurance', amount_cents: 100_000, expense_date: '2025-02-10' },
    {
      category: 'Maintenance',
      amount_cents: 30_001,
      expense_date: '2025-03-15',
      distribution_key_id: (key.body as { id: string }).id,
    },
  ]) {
    const res = await api.request('POST', '/api/v1/expenses', {
      token,
      body: { building_id: b.id, description: `${e.category} 2025`, ...e },
    })
    expect(res.status, JSON.stringify(res.body)).toBe(201)
    expenseIds.push((res.body as { id: string }).id)
  }
  if (options.cancelledBeforeClose) {
    // Cancelled after the year's end but before the close: the reversal is dated today (2026), so
    // the books charge it to 2025, and so do the 2025 statements; 2026 gives it back.
    const res = await api.request('POST', '/api/v1/expenses', {
      token,
      body: {
        building_id: b.id,
        category: 'Cleaning',
        description: 'Cleaning 2025',
        amount_cents: 5_000,
        expense_date: '2025-05-01',
      },
    })
    expect(res.status, JSON.stringify(res.body)).toBe(201)
    const cancel = await api.request('POST', `/api/v1/expenses/${(res.body as { id: string }).id}/cancel`, {
      token,
    })
    expect(cancel.status, JSON.stringify(cancel.body)).toBe(200)
  }
  for (const [purpose, iban] of [
    ['working_capital', 'BE68 5390 0754 7034'],
    ['reserve', 'BE71 0961 2345 6769'],
  ] as const) {
    const res = await api.request('PUT', `/api/v1/buildings/${b.id}/bank-accounts/${purpose}`, {
      token,
      body: { iban, holder_name: 'ACP Résidence Tilleuls' },
    })
    expect(res.status, JSON.stringify(res.body)).toBe(200)
  }
  const reserve = await api.request('POST', `/api/v1/buildings/${b.id}/calls`, {
    token,
    body: {
      kind: 'reserve',
      label: 'Fonds de réserve 2025',
      issue_date: '2025-01-02',
      due_date: '2025-01-31',
      amount_cents: 10_000,
    },
  })
  expect(reserve.status, JSON.stringify(reserve.body)).toBe(201)
  const closed = await api.request('POST', `/api/v1/buildings/${b.id}/fiscal-years/2025/close`, { token })
  expect(closed.status, JSON.stringify(closed.body)).toBe(201)
  await runJobs()
  return {
    t,
    token,
    building: b,
    units,
    owners,
    expenseIds,
    closingId: (closed.body as { closing: { id: string } }).closing.id,
  }
}

describe('annual accounts as a PDF for the assembly (issue #16 item 5, ADR 0042)', () => {
  it('renders the closed year’s stored figures in the requested language; books readers only, another tenant 404; filed for every owner', async () => {
    const { t, token, building, owners, closingId } = await closedYear()
    const url = `/api/v1/buildings/${building.id}/fiscal-years/2025/accounts.pdf`

    const fr = await download(`${url}?lang=fr`, token)
    expect(fr.status).toBe(200)
    expect(fr.type).toBe('application/pdf')
    const frText = await pdfText(fr.bytes)
    expect(frText).toContain('Comptes annuels 2025 — Résidence Tilleuls')
    // Income and charges per account of the minimum chart, with the totals.
    expect(frText).toContain('701 Appels de fonds — fonds de réserve 100,00 €')
    expect(frText).toContain('610 Entretien')
    expect(frText).toContain('300,01 €')
    expect(frText).toContain('614 Assurances 1 000,00 €')
    expect(frText).toContain('Total 1 300,01 €')
    // Per distribution key, the result, the balance sheet, the reserve fund.
    expect(frText).toContain('Générale (quotes-parts) 1 000,00 €')
    expect(frText).toContain('Lift 300,01 €')
    expect(frText).toContain('Résultat de l’exercice (produits − charges) : -1 200,01 €')
    expect(frText).toContain('410 Copropriétaires 100,00 €')
    expect(frText).toContain('440 Fournisseurs 1 300,01 €')
    expect(frText).toContain('Contributions appelées (701) 100,00 €')
    expect(frText).toContain('Exercice clôturé le')

    // Dutch by Accept-Language (no ?lang=).
    const nl = await download(url, token, { 'accept-language': 'nl-BE,nl;q=0.9' })
    expect(nl.status).toBe(200)
    const nlText = await pdfText(nl.bytes)
    expect(nlText).toContain('Jaarrekening 2025 — Résidence Tilleuls')
    expect(nlText).toContain('Algemeen (aandelen) 1 000,00 €')
    expect(nlText).toContain('Lift 300,01 €')
    expect(nlText).toContain('Resultaat van het boekjaar (opbrengsten − kosten): -1 200,01 €')
    expect(nlText).toContain('440 Leveranciers 1 300,01 €')
    expect(nlText).not.toContain('Comptes annuels')

    // Readers of the books: the accountant and the granted auditor; an owner 403; another
    // tenant's syndic 404.
    expect((await download(url, t.accountant.token)).status).toBe(200)
    // The assembly's account auditor of this building (art. 3.91) reads it once granted.
    const auditor = await api.user('auditor', t.org.id)
    expect((await download(url, auditor.token)).status).toBe(404)
    const grant = await api.request('POST', `/api/v1/buildings/${building.id}/auditors`, {
      token,
      body: { user_id: auditor.id },
    })
    expect(grant.status, JSON.stringify(grant.body)).toBe(201)
    expect((await download(url, auditor.token)).status).toBe(200)
    expect((await download(url, t.owner.token)).status).toBe(403)
    const other = await api.tenant()
    expect((await download(url, other.syndic.token)).status).toBe(404)

    // Filed at the close, once per language its owners read, addressed to nobody: an owner of
    // the building reads it (it goes out with the convocation). The job re-run files nothing more.
    const user = await api.user('owner', t.org.id)
    const link = await api.request('PUT', `/api/v1/owners/${owners[0]}/link-user`, {
      token,
      body: { user_id: user.id },
    })
    expect(link.status, JSON.stringify(link.body)).toBe(200)
    type Doc = { id: string; title: string; addressee_owner_id: string | null }
    const docs = await api.request('GET', `/api/v1/buildings/${building.id}/documents`, { token: user.token })
    expect(docs.status, JSON.stringify(docs.body)).toBe(200)
    const filed = (docs.body.data as Doc[]).filter((d) => d.addressee_owner_id === null)
    expect(filed.map((d) => d.title).sort()).toEqual([
      'Comptes annuels 2025 — Résidence Tilleuls',
      'Jaarrekening 2025 — Résidence Tilleuls',
    ])
    // The job run again (a retry) files nothing more: the ids derive from closing and language.
    const again = await fileAnnualAccounts({
      ctx: useCaseContextFor(api.runtime, 'job:rerun'),
      input: {
        job: { id: 'rerun', organizationId: t.org.id, payload: { closingId, requestedBy: t.syndic.id } },
        renderer: pdfLibRenderer,
      },
    })
    expect(again).toEqual({ ok: true, value: { created: 0 } })
    const nlDoc = filed.find((d) => d.title.startsWith('Jaarrekening')) as Doc
    const file = await download(`/api/v1/documents/${nlDoc.id}/download`, user.token)
    expect(file.status).toBe(200)
    expect(await pdfText(file.bytes)).toContain(
      'Resultaat van het boekjaar (opbrengsten − kosten): -1 200,01 €',
    )
  })

  it('previews an open year (no closing) in English', async () => {
    const t = await api.tenant()
    const b = await fx.building(t.syndic.token, { name: 'Open House' })
    const res = await download(
      `/api/v1/buildings/${b.id}/fiscal-years/2026/accounts.pdf?lang=en`,
      t.syndic.token,
    )
    expect(res.status).toBe(200)
    const text = await pdfText(res.bytes)
    expect(text).toContain('Annual accounts 2026 — Open House')
    expect(text).toContain('Preview: the year is not closed')
  })
})

type Statement = { owner_id: string; charges_cents: number; regularisation_cents: number }
type Statements = {
  closing: unknown
  totals: {
    ordinary_charges_cents: number
    charges_by_key: { key_name: string | null; amount_cents: number }[]
  }
  data: Statement[]
}

describe('an expense of a closed year cancelled or corrected later (ADR 0042)', () => {
  it('reaches the next year’s statements as a negative charge by the frozen split; the closed year is unchanged', async () => {
    const { token, building, owners, expenseIds } = await closedYear({ cancelledBeforeClose: true })
    const [anne] = owners as [string]
    const [insurance, lift] = expenseIds as [string, string]
    const statements = async (year: number) => {
      const res = await api.request(
        'GET',
        `/api/v1/buildings/${building.id}/fiscal-years/${year}/statements`,
        {
          token,
        },
      )
      expect(res.status, JSON.stringify(res.body)).toBe(200)
      return res.body as Statements
    }
    const chargesOf = (s: Statements) =>
      Object.fromEntries(s.data.map((o) => [o.owner_id === anne ? 'anne' : 'bruno', o.charges_cents]))
    // 2025: insurance 100 000 (60 000 / 40 000), lift 30 001 (20 001 / 10 000), cleaning 5 000
    // (3 000 / 2 000); 2026 so far gives the cleaning back.
    expect(chargesOf(await statements(2025))).toEqual({ anne: 83_001, bruno: 52_000 })
    expect(chargesOf(await statements(2026))).toEqual({ anne: -3_000, bruno: -2_000 })

    // The lift invoice cancelled now: its reversal is dated today, in the open year 2026.
    const cancel = await api.request('POST', `/api/v1/expenses/${lift}/cancel`, {
      token,
      body: { reason: 'Invoice sent twice' },
    })
    expect(cancel.status, JSON.stringify(cancel.body)).toBe(200)
    // A correction dated in the closed year is refused; dated in 2026 it is accepted.
    const correct = (date: string) =>
      api.request('POST', `/api/v1/expenses/${insurance}/corrections`, {
        token,
        body: {
          category: 'Insurance',
          description: 'Insurance 2025 (credit from the insurer)',
          amount_cents: 90_000,
          expense_date: date,
        },
      })
    const refused = await correct('2025-12-20')
    expect(refused.status, JSON.stringify(refused.body)).toBe(409)
    expect(refused.body).toMatchObject({ code: 'fiscal_year_closed' })
    const corrected = await correct('2026-01-15')
    expect(corrected.status, JSON.stringify(corrected.body)).toBe(201)

    // 2026: cleaning −5 000; lift −30 001 (Anne −20 001, Bruno −10 000, as frozen); insurance
    // −100 000 + 90 000 (Anne −60 000 + 54 000, Bruno −40 000 + 36 000). Nothing lost, nothing
    // counted twice.
    const next = await statements(2026)
    expect(next.closing).toBeNull()
    expect(chargesOf(next)).toEqual({ anne: -29_001, bruno: -16_000 })
    expect(next.totals.ordinary_charges_cents).toBe(-45_001)
    expect(next.totals.charges_by_key.map((k) => [k.key_name, k.amount_cents])).toEqual([
      [null, -15_000],
      ['Lift', -30_001],
    ])
    // The closed year's stored statements do not move.
    expect(chargesOf(await statements(2025))).toEqual({ anne: 83_001, bruno: 52_000 })
    // The 2026 accounts agree with the books: the categories carry the same amounts as the ledger.
    const accounts = await api.request('GET', `/api/v1/buildings/${building.id}/fiscal-years/2026/accounts`, {
      token,
    })
    const a = accounts.body as {
      charges: { account: string; amount_cents: number }[]
      by_category: { category: string; actual_cents: number }[]
    }
    expect(a.charges.map((c) => [c.account, c.amount_cents])).toEqual([
      ['610', -30_001],
      ['614', -10_000],
      ['615', -5_000],
    ])
    expect(a.by_category.map((c) => [c.category, c.actual_cents])).toEqual([
      ['Cleaning', -5_000],
      ['Insurance', -10_000],
      ['Maintenance', -30_001],
    ])
  })
})
