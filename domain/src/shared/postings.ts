import type { DomainEvent } from './domain-events.ts'

/**
 * The books' side of the unit of work: posts the entries of a money event on the transaction's
 * database handle, so they commit or roll back with the change. It throws when an entry cannot
 * be posted (an unbalanced rule, a missing source), which rolls the whole use case back.
 * Implemented by the ledger context (ledger/ledger-postings.ts) and bound per transaction by the
 * composition root; the shared kernel only knows its shape.
 */
export interface Postings {
  post(event: DomainEvent): Promise<void>
}
