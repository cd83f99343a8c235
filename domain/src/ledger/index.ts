/*
 * The ledger context (ADR 0031): the association's double-entry books on the minimum chart of the
 * royal decree of 12 July 2012. Other contexts never write entries directly: they record money
 * events (shared/money-events.ts) and the posting rules (postings/) turn them into entries in the
 * same transaction. They read the books through `LedgerQueries` (e.g. an owner's balance).
 */
export * from './accounts.ts'
export * from './closing/index.ts'
export * from './entry.ts'
export * from './fiscal-year.ts'
export * from './journals.ts'
export * from './ledger.ports.ts'
export * from './ledger-postings.ts'
export * from './ledger-settings.use-case.ts'
export * from './pcn-document.ts'
export * from './pcn-report.ts'
export * from './postings/index.ts'
export * from './read-books.use-case.ts'
export * from './trial-balance.ts'
