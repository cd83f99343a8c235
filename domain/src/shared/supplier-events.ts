/*
 * The events (and so the audit actions) of suppliers (ADR 0037); spread into DOMAIN_EVENTS /
 * AUDIT_ACTIONS with one line each.
 */
export const SUPPLIER_EVENTS = {
  SupplierCreated: ['supplier.create', 'supplier'],
  SupplierUpdated: ['supplier.update', 'supplier'],
  SupplierDeleted: ['supplier.delete', 'supplier'],
} as const

export const SUPPLIER_AUDIT_ACTIONS = ['supplier.create', 'supplier.delete', 'supplier.update'] as const

export type SupplierAuditEntity = 'supplier'
