import type { Page, PageRequest } from '../shared/ports.ts'
import type { Organization } from './organization.entity.ts'
import type { PlanResource } from './plan-limits.ts'
import type { Role } from './role.value-object.ts'
import type { User } from './user.entity.ts'

export type UserSortField = 'email' | 'last_name' | 'created_at' | 'role'
export type OrganizationSortField = 'name' | 'created_at' | 'slug'

export interface UserRepository {
  /** Global lookups: e-mails are unique across the platform (login has no tenant). */
  findByEmail(email: string): Promise<User | null>
  findById(id: string): Promise<User | null>
  insert(user: User): Promise<void>
  /** Writes only when the stored version equals `user.version - 1`; false otherwise. */
  update(user: User): Promise<boolean>
  /** organizationId null lists every organization's users (superadmin only). */
  list(
    scope: { organizationId: string | null },
    filter: { role?: Role | undefined },
    page: PageRequest<UserSortField>,
  ): Promise<Page<User>>
}

export interface OrganizationRepository {
  findById(id: string): Promise<Organization | null>
  slugTaken(slug: string): Promise<boolean>
  insert(organization: Organization): Promise<void>
  update(organization: Organization): Promise<boolean>
  list(page: PageRequest<OrganizationSortField>): Promise<Page<Organization>>
  /** The organization, its row locked until the transaction ends (serialises plan checks); null if missing. */
  lockForPlanCheck(id: string): Promise<Organization | null>
  /** How many buildings or users (any role, deactivated included) the organization has. */
  countRows(id: string, resource: PlanResource): Promise<number>
}

export type RefreshTokenRecord = {
  readonly id: string
  readonly userId: string
  readonly familyId: string
  readonly tokenHash: string
  readonly expiresAt: Date
  readonly revokedAt: Date | null
}

export interface RefreshTokenRepository {
  insert(record: RefreshTokenRecord): Promise<void>
  findByHash(tokenHash: string): Promise<RefreshTokenRecord | null>
  /** Atomically revokes one token if it is still live; false when someone else got there first. */
  revokeIfLive(id: string, at: Date): Promise<boolean>
  revokeFamily(familyId: string, at: Date): Promise<void>
}

export interface LoginAttemptStore {
  /** Failures recorded for `key` at or after `since`, with the oldest of them. */
  failuresSince(key: string, since: Date): Promise<{ count: number; oldest: Date | null }>
  recordFailure(key: string, at: Date): Promise<void>
  clear(key: string): Promise<void>
}

export interface PasswordHasher {
  hash(password: string): Promise<string>
  verify(hash: string, password: string): Promise<boolean>
  /** True when the hash was made with other parameters than the current ones. */
  needsRehash(hash: string): boolean
  /** Spends the same time as a verify, for unknown accounts (no user enumeration by timing). */
  verifyDummy(password: string): Promise<void>
}

export type IssuedAccessToken = { readonly token: string; readonly expiresInSeconds: number }

export interface SessionTokenService {
  issueAccessToken(user: User): Promise<IssuedAccessToken>
  /** A new opaque refresh token and the hash that is stored instead of it. */
  newRefreshToken(): { token: string; hash: string }
  hashRefreshToken(token: string): string
}

export type IdentitySettings = {
  readonly signupEnabled: boolean
  readonly loginMaxFailuresPerEmail: number
  readonly loginMaxFailuresPerIp: number
  readonly loginWindowSeconds: number
  readonly refreshTokenTtlSeconds: number
}
