/**
 * Roles, strongest first: superadmin > syndic > accountant > owner (API.md "Roles") > auditor: the
 * assembly's account auditor (commissaire / vérificateur aux comptes, Civil Code art. 3.91), who
 * reads the books of the buildings a syndic granted them and writes nothing (ADR 0040).
 */
export const ROLES = ['superadmin', 'syndic', 'accountant', 'owner', 'auditor'] as const
export type Role = (typeof ROLES)[number]

const RANK: Record<Role, number> = { superadmin: 4, syndic: 3, accountant: 2, owner: 1, auditor: 0 }

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value)
}

export function outranks(a: Role, b: Role): boolean {
  return RANK[a] > RANK[b]
}
