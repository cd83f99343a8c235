/**
 * After-commit work (e-mail, PDF, imports) is written as an outbox message in the SAME transaction
 * as the change that causes it, so it exists if and only if the change committed. A job runner
 * (functions/_shared/jobs) does it later, at least once; handlers are idempotent, keyed by the
 * message id.
 */
export type OutboxMessage = {
  /** What to do, e.g. `mail.send`, `document.render-expense-distribution`; one handler per kind. */
  readonly kind: string
  /** The tenant the work belongs to; null for platform work (e.g. a superadmin's own mail). */
  readonly organizationId: string | null
  /** JSON-serialisable input of the handler: ids and small values, never secrets in clear. */
  readonly payload: Readonly<Record<string, unknown>>
  /** Earliest time to run; now when omitted. */
  readonly runAfter?: Date
}

export interface Outbox {
  /** Records the message in the current transaction; returns its id (the idempotency key of the job). */
  enqueue(message: OutboxMessage): Promise<string>
}
