// Violation: the shared kernel depends on a context.
import type { TenantScope } from '../property/index.ts'

export type Scoped = TenantScope
