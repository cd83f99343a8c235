import { findReadableRow, mayReadBuilding, ownedBuildingIds, readAccessOf } from '../access/index.ts'
import type { ActorContext, UseCaseCall } from '../context.ts'
import type { PropertyQueries } from '../property/index.ts'
import { DomainErrors } from '../shared/domain-error.ts'
import type { Page, PageRequest } from '../shared/ports.ts'
import { err, ok, type Result } from '../shared/result.ts'
import type { SharedPorts } from '../shared/shared-ports.ts'
import type {
  GovernanceContext,
  GovernanceQueries,
  MeetingFilter,
  MeetingSortField,
} from './governance.ports.ts'

/** Reading one meeting needs only governance's and property's queries: documents use it too. */
export type MeetingReaderContext = ActorContext<
  SharedPorts & { readonly governance: GovernanceQueries; readonly property: PropertyQueries }
>

import { type Meeting, parseInstant } from './meeting.entity.ts'

/** What GET /meetings may filter on; `buildingIds` is the domain's to set, never the caller's. */
export type MeetingQuery = Omit<MeetingFilter, 'buildingIds'>

/** Syndics and accountants read their firm's meetings; an owner only those of buildings they own a unit in. */
export async function getMeeting({
  ctx,
  input: { id },
}: UseCaseCall<MeetingReaderContext, { readonly id: string }>): Promise<Result<Meeting>> {
  return findReadableRow(ctx, 'Meeting', id, {
    organizationOf: (mid) => ctx.repos.governance.meetings.organizationOf(mid),
    findById: (scope, mid) => ctx.repos.governance.meetings.findById(scope, mid),
  })
}

export async function listMeetings({
  ctx,
  input: { query, page, tenant = {} },
}: UseCaseCall<
  GovernanceContext,
  {
    readonly query: MeetingQuery
    readonly page: PageRequest<MeetingSortField>
    readonly tenant?: { readonly organizationId?: string | null | undefined }
  }
>): Promise<Result<Page<Meeting>>> {
  const range = checkDateRange(query)
  if (!range.ok) return range
  const filter: MeetingFilter = { ...query, buildingIds: undefined }
  const access = readAccessOf(ctx)
  switch (access.kind) {
    case 'platform':
      // A superadmin may narrow to one tenant (organization_id), as for property lists.
      return ok(
        tenant.organizationId
          ? await ctx.repos.governance.meetings.list({ organizationId: tenant.organizationId }, filter, page)
          : await ctx.repos.governance.meetings.listAcrossTenants(filter, page),
      )
    case 'organization':
      return ok(await ctx.repos.governance.meetings.list(access.scope, filter, page))
    case 'owner': {
      const buildingIds = await ownedBuildingIds(ctx.repos, access.scope, access.userId)
      return ok(await ctx.repos.governance.meetings.list(access.scope, { ...filter, buildingIds }, page))
    }
    case 'auditor':
      // The assemblies of the audited buildings (the auditor reports to them), nothing else.
      return ok(
        await ctx.repos.governance.meetings.list(
          access.scope,
          { ...filter, buildingIds: access.buildingIds },
          page,
        ),
      )
    case 'none':
      return ok({ items: [], total: 0 })
  }
}

/** GET /buildings/{id}/meetings: an unknown, foreign or (for an owner) not-owned building is a 404. */
export async function listBuildingMeetings({
  ctx,
  input: { buildingId, query, page },
}: UseCaseCall<
  GovernanceContext,
  {
    readonly buildingId: string
    readonly query: Omit<MeetingQuery, 'buildingId'>
    readonly page: PageRequest<MeetingSortField>
  }
>): Promise<Result<Page<Meeting>>> {
  const range = checkDateRange(query)
  if (!range.ok) return range
  const scope = await mayReadBuilding(ctx, readAccessOf(ctx), buildingId)
  if (!scope.ok) return scope
  return ok(
    await ctx.repos.governance.meetings.list(
      scope.value,
      { ...query, buildingId, buildingIds: undefined },
      page,
    ),
  )
}

/**
 * Reads a `date_from` / `date_to` query value. A bare day covers that whole UTC day, so
 * `date_to=2025-06-30` includes an AG held that evening.
 */
export function parseMeetingDateBound(value: string, bound: 'from' | 'to', field: string): Result<Date> {
  const instant = parseInstant(value, field)
  if (!instant.ok) return instant
  const dayOnly = /^\d{4}-\d{2}-\d{2}$/.test(value.trim())
  return ok(dayOnly && bound === 'to' ? new Date(instant.value.getTime() + 86_400_000 - 1) : instant.value)
}

function checkDateRange(query: Pick<MeetingFilter, 'dateFrom' | 'dateTo'>): Result<null> {
  if (query.dateFrom && query.dateTo && query.dateFrom.getTime() > query.dateTo.getTime()) {
    return err(DomainErrors.invalidField('date_to', 'must not be before date_from'))
  }
  return ok(null)
}
