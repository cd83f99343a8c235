import type { TenantScope, UnitOwnership, UnitRepresentation } from '../property/index.ts'
import type {
  AssemblyRegister,
  DecisionType,
  Majority,
  MeetingAct,
  MeetingReplay,
  StatutoryMajorities,
} from './assembly/index.ts'

/*
 * The general assembly's repositories (issue #14): agenda items (resolutions), the meeting's
 * append-only log, proxies given online, and what the attendance register is built from.
 */

/** One agenda item: what the assembly is asked to decide, and the majority it needs. */
export type Resolution = {
  readonly id: string
  readonly organizationId: string
  readonly meetingId: string
  readonly position: number
  readonly title: string
  readonly proposedDecision: string | null
  readonly decisionType: DecisionType
  /** At least requiredMajority(decisionType). */
  readonly majority: Majority
  readonly version: number
  readonly createdAt: Date
  readonly updatedAt: Date
}

export interface ResolutionRepository {
  /** The meeting's items by position, then creation. */
  listForMeeting(scope: TenantScope, meetingId: string): Promise<readonly Resolution[]>
  findById(scope: TenantScope, id: string): Promise<Resolution | null>
  insert(scope: TenantScope, resolution: Resolution): Promise<void>
  /** Writes only when the stored version equals `resolution.version - 1`. */
  update(scope: TenantScope, resolution: Resolution): Promise<boolean>
  delete(scope: TenantScope, id: string, version: number): Promise<boolean>
}

/** The log as stored: rows are only ever appended (a trigger refuses UPDATE and DELETE). */
export interface MeetingActRepository {
  /** Serialises writers of one meeting's log until the transaction ends. */
  lockLog(scope: TenantScope, meetingId: string): Promise<void>
  /** The acts in seq order, from `fromSeq` (default 1). */
  list(scope: TenantScope, meetingId: string, fromSeq?: number): Promise<readonly MeetingAct[]>
  /** The last stored act's seq and hash, or null for an empty log. */
  last(scope: TenantScope, meetingId: string): Promise<{ readonly seq: number; readonly hash: string } | null>
  append(scope: TenantScope, meetingId: string, acts: readonly MeetingAct[]): Promise<void>
}

/** A proxy an owner gave in the portal before the meeting (art. 3.87 §7). */
export type OnlineProxyRecord = {
  readonly id: string
  readonly organizationId: string
  readonly meetingId: string
  readonly grantorOwnerId: string
  readonly holderOwnerId: string | null
  readonly holderName: string | null
  readonly createdAt: Date
}

export interface MeetingProxyRepository {
  listForMeeting(scope: TenantScope, meetingId: string): Promise<readonly OnlineProxyRecord[]>
  insert(scope: TenantScope, proxy: OnlineProxyRecord): Promise<void>
  findById(scope: TenantScope, id: string): Promise<OnlineProxyRecord | null>
  /** Removes a revoked proxy (before the log starts only); true when a row went. */
  delete(scope: TenantScope, id: string): Promise<boolean>
}

/** An owner as the register names them; `staff`: linked to a syndic/accountant account (holds no proxy). */
export type RegisterOwner = {
  readonly id: string
  readonly name: string
  readonly staff: boolean
}

/** Everything the attendance register of one building is built from, in a few queries. */
export type BuildingHoldings = {
  readonly totalTantiemes: number
  readonly units: readonly { readonly unitId: string; readonly unitNumber: string; readonly quota: number }[]
  /** Every ownership link of those units, history included (the date picks). */
  readonly links: readonly UnitOwnership[]
  readonly designations: readonly UnitRepresentation[]
  readonly owners: readonly RegisterOwner[]
}

export interface AssemblyRegisterStore {
  /** The building's holdings; null when the building is missing or of another tenant. */
  loadHoldings(scope: TenantScope, buildingId: string): Promise<BuildingHoldings | null>
  /** The register frozen when the meeting's log started (the attendance list of the day), or null. */
  findFrozen(scope: TenantScope, meetingId: string): Promise<FrozenRegister | null>
  freeze(scope: TenantScope, meetingId: string, frozen: FrozenRegister): Promise<void>
}

/** The register as fixed at the first act, with who may hold no proxy. */
export type FrozenRegister = {
  readonly register: AssemblyRegister
  readonly syndicOwnerIds: readonly string[]
  /**
   * The majorities the statutes raised when the log started: a meeting is replayed under the rules
   * it began with, whatever the settings say later (absent on registers frozen before they existed).
   */
  readonly statutoryMajorities?: StatutoryMajorities | undefined
}

/**
 * Replays kept between syncs of one meeting (a process-local cache: a sync then applies only its
 * new acts). Never trusted blindly: a replay is used only when its last seq and hash equal the
 * stored log's, otherwise the log is replayed from the start (another process wrote, or a batch
 * was refused or rolled back after the cached replay had applied part of it).
 */
export interface MeetingReplayCache {
  get(organizationId: string, meetingId: string): MeetingReplay | undefined
  set(organizationId: string, meetingId: string, replay: MeetingReplay): void
  delete(organizationId: string, meetingId: string): void
}

export type AssemblyPorts = {
  readonly resolutions: ResolutionRepository
  readonly acts: MeetingActRepository
  readonly proxies: MeetingProxyRepository
  readonly registers: AssemblyRegisterStore
  readonly replays: MeetingReplayCache
}
