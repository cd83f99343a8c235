import { ARREARS_AUDIT_ACTIONS, type ArrearsAuditEntity } from './arrears-events.ts'
import { ASSEMBLY_AUDIT_ACTIONS } from './assembly-events.ts'
import { BANK_AUDIT_ACTIONS, type BankAuditEntity } from './bank-events.ts'
import { BUDGET_AUDIT_ACTIONS, type BudgetAuditEntity } from './budget-events.ts'
import { CALLS_AUDIT_ACTIONS, type CallsAuditEntity } from './calls-events.ts'
import { CLOSING_AUDIT_ACTIONS, type ClosingAuditEntity } from './closing-events.ts'
import { DOMAIN_EVENTS, type DomainEvent } from './domain-events.ts'
import { MONEY_AUDIT_ACTIONS } from './money-events.ts'
import { SALE_DOCUMENTS_AUDIT_ACTIONS, type SaleDocumentsAuditEntity } from './sale-documents-events.ts'
import { SUPPLIER_AUDIT_ACTIONS, type SupplierAuditEntity } from './supplier-events.ts'

/*
 * The one audit helper (ADR 0022): every mutation writes one append-only row in the same
 * transaction as the change, with an action from this closed list (no free-text action). The
 * strings are the ones stored since the first audit rows, so old rows and new ones read alike.
 */

/** Every audited action; adding a mutation means adding its action here. */
export const AUDIT_ACTIONS = [
  'auth.refresh_reuse_detected',
  'building.create',
  'building.delete',
  'building.register_import',
  'building.update',
  'document.delete',
  'document.generate',
  'document.link_expense',
  'document.link_meeting',
  'document.upload',
  'expense.create',
  'expense.distribution_documents_requested',
  'job.retry',
  'meeting.agenda_add',
  'meeting.cancel',
  'meeting.complete',
  'meeting.create',
  'meeting.delete',
  'meeting.update',
  'organization.create',
  'organization.update',
  'owner.create',
  'owner.link_user',
  'owner.update',
  'seed.clear',
  'seed.demo',
  'seed.realistic',
  'unit.assign_owner',
  'unit.create',
  'unit.delete',
  'unit.representatives',
  'unit.transfer',
  'unit.update',
  'unit_ownership.create',
  'unit_ownership.end',
  'user.activate',
  'user.bootstrap_superadmin',
  'user.create',
  'user.deactivate',
  'user.invitation_accept',
  'user.invitation_send',
  'user.invite',
  'user.password_change',
  'user.password_reset',
  'user.password_reset_request',
  'user.update',
  ...ASSEMBLY_AUDIT_ACTIONS,
  ...([
    'building.assembly_settings_update',
    'building.assembly_request',
    'building.board_mandate_create',
    'building.board_mandate_update',
    'building.board_mandate_delete',
    'meeting.convocation_send',
    'meeting.second_assembly',
    'meeting.minutes_generate',
  ] as const),
  ...CALLS_AUDIT_ACTIONS,
  ...MONEY_AUDIT_ACTIONS,
  ...BUDGET_AUDIT_ACTIONS,
  ...CLOSING_AUDIT_ACTIONS,
  ...BANK_AUDIT_ACTIONS,
  ...ARREARS_AUDIT_ACTIONS,
  ...SALE_DOCUMENTS_AUDIT_ACTIONS,
  ...SUPPLIER_AUDIT_ACTIONS,
] as const
export type AuditAction = (typeof AUDIT_ACTIONS)[number]

/** What an audit row is about (the `entity` column). */
export type AuditEntity =
  | BudgetAuditEntity
  | SupplierAuditEntity
  | 'building'
  | 'document'
  | 'expense'
  | 'job'
  | 'meeting'
  | 'organization'
  | 'owner'
  | 'refresh_token_family'
  | 'seed'
  | 'unit'
  | 'unit_ownership'
  | 'user'
  | CallsAuditEntity
  | ClosingAuditEntity
  | BankAuditEntity
  | ArrearsAuditEntity
  | SaleDocumentsAuditEntity

/** One append-only record per mutation, written in the same transaction as the change. */
export type AuditEntry = {
  readonly organizationId: string | null
  readonly actorUserId: string | null
  readonly action: AuditAction
  readonly entity: AuditEntity
  readonly entityId: string
  readonly requestId: string
  readonly details?: Record<string, unknown>
}

export interface AuditLog {
  record(entry: AuditEntry): Promise<void>
}

/**
 * Who the row is attributed to: the caller of the request (a use-case context with an actor),
 * or an explicit user (a registration, a detected token reuse) or nobody (the bootstrap).
 */
export type AuditAuthor =
  | { readonly requestId: string; readonly actor: { readonly userId: string } }
  | { readonly requestId: string; readonly actorUserId: string | null }

/** The audit row of a mutation of `entity` `entityId` in the tenant of `tenant`. */
export function auditEntry(
  by: AuditAuthor,
  tenant: { readonly organizationId: string | null },
  action: AuditAction,
  entity: AuditEntity,
  entityId: string,
  details?: Record<string, unknown>,
): AuditEntry {
  return {
    organizationId: tenant.organizationId,
    actorUserId: 'actor' in by ? by.actor.userId : by.actorUserId,
    action,
    entity,
    entityId,
    requestId: by.requestId,
    ...(details ? { details } : {}),
  }
}

/** The audit row of a recorded event (shared/unit-of-work.ts): its action and entity come from the event's type. */
export function auditEntryOf(event: DomainEvent, by: AuditAuthor): AuditEntry {
  const [action, entity] = DOMAIN_EVENTS[event.type]
  return auditEntry(by, event, action, entity, event.entityId, event.details)
}
