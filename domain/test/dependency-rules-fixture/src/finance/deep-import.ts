// Violation: finance reaches into property's internals instead of property/index.ts.
import type { TenantScope } from '../property/property.ports.ts'

export const scope: TenantScope = { organizationId: 'org' }
