/* The year-end close (ADR 0040): statements, annual accounts, closed years. */
export * from './annual-accounts.ts'
export * from './auditors.use-case.ts'
export * from './close-year.use-case.ts'
export * from './closing.ports.ts'
export * from './generate-statements.use-case.ts'
export * from './statement-letter.ts'
export * from './year-statement.ts'
