import ExcelJS from 'exceljs'
import { extractText, getDocumentProxy } from 'unpdf'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApi, type TestApi } from '../test/harness.ts'
import { propertyFixtures } from '../test/property-fixtures.ts'

/*
 * Issue #16 item 6: the v1 PCN report at v1's paths, from the ledger. Amounts are checked to the
 * cent against the postings the test makes itself: approved expenses, a cancellation (reversed),
 * a correction and a credit note, in two years.
 */

let api: TestApi
let fx: ReturnType<typeof propertyFixtures>
beforeAll(async () => {
  api = await createTestApi()
  fx = propertyFixtures(api)
})
afterAll(() => api.close())

type Body = Record<string, unknown>

async function setup() {
  const t = await api.tenant()
  const building = await fx.building(t.syndic.token)
  await fx.unit(t.syndic.token, building.id, { quota: 1000 })
  const post = async (path: string, body: Body = {}, status = 200) => {
    const res = await api.request('POST', `/api/v1${path}`, { token: t.syndic.token, body })
    expect(res.status, JSON.stringify(res.body)).toBe(status)
    return res.body
  }
  const expense = (over: Body) =>
    post(
      '/expenses',
      {
        building_id: building.id,
        category: 'Maintenance',
        description: 'Lift maintenance',
        amount_cents: 12_100,
        expense_date: '2026-02-10',
        supplier: 'Ascenseurs SA',
        ...over,
      },
      201,
    )
  // 610: 12 100 + 30 001 − credit note 2 100 = 40 001 (3 entries)
  await expense({})
  await expense({ amount_cents: 30_001, expense_date: '2026-05-01' })
  await expense({ amount_cents: -2_100, credit_note: true, expense_date: '2026-06-01' })
  // 614: 100 000 corrected to 110 000 → the original, its reversal, the correction: 110 000 (3 entries)
  const typo = await expense({ category: 'Insurance', amount_cents: 100_000, expense_date: '2026-03-01' })
  await post(
    `/expenses/${typo.id}/corrections`,
    {
      category: 'Insurance',
      description: 'Insurance',
      expense_date: '2026-03-01',
      amount_cents: 110_000,
    },
    201,
  )
  // 615: posted and cancelled → 0 over 2 entries (it stays visible, as in the books)
  const wrong = await expense({ category: 'Cleaning', amount_cents: 9_999, expense_date: '2026-04-01' })
  await post(`/expenses/${wrong.id}/cancel`, { reason: 'duplicate' })
  // 611 in 2025, outside a 2026 period
  await expense({ category: 'Repairs', amount_cents: 55_555, expense_date: '2025-11-30' })
  // A draft is not in the books.
  await expense({ category: 'Utilities', amount_cents: 7_777, draft: true })
  return { ...t, building }
}

async function download(path: string, token: string) {
  const res = await api.app.request(path, { headers: { authorization: `Bearer ${token}` } })
  return {
    status: res.status,
    type: res.headers.get('content-type'),
    bytes: new Uint8Array(await res.arrayBuffer()),
  }
}

