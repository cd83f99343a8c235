export * from './jobs.ts'
export * from './jobs.use-case.ts'
