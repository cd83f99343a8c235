/*
 * The events (and audit actions) of the e-invoice import and the état daté (issue #16 items 7-8,
 * ADR 0041); spread into DOMAIN_EVENTS / AUDIT_ACTIONS with one line each.
 */
export const SALE_DOCUMENTS_EVENTS = {
  EInvoiceImported: ['expense.import_einvoice', 'expense'],
  EtatDateRequested: ['etat_date.request', 'etat_date'],
  EtatDateGenerated: ['etat_date.generate', 'etat_date'],
} as const

export const SALE_DOCUMENTS_AUDIT_ACTIONS = [
  'etat_date.generate',
  'etat_date.request',
  'expense.import_einvoice',
] as const

export type SaleDocumentsAuditEntity = 'etat_date'
