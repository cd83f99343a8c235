/*
 * The events (and so the audit actions) of suppliers and draft edits (ADR 0037); spread into DOMAIN_EVENTS /
 * AUDIT_ACTIONS with one line each.
 */
export const SUPPLIER_EVENTS = {
  SupplierCreated: ['supplier.create', 'supplier'],
  SupplierUpdated: ['supplier.update', 'supplier'],
  SupplierDeleted: ['supplier.delete', 'supplier'],
  // A draft expense edited before approval (not a money event: a draft is not in the books).
  ExpenseDraftEdited: ['expense.draft_edit', 'expense'],
  // The month a building's fiscal year starts (refused once it would move posted entries).
  LedgerSettingsUpdated: ['building.ledger_settings', 'building'],
} as const

export const SUPPLIER_AUDIT_ACTIONS = [
  'building.ledger_settings',
  'expense.draft_edit',
  'supplier.create',
  'supplier.delete',
  'supplier.update',
] as const

export type SupplierAuditEntity = 'supplier'
