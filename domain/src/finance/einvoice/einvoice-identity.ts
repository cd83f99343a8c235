import type { TenantScope } from '../../property/index.ts'
import type { EInvoice, EInvoiceKind } from './einvoice.ts'

/*
 * What makes an imported e-invoice the same document (issue #16): its supplier, its kind (an
 * invoice and a credit note with the same number are two documents), its number and its issue
 * date — or the very same file bytes. A second import of the same document into a building is
 * refused, naming the draft expense the first one made.
 */

export type EInvoiceIdentity = {
  /** `en:` enterprise number, else `supplier:` the supplier record, else `vat:` / `name:`. */
  readonly supplierKey: string
  readonly kind: EInvoiceKind
  readonly invoiceNumber: string
  readonly issueDate: string
}

export type EInvoiceImportRecord = EInvoiceIdentity & {
  readonly id: string
  readonly organizationId: string
  readonly buildingId: string
  /** The first draft expense the import made (the refusal names it). */
  readonly expenseId: string
  /** SHA-256 of the file, hex. */
  readonly fileHash: string
  readonly createdAt: Date
}

export interface EInvoiceImportRepository {
  /** The building's earlier import of the same document or of the same file, or null. */
  findDuplicate(
    scope: TenantScope,
    buildingId: string,
    identity: EInvoiceIdentity,
    fileHash: string,
  ): Promise<EInvoiceImportRecord | null>
  insert(scope: TenantScope, record: EInvoiceImportRecord): Promise<void>
}

/**
 * The identity of an invoice from a supplier: the enterprise number when the invoice gives a
 * valid one (`enterpriseNumber`, already checked), else the supplier record it was linked to,
 * else its VAT number, else its name (case and spacing ignored).
 */
export function eInvoiceIdentity(
  invoice: Pick<EInvoice, 'kind' | 'number' | 'issueDate' | 'supplier'>,
  enterpriseNumber: string | null,
  supplierId: string | null,
): EInvoiceIdentity {
  const vat = invoice.supplier.vatNumber?.replace(/[\s.]/g, '').toUpperCase() || null
  const supplierKey = enterpriseNumber
    ? `en:${enterpriseNumber}`
    : supplierId
      ? `supplier:${supplierId}`
      : vat
        ? `vat:${vat}`
        : `name:${invoice.supplier.name.replace(/\s+/g, ' ').trim().toLowerCase()}`
  return {
    supplierKey,
    kind: invoice.kind,
    invoiceNumber: invoice.number.trim(),
    issueDate: invoice.issueDate,
  }
}

/** Whether a recorded import is the same document or the same file. */
export function sameEInvoice(
  a: EInvoiceIdentity & { readonly fileHash: string },
  b: EInvoiceIdentity & { readonly fileHash: string },
): boolean {
  return (
    a.fileHash === b.fileHash ||
    (a.supplierKey === b.supplierKey &&
      a.kind === b.kind &&
      a.invoiceNumber === b.invoiceNumber &&
      a.issueDate === b.issueDate)
  )
}
