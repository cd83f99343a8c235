import { describe, expect, it } from 'vitest'
import { checkEInvoice, type EInvoice, expenseDraftsOf } from './einvoice.ts'

// EN 16931 calculation rules as Peppol BIS Billing 3.0 applies them (docs.peppol.eu/poacc/billing/3.0).
function invoice(over: Partial<EInvoice> = {}): EInvoice {
  return {
    kind: 'invoice',
    number: 'F1',
    issueDate: '2026-03-15',
    dueDate: null,
    currency: 'EUR',
    supplier: { name: 'S', enterpriseNumber: null, vatNumber: null, iban: null },
    lines: [
      { id: '1', name: 'a', netCents: 10_000, vatCategory: 'S', vatRate: 21 },
      { id: '2', name: 'b', netCents: 3_333, vatCategory: 'S', vatRate: 6 },
    ],
    allowanceCharges: [{ charge: false, amountCents: 1_000, vatCategory: 'S', vatRate: 21 }],
    vatBreakdown: [
      { vatCategory: 'S', vatRate: 21, taxableCents: 9_000, taxCents: 1_890 },
      { vatCategory: 'S', vatRate: 6, taxableCents: 3_333, taxCents: 200 },
    ],
    taxTotalCents: 2_090,
    totals: {
      lineExtensionCents: 13_333,
      taxExclusiveCents: 12_333,
      taxInclusiveCents: 14_423,
      allowanceTotalCents: 1_000,
      chargeTotalCents: 0,
      prepaidCents: 1_000,
      roundingCents: 0,
      payableCents: 13_423,
    },
    attachment: null,
    ...over,
  }
}

describe('checkEInvoice', () => {
  it('accepts consistent totals with a document-level allowance and a prepaid amount', () => {
    expect(checkEInvoice(invoice()).ok).toBe(true)
  })

  it('names the per-rate taxable amount when an allowance is forgotten (BR-S-08)', () => {
    const bad = invoice({
      vatBreakdown: [
        { vatCategory: 'S', vatRate: 21, taxableCents: 10_000, taxCents: 2_100 },
        { vatCategory: 'S', vatRate: 6, taxableCents: 3_333, taxCents: 200 },
      ],
    })
    const r = checkEInvoice(bad)
    expect(!r.ok && r.error.kind === 'validation' && r.error.issues.map((i) => i.path)).toContain(
      'cac:TaxSubtotal[S 21%]/cbc:TaxableAmount',
    )
  })

  it('refuses a tax two cents off its rate (BR-CO-17)', () => {
    const r = checkEInvoice(
      invoice({
        vatBreakdown: [
          { vatCategory: 'S', vatRate: 21, taxableCents: 9_000, taxCents: 1_892 },
          { vatCategory: 'S', vatRate: 6, taxableCents: 3_333, taxCents: 200 },
        ],
        taxTotalCents: 2_092,
        totals: { ...invoice().totals, taxInclusiveCents: 14_425, payableCents: 13_425 },
      }),
    )
    expect(!r.ok && r.error.kind === 'validation' && r.error.issues.map((i) => i.path)).toEqual([
      'cac:TaxSubtotal[S 21%]/cbc:TaxAmount',
    ])
  })
})

describe('expenseDraftsOf', () => {
  it('one draft per rate, summing to the total with VAT; a credit note is negative', () => {
    const drafts = expenseDraftsOf(invoice())
    expect(drafts.map((d) => [d.vatRate, d.amountExclVatCents, d.vatCents])).toEqual([
      [21, 9_000, 1_890],
      [6, 3_333, 200],
    ])
    expect(drafts.reduce((s, d) => s + d.amountExclVatCents + d.vatCents, 0)).toBe(14_423)
    const credit = expenseDraftsOf(invoice({ kind: 'credit-note' }))
    expect(credit.every((d) => d.creditNote && d.amountExclVatCents < 0 && d.vatCents <= 0)).toBe(true)
  })
})
