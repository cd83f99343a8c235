import type { TenantScope } from '../property/index.ts'
import type { AssemblySettings } from './convocation/assembly-settings.ts'
import type { BoardRole } from './convocation/board.rule.ts'

/*
 * The ports of the convocation side of assemblies (issue #14 items 1, 5, 7, 8): the building's
 * statutes, the owners' requests, board mandates, second assemblies, convocation deliveries and
 * minutes. One bundle, `governance.convocation`, so the other governance ports stay untouched.
 */

export interface AssemblySettingsRepository {
  /** The stored settings, or null while the building uses the legal defaults. */
  find(scope: TenantScope, buildingId: string): Promise<AssemblySettings | null>
  /** Inserts (version 1) or updates when the stored version is `settings.version - 1`; false otherwise. */
  save(scope: TenantScope, settings: AssemblySettings): Promise<boolean>
}

export type AssemblyRequest = {
  readonly id: string
  readonly organizationId: string
  readonly buildingId: string
  readonly ownerIds: readonly string[]
  readonly receivedAt: Date
  readonly deadline: Date
  /** Tantièmes held by the requesters on the day received, and the building's total. */
  readonly sharesHeld: number
  readonly sharesTotal: number
  readonly note: string | null
  /** The meeting convened in answer, once there is one. */
  readonly meetingId: string | null
  readonly createdAt: Date
}

export interface AssemblyRequestRepository {
  insert(scope: TenantScope, request: AssemblyRequest): Promise<void>
  findById(scope: TenantScope, id: string): Promise<AssemblyRequest | null>
  listForBuilding(scope: TenantScope, buildingId: string): Promise<readonly AssemblyRequest[]>
  setMeeting(scope: TenantScope, id: string, meetingId: string): Promise<boolean>
}

export type BoardMandate = {
  readonly id: string
  readonly organizationId: string
  readonly buildingId: string
  readonly ownerId: string
  readonly role: BoardRole
  /** Calendar days 'YYYY-MM-DD'; end inclusive, null while open-ended. */
  readonly startDate: string
  readonly endDate: string | null
  readonly resolutionId: string | null
  readonly version: number
  readonly createdAt: Date
}

export interface BoardMandateRepository {
  insert(scope: TenantScope, mandate: BoardMandate): Promise<void>
  findById(scope: TenantScope, id: string): Promise<BoardMandate | null>
  listForBuilding(scope: TenantScope, buildingId: string): Promise<readonly BoardMandate[]>
  update(scope: TenantScope, mandate: BoardMandate): Promise<boolean>
  delete(scope: TenantScope, id: string): Promise<boolean>
}

/** A meeting convened as the second assembly of another (art. 3.87 §5). */
export interface SecondAssemblyRepository {
  /** The second assembly convened after `firstMeetingId`, if any. */
  findByFirst(scope: TenantScope, firstMeetingId: string): Promise<string | null>
  /** The first meeting `meetingId` is the second assembly of, or null. */
  firstOf(scope: TenantScope, meetingId: string): Promise<string | null>
  insert(
    scope: TenantScope,
    link: { meetingId: string; firstMeetingId: string; organizationId: string },
  ): Promise<void>
}

export const DELIVERY_CHANNELS = ['email', 'post'] as const
export type DeliveryChannel = (typeof DELIVERY_CHANNELS)[number]
export const DELIVERY_STATUSES = ['pending', 'sent', 'failed', 'to_post'] as const
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number]
export const DELIVERY_KINDS = ['convocation', 'minutes'] as const
export type DeliveryKind = (typeof DELIVERY_KINDS)[number]

export type Delivery = {
  readonly id: string
  readonly organizationId: string
  readonly meetingId: string
  readonly kind: DeliveryKind
  readonly ownerId: string
  readonly channel: DeliveryChannel
  readonly status: DeliveryStatus
  readonly language: string
  readonly documentId: string | null
  readonly sentAt: Date | null
  readonly error: string | null
  readonly createdAt: Date
}

export interface DeliveryRepository {
  /** Inserts unless a delivery of this kind already exists for (meeting, owner); true when inserted. */
  insertIfAbsent(scope: TenantScope, delivery: Delivery): Promise<boolean>
  list(scope: TenantScope, meetingId: string, kind: DeliveryKind): Promise<readonly Delivery[]>
  findById(scope: TenantScope, id: string): Promise<Delivery | null>
  markSent(scope: TenantScope, id: string, sentAt: Date, documentId: string | null): Promise<void>
  markFailed(scope: TenantScope, id: string, error: string): Promise<void>
  /** Links the delivery's printed letter once (only while it has none); true when it linked. */
  attachDocument(scope: TenantScope, id: string, documentId: string): Promise<boolean>
}

export type MinutesRecord = {
  readonly meetingId: string
  readonly organizationId: string
  readonly documentIds: readonly string[]
  readonly rootHash: string
  readonly generatedAt: Date
  readonly deadline: Date
  readonly sentAt: Date | null
}

export interface MinutesRepository {
  find(scope: TenantScope, meetingId: string): Promise<MinutesRecord | null>
  upsert(scope: TenantScope, record: MinutesRecord): Promise<void>
}

export type ConvocationPorts = {
  readonly settings: AssemblySettingsRepository
  readonly requests: AssemblyRequestRepository
  readonly board: BoardMandateRepository
  readonly secondAssemblies: SecondAssemblyRepository
  readonly deliveries: DeliveryRepository
  readonly minutes: MinutesRepository
}
