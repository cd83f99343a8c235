import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { peppolDocument, SAMPLE_PDF } from '../test/einvoice/peppol-samples.ts'
import { createTestApi, type TestApi } from '../test/harness.ts'
import { propertyFixtures } from '../test/property-fixtures.ts'
import { parseUblInvoice } from './einvoice-ubl.ts'

/*
 * Issue #16 item 8: UBL 2.1 / Peppol BIS Billing 3.0 invoices and credit notes imported as DRAFT
 * expenses (docs.peppol.eu/poacc/billing/3.0). Samples are hand-built (test/einvoice); totals are
 * checked with EN 16931's BR-CO rules and a wrong one is refused naming the element.
 */

let api: TestApi
let fx: ReturnType<typeof propertyFixtures>
beforeAll(async () => {
  api = await createTestApi()
  fx = propertyFixtures(api)
})
afterAll(() => api.close())

async function setup() {
  const t = await api.tenant()
  const building = await fx.building(t.syndic.token)
  await fx.unit(t.syndic.token, building.id, { quota: 1000 })
  return { ...t, building }
}

async function importXml(
  buildingId: string,
  token: string,
  xml: string,
  fields: Record<string, string> = {},
) {
  const form = new FormData()
  form.set('file', new File([xml], 'invoice.xml', { type: 'application/xml' }))
  for (const [k, v] of Object.entries(fields)) form.set(k, v)
  const res = await api.app.request(`/api/v1/buildings/${buildingId}/expenses/import`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
    body: form,
  })
  const text = await res.text()
  // biome-ignore lint/suspicious/noExplicitAny: tests read arbitrary JSON bodies
  return { status: res.status, text, body: JSON.parse(text) as any }
}

async function expensesOf(buildingId: string, token: string) {
  const res = await api.request('GET', `/api/v1/buildings/${buildingId}/expenses?per_page=100`, { token })
  expect(res.status).toBe(200)
  return res.body.data as { id: string; status: string; amount_cents: number }[]
}

