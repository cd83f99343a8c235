import { describe, expect, it } from 'vitest'
import { eInvoiceIdentity, sameEInvoice } from './einvoice-identity.ts'
import { alreadyImported } from './import-einvoice.use-case.ts'

const invoice = {
  kind: 'invoice' as const,
  number: 'F2026-0042',
  issueDate: '2026-03-15',
  supplier: {
    name: 'Ascenseurs  Dupont SRL',
    enterpriseNumber: '0123456749',
    vatNumber: 'BE 0123.456.749',
    iban: null,
  },
}
const hashA = 'a'.repeat(64)
const hashB = 'b'.repeat(64)

describe('the identity of an imported e-invoice (a second import of the same document is refused)', () => {
  it('is the supplier’s enterprise number, else its supplier record, else VAT number, else name', () => {
    expect(eInvoiceIdentity(invoice, '0123456749', 'sup-1')).toEqual({
      supplierKey: 'en:0123456749',
      kind: 'invoice',
      invoiceNumber: 'F2026-0042',
      issueDate: '2026-03-15',
    })
    expect(eInvoiceIdentity(invoice, null, 'sup-1').supplierKey).toBe('supplier:sup-1')
    expect(eInvoiceIdentity(invoice, null, null).supplierKey).toBe('vat:BE0123456749')
    const nameOnly = { ...invoice, supplier: { ...invoice.supplier, vatNumber: null } }
    expect(eInvoiceIdentity(nameOnly, null, null).supplierKey).toBe('name:ascenseurs dupont srl')
  })

  it('the same supplier, number and date is the same document, whatever the file; the same file too', () => {
    const a = { ...eInvoiceIdentity(invoice, '0123456749', null), fileHash: hashA }
    expect(sameEInvoice(a, { ...a, fileHash: hashB })).toBe(true)
    expect(sameEInvoice(a, { ...a, invoiceNumber: 'F2026-0043', fileHash: hashA })).toBe(true)
    expect(sameEInvoice(a, { ...a, invoiceNumber: 'F2026-0043', fileHash: hashB })).toBe(false)
    expect(sameEInvoice(a, { ...a, issueDate: '2026-03-16', fileHash: hashB })).toBe(false)
    expect(sameEInvoice(a, { ...a, supplierKey: 'en:0403170701', fileHash: hashB })).toBe(false)
  })

  it('a credit note with an invoice’s number is another document', () => {
    const a = { ...eInvoiceIdentity(invoice, '0123456749', null), fileHash: hashA }
    const note = {
      ...eInvoiceIdentity({ ...invoice, kind: 'credit-note' }, '0123456749', null),
      fileHash: hashB,
    }
    expect(sameEInvoice(a, note)).toBe(false)
  })

  it('the refusal is a conflict naming the expense the first import made', () => {
    const e = alreadyImported({
      ...eInvoiceIdentity(invoice, '0123456749', null),
      id: 'imp-1',
      organizationId: 'org-1',
      buildingId: 'b-1',
      expenseId: 'exp-1',
      fileHash: hashA,
      createdAt: new Date(),
    })
    expect(e).toMatchObject({
      kind: 'conflict',
      code: 'einvoice_already_imported',
      params: {
        variant: 'invoice',
        number: 'F2026-0042',
        expenseId: 'exp-1',
        link: '/api/v1/expenses/exp-1',
      },
    })
    expect(e.message).toContain('expense exp-1')
  })
})
