import type { ActorContext, UseCaseContext } from '../context.ts'
import type { Page, PageRequest } from '../shared/ports.ts'
import type { SharedPorts } from '../shared/shared-ports.ts'
import type { Organization } from './organization.entity.ts'
import type { PasswordLinkRepository } from './password-link.ts'
import type { Role } from './role.value-object.ts'
import type { User } from './user.entity.ts'

/** What a subscription plan limits (organizations.max_buildings, organizations.max_users). */
export type PlanResource = 'buildings' | 'users'

export const USER_SORT_FIELDS = ['email', 'last_name', 'created_at', 'role'] as const
export type UserSortField = (typeof USER_SORT_FIELDS)[number]
export const ORGANIZATION_SORT_FIELDS = ['name', 'created_at', 'slug'] as const
export type OrganizationSortField = (typeof ORGANIZATION_SORT_FIELDS)[number]

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
  /** The family's login: it ends `refreshSessionMaxSeconds` later however often it rotates. */
  readonly familyStartedAt: Date
  /** The user's session epoch when issued; a later epoch ends the token. */
  readonly sessionEpoch: number
  /** The next token of the family, sealed under a key derived from this token (null until rotated). */
  readonly successorSealed: string | null
}

export interface RefreshTokenRepository {
  insert(record: RefreshTokenRecord): Promise<void>
  findByHash(tokenHash: string): Promise<RefreshTokenRecord | null>
  /**
   * Atomically revokes one token if it is still live and records its sealed successor; false
   * when someone else got there first (their rotation is then committed and readable).
   */
  rotate(id: string, at: Date, successorSealed: string): Promise<boolean>
  revokeFamily(familyId: string, at: Date): Promise<void>
  /** Every live token of the user (all their sessions), e.g. after a password change. */
  revokeAllOfUser(userId: string, at: Date): Promise<void>
}

/** Login attempts per key in a fixed window, shared by every process (ADR 0016). */
export interface LoginAttemptStore {
  /**
   * Counts one attempt for `key` and returns the count including it, in one atomic statement:
   * a new window starts when the current one is older than `windowSeconds`.
   */
  reserve(key: string, at: Date, windowSeconds: number): Promise<{ attempts: number; windowStartedAt: Date }>
  /** Gives back one reserved attempt (a success, or an attempt refused by another key). */
  release(key: string): Promise<void>
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
  /** The token carries `user.sessionEpoch`; it stops working when the epoch moves on. */
  issueAccessToken(user: User): Promise<IssuedAccessToken>
  /** A new opaque refresh token and the hash that is stored instead of it. */
  newRefreshToken(): { token: string; hash: string }
  hashRefreshToken(token: string): string
  /** Encrypts `successor` under a key derived from `presented` (which is never stored). */
  sealSuccessor(presented: string, successor: string): Promise<string>
  /** The successor sealed under `presented`, or null when it does not open. */
  openSuccessor(presented: string, sealed: string): Promise<string | null>
}

export type IdentitySettings = {
  readonly signupEnabled: boolean
  /** Attempts per (e-mail, client address) in a window: what stops one guesser. */
  readonly loginMaxFailuresPerEmailIp: number
  /** Attempts per e-mail from all addresses: a high bound on distributed guessing. */
  readonly loginMaxFailuresPerEmail: number
  /** Attempts per client address across e-mails. */
  readonly loginMaxFailuresPerIp: number
  readonly loginWindowSeconds: number
  readonly refreshTokenTtlSeconds: number
  /** Absolute lifetime of a refresh family from its login, however often it rotates. */
  readonly refreshSessionMaxSeconds: number
  /** How long a just-rotated refresh token still yields its successor (concurrent tabs). */
  readonly refreshReuseGraceSeconds: number
}

/** The identity context's own repositories (its ports bundle). */
export type IdentityPorts = {
  readonly users: UserRepository
  readonly organizations: OrganizationRepository
  readonly refreshTokens: RefreshTokenRepository
  readonly loginAttempts: LoginAttemptStore
  /** Single-use set-password links (invitation, reset); ADR 0023. */
  readonly passwordLinks: PasswordLinkRepository
}

/**
 * What other contexts may use of identity, through identity/index.ts: a user and an organization
 * by id, and the plan-limit lock a creator of buildings takes in its transaction.
 */
export type IdentityQueries = {
  readonly users: Pick<UserRepository, 'findById'>
  readonly organizations: Pick<OrganizationRepository, 'findById' | 'lockForPlanCheck' | 'countRows'>
}

/** What the identity use cases see in a transaction. */
export type IdentityRepos = SharedPorts & { readonly identity: IdentityPorts }
export type IdentityPublicContext = UseCaseContext<IdentityRepos>
export type IdentityContext = ActorContext<IdentityRepos>
