import type { Role } from './role.value-object.ts'

/** Who is calling: taken from a verified token, never from a request body. */
export type Actor = {
  readonly userId: string
  readonly email: string
  readonly role: Role
  /** null only for a superadmin, who belongs to the platform rather than a firm. */
  readonly organizationId: string | null
  /**
   * For the role `auditor` only: the buildings a syndic granted them (building_auditors), read
   * with the user on every request so a new or withdrawn grant takes effect at once. Absent or
   * empty: the auditor reads nothing (fail closed).
   */
  readonly auditedBuildingIds?: readonly string[] | undefined
}
