import { type AuditAuthor, auditEntryOf } from './audit.ts'
import type { DomainEvent, DomainEventType } from './domain-events.ts'
import { isMoneyEvent } from './money-events.ts'
import type { OutboxMessage } from './outbox.ts'
import type { SharedPorts } from './shared-ports.ts'

/*
 * The unit of work (ADR 0020): a use case runs in one transaction (`ctx.transaction`) and records
 * what happened as domain events. Recording an event runs every in-transaction subscriber at once,
 * on the same transaction's ports, so their writes commit or roll back with the change:
 *  - the audit subscriber writes the event's audit row (the one audit helper derives it);
 *  - the posting subscriber writes the entries of a money event in the association's books
 *    (shared/money-events.ts; the rules are the ledger's, ADR 0031): a posting that fails throws,
 *    and the whole use case rolls back;
 *  - the after-commit subscriber writes the outbox messages of the event (work a job runner does
 *    once the transaction has committed: e-mails, PDFs, file clean-up), never the work itself.
 */

export type InTransactionSubscriber = (event: DomainEvent, tx: SharedPorts, by: AuditAuthor) => Promise<void>

/** The outbox kind whose job deletes a stored file that no document row references (functions/documents). */
export const DELETE_ORPHAN_FILE = 'document.delete-orphan-file'

/** After-commit work per event: the messages the outbox gets in the event's transaction. */
const AFTER_COMMIT: { readonly [K in DomainEventType]?: (event: DomainEvent) => readonly OutboxMessage[] } = {
  // The use case deletes the bytes right after the commit; if that fails (or the process dies
  // first), this job does it later. It checks that no row references the key before deleting.
  DocumentDeleted: (event) =>
    typeof event.details?.storage_key === 'string'
      ? [
          {
            kind: DELETE_ORPHAN_FILE,
            organizationId: event.organizationId,
            payload: { storageKey: event.details.storage_key },
          },
        ]
      : [],
}

export const auditSubscriber: InTransactionSubscriber = (event, tx, by) =>
  tx.audit.record(auditEntryOf(event, by))

export const afterCommitSubscriber: InTransactionSubscriber = async (event, tx) => {
  for (const message of AFTER_COMMIT[event.type]?.(event) ?? []) await tx.outbox.enqueue(message)
}

/** Only money events reach the books (other events never touch the postings port). */
export const postingSubscriber: InTransactionSubscriber = async (event, tx) => {
  if (isMoneyEvent(event.type)) await tx.postings.post(event)
}

/** In order: the audit row first, then the books, then what runs after the commit. */
export const IN_TRANSACTION_SUBSCRIBERS: readonly InTransactionSubscriber[] = [
  auditSubscriber,
  postingSubscriber,
  afterCommitSubscriber,
]

/**
 * Records an event in the current unit of work: call it inside `ctx.transaction`, with that
 * transaction's ports, once per fact. `by` attributes it (the caller, or an explicit user).
 */
export async function recordEvent(
  by: AuditAuthor,
  tx: SharedPorts,
  type: DomainEventType,
  tenant: { readonly organizationId: string | null },
  entityId: string,
  details?: Record<string, unknown>,
): Promise<void> {
  const event = { type, organizationId: tenant.organizationId, entityId, details } as DomainEvent
  for (const subscriber of IN_TRANSACTION_SUBSCRIBERS) await subscriber(event, tx, by)
}
