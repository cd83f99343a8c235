export * from './expense-stats.use-case.ts'
export * from './get-dashboard-stats.use-case.ts'
export * from './search-directory.use-case.ts'
export * from './stats.ports.ts'
