// Allowed: the other context's public surface.
import type { TenantScope } from '../property/index.ts'

export const scope: TenantScope = { organizationId: 'org' }
