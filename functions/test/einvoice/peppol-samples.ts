/*
 * Hand-built Peppol BIS Billing 3.0 documents (docs.peppol.eu/poacc/billing/3.0): the UBL 2.1
 * Invoice and CreditNote syntax with the elements the spec's examples carry (CustomizationID,
 * ProfileID, parties with their 0208 enterprise numbers and BE VAT numbers, PaymentMeans with the
 * IBAN, TaxTotal with one TaxSubtotal per category and rate, LegalMonetaryTotal, lines with
 * ClassifiedTaxCategory). Amounts are given in cents and written with two decimals, so a test can
 * make them consistent or break exactly one total.
 */

export type SampleLine = { readonly name: string; readonly netCents: number; readonly rate: number }

export type SampleOptions = {
  readonly kind?: 'invoice' | 'credit-note'
  readonly number?: string
  readonly issueDate?: string
  readonly lines: readonly SampleLine[]
  /** Override computed totals to make the file inconsistent. */
  readonly override?: Partial<
    Record<'lineExtension' | 'taxExclusive' | 'taxInclusive' | 'payable' | 'taxTotal', number>
  >
  readonly pdf?: Uint8Array | null
  readonly currency?: string
}

export const SAMPLE_PDF = new TextEncoder().encode(
  '%PDF-1.4\n% e-invoice rendering\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n',
)

const amount = (cents: number) => {
  const sign = cents < 0 ? '-' : ''
  const abs = Math.abs(cents)
  return `${sign}${Math.trunc(abs / 100)}.${String(abs % 100).padStart(2, '0')}`
}

/** VAT of a taxable amount at a rate, rounded half up to the cent (BR-CO-17). */
export const vatOf = (taxable: number, rate: number) => Math.round((taxable * rate) / 100)

export function totalsOf(lines: readonly SampleLine[]) {
  const rates = [...new Set(lines.map((l) => l.rate))].sort((a, b) => b - a)
  const breakdown = rates.map((rate) => {
    const taxable = lines.filter((l) => l.rate === rate).reduce((s, l) => s + l.netCents, 0)
    return { rate, taxable, tax: vatOf(taxable, rate) }
  })
  const lineExtension = lines.reduce((s, l) => s + l.netCents, 0)
  const taxTotal = breakdown.reduce((s, b) => s + b.tax, 0)
  return { breakdown, lineExtension, taxTotal, taxInclusive: lineExtension + taxTotal }
}

