import { RENDER_EXPENSE_DISTRIBUTION } from '@koprogo/domain'
import { sql } from 'drizzle-orm'
import { extractText, getDocumentProxy } from 'unpdf'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runDueJobs } from '../_shared/jobs/runner.ts'
import { createTestApi, type TestApi } from '../test/harness.ts'
import { propertyFixtures } from '../test/property-fixtures.ts'
import { renderExpenseDistribution } from './distribution-documents.job.ts'

let api: TestApi
let fx: ReturnType<typeof propertyFixtures>
beforeAll(async () => {
  api = await createTestApi()
  fx = propertyFixtures(api)
})
afterAll(() => api.close())

const SYNDIC = {
  syndic_name: 'Gérance Château & Fils SRL',
  syndic_enterprise_number: '0202.239.951',
  syndic_address: 'Rue de l’Église 7, 4000 Liège',
  syndic_email: 'gerance@example.be',
  syndic_phone: '+32 4 123 45 67',
}

type Accepted = {
  job_id: string
  status: 'pending'
  language: string
  documents: { id: string; format: 'pdf' | 'csv'; url: string; download_url: string }[]
}

/** A building with lots A (333), B (333, two owners half each) and C (334, nobody on the date). */
async function building(token: string) {
  const b = await fx.building(token, { total_units: 3, total_tantiemes: 1000, ...SYNDIC })
  const a = await fx.unit(token, b.id, { unit_number: 'A', quota: 333 })
  const bb = await fx.unit(token, b.id, { unit_number: 'B', quota: 333 })
  await fx.unit(token, b.id, { unit_number: 'C', quota: 334 })
  const o1 = await fx.owner(token, { first_name: 'Élodie', last_name: 'Dupré-Façade' })
  const o2 = await fx.owner(token, { first_name: 'Jürgen', last_name: 'Groß' })
  const o3 = await fx.owner(token, { first_name: 'Françoise', last_name: 'Lœwenbrück' })
  await link(token, a.id, o1.id, 1, true)
  await link(token, bb.id, o2.id, 0.5, true)
  await link(token, bb.id, o3.id, 0.5, false)
  return b
}

async function link(token: string, unitId: string, ownerId: string, share: number, primary: boolean) {
  const res = await api.request('POST', `/api/v1/units/${unitId}/owners`, {
    token,
    body: {
      owner_id: ownerId,
      ownership_share: share,
      is_primary_contact: primary,
      start_date: '2020-01-01',
    },
  })
  expect(res.status, JSON.stringify(res.body)).toBe(201)
}

async function expense(token: string, buildingId: string, amount: string, description = 'Chauffage été') {
  const res = await api.request('POST', '/api/v1/expenses', {
    token,
    body: { building_id: buildingId, category: 'Utilities', description, amount, expense_date: '2026-03-01' },
  })
  expect(res.status, JSON.stringify(res.body)).toBe(201)
  return res.body as { id: string; amount_cents: number }
}

async function generate(token: string, expenseId: string, language?: string) {
  return api.request('POST', `/api/v1/expenses/${expenseId}/distribution-documents`, {
    token,
    body: language ? { language } : {},
  })
}

async function runJobs() {
  while ((await runDueJobs(api.runtime)) > 0) {}
}

async function download(token: string, id: string) {
  const res = await api.app.request(`/api/v1/documents/${id}/download`, {
    headers: { authorization: `Bearer ${token}` },
  })
  expect(res.status).toBe(200)
  return { type: res.headers.get('content-type'), bytes: new Uint8Array(await res.arrayBuffer()) }
}

/** The text of each page, no-break spaces as plain ones. */
async function pdfPages(bytes: Uint8Array): Promise<string[]> {
  const { text } = await extractText(await getDocumentProxy(bytes), { mergePages: false })
  return text.map((page) => page.replace(/[\u00a0\u202f]/g, ' '))
}

function csvLines(bytes: Uint8Array): string[] {
  return new TextDecoder('utf-8').decode(bytes).split('\r\n').filter(Boolean)
}

async function generatedIds(expenseId: string): Promise<string[]> {
  const rows = (await api.inspect.execute(
    sql`select id from documents where related_expense_id = ${expenseId} order by id`,
  )) as unknown as { rows: { id: string }[] }
  return rows.rows.map((r) => r.id)
}

