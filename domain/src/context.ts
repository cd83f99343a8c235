import type { BankPorts } from './bank/bank.ports.ts'
import type { DocumentsPorts, FileStore } from './documents/documents.ports.ts'
import type { FinancePorts } from './finance/finance.ports.ts'
import type { GovernancePorts } from './governance/governance.ports.ts'
import type { Actor } from './identity/actor.ts'
import type {
  IdentityPorts,
  IdentitySettings,
  PasswordHasher,
  SessionTokenService,
} from './identity/identity.ports.ts'
import type { ClosingRepository } from './ledger/closing/closing.ports.ts'
import type { LedgerPorts } from './ledger/ledger.ports.ts'
import type { PlatformPorts } from './platform/jobs.ts'
import type { PropertyPorts } from './property/property.ports.ts'
import type { Clock, IdGenerator } from './shared/ports.ts'
import type { Result } from './shared/result.ts'
import type { SharedPorts } from './shared/shared-ports.ts'
import type { StatsPorts } from './stats/stats.ports.ts'

/**
 * The composition root's view: one ports bundle per bounded context (each declared in its
 * context's ports file) plus the audit log and the outbox. Adapters build it per request (or per
 * transaction). A use case does not see this whole bag: it is typed with its context's
 * `XxxRepos` (its own bundle and the query ports of the contexts it reads), ADR 0021.
 */
export type Repositories = SharedPorts & {
  readonly identity: IdentityPorts
  readonly property: PropertyPorts
  readonly finance: FinancePorts
  readonly ledger: LedgerPorts
  /** The year-end close (ADR 0040): closed years, statements, the annual accounts' reads. */
  readonly closing: ClosingRepository
  readonly governance: GovernancePorts
  readonly documents: DocumentsPorts
  readonly stats: StatsPorts
  readonly platform: PlatformPorts
  readonly bank: BankPorts
}

/**
 * What a use case receives besides its input, for repositories `R` (its context's bundle).
 * `transaction` runs `work` atomically with repositories bound to one database transaction: an
 * Err result or a throw rolls it back.
 */
export type UseCaseContext<R extends SharedPorts = Repositories> = {
  readonly requestId: string
  readonly clock: Clock
  readonly ids: IdGenerator
  readonly repos: R
  readonly transaction: <T>(work: (repos: R) => Promise<Result<T>>) => Promise<Result<T>>
  readonly passwords: PasswordHasher
  readonly sessions: SessionTokenService
  readonly settings: IdentitySettings
  /** Document bytes; written outside `transaction` (a store cannot join a database transaction). */
  readonly files: FileStore
}

/** A use case run on behalf of an authenticated caller. */
export type ActorContext<R extends SharedPorts = Repositories> = UseCaseContext<R> & { readonly actor: Actor }

/** The one argument of every use case: its context and its input (issue #13, item 5). */
export type UseCaseCall<C, I> = { readonly ctx: C; readonly input: I }
