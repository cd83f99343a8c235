import { DomainErrors, type FieldIssue } from '../../shared/domain-error.ts'
import { err, ok, type Result } from '../../shared/result.ts'
import { isVatRate, VAT_RATES, type VatRate } from '../expense-vat.ts'

/*
 * A structured supplier invoice, UBL 2.1 as profiled by Peppol BIS Billing 3.0
 * (docs.peppol.eu/poacc/billing/3.0, the CIUS of the European standard EN 16931), read into
 * integer cents by the parser (functions/expenses/einvoice-ubl.ts). This module checks its
 * arithmetic with the standard's own business rules, naming the UBL element at fault, and maps it
 * onto draft expenses. Credit notes (UBL CreditNote, type code 381) carry positive amounts in the
 * XML; they become negative expenses here.
 */

export const EINVOICE_KINDS = ['invoice', 'credit-note'] as const
export type EInvoiceKind = (typeof EINVOICE_KINDS)[number]

export type EInvoiceLine = {
  readonly id: string
  readonly name: string
  /** BT-131 Invoice line net amount (cbc:LineExtensionAmount of the line). */
  readonly netCents: number
  /** BT-151 / BT-152: the line's VAT category code (S, Z, E, AE…) and rate. */
  readonly vatCategory: string
  readonly vatRate: number
}

/** Document-level allowance (ChargeIndicator false) or charge (true), BG-20 / BG-21. */
export type EInvoiceAllowanceCharge = {
  readonly charge: boolean
  readonly amountCents: number
  readonly vatCategory: string
  readonly vatRate: number
}

/** BG-23 VAT breakdown: one per category and rate (cac:TaxTotal/cac:TaxSubtotal). */
export type EInvoiceVatBreakdown = {
  readonly vatCategory: string
  readonly vatRate: number
  /** BT-116 */
  readonly taxableCents: number
  /** BT-117 */
  readonly taxCents: number
}

export type EInvoiceParty = {
  readonly name: string
  /** Belgian enterprise number digits (10), from a 0208 identifier or the BE VAT number. */
  readonly enterpriseNumber: string | null
  /** BT-31 Seller VAT identifier, e.g. BE0123456749. */
  readonly vatNumber: string | null
  readonly iban: string | null
}

export type EInvoiceAttachment = {
  readonly filename: string
  readonly mimeCode: string
  readonly bytes: Uint8Array
}

export type EInvoice = {
  readonly kind: EInvoiceKind
  /** BT-1 */
  readonly number: string
  /** BT-2, YYYY-MM-DD */
  readonly issueDate: string
  /** BT-9 */
  readonly dueDate: string | null
  /** BT-5 */
  readonly currency: string
  readonly supplier: EInvoiceParty
  readonly lines: readonly EInvoiceLine[]
  readonly allowanceCharges: readonly EInvoiceAllowanceCharge[]
  readonly vatBreakdown: readonly EInvoiceVatBreakdown[]
  /** BT-110 cac:TaxTotal/cbc:TaxAmount */
  readonly taxTotalCents: number
  /** BG-22 cac:LegalMonetaryTotal */
  readonly totals: {
    readonly lineExtensionCents: number
    readonly taxExclusiveCents: number
    readonly taxInclusiveCents: number
    readonly allowanceTotalCents: number
    readonly chargeTotalCents: number
    readonly prepaidCents: number
    readonly roundingCents: number
    readonly payableCents: number
  }
  /** The invoice's PDF rendering (BG-24 cbc:EmbeddedDocumentBinaryObject), when sent. */
  readonly attachment: EInvoiceAttachment | null
}

const MT = 'cac:LegalMonetaryTotal'
const sum = (values: readonly number[]) => values.reduce((s, v) => s + v, 0)
const rateKey = (category: string, rate: number) => `${category}/${rate}`

/**
 * EN 16931 calculation rules, in integer cents (so the schematron's "rounded to two decimals" is
 * exact): BR-CO-10, -11, -12, -13, -14, -15, -16, the per-category taxable amounts (BR-S-08,
 * BR-Z-08, BR-E-08, BR-AE-08…) and BR-CO-17 (tax = taxable × rate / 100, rounded to the cent:
 * either rounding is accepted, as the expense VAT check does). Belgian rates only (0, 6, 12,
 * 21 %): an expense carries one of them. Every issue names the element at fault.
 */