export function peppolDocument(options: SampleOptions): string {
  const kind = options.kind ?? 'invoice'
  const root = kind === 'invoice' ? 'Invoice' : 'CreditNote'
  const lineTag = kind === 'invoice' ? 'InvoiceLine' : 'CreditNoteLine'
  const qtyTag = kind === 'invoice' ? 'InvoicedQuantity' : 'CreditedQuantity'
  const cur = options.currency ?? 'EUR'
  const t = totalsOf(options.lines)
  const o = options.override ?? {}
  const category = (rate: number) => (rate === 0 ? 'Z' : 'S')
  const pdf = options.pdf === undefined ? SAMPLE_PDF : options.pdf
  const pdfBase64 = pdf ? btoa(String.fromCharCode(...pdf)) : null
  return `<?xml version="1.0" encoding="UTF-8"?>
<${root} xmlns="urn:oasis:names:specification:ubl:schema:xsd:${root}-2"
  xmlns:cac="urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2"
  xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2">
  <cbc:CustomizationID>urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0</cbc:CustomizationID>
  <cbc:ProfileID>urn:fdc:peppol.eu:2017:poacc:billing:01:1.0</cbc:ProfileID>
  <cbc:ID>${options.number ?? 'F2026-0042'}</cbc:ID>
  <cbc:IssueDate>${options.issueDate ?? '2026-03-15'}</cbc:IssueDate>
  ${kind === 'invoice' ? '<cbc:DueDate>2026-04-14</cbc:DueDate>' : ''}
  <cbc:${kind === 'invoice' ? 'InvoiceTypeCode' : 'CreditNoteTypeCode'}>${kind === 'invoice' ? '380' : '381'}</cbc:${kind === 'invoice' ? 'InvoiceTypeCode' : 'CreditNoteTypeCode'}>
  <cbc:DocumentCurrencyCode>${cur}</cbc:DocumentCurrencyCode>
  <cbc:BuyerReference>ACP Résidence Europe</cbc:BuyerReference>
  ${
    pdfBase64
      ? `<cac:AdditionalDocumentReference>
    <cbc:ID>${options.number ?? 'F2026-0042'}</cbc:ID>
    <cac:Attachment>
      <cbc:EmbeddedDocumentBinaryObject mimeCode="application/pdf" filename="F2026-0042.pdf">${pdfBase64}</cbc:EmbeddedDocumentBinaryObject>
    </cac:Attachment>
  </cac:AdditionalDocumentReference>`
      : ''
  }
  <cac:AccountingSupplierParty>
    <cac:Party>
      <cbc:EndpointID schemeID="0208">0123456749</cbc:EndpointID>
      <cac:PartyName><cbc:Name>Ascenseurs Dupont</cbc:Name></cac:PartyName>
      <cac:PostalAddress>
        <cbc:StreetName>Rue Haute 12</cbc:StreetName>
        <cbc:CityName>Bruxelles</cbc:CityName>
        <cbc:PostalZone>1000</cbc:PostalZone>
        <cac:Country><cbc:IdentificationCode>BE</cbc:IdentificationCode></cac:Country>
      </cac:PostalAddress>
      <cac:PartyTaxScheme>
        <cbc:CompanyID>BE0123456749</cbc:CompanyID>
        <cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme>
      </cac:PartyTaxScheme>
      <cac:PartyLegalEntity>
        <cbc:RegistrationName>Ascenseurs Dupont SRL</cbc:RegistrationName>
        <cbc:CompanyID schemeID="0208">0123456749</cbc:CompanyID>
      </cac:PartyLegalEntity>
    </cac:Party>
  </cac:AccountingSupplierParty>
  <cac:AccountingCustomerParty>
    <cac:Party>
      <cbc:EndpointID schemeID="0208">0876543298</cbc:EndpointID>
      <cac:PartyLegalEntity><cbc:RegistrationName>ACP Résidence Europe</cbc:RegistrationName></cac:PartyLegalEntity>
    </cac:Party>
  </cac:AccountingCustomerParty>
  <cac:PaymentMeans>
    <cbc:PaymentMeansCode>30</cbc:PaymentMeansCode>
    ${kind === 'credit-note' ? '<cbc:PaymentDueDate>2026-04-30</cbc:PaymentDueDate>' : ''}
    <cbc:PaymentID>+++090/9337/55493+++</cbc:PaymentID>
    <cac:PayeeFinancialAccount><cbc:ID>BE68539007547034</cbc:ID></cac:PayeeFinancialAccount>
  </cac:PaymentMeans>
  <cac:TaxTotal>
    <cbc:TaxAmount currencyID="${cur}">${amount(o.taxTotal ?? t.taxTotal)}</cbc:TaxAmount>
${t.breakdown
  .map(
    (b) => `    <cac:TaxSubtotal>
      <cbc:TaxableAmount currencyID="${cur}">${amount(b.taxable)}</cbc:TaxableAmount>
      <cbc:TaxAmount currencyID="${cur}">${amount(b.tax)}</cbc:TaxAmount>
      <cac:TaxCategory>
        <cbc:ID>${category(b.rate)}</cbc:ID>
        <cbc:Percent>${b.rate}</cbc:Percent>
        <cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme>
      </cac:TaxCategory>
    </cac:TaxSubtotal>`,
  )
  .join('\n')}
  </cac:TaxTotal>
  <cac:LegalMonetaryTotal>
    <cbc:LineExtensionAmount currencyID="${cur}">${amount(o.lineExtension ?? t.lineExtension)}</cbc:LineExtensionAmount>
    <cbc:TaxExclusiveAmount currencyID="${cur}">${amount(o.taxExclusive ?? t.lineExtension)}</cbc:TaxExclusiveAmount>
    <cbc:TaxInclusiveAmount currencyID="${cur}">${amount(o.taxInclusive ?? t.taxInclusive)}</cbc:TaxInclusiveAmount>
    <cbc:PayableAmount currencyID="${cur}">${amount(o.payable ?? t.taxInclusive)}</cbc:PayableAmount>
  </cac:LegalMonetaryTotal>
${options.lines
  .map(
    (l, i) => `  <cac:${lineTag}>
    <cbc:ID>${i + 1}</cbc:ID>
    <cbc:${qtyTag} unitCode="C62">1</cbc:${qtyTag}>
    <cbc:LineExtensionAmount currencyID="${cur}">${amount(l.netCents)}</cbc:LineExtensionAmount>
    <cac:Item>
      <cbc:Name>${l.name}</cbc:Name>
      <cac:ClassifiedTaxCategory>
        <cbc:ID>${category(l.rate)}</cbc:ID>
        <cbc:Percent>${l.rate}</cbc:Percent>
        <cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme>
      </cac:ClassifiedTaxCategory>
    </cac:Item>
    <cac:Price><cbc:PriceAmount currencyID="${cur}">${amount(l.netCents)}</cbc:PriceAmount></cac:Price>
  </cac:${lineTag}>`,
  )
  .join('\n')}
</${root}>
`
}
