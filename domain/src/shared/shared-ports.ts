import type { AuditLog } from './audit.ts'
import type { Outbox } from './outbox.ts'
import type { Postings } from './postings.ts'

/**
 * The ports every context's transaction carries besides its own bundle: the audit log (one row
 * per mutation, same transaction) and the outbox (after-commit work, same transaction).
 */
export type SharedPorts = {
  readonly audit: AuditLog
  readonly outbox: Outbox
  /** The ledger's postings of money events (same transaction; ledger context, ADR 0031). */
  readonly postings: Postings
}
