/** Roles, strongest first: superadmin > syndic > accountant > owner (API.md "Roles"). */
export const ROLES = ['superadmin', 'syndic', 'accountant', 'owner'] as const
export type Role = (typeof ROLES)[number]

const RANK: Record<Role, number> = { superadmin: 4, syndic: 3, accountant: 2, owner: 1 }

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value)
}

export function outranks(a: Role, b: Role): boolean {
  return RANK[a] > RANK[b]
}