describe('distribution documents (PDF and CSV of an expense, through the outbox)', () => {
  it('stores a PDF with the syndic identity, accented owner names, exact parts and page numbers', async () => {
    const t = await api.tenant()
    const b = await building(t.syndic.token)
    const e = await expense(t.syndic.token, b.id, '1234.57')
    const res = await generate(t.syndic.token, e.id, 'fr')
    expect(res.status, JSON.stringify(res.body)).toBe(202)
    const accepted = res.body as Accepted
    expect(accepted.status).toBe('pending')
    const pdf = accepted.documents.find((d) => d.format === 'pdf')
    if (!pdf) throw new Error('no pdf in the answer')
    // Nothing before the job has run: the client polls the document until it exists.
    expect((await api.request('GET', pdf.url, { token: t.syndic.token })).status).toBe(404)
    await runJobs()
    const meta = await api.request('GET', pdf.url, { token: t.syndic.token })
    expect(meta.status).toBe(200)
    expect(meta.body).toMatchObject({
      building_id: b.id,
      related_expense_id: e.id,
      document_type: 'FinancialStatement',
      mime_type: 'application/pdf',
    })

    const file = await download(t.syndic.token, pdf.id)
    expect(file.type).toBe('application/pdf')
    const [page, ...more] = await pdfPages(file.bytes)
    expect(more).toEqual([])
    expect(page).toContain('Répartition de la dépense — Chauffage été')
    expect(page).toContain('Gérance Château & Fils SRL')
    expect(page).toContain('Rue de l’Église 7, 4000 Liège')
    expect(page).toContain('BCE 0202.239.951')
    expect(page).toContain('1 / 1')
    expect(page).toContain('Date : 01/03/2026')
    expect(page).toContain('Montant : 1 234,57 €')
    // The exact distribution of 1 234,57 € over 333/333/334: A 411,11 (+1 cent of the remainder
    // goes to the largest fraction), B 411,11 split 205,56/205,55, C 411,24 nobody carries.
    const dist = await api.request('GET', `/api/v1/expenses/${e.id}/distribution`, { token: t.syndic.token })
    const parts = dist.body.units as {
      unit_number: string
      amount_cents: number
      owners: { amount_cents: number }[]
    }[]
    expect(parts.reduce((s, u) => s + u.amount_cents, 0)).toBe(123457)
    const euros = (cents: number) =>
      `${Math.trunc(cents / 100)},${String(cents % 100).padStart(2, '0')} €`.replace(
        /^(\d)(\d{3}),/,
        '$1 $2,',
      )
    expect(page).toMatch(
      new RegExp(
        `A\\s+Élodie Dupré-Façade\\s+333 / 1000\\s+100 %\\s+${euros(parts[0]?.owners[0]?.amount_cents ?? -1)}`,
      ),
    )
    expect(page).toContain('Jürgen Groß')
    expect(page).toContain('Françoise Lœwenbrück')
    for (const o of parts[1]?.owners ?? []) expect(page).toContain(`50 % ${euros(o.amount_cents)}`)
    expect(page).toMatch(
      new RegExp(
        `C\\s+Aucun propriétaire à cette date\\s+334 / 1000\\s+${euros(parts[2]?.amount_cents ?? -1)}`,
      ),
    )
    expect(page).toMatch(/Total\s+1 234,57 €/)
  })

  it('stores a CSV (BOM, header row, `;` and decimal comma in French) whose lines sum to the amount', async () => {
    const t = await api.tenant()
    const b = await building(t.syndic.token)
    const e = await expense(t.syndic.token, b.id, '1000.01')
    const res = await generate(t.accountant.token, e.id, 'fr')
    expect(res.status, JSON.stringify(res.body)).toBe(202)
    await runJobs()
    const csv = (res.body as Accepted).documents.find((d) => d.format === 'csv')
    if (!csv) throw new Error('no csv in the answer')
    const file = await download(t.syndic.token, csv.id)
    expect(file.type).toBe('text/csv')
    expect([...file.bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const [header, ...rows] = csvLines(file.bytes)
    expect(header).toBe('Lot;Propriétaire;Quote-part;Part détenue;Montant (EUR)')
    expect(rows).toHaveLength(4)
    expect(rows).toContain(`A;Élodie Dupré-Façade;333 / 1000;100\u00a0%;333,00`)
    const cents = rows.map((r) => Number((r.split(';')[4] ?? '').replace(',', '')))
    expect(cents.reduce((s, c) => s + c, 0)).toBe(e.amount_cents)
  })

  it('writes English amounts and a `,` separator when asked for English', async () => {
    const t = await api.tenant()
    const b = await building(t.syndic.token)
    const e = await expense(t.syndic.token, b.id, '4321.09')
    const res = await generate(t.syndic.token, e.id, 'en')
    expect(res.status).toBe(202)
    await runJobs()
    const [pdf, csv] = (res.body as Accepted).documents
    const page = (await pdfPages((await download(t.syndic.token, pdf?.id ?? '')).bytes))[0]
    expect(page).toContain('Distribution of the expense — Chauffage été')
    expect(page).toMatch(/Total\s+€4,321\.09/)
    const [header, ...rows] = csvLines((await download(t.syndic.token, csv?.id ?? '')).bytes)
    expect(header).toBe('Lot,Owner,Quota,Share,Amount (EUR)')
    const cents = rows.map((r) => Math.round(Number(r.split(',').at(-1)) * 100))
    expect(cents.reduce((s, c) => s + c, 0)).toBe(432109)
  })

  it('breaks a 120-lot distribution over several pages, each with the header, the table head and n / N', async () => {
    const t = await api.tenant()
    const token = t.syndic.token
    const b = await fx.building(token, { total_units: 120, total_tantiemes: 10_000, ...SYNDIC })
    for (let i = 1; i <= 120; i++) {
      const u = await fx.unit(token, b.id, {
        unit_number: `L${String(i).padStart(3, '0')}`,
        quota: 80 + (i % 5),
      })
      const o = await fx.owner(token, { first_name: 'Zoë', last_name: `Noël-${i}` })
      await link(token, u.id, o.id, 1, true)
    }
    const e = await expense(token, b.id, '98765.43', 'Ravalement de façade')
    const res = await generate(token, e.id, 'fr')
    expect(res.status).toBe(202)
    await runJobs()
    const [pdf, csv] = (res.body as Accepted).documents
    const pages = await pdfPages((await download(token, pdf?.id ?? '')).bytes)
    expect(pages.length).toBeGreaterThanOrEqual(3)
    pages.forEach((page, i) => {
      expect(page).toContain('Gérance Château & Fils SRL')
      expect(page).toMatch(/Lot\s+Propriétaire\s+Quote-part\s+Part détenue\s+Montant/)
      expect(page).toContain(`${i + 1} / ${pages.length}`)
    })
    const all = pages.join('\n')
    for (let i = 1; i <= 120; i++) expect(all).toContain(`Zoë Noël-${i} `)
    const rows = csvLines((await download(token, csv?.id ?? '')).bytes).slice(1)
    const cents = rows.map((r) => Number((r.split(';')[4] ?? '').replace(',', '')))
    expect(cents.reduce((s, c) => s + c, 0)).toBe(9876543)
  }, 120_000)

  it('creates nothing twice when the job runs again (same job id)', async () => {
    const t = await api.tenant()
    const b = await building(t.syndic.token)
    const e = await expense(t.syndic.token, b.id, '10.00')
    const res = await generate(t.syndic.token, e.id, 'nl')
    expect(res.status).toBe(202)
    const accepted = res.body as Accepted
    await runJobs()
    const ids = await generatedIds(e.id)
    expect(ids.sort()).toEqual(accepted.documents.map((d) => d.id).sort())
    // A runner killed after the work but before marking the row done hands the job out again.
    await api.inspect.execute(sql`update outbox set status = 'pending' where id = ${accepted.job_id}`)
    await runJobs()
    const row = (await api.inspect.execute(
      sql`select status, payload from outbox where id = ${accepted.job_id}`,
    )) as unknown as { rows: { status: string; payload: Record<string, unknown> }[] }
    expect(row.rows[0]?.status).toBe('done')
    // And the handler called directly with the same job.
    await renderExpenseDistribution(
      {
        id: accepted.job_id,
        kind: RENDER_EXPENSE_DISTRIBUTION,
        organizationId: t.org.id,
        payload: row.rows[0]?.payload ?? {},
        attempt: 3,
      },
      api.runtime,
    )
    expect(await generatedIds(e.id)).toEqual(ids)
  })

  it('answers 404 for another tenant’s expense and 403 for an owner; nothing is queued', async () => {
    const t = await api.tenant()
    const other = await api.tenant()
    const b = await building(t.syndic.token)
    const e = await expense(t.syndic.token, b.id, '50.00')
    expect((await generate(other.syndic.token, e.id, 'fr')).status).toBe(404)
    expect((await generate(t.owner.token, e.id, 'fr')).status).toBe(403)
    const queued = (await api.inspect.execute(
      sql`select count(*)::int as n from outbox where kind = ${RENDER_EXPENSE_DISTRIBUTION} and payload->>'expenseId' = ${e.id}`,
    )) as unknown as { rows: { n: number }[] }
    expect(queued.rows[0]?.n).toBe(0)
  })
})
