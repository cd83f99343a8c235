import { mayReadBuilding, readAccessOf, writeScopeFor } from '../../access/index.ts'
import type { UseCaseCall } from '../../context.ts'
import { can } from '../../identity/index.ts'
import { BUILDING_TIME_ZONE, calendarDateIn } from '../../property/index.ts'
import { DomainErrors } from '../../shared/domain-error.ts'
import { err, ok, type Result } from '../../shared/result.ts'
import { recordEvent } from '../../shared/unit-of-work.ts'
import type { AssemblyRequest } from '../convocation.ports.ts'
import type { GovernanceContext } from '../governance.ports.ts'
import { requestDeadline, requestShare } from './assembly-request.rule.ts'
import { type DeadlineStatus, deadlineStatus } from './minutes-deadline.rule.ts'

export type AssemblyRequestView = AssemblyRequest & { readonly status: DeadlineStatus }

export const REQUEST_NOTE_MAX = 1000
export const REQUEST_OWNERS_MAX = 500

/**
 * Records the owners' request to convene an assembly (Civil Code art. 3.87 §2). The share is read
 * from the register on the day received, never taken from the caller; below one fifth it is
 * refused with the arithmetic. The deadline runs from the receipt.
 */
export async function recordAssemblyRequest({
  ctx,
  input,
}: UseCaseCall<
  GovernanceContext,
  {
    readonly buildingId: string
    readonly ownerIds: readonly string[]
    readonly receivedAt: Date
    readonly note?: string | null | undefined
  }
>): Promise<Result<AssemblyRequestView>> {
  if (!can(ctx.actor, 'governance:write')) return err(DomainErrors.forbidden())
  const ownerIds = [...new Set(input.ownerIds)]
  if (ownerIds.length === 0 || ownerIds.length > REQUEST_OWNERS_MAX)
    return err(DomainErrors.invalidField('owner_ids', `must name 1 to ${REQUEST_OWNERS_MAX} owners`))
  const now = ctx.clock.now()
  if (input.receivedAt.getTime() > now.getTime())
    return err(DomainErrors.invalidField('received_at', 'must not be in the future'))
  const note = input.note?.trim() ? input.note.trim().slice(0, REQUEST_NOTE_MAX) : null
  const scope = await writeScopeFor(
    ctx,
    'governance:write',
    (id) => ctx.repos.property.buildings.organizationOf(id),
    input.buildingId,
    'Building',
  )
  if (!scope.ok) return scope
  return ctx.transaction(async (repos) => {
    const building = await repos.property.buildings.findById(scope.value, input.buildingId)
    if (!building) return err(DomainErrors.notFound('Building'))
    const basis = await repos.property.quoteParts.loadBuildingBasis(
      scope.value,
      building.id,
      calendarDateIn(input.receivedAt, BUILDING_TIME_ZONE),
    )
    if (!basis) return err(DomainErrors.notFound('Building'))
    const share = requestShare(basis, ownerIds)
    if (!share.reached)
      return err(
        DomainErrors.conflict(
          'request_share_below_fifth',
          `The requesting owners hold ${share.explanation}`,
          {
            held: share.held,
            total: share.total,
          },
        ),
      )
    const request: AssemblyRequest = {
      id: ctx.ids.next(),
      organizationId: building.organizationId,
      buildingId: building.id,
      ownerIds,
      receivedAt: input.receivedAt,
      deadline: requestDeadline(input.receivedAt),
      sharesHeld: share.held,
      sharesTotal: share.total,
      note,
      meetingId: null,
      createdAt: now,
    }
    await repos.governance.convocation.requests.insert(scope.value, request)
    await recordEvent(ctx, repos, 'AssemblyRequested', building, building.id, {
      request_id: request.id,
      owners: ownerIds.length,
      shares_held: share.held,
      shares_total: share.total,
    })
    return ok({ ...request, status: deadlineStatus(request.deadline, now, null) })
  })
}

/** The building's requests, each with its deadline's status (overdue while no meeting answers it). */
export async function listAssemblyRequests({
  ctx,
  input: { buildingId },
}: UseCaseCall<GovernanceContext, { readonly buildingId: string }>): Promise<
  Result<readonly AssemblyRequestView[]>
> {
  const scope = await mayReadBuilding(ctx, readAccessOf(ctx), buildingId)
  if (!scope.ok) return scope
  const now = ctx.clock.now()
  const rows = await ctx.repos.governance.convocation.requests.listForBuilding(scope.value, buildingId)
  return ok(
    rows.map((r) => ({ ...r, status: deadlineStatus(r.deadline, now, r.meetingId ? r.createdAt : null) })),
  )
}
