export * from './supplier.entity.ts'
export * from './supplier.ports.ts'
export * from './suppliers.use-cases.ts'
