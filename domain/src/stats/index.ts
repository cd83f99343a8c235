export * from './get-dashboard-stats.use-case.ts'
export * from './stats.ports.ts'
