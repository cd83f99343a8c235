import {
  DomainErrors,
  type EInvoice,
  type EInvoiceAllowanceCharge,
  type EInvoiceLine,
  type EInvoiceVatBreakdown,
  err,
  type FieldIssue,
  ok,
  type Result,
} from '@koprogo/domain'
import { XMLParser, XMLValidator } from 'fast-xml-parser'

/*
 * Reads a UBL 2.1 Invoice or CreditNote, as Peppol BIS Billing 3.0 profiles them
 * (docs.peppol.eu/poacc/billing/3.0/syntax/ubl-invoice/ and …/ubl-creditnote/), into the domain's
 * EInvoice in integer cents. fast-xml-parser checks the XML is well formed (a bad file is refused
 * with its line); namespace prefixes are dropped, so `cbc:ID` and a default-namespace `ID` read
 * the same. A DOCTYPE is refused: an invoice has none, and refusing it rules out entity expansion.
 * The arithmetic is checked by the domain (checkEInvoice), not here.
 */

type Node = Record<string, unknown>

const ARRAYS = new Set([
  'InvoiceLine',
  'CreditNoteLine',
  'TaxTotal',
  'TaxSubtotal',
  'AllowanceCharge',
  'AdditionalDocumentReference',
  'PaymentMeans',
  'PartyTaxScheme',
  'PartyIdentification',
])

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  processEntities: false,
  isArray: (name) => ARRAYS.has(name),
})

const obj = (v: unknown): Node | undefined =>
  v && typeof v === 'object' && !Array.isArray(v) ? (v as Node) : undefined
const list = (v: unknown): Node[] =>
  Array.isArray(v) ? v.map(obj).filter((n): n is Node => !!n) : obj(v) ? [obj(v) as Node] : []
const at = (node: Node | undefined, ...path: string[]): unknown =>
  path.reduce<unknown>((n, key) => (obj(n) ? (n as Node)[key] : undefined), node)

/** An element's text: a plain value, or the '#text' of one with attributes. */
function text(v: unknown): string | null {
  if (typeof v === 'string') return v
  if (typeof v === 'number') return String(v)
  const n = obj(v)
  if (n && (typeof n['#text'] === 'string' || typeof n['#text'] === 'number')) return String(n['#text'])
  return null
}
const attr = (v: unknown, name: string): string | null => {
  const a = obj(v)?.[`@_${name}`]
  return typeof a === 'string' ? a : null
}

/** Collects issues while reading; each names the element as the spec writes it. */
class Reader {
  readonly issues: FieldIssue[] = []

  required(v: unknown, path: string): string {
    const t = text(v)
    if (t === null || t === '') this.issues.push({ path, message: 'is required' })
    return t ?? ''
  }

  /** A UBL amount: at most two decimals (BR-DEC-*), read into integer cents exactly. */
  cents(v: unknown, path: string, options: { optional?: boolean } = {}): number {
    const t = text(v)
    if (t === null || t === '') {
      if (!options.optional) this.issues.push({ path, message: 'is required' })
      return 0
    }
    const m = /^([+-]?)(\d{1,13})(?:\.(\d{1,2}))?$/.exec(t)
    if (!m) {
      this.issues.push({ path, message: `"${t}" is not an amount with at most two decimals (BR-DEC)` })
      return 0
    }
    const value = Number(m[2]) * 100 + Number((m[3] ?? '').padEnd(2, '0'))
    return m[1] === '-' ? -value : value
  }

  percent(v: unknown, path: string): number {
    const t = text(v)
    if (t === null || t === '') return 0
    const n = Number(t)
    if (!Number.isFinite(n)) this.issues.push({ path, message: `"${t}" is not a percentage` })
    return Number.isFinite(n) ? n : 0
  }

  date(v: unknown, path: string, options: { optional?: boolean } = {}): string | null {
    const t = text(v)
    if (t === null || t === '') {
      if (!options.optional) this.issues.push({ path, message: 'is required' })
      return null
    }
    if (!/^\d{4}-\d{2}-\d{2}$/.test(t)) this.issues.push({ path, message: `"${t}" is not a date YYYY-MM-DD` })
    return t
  }
}

function fromBase64(value: string): Uint8Array | null {
  try {
    const binary = atob(value.replace(/\s+/g, ''))
    const bytes = new Uint8Array(binary.length)
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i)
    return bytes
  } catch {
    return null
  }
}

