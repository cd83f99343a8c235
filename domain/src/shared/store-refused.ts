import type { DomainError } from './domain-error.ts'

/**
 * A rule the store enforces in the same statement as the write it guards (ADR 0047): the counted
 * value sits on a row the write updates and re-checks after any lock wait (the organization's
 * building count against its plan, the building's used tantièmes against its total), so a create
 * needs no lock-then-count round trips. The write — or, when writes are batched, the end of the
 * unit of work — throws it; `ctx.transaction` answers it as Err(domainError), all rolled back.
 */
export class StoreRefused extends Error {
  readonly domainError: DomainError
  constructor(domainError: DomainError) {
    super(domainError.message)
    this.name = 'StoreRefused'
    this.domainError = domainError
  }
}