describe('PCN report (v1 paths, from the ledger)', () => {
  it('POST /pcn/report/{building_id} answers v1’s shape, per account, to the cent', async () => {
    const t = await setup()
    const res = await api.request('POST', `/api/v1/pcn/report/${t.building.id}`, { token: t.syndic.token })
    expect(res.status, res.text).toBe(200)
    expect(res.body).toMatchObject({
      building_id: t.building.id,
      period_start: null,
      period_end: null,
      total_amount: '2055.56',
      total_amount_cents: 205_556,
      total_entries: 9,
    })
    expect(Date.parse(res.body.generated_at)).not.toBeNaN()
    expect(res.body.lines).toEqual([
      {
        account_code: '610',
        account_label_nl: 'Onderhoud',
        account_label_fr: 'Entretien',
        account_label_de: 'Wartung',
        account_label_en: 'Maintenance',
        total_amount: '400.01',
        total_amount_cents: 40_001,
        entry_count: 3,
      },
      expect.objectContaining({ account_code: '611', total_amount: '555.55', entry_count: 1 }),
      expect.objectContaining({ account_code: '614', total_amount: '1100.00', entry_count: 3 }),
      expect.objectContaining({ account_code: '615', total_amount: '0.00', entry_count: 2 }),
    ])
    // The period narrows it (v1's PcnReportRequest fields, timestamps accepted).
    const y2026 = await api.request('POST', `/api/v1/pcn/report/${t.building.id}`, {
      token: t.accountant.token,
      body: { start_date: '2026-01-01T00:00:00Z', end_date: '2026-12-31' },
    })
    expect(y2026.status).toBe(200)
    expect(y2026.body).toMatchObject({
      period_start: '2026-01-01T00:00:00Z',
      period_end: '2026-12-31T23:59:59Z',
      total_amount_cents: 205_556 - 55_555,
      total_entries: 8,
    })
    const bad = await api.request('POST', `/api/v1/pcn/report/${t.building.id}`, {
      token: t.syndic.token,
      body: { start_date: '2026-12-31', end_date: '2026-01-01' },
    })
    expect(bad.status).toBe(400)
  })

  it('GET /pcn/export/pdf/{building_id}: the PDF says the same, in the asked language', async () => {
    const t = await setup()
    const pdf = await download(`/api/v1/pcn/export/pdf/${t.building.id}?name=X&lang=fr`, t.syndic.token)
    expect(pdf.status).toBe(200)
    expect(pdf.type).toBe('application/pdf')
    const { text } = await extractText(await getDocumentProxy(pdf.bytes), { mergePages: true })
    const page = text.replace(/[\u00a0\u202f]/g, ' ')
    expect(page).toContain('Rapport PCMN')
    expect(page).toContain('610')
    expect(page).toContain('Entretien')
    expect(page).toContain('400,01 €')
    expect(page).toContain('1 100,00 €')
    expect(page).toContain('2 055,56 €')
  })

  it('GET /pcn/export/excel/{building_id}: a real .xlsx, read back with exceljs, to the cent', async () => {
    const t = await setup()
    const xlsx = await download(`/api/v1/pcn/export/excel/${t.building.id}?lang=nl`, t.accountant.token)
    expect(xlsx.status).toBe(200)
    expect(xlsx.type).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(xlsx.bytes.buffer as ArrayBuffer)
    const sheet = workbook.worksheets[0]
    if (!sheet) throw new Error('no sheet')
    const rows: unknown[][] = []
    sheet.eachRow((row) => {
      rows.push((row.values as unknown[]).slice(1))
    })
    const header = rows.findIndex((r) => r[0] === 'Rekening')
    expect(header).toBeGreaterThan(-1)
    const body = rows.slice(header + 1)
    expect(body).toEqual([
      ['610', 'Onderhoud', 3, 400.01],
      ['611', 'Herstellingen', 1, 555.55],
      ['614', 'Verzekeringen', 3, 1100],
      ['615', 'Schoonmaak', 2, 0],
      ['', 'Totaal', 9, 2055.56],
    ])
    // The amounts are exact cents: Σ lines × 100 = total × 100.
    const cents = body.slice(0, -1).reduce((s, r) => s + Math.round((r[3] as number) * 100), 0)
    expect(cents).toBe(205_556)
  })

  it('owners get 403; another tenant’s building and an unknown one 404', async () => {
    const t = await setup()
    const other = await api.tenant()
    for (const path of [
      `/api/v1/pcn/export/pdf/${t.building.id}`,
      `/api/v1/pcn/export/excel/${t.building.id}`,
    ]) {
      expect((await download(path, t.owner.token)).status, path).toBe(403)
      expect((await download(path, other.syndic.token)).status, path).toBe(404)
      expect((await download(path, other.accountant.token)).status, path).toBe(404)
    }
    const post = (token: string, id = t.building.id) =>
      api.request('POST', `/api/v1/pcn/report/${id}`, { token })
    expect((await post(t.owner.token)).status).toBe(403)
    expect((await post(other.syndic.token)).status).toBe(404)
    expect((await post(t.syndic.token, '01900000-0000-7000-8000-000000000000')).status).toBe(404)
    expect((await api.request('POST', `/api/v1/pcn/report/${t.building.id}`)).status).toBe(401)
  })
})
