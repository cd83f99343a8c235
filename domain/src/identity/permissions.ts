import type { Actor } from './actor.ts'
import type { Role } from './role.value-object.ts'

/**
 * What each role may do (API.md "Roles"). Tenant scoping is separate: every repository call is
 * bound to the actor's organization; these rules only answer "may this role do this at all".
 */
export type Permission =
  | 'platform:manage' // organizations, users of any org, seed, platform stats
  | 'users:manage' // users of own organization
  | 'property:write' // buildings, units, owners, ownership
  | 'governance:write' // meetings
  | 'documents:write'
  | 'finance:write' // expenses, mark paid
  | 'finance:manage' // distribution keys, budgets, finance settings (assembly decisions; accountants read)
  | 'organization:read' // read everything of own organization

const GRANTS: Record<Role, readonly Permission[]> = {
  superadmin: [
    'platform:manage',
    'users:manage',
    'property:write',
    'governance:write',
    'documents:write',
    'finance:write',
    'finance:manage',
    'organization:read',
  ],
  syndic: [
    'users:manage',
    'property:write',
    'governance:write',
    'documents:write',
    'finance:write',
    'finance:manage',
    'organization:read',
  ],
  accountant: ['finance:write', 'organization:read'],
  owner: [],
  // Reads the books of the buildings granted to them (access/booksReadScope), nothing else.
  auditor: [],
}

export function can(actor: Pick<Actor, 'role'>, permission: Permission): boolean {
  return GRANTS[actor.role].includes(permission)
}

/** Roles a user-manager may create or edit inside an organization. */
const MANAGEABLE: Record<Role, readonly Role[]> = {
  superadmin: ['superadmin', 'syndic', 'accountant', 'owner', 'auditor'],
  syndic: ['accountant', 'owner', 'auditor'],
  accountant: [],
  owner: [],
  auditor: [],
}

/**
 * Whether `actor` may create (or edit) a user of `targetRole` in `targetOrganizationId`.
 * A syndic manages only accountants and owners of their own firm; only a superadmin creates
 * syndics or superadmins, and a superadmin has no organization while everyone else needs one.
 */
export function mayManageUser(actor: Actor, targetRole: Role, targetOrganizationId: string | null): boolean {
  if (!MANAGEABLE[actor.role].includes(targetRole)) return false
  if (targetRole === 'superadmin') return targetOrganizationId === null
  if (targetOrganizationId === null) return false
  return actor.role === 'superadmin' || actor.organizationId === targetOrganizationId
}
