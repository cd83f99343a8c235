export * from './property.ports.ts'