describe('e-invoice import (UBL 2.1 / Peppol BIS Billing 3.0)', () => {
  it('an invoice becomes a draft expense with its supplier, VAT and PDF; nothing is posted', async () => {
    const t = await setup()
    const xml = peppolDocument({ lines: [{ name: 'Lift maintenance Q1', netCents: 100_000, rate: 21 }] })
    const res = await importXml(t.building.id, t.syndic.token, xml, { category: 'Maintenance' })
    expect(res.status, res.text).toBe(201)
    expect(res.body).toMatchObject({
      kind: 'invoice',
      invoice_number: 'F2026-0042',
      issue_date: '2026-03-15',
      due_date: '2026-04-14',
      supplier: {
        name: 'Ascenseurs Dupont SRL',
        enterprise_number: '0123456749',
        vat_number: 'BE0123456749',
        iban: 'BE68539007547034',
      },
      vat_breakdown: [{ vat_category: 'S', vat_rate: 21, taxable_cents: 100_000, tax_cents: 21_000 }],
      total_excl_vat_cents: 100_000,
      total_vat_cents: 21_000,
      total_incl_vat_cents: 121_000,
      payable_cents: 121_000,
    })
    expect(res.body.expenses).toHaveLength(1)
    expect(res.body.expenses[0]).toMatchObject({
      status: 'draft',
      category: 'Maintenance',
      amount_cents: 121_000,
      amount_excl_vat_cents: 100_000,
      vat_rate: 21,
      vat_cents: 21_000,
      supplier: 'Ascenseurs Dupont SRL',
      supplier_enterprise_number: '0123.456.749',
      supplier_iban: 'BE68539007547034',
      invoice_number: 'F2026-0042',
      expense_date: expect.stringMatching(/^2026-03-15/),
      credit_note: false,
    })
    // The embedded PDF is a document of the building, linked to the expense, byte for byte.
    const doc = await api.app.request(`/api/v1/documents/${res.body.document_id}/download`, {
      headers: { authorization: `Bearer ${t.syndic.token}` },
    })
    expect(doc.status).toBe(200)
    expect(new Uint8Array(await doc.arrayBuffer())).toEqual(SAMPLE_PDF)
    const meta = await api.request('GET', `/api/v1/documents/${res.body.document_id}`, {
      token: t.syndic.token,
    })
    expect(meta.body).toMatchObject({ related_expense_id: res.body.expenses[0].id, document_type: 'Invoice' })
    // A draft is not in the books.
    const tb = await api.request(
      'GET',
      `/api/v1/buildings/${t.building.id}/ledger/trial-balance?fiscal_year=2026`,
      {
        token: t.syndic.token,
      },
    )
    expect(tb.body.rows).toEqual([])
    // The seller became a supplier record (found by its numbers next time), named by the draft.
    expect(res.body).toMatchObject({ supplier_created: true, supplier_id: expect.any(String) })
    expect(res.body.expenses[0].supplier_id).toBe(res.body.supplier_id)
    const supplier = await api.request('GET', `/api/v1/suppliers/${res.body.supplier_id}`, {
      token: t.syndic.token,
    })
    expect(supplier.body).toMatchObject({
      name: 'Ascenseurs Dupont SRL',
      enterprise_number: '0123.456.749',
      vat_number: 'BE0123456749',
      iban: 'BE68539007547034',
    })
    const second = await importXml(
      t.building.id,
      t.syndic.token,
      peppolDocument({
        number: 'F2026-0043',
        lines: [{ name: 'Lift maintenance Q2', netCents: 100_000, rate: 21 }],
      }),
    )
    expect(second.body).toMatchObject({ supplier_created: false, supplier_id: res.body.supplier_id })
    // Approving it posts it like any expense.
    const approved = await api.request('POST', `/api/v1/expenses/${res.body.expenses[0].id}/approve`, {
      token: t.syndic.token,
      body: {},
    })
    expect(approved.status, approved.text).toBe(200)
    // Both imports are in the audit trail.
    const audit = await api.inspect.execute(
      `select action from audit_log where organization_id = '${t.org.id}' and action = 'expense.import_einvoice'`,
    )
    expect((audit as unknown as { rows: unknown[] }).rows ?? audit).toHaveLength(2)
  })

  it('a credit note becomes negative drafts', async () => {
    const t = await setup()
    const xml = peppolDocument({
      kind: 'credit-note',
      number: 'CN-7',
      lines: [{ name: 'Refund: visit not made', netCents: 10_000, rate: 21 }],
      pdf: null,
    })
    const res = await importXml(t.building.id, t.accountant.token, xml)
    expect(res.status, res.text).toBe(201)
    expect(res.body).toMatchObject({ kind: 'credit-note', due_date: '2026-04-30', document_id: null })
    expect(res.body.expenses).toEqual([
      expect.objectContaining({
        status: 'draft',
        category: 'Other',
        amount_cents: -12_100,
        amount_excl_vat_cents: -10_000,
        vat_cents: -2_100,
        vat_rate: 21,
        credit_note: true,
        invoice_number: 'CN-7',
      }),
    ])
  })

  it('several VAT rates: one draft per rate, summing to the total with VAT to the cent', async () => {
    const t = await setup()
    const xml = peppolDocument({
      lines: [
        { name: 'Boiler repair (renovation, 6 %)', netCents: 33_333, rate: 6 },
        { name: 'Spare valve', netCents: 1_999, rate: 21 },
        { name: 'Call-out fee', netCents: 5_001, rate: 21 },
        { name: 'Water analysis', netCents: 1_000, rate: 12 },
        { name: 'Deposit', netCents: 500, rate: 0 },
      ],
    })
    const res = await importXml(t.building.id, t.syndic.token, xml, { category: 'Repairs' })
    expect(res.status, res.text).toBe(201)
    // 6 %: 33 333 → 2 000 (1 999.98); 21 %: 7 000 → 1 470; 12 %: 1 000 → 120; 0 %: 500 → 0.
    expect(
      res.body.expenses.map((e: Record<string, unknown>) => [
        e.vat_rate,
        e.amount_excl_vat_cents,
        e.vat_cents,
        e.amount_cents,
      ]),
    ).toEqual([
      [21, 7_000, 1_470, 8_470],
      [12, 1_000, 120, 1_120],
      [6, 33_333, 2_000, 35_333],
      [0, 500, 0, 500],
    ])
    const sum = res.body.expenses.reduce((s: number, e: { amount_cents: number }) => s + e.amount_cents, 0)
    expect(sum).toBe(res.body.total_incl_vat_cents)
    expect(sum).toBe(45_423)
  })

  it('inconsistent totals are refused naming the element; nothing is written', async () => {
    const t = await setup()
    const lines = [{ name: 'Cleaning March', netCents: 50_000, rate: 21 }]
    const cases: [Record<string, number>, string][] = [
      [{ lineExtension: 50_001 }, 'cac:LegalMonetaryTotal/cbc:LineExtensionAmount'],
      [{ taxExclusive: 49_999 }, 'cac:LegalMonetaryTotal/cbc:TaxExclusiveAmount'],
      [{ taxTotal: 10_600 }, 'cac:TaxTotal/cbc:TaxAmount'],
      [{ taxInclusive: 60_600 }, 'cac:LegalMonetaryTotal/cbc:TaxInclusiveAmount'],
      [{ payable: 60_499 }, 'cac:LegalMonetaryTotal/cbc:PayableAmount'],
    ]
    for (const [override, element] of cases) {
      const res = await importXml(t.building.id, t.syndic.token, peppolDocument({ lines, override }))
      expect(res.status, element).toBe(400)
      expect(
        res.body.errors.map((e: { path: string }) => e.path),
        element,
      ).toContain(element)
    }
    // A rate Belgium does not have, and a currency the books do not keep.
    const french = await importXml(
      t.building.id,
      t.syndic.token,
      peppolDocument({ lines: [{ name: 'x', netCents: 100, rate: 20 }] }),
    )
    expect(french.status).toBe(400)
    expect(french.body.errors[0].path).toMatch(/cbc:Percent$/)
    const dollars = await importXml(t.building.id, t.syndic.token, peppolDocument({ lines, currency: 'USD' }))
    expect(dollars.status).toBe(400)
    expect(dollars.body.errors[0].path).toBe('cbc:DocumentCurrencyCode')
    expect(await expensesOf(t.building.id, t.syndic.token)).toEqual([])
    const docs = await api.request('GET', `/api/v1/documents?building_id=${t.building.id}`, {
      token: t.syndic.token,
    })
    expect(docs.body.data ?? docs.body).toHaveLength(0)
  })

  it('bad XML is refused with its line; a non-UBL root and a DOCTYPE too', async () => {
    const t = await setup()
    const broken = peppolDocument({ lines: [{ name: 'x', netCents: 100, rate: 21 }] }).replace(
      '</cbc:IssueDate>',
      '</cbc:IssueDat>',
    )
    const res = await importXml(t.building.id, t.syndic.token, broken)
    expect(res.status).toBe(400)
    expect(res.body.detail).toMatch(/line 8/)
    const order = await importXml(
      t.building.id,
      t.syndic.token,
      '<?xml version="1.0"?><Order><ID>1</ID></Order>',
    )
    expect(order.status).toBe(400)
    expect(order.body.detail).toMatch(/neither a UBL Invoice nor a CreditNote/)
    const bomb = await importXml(
      t.building.id,
      t.syndic.token,
      '<?xml version="1.0"?><!DOCTYPE Invoice [<!ENTITY a "aaaa">]><Invoice>&a;</Invoice>',
    )
    expect(bomb.status).toBe(400)
    const amount = await importXml(
      t.building.id,
      t.syndic.token,
      peppolDocument({ lines: [{ name: 'x', netCents: 100, rate: 21 }] }).replace(
        '>1.00</cbc:LineExtensionAmount>\n    <cac:Item>',
        '>1.001</cbc:LineExtensionAmount>\n    <cac:Item>',
      ),
    )
    expect(amount.status).toBe(400)
    expect(amount.body.errors[0].path).toBe('cac:InvoiceLine[1]/cbc:LineExtensionAmount')
    expect(await expensesOf(t.building.id, t.syndic.token)).toEqual([])
  })

  it('the same invoice imported twice is refused (409 naming the expense, in four languages); nothing changes', async () => {
    const t = await setup()
    const xml = peppolDocument({ lines: [{ name: 'Lift maintenance Q1', netCents: 100_000, rate: 21 }] })
    const first = await importXml(t.building.id, t.syndic.token, xml)
    expect(first.status, first.text).toBe(201)
    const expenseId = first.body.expenses[0].id as string
    const counts = async () =>
      (
        (await api.inspect.execute(
          `select (select count(*) from expenses where organization_id = '${t.org.id}')::int as expenses,
            (select count(*) from documents where organization_id = '${t.org.id}')::int as documents,
            (select count(*) from suppliers where organization_id = '${t.org.id}')::int as suppliers,
            (select count(*) from audit_log where organization_id = '${t.org.id}')::int as audit`,
        )) as { rows: Record<string, number>[] }
      ).rows[0]
    const before = await counts()
    const again = async (body: string, language: string) => {
      const form = new FormData()
      form.set('file', new File([body], 'invoice.xml', { type: 'application/xml' }))
      const res = await api.app.request(`/api/v1/buildings/${t.building.id}/expenses/import`, {
        method: 'POST',
        headers: { authorization: `Bearer ${t.syndic.token}`, 'accept-language': language },
        body: form,
      })
      // biome-ignore lint/suspicious/noExplicitAny: tests read arbitrary JSON bodies
      return { status: res.status, body: (await res.json()) as any }
    }
    const link = `/api/v1/expenses/${expenseId}`
    const expected: Record<string, string> = {
      en: `Invoice F2026-0042 of 2026-03-15 was already imported: expense ${expenseId} (${link}); nothing was imported`,
      fr: `La facture F2026-0042 du 2026-03-15 a déjà été importée : dépense ${expenseId} (${link}) ; rien n’a été importé`,
      nl: `Factuur F2026-0042 van 2026-03-15 werd al ingelezen: uitgave ${expenseId} (${link}); er werd niets ingelezen`,
      de: `Rechnung F2026-0042 vom 2026-03-15 wurde bereits importiert: Ausgabe ${expenseId} (${link}); nichts wurde importiert`,
    }
    for (const [language, detail] of Object.entries(expected)) {
      const res = await again(xml, language)
      expect(res.status, JSON.stringify(res.body)).toBe(409)
      expect(res.body).toMatchObject({
        code: 'einvoice_already_imported',
        detail,
        params: { expenseId, link, number: 'F2026-0042' },
      })
    }
    // The same document in another file (other line text, same supplier, number and date): refused too.
    const reworded = peppolDocument({
      lines: [{ name: 'Entretien ascenseur T1', netCents: 100_000, rate: 21 }],
    })
    expect((await again(reworded, 'en')).status).toBe(409)
    expect(await counts()).toEqual(before)
    expect(await expensesOf(t.building.id, t.syndic.token)).toHaveLength(1)
    // A credit note with the invoice's number is another document: imported.
    const note = peppolDocument({
      kind: 'credit-note',
      lines: [{ name: 'Lift maintenance Q1', netCents: 100_000, rate: 21 }],
    })
    const credit = await importXml(t.building.id, t.syndic.token, note)
    expect(credit.status, credit.text).toBe(201)
    const noteAgain = await again(note, 'nl')
    expect(noteAgain.status).toBe(409)
    expect(noteAgain.body.detail).toContain(
      `Creditnota F2026-0042 van 2026-03-15 werd al ingelezen: uitgave ${credit.body.expenses[0].id}`,
    )
    // Another building of the tenant is another buyer: the same invoice may be imported there.
    const other = await fx.building(t.syndic.token)
    expect((await importXml(other.id, t.syndic.token, xml)).status).toBe(201)
  })

  it('owners get 403; another tenant’s building 404', async () => {
    const t = await setup()
    const other = await api.tenant()
    const xml = peppolDocument({ lines: [{ name: 'x', netCents: 100, rate: 21 }] })
    expect((await importXml(t.building.id, t.owner.token, xml)).status).toBe(403)
    expect((await importXml(t.building.id, other.syndic.token, xml)).status).toBe(404)
    expect(await expensesOf(t.building.id, t.syndic.token)).toEqual([])
  })

  it('the parser reads a default-namespace document as a prefixed one (prefixes dropped)', () => {
    const prefixed = peppolDocument({ lines: [{ name: 'x', netCents: 1_234, rate: 6 }] })
    const parsed = parseUblInvoice(prefixed)
    expect(parsed.ok && parsed.value.totals.taxInclusiveCents).toBe(1_234 + 74)
  })
})
