import type { DocumentRepository, FileStore } from './documents/documents.ports.ts'
import type { ChargeBasisReader, ExpenseRepository, OwnerChargesReader } from './finance/finance.ports.ts'
import type { MeetingRepository } from './governance/governance.ports.ts'
import type { Actor } from './identity/actor.ts'
import type {
  IdentitySettings,
  LoginAttemptStore,
  OrganizationRepository,
  PasswordHasher,
  RefreshTokenRepository,
  SessionTokenService,
  UserRepository,
} from './identity/identity.ports.ts'
import type { PasswordLinkRepository } from './identity/password-link.ts'
import type { JobQueue } from './platform/jobs.ts'
import type {
  BuildingRepository,
  OwnerRepository,
  UnitOwnershipRepository,
  UnitRepository,
} from './property/property.ports.ts'
import type { AuditLog } from './shared/audit.ts'
import type { Outbox } from './shared/outbox.ts'
import type { Clock, IdGenerator } from './shared/ports.ts'
import type { Result } from './shared/result.ts'
import type { StatsRepository } from './stats/stats.ports.ts'

/** Every repository a use case may use; adapters build them per request (or per transaction). */
export interface Repositories {
  readonly users: UserRepository
  readonly organizations: OrganizationRepository
  readonly refreshTokens: RefreshTokenRepository
  readonly loginAttempts: LoginAttemptStore
  readonly audit: AuditLog
  readonly buildings: BuildingRepository
  readonly units: UnitRepository
  readonly owners: OwnerRepository
  readonly unitOwnerships: UnitOwnershipRepository
  readonly expenses: ExpenseRepository
  readonly chargeBasis: ChargeBasisReader
  readonly ownerCharges: OwnerChargesReader
  readonly meetings: MeetingRepository
  readonly documents: DocumentRepository
  readonly stats: StatsRepository
  /** After-commit work, recorded in the same transaction (shared/outbox.ts). */
  readonly outbox: Outbox
  /** Single-use set-password links (invitation, reset); ADR 0023. */
  readonly passwordLinks: PasswordLinkRepository
  /** The outbox as a queue the superadmin inspects and retries (platform/jobs.ts). */
  readonly jobs: JobQueue
}

/**
 * What a use case receives besides its input. `transaction` runs `work` atomically with
 * repositories bound to one database transaction: an Err result or a throw rolls it back.
 */
export type UseCaseContext = {
  readonly requestId: string
  readonly clock: Clock
  readonly ids: IdGenerator
  readonly repos: Repositories
  readonly transaction: <T>(work: (repos: Repositories) => Promise<Result<T>>) => Promise<Result<T>>
  readonly passwords: PasswordHasher
  readonly sessions: SessionTokenService
  readonly settings: IdentitySettings
  /** Document bytes; written outside `transaction` (a store cannot join a database transaction). */
  readonly files: FileStore
}

/** A use case run on behalf of an authenticated caller. */
export type ActorContext = UseCaseContext & { readonly actor: Actor }
