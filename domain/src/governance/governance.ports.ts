import type { ActorContext } from '../context.ts'
import type { DocumentsQueries } from '../documents/index.ts'
import type { PropertyQueries, TenantScope } from '../property/index.ts'
import type { Page, PageRequest } from '../shared/ports.ts'
import type { SharedPorts } from '../shared/shared-ports.ts'
import type { AssemblyPorts } from './assembly.ports.ts'
import type { ConvocationPorts } from './convocation.ports.ts'
import type { Meeting, MeetingStatus, MeetingType } from './meeting.entity.ts'

/** Sort keys the HTTP layer may pass through as `sort_by` (wire spelling, whitelisted). */
export const MEETING_SORT_FIELDS = ['scheduled_date', 'created_at', 'title'] as const
export type MeetingSortField = (typeof MEETING_SORT_FIELDS)[number]

/** Every member optional and AND-ed; absent (undefined) means "no condition". */
export type MeetingFilter = {
  readonly buildingId?: string | undefined
  readonly status?: MeetingStatus | undefined
  readonly meetingType?: MeetingType | undefined
  /** Inclusive bounds on scheduledDate. */
  readonly dateFrom?: Date | undefined
  readonly dateTo?: Date | undefined
  /** Restricts to meetings of these buildings (an owner's); an empty array matches nothing. */
  readonly buildingIds?: readonly string[] | undefined
}

export interface MeetingRepository {
  /** The meeting, or null when missing or of another tenant. */
  findById(scope: TenantScope, id: string): Promise<Meeting | null>
  /** Inserts a new row (version 1); meeting.organizationId equals scope.organizationId. */
  insert(scope: TenantScope, meeting: Meeting): Promise<void>
  /** Writes only when the stored version equals `meeting.version - 1`; false otherwise (or missing). */
  update(scope: TenantScope, meeting: Meeting): Promise<boolean>
  /** Deletes only when the stored version equals `version`; false when missing or changed. */
  delete(scope: TenantScope, id: string, version: number): Promise<boolean>
  /** One page of the tenant's meetings matching `filter`, sorted by page.sortBy then id. */
  list(scope: TenantScope, filter: MeetingFilter, page: PageRequest<MeetingSortField>): Promise<Page<Meeting>>
  /** Cross-tenant, superadmin only: like list over every organization. */
  listAcrossTenants(filter: MeetingFilter, page: PageRequest<MeetingSortField>): Promise<Page<Meeting>>
  /** Cross-tenant, superadmin only: the organization owning this meeting, or null if none has it. */
  organizationOf(id: string): Promise<string | null>
}

/** The governance context's own repositories (its ports bundle). */
export type GovernancePorts = {
  readonly meetings: MeetingRepository
  readonly assembly: AssemblyPorts
  readonly convocation: ConvocationPorts
}

/** What other contexts may read of governance, through governance/index.ts (a document's meeting). */
export type GovernanceQueries = {
  readonly meetings: Pick<MeetingRepository, 'findById' | 'organizationOf'>
}

/** What the governance use cases see in a transaction: their bundle and property's queries. */
export type GovernanceRepos = SharedPorts & {
  readonly governance: GovernancePorts
  readonly property: PropertyQueries
  /** Whether documents point at a meeting (a meeting with documents is not deleted). */
  readonly documents: DocumentsQueries
}
export type GovernanceContext = ActorContext<GovernanceRepos>