export function checkEInvoice(invoice: EInvoice): Result<EInvoice> {
  const issues: FieldIssue[] = []
  const issue = (path: string, message: string) => issues.push({ path, message })
  const t = invoice.totals
  if (invoice.currency !== 'EUR')
    issue(
      'cbc:DocumentCurrencyCode',
      `must be EUR (the association's books are in euros), got ${invoice.currency}`,
    )
  if (invoice.lines.length === 0) issue('cac:InvoiceLine', 'an invoice has at least one line (BR-16)')
  const lineSum = sum(invoice.lines.map((l) => l.netCents))
  if (lineSum !== t.lineExtensionCents)
    issue(
      `${MT}/cbc:LineExtensionAmount`,
      `${t.lineExtensionCents} ≠ Σ line net amounts ${lineSum} (BR-CO-10)`,
    )
  const allowances = sum(invoice.allowanceCharges.filter((a) => !a.charge).map((a) => a.amountCents))
  const charges = sum(invoice.allowanceCharges.filter((a) => a.charge).map((a) => a.amountCents))
  if (allowances !== t.allowanceTotalCents)
    issue(
      `${MT}/cbc:AllowanceTotalAmount`,
      `${t.allowanceTotalCents} ≠ Σ allowances ${allowances} (BR-CO-11)`,
    )
  if (charges !== t.chargeTotalCents)
    issue(`${MT}/cbc:ChargeTotalAmount`, `${t.chargeTotalCents} ≠ Σ charges ${charges} (BR-CO-12)`)
  const exclusive = t.lineExtensionCents - t.allowanceTotalCents + t.chargeTotalCents
  if (t.taxExclusiveCents !== exclusive)
    issue(
      `${MT}/cbc:TaxExclusiveAmount`,
      `${t.taxExclusiveCents} ≠ lines − allowances + charges ${exclusive} (BR-CO-13)`,
    )
  const taxSum = sum(invoice.vatBreakdown.map((v) => v.taxCents))
  if (invoice.taxTotalCents !== taxSum)
    issue(
      'cac:TaxTotal/cbc:TaxAmount',
      `${invoice.taxTotalCents} ≠ Σ cac:TaxSubtotal/cbc:TaxAmount ${taxSum} (BR-CO-14)`,
    )
  const inclusive = t.taxExclusiveCents + invoice.taxTotalCents
  if (t.taxInclusiveCents !== inclusive)
    issue(
      `${MT}/cbc:TaxInclusiveAmount`,
      `${t.taxInclusiveCents} ≠ total without VAT + VAT ${inclusive} (BR-CO-15)`,
    )
  const payable = t.taxInclusiveCents - t.prepaidCents + t.roundingCents
  if (t.payableCents !== payable)
    issue(
      `${MT}/cbc:PayableAmount`,
      `${t.payableCents} ≠ total with VAT − prepaid + rounding ${payable} (BR-CO-16)`,
    )
  // Per VAT category and rate: the breakdown's taxable amount is what the lines and the
  // document-level allowances/charges of that category and rate add up to.
  const expected = new Map<string, number>()
  for (const l of invoice.lines)
    expected.set(
      rateKey(l.vatCategory, l.vatRate),
      (expected.get(rateKey(l.vatCategory, l.vatRate)) ?? 0) + l.netCents,
    )
  for (const a of invoice.allowanceCharges) {
    const key = rateKey(a.vatCategory, a.vatRate)
    expected.set(key, (expected.get(key) ?? 0) + (a.charge ? a.amountCents : -a.amountCents))
  }
  const seen = new Set<string>()
  for (const v of invoice.vatBreakdown) {
    const key = rateKey(v.vatCategory, v.vatRate)
    const path = `cac:TaxSubtotal[${v.vatCategory} ${v.vatRate}%]`
    seen.add(key)
    if (!isVatRate(v.vatRate))
      issue(
        `${path}/cac:TaxCategory/cbc:Percent`,
        `${v.vatRate} is not a Belgian VAT rate (${VAT_RATES.join(', ')})`,
      )
    if ((expected.get(key) ?? 0) !== v.taxableCents)
      issue(
        `${path}/cbc:TaxableAmount`,
        `${v.taxableCents} ≠ Σ of its lines, allowances and charges ${expected.get(key) ?? 0} (BR-${v.vatCategory}-08)`,
      )
    const exact = v.taxableCents * v.vatRate
    if (Math.abs(v.taxCents * 100 - exact) > 99)
      issue(`${path}/cbc:TaxAmount`, `${v.taxCents} ≠ taxable × ${v.vatRate} % rounded (BR-CO-17)`)
  }
  for (const key of expected.keys())
    if (!seen.has(key))
      issue(
        'cac:TaxTotal/cac:TaxSubtotal',
        `no VAT breakdown for the lines of category/rate ${key} (BR-CO-18)`,
      )
  if (issues.length > 0)
    return err(DomainErrors.validation(`The e-invoice's totals are inconsistent: ${issues[0]?.path}`, issues))
  return ok(invoice)
}

/** What one draft expense of an imported invoice holds: one per VAT rate (an expense has one rate). */
export type EInvoiceExpenseDraft = {
  readonly description: string
  readonly amountExclVatCents: number
  readonly vatRate: VatRate
  readonly vatCents: number
  readonly creditNote: boolean
}

/**
 * The draft expenses of a checked invoice: one per VAT rate of its breakdown (the rate's taxable
 * amount and tax), negative for a credit note. Σ (excl + VAT) = BT-112, the total with VAT.
 */
export function expenseDraftsOf(invoice: EInvoice): readonly EInvoiceExpenseDraft[] {
  const sign = invoice.kind === 'credit-note' ? -1 : 1
  const byRate = new Map<VatRate, { excl: number; vat: number; names: string[] }>()
  for (const v of invoice.vatBreakdown) {
    if (!isVatRate(v.vatRate)) continue
    const entry = byRate.get(v.vatRate) ?? { excl: 0, vat: 0, names: [] }
    entry.excl += v.taxableCents
    entry.vat += v.taxCents
    byRate.set(v.vatRate, entry)
  }
  for (const l of invoice.lines) byRate.get(l.vatRate as VatRate)?.names.push(l.name)
  const several = byRate.size > 1
  return [...byRate]
    .filter(([, e]) => e.excl !== 0 || e.vat !== 0)
    .sort(([a], [b]) => b - a)
    .map(([rate, e]) => {
      const what = e.names.filter(Boolean).slice(0, 3).join(', ') || invoice.number
      const head = `${invoice.kind === 'credit-note' ? 'Credit note' : 'Invoice'} ${invoice.number}`
      return {
        description: `${head}${several ? ` (VAT ${rate} %)` : ''}: ${what}`.slice(0, 500),
        amountExclVatCents: sign * e.excl,
        vatRate: rate,
        vatCents: sign * e.vat,
        creditNote: sign < 0,
      }
    })
}
