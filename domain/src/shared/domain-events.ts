import { ARREARS_EVENTS } from './arrears-events.ts'
import { ASSEMBLY_EVENTS } from './assembly-events.ts'
import type { AuditAction, AuditEntity } from './audit.ts'
import { BANK_EVENTS } from './bank-events.ts'
import { BUDGET_EVENTS } from './budget-events.ts'
import { CALLS_EVENTS } from './calls-events.ts'
import { CLOSING_EVENTS } from './closing-events.ts'
import { CONVOCATION_EVENTS } from './convocation-events.ts'
import { MONEY_EVENTS } from './money-events.ts'
import { SALE_DOCUMENTS_EVENTS } from './sale-documents-events.ts'
import { SUPPLIER_EVENTS } from './supplier-events.ts'

/*
 * What happened, as the use cases record it in their unit of work (ADR 0020). Each event names a
 * fact in the past tense; the table gives the audit action and entity its audit row carries
 * (the strings stored since the first audit rows, so the trail reads the same before and after).
 * Adding an event: one line here; its subscribers decide what else happens (shared/unit-of-work.ts).
 */
export const DOMAIN_EVENTS = {
  BuildingCreated: ['building.create', 'building'],
  BuildingUpdated: ['building.update', 'building'],
  BuildingDeleted: ['building.delete', 'building'],
  RegisterImported: ['building.register_import', 'building'],
  UnitCreated: ['unit.create', 'unit'],
  UnitUpdated: ['unit.update', 'unit'],
  UnitDeleted: ['unit.delete', 'unit'],
  UnitOwnerAssigned: ['unit.assign_owner', 'unit'],
  UnitRepresentationSet: ['unit.representatives', 'unit'],
  OwnershipTransferred: ['unit.transfer', 'unit'],
  UnitOwnerAdded: ['unit_ownership.create', 'unit_ownership'],
  UnitOwnershipEnded: ['unit_ownership.end', 'unit_ownership'],
  OwnerCreated: ['owner.create', 'owner'],
  OwnerUpdated: ['owner.update', 'owner'],
  OwnerLinkedToUser: ['owner.link_user', 'owner'],
  ExpenseRecorded: ['expense.create', 'expense'],
  MeetingScheduled: ['meeting.create', 'meeting'],
  MeetingUpdated: ['meeting.update', 'meeting'],
  AgendaItemAdded: ['meeting.agenda_add', 'meeting'],
  MeetingCancelled: ['meeting.cancel', 'meeting'],
  MeetingCompleted: ['meeting.complete', 'meeting'],
  MeetingDeleted: ['meeting.delete', 'meeting'],
  DocumentUploaded: ['document.upload', 'document'],
  DocumentDeleted: ['document.delete', 'document'],
  DocumentLinkedToMeeting: ['document.link_meeting', 'document'],
  DocumentLinkedToExpense: ['document.link_expense', 'document'],
  OrganizationCreated: ['organization.create', 'organization'],
  OrganizationUpdated: ['organization.update', 'organization'],
  UserCreated: ['user.create', 'user'],
  UserUpdated: ['user.update', 'user'],
  UserActivated: ['user.activate', 'user'],
  UserDeactivated: ['user.deactivate', 'user'],
  SuperadminBootstrapped: ['user.bootstrap_superadmin', 'user'],
  RefreshTokenReuseDetected: ['auth.refresh_reuse_detected', 'refresh_token_family'],
  UserInvited: ['user.invite', 'user'],
  InvitationSent: ['user.invitation_send', 'user'],
  PasswordResetRequested: ['user.password_reset_request', 'user'],
  InvitationAccepted: ['user.invitation_accept', 'user'],
  PasswordReset: ['user.password_reset', 'user'],
  PasswordChanged: ['user.password_change', 'user'],
  DistributionDocumentsRequested: ['expense.distribution_documents_requested', 'expense'],
  DocumentGenerated: ['document.generate', 'document'],
  JobRetried: ['job.retry', 'job'],
  ...ASSEMBLY_EVENTS,
  ...CONVOCATION_EVENTS,
  ...CALLS_EVENTS,
  ...MONEY_EVENTS,
  ...BUDGET_EVENTS,
  ...CLOSING_EVENTS,
  ...BANK_EVENTS,
  ...ARREARS_EVENTS,
  ...SALE_DOCUMENTS_EVENTS,
  ...SUPPLIER_EVENTS,
} as const satisfies Record<string, readonly [AuditAction, AuditEntity]>

export type DomainEventType = keyof typeof DOMAIN_EVENTS

/** One recorded fact: which, in which tenant, about which row, with what the audit row keeps. */
export type DomainEvent = {
  [K in DomainEventType]: {
    readonly type: K
    readonly organizationId: string | null
    readonly entityId: string
    readonly details?: Record<string, unknown> | undefined
  }
}[DomainEventType]