/** A Belgian enterprise number's 10 digits from a 0208 identifier or a BE VAT number. */
function belgianEnterpriseNumber(party: Node | undefined): { enterprise: string | null; vat: string | null } {
  const vatIds = list(at(party, 'PartyTaxScheme')).map((s) => text(s.CompanyID)?.replace(/[\s.]/g, '') ?? '')
  const vat = vatIds.find((v) => /^[A-Z]{2}/.test(v)) ?? null
  const ids = [at(party, 'PartyLegalEntity', 'CompanyID'), at(party, 'EndpointID')]
  for (const identification of list(at(party, 'PartyIdentification'))) ids.push(identification.ID)
  for (const id of ids) {
    if (attr(id, 'schemeID') === '0208') {
      const digits = (text(id) ?? '').replace(/\D/g, '')
      if (digits.length === 10) return { enterprise: digits, vat }
    }
  }
  const be = vat && /^BE(\d{10})$/.exec(vat)
  return { enterprise: be ? (be[1] ?? null) : null, vat }
}

/** The file as an EInvoice, or a 400 naming the line (bad XML) or the elements (missing, malformed). */
export function parseUblInvoice(xml: string): Result<EInvoice> {
  if (/<!DOCTYPE/i.test(xml)) return err(DomainErrors.invalidField('file', 'an e-invoice has no DOCTYPE'))
  const valid = XMLValidator.validate(xml)
  if (valid !== true) {
    return err(
      DomainErrors.invalidField(
        'file',
        `not well-formed XML at line ${valid.err.line}, column ${valid.err.col}: ${valid.err.msg}`,
      ),
    )
  }
  const doc = parser.parse(xml) as Node
  const kind = obj(doc.Invoice) ? 'invoice' : obj(doc.CreditNote) ? 'credit-note' : null
  if (!kind) {
    return err(
      DomainErrors.invalidField('file', 'the root element is neither a UBL Invoice nor a CreditNote'),
    )
  }
  const root = (kind === 'invoice' ? doc.Invoice : doc.CreditNote) as Node
  const r = new Reader()
  const lineTag = kind === 'invoice' ? 'InvoiceLine' : 'CreditNoteLine'
  const lines: EInvoiceLine[] = list(root[lineTag]).map((l, i) => {
    const path = `cac:${lineTag}[${i + 1}]`
    const category = at(l, 'Item', 'ClassifiedTaxCategory') as Node | undefined
    return {
      id: text(l.ID) ?? String(i + 1),
      name: text(at(l, 'Item', 'Name')) ?? '',
      netCents: r.cents(l.LineExtensionAmount, `${path}/cbc:LineExtensionAmount`),
      vatCategory: r.required(at(category, 'ID'), `${path}/cac:Item/cac:ClassifiedTaxCategory/cbc:ID`),
      vatRate: r.percent(at(category, 'Percent'), `${path}/cac:Item/cac:ClassifiedTaxCategory/cbc:Percent`),
    }
  })
  const allowanceCharges: EInvoiceAllowanceCharge[] = list(root.AllowanceCharge).map((a, i) => {
    const path = `cac:AllowanceCharge[${i + 1}]`
    return {
      charge: text(a.ChargeIndicator) === 'true',
      amountCents: r.cents(a.Amount, `${path}/cbc:Amount`),
      vatCategory: r.required(at(a, 'TaxCategory', 'ID'), `${path}/cac:TaxCategory/cbc:ID`),
      vatRate: r.percent(at(a, 'TaxCategory', 'Percent'), `${path}/cac:TaxCategory/cbc:Percent`),
    }
  })
  // PEPPOL-EN16931-R053: one TaxTotal carries the subtotals (another, in the accounting currency, may not).
  const taxTotals = list(root.TaxTotal)
  const taxTotal = taxTotals.find((t) => list(t.TaxSubtotal).length > 0) ?? taxTotals[0]
  const vatBreakdown: EInvoiceVatBreakdown[] = list(taxTotal?.TaxSubtotal).map((s, i) => {
    const path = `cac:TaxSubtotal[${i + 1}]`
    return {
      vatCategory: r.required(at(s, 'TaxCategory', 'ID'), `${path}/cac:TaxCategory/cbc:ID`),
      vatRate: r.percent(at(s, 'TaxCategory', 'Percent'), `${path}/cac:TaxCategory/cbc:Percent`),
      taxableCents: r.cents(s.TaxableAmount, `${path}/cbc:TaxableAmount`),
      taxCents: r.cents(s.TaxAmount, `${path}/cbc:TaxAmount`),
    }
  })
  const mt = obj(root.LegalMonetaryTotal)
  const MT = 'cac:LegalMonetaryTotal'
  const totals = {
    lineExtensionCents: r.cents(mt?.LineExtensionAmount, `${MT}/cbc:LineExtensionAmount`),
    taxExclusiveCents: r.cents(mt?.TaxExclusiveAmount, `${MT}/cbc:TaxExclusiveAmount`),
    taxInclusiveCents: r.cents(mt?.TaxInclusiveAmount, `${MT}/cbc:TaxInclusiveAmount`),
    allowanceTotalCents: r.cents(mt?.AllowanceTotalAmount, `${MT}/cbc:AllowanceTotalAmount`, {
      optional: true,
    }),
    chargeTotalCents: r.cents(mt?.ChargeTotalAmount, `${MT}/cbc:ChargeTotalAmount`, { optional: true }),
    prepaidCents: r.cents(mt?.PrepaidAmount, `${MT}/cbc:PrepaidAmount`, { optional: true }),
    roundingCents: r.cents(mt?.PayableRoundingAmount, `${MT}/cbc:PayableRoundingAmount`, { optional: true }),
    payableCents: r.cents(mt?.PayableAmount, `${MT}/cbc:PayableAmount`),
  }
  const party = at(root, 'AccountingSupplierParty', 'Party') as Node | undefined
  const ids = belgianEnterpriseNumber(party)
  const payment = list(root.PaymentMeans)
  const iban = payment.map((p) => text(at(p, 'PayeeFinancialAccount', 'ID'))).find(Boolean) ?? null
  const dueDate =
    kind === 'invoice'
      ? r.date(root.DueDate, 'cbc:DueDate', { optional: true })
      : r.date(payment.map((p) => p.PaymentDueDate).find(Boolean), 'cac:PaymentMeans/cbc:PaymentDueDate', {
          optional: true,
        })
  const attachmentNode = list(root.AdditionalDocumentReference)
    .map((d) => at(d, 'Attachment', 'EmbeddedDocumentBinaryObject'))
    .find((b) => attr(b, 'mimeCode') === 'application/pdf')
  let attachment: EInvoice['attachment'] = null
  if (attachmentNode) {
    const path = 'cac:AdditionalDocumentReference/cac:Attachment/cbc:EmbeddedDocumentBinaryObject'
    const bytes = fromBase64(text(attachmentNode) ?? '')
    // %PDF- : a "PDF" that is not one is refused, not stored.
    if (!bytes || !(bytes[0] === 0x25 && bytes[1] === 0x50 && bytes[2] === 0x44 && bytes[3] === 0x46))
      r.issues.push({ path, message: 'is not a base64 PDF' })
    else
      attachment = {
        filename: attr(attachmentNode, 'filename') ?? 'invoice.pdf',
        mimeCode: 'application/pdf',
        bytes,
      }
  }
  const number = r.required(root.ID, 'cbc:ID')
  const issueDate = r.date(root.IssueDate, 'cbc:IssueDate') ?? ''
  const currency = r.required(root.DocumentCurrencyCode, 'cbc:DocumentCurrencyCode')
  const supplierName =
    text(at(party, 'PartyLegalEntity', 'RegistrationName')) ?? text(at(party, 'PartyName', 'Name')) ?? ''
  if (!supplierName)
    r.issues.push({
      path: 'cac:AccountingSupplierParty/cac:Party/cac:PartyLegalEntity/cbc:RegistrationName',
      message: 'is required (BR-6)',
    })
  const taxTotalCents = r.cents(taxTotal?.TaxAmount, 'cac:TaxTotal/cbc:TaxAmount')
  if (r.issues.length > 0)
    return err(DomainErrors.validation(`The e-invoice is incomplete: ${r.issues[0]?.path}`, r.issues))
  return ok({
    kind,
    number,
    issueDate,
    dueDate,
    currency,
    supplier: { name: supplierName, enterpriseNumber: ids.enterprise, vatNumber: ids.vat, iban },
    lines,
    allowanceCharges,
    vatBreakdown,
    taxTotalCents,
    totals,
    attachment,
  })
}
