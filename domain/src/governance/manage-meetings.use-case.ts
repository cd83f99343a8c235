import { writeScopeFor } from '../access/index.ts'
import type { UseCaseCall } from '../context.ts'
import type { TenantScope } from '../property/index.ts'
import { BUILDING_TIME_ZONE, calendarDateIn } from '../property/index.ts'
import { DomainErrors } from '../shared/domain-error.ts'
import type { DomainEventType } from '../shared/domain-events.ts'
import { stripUndefined } from '../shared/object.ts'
import { err, ok, type Result } from '../shared/result.ts'
import { checkVersion } from '../shared/versioning.ts'
import { checkNotice } from './convocation/notice.rule.ts'
import { settingsOf } from './convocation/settings.use-case.ts'
import type { GovernanceContext, GovernanceRepos } from './governance.ports.ts'
import {
  appendAgendaItem,
  checkDeletable,
  type Meeting,
  type MeetingFields,
  markMeetingCancelled,
  markMeetingCompleted,
  requireScheduled,
  reviseMeeting,
  validateMeeting,
} from './meeting.entity.ts'
import { recordMeetingEvent } from './meeting-events.ts'

/** Fields PUT /meetings/{id} may change; the building of a meeting is fixed at creation. */
export type UpdateMeetingInput = Partial<MeetingFields>

export async function updateMeeting({
  ctx,
  input: { id, changes, expectedVersion },
}: UseCaseCall<
  GovernanceContext,
  { readonly id: string; readonly changes: UpdateMeetingInput; readonly expectedVersion: number | undefined }
>): Promise<Result<Meeting>> {
  const fields = Object.keys(stripUndefined(changes))
  return mutateMeeting(
    ctx,
    id,
    expectedVersion,
    'MeetingUpdated',
    { fields },
    async (current, now, repos) => {
      // State first: editing a held or cancelled AG is refused whatever the input.
      const scheduled = requireScheduled(current)
      if (!scheduled.ok) return scheduled
      const valid = validateMeeting({ ...current, ...stripUndefined(changes) })
      if (!valid.ok) return valid
      // Rescheduling needs a new convocation, so the notice applies again (art. 3.87 §3); editing
      // the title or the place of a meeting already inside its notice period stays possible.
      if (valid.value.scheduledDate.getTime() !== current.scheduledDate.getTime()) {
        const settings = await settingsOf(repos, current, current.buildingId)
        const notice = checkNotice(valid.value.scheduledDate, now, settings.noticeDays)
        if (!notice.ok) return notice
      }
      return reviseMeeting(current, valid.value, now)
    },
  )
}

export async function addMeetingAgendaItem({
  ctx,
  input: { id, item, expectedVersion },
}: UseCaseCall<
  GovernanceContext,
  { readonly id: string; readonly item: string; readonly expectedVersion?: number | undefined }
>): Promise<Result<Meeting>> {
  return mutateMeeting(ctx, id, expectedVersion, 'AgendaItemAdded', undefined, (current, now) =>
    appendAgendaItem(current, item, now),
  )
}

export async function completeMeeting({
  ctx,
  input: { id, attendeesCount, expectedVersion },
}: UseCaseCall<
  GovernanceContext,
  { readonly id: string; readonly attendeesCount: number; readonly expectedVersion?: number | undefined }
>): Promise<Result<Meeting>> {
  return mutateMeeting(
    ctx,
    id,
    expectedVersion,
    'MeetingCompleted',
    { attendees_count: attendeesCount },
    async (current, now, repos) => {
      // State and the count's range first (a negative count is a 400 whatever the date).
      const completed = markMeetingCompleted(current, attendeesCount, now)
      if (!completed.ok) return completed
      // A meeting is held on its date: recording it as held before then is refused.
      if (now.getTime() < current.scheduledDate.getTime())
        return err(
          DomainErrors.conflict(
            'meeting_not_yet_held',
            `The meeting is scheduled for ${current.scheduledDate.toISOString().slice(0, 10)}; it cannot be recorded as held before its date`,
            { date: current.scheduledDate.toISOString().slice(0, 10) },
          ),
        )
      const owners = await ownersOnMeetingDay(repos, current)
      if (attendeesCount > owners)
        return err(
          DomainErrors.conflict(
            'attendees_exceed_owners',
            `${attendeesCount} attendees recorded, but the building has ${owners} owners on the meeting's date`,
            { attendees: attendeesCount, owners },
          ),
        )
      return completed
    },
  )
}

export async function cancelMeeting({
  ctx,
  input: { id, expectedVersion },
}: UseCaseCall<
  GovernanceContext,
  { readonly id: string; readonly expectedVersion?: number | undefined }
>): Promise<Result<Meeting>> {
  return mutateMeeting(ctx, id, expectedVersion, 'MeetingCancelled', undefined, (current, now) =>
    markMeetingCancelled(current, now),
  )
}

/**
 * Deletes a Scheduled or Cancelled meeting. A Completed one is history; a meeting documents are
 * linked to is refused too, because deleting it would silently orphan or rewrite those documents.
 */
export async function deleteMeeting({
  ctx,
  input: { id, expectedVersion },
}: UseCaseCall<
  GovernanceContext,
  { readonly id: string; readonly expectedVersion: number | undefined }
>): Promise<Result<null>> {
  const scope = await meetingWriteScope(ctx, id)
  if (!scope.ok) return scope
  return ctx.transaction(async (repos) => {
    const current = await repos.governance.meetings.findById(scope.value, id)
    if (!current) return err(DomainErrors.notFound('Meeting'))
    const fresh = checkVersion('Meeting', current.version, expectedVersion)
    if (!fresh.ok) return fresh
    const deletable = checkDeletable(current)
    if (!deletable.ok) return deletable
    // A meeting whose log started is the assembly's history (its agenda items and online proxies go with it otherwise).
    if ((await repos.governance.assembly.registers.findFrozen(scope.value, id)) !== null) {
      return err(
        DomainErrors.conflict('meeting_has_log', 'This meeting has a recorded log; it is kept as history'),
      )
    }
    if ((await repos.documents.documents.count(scope.value, { relatedMeetingId: id })) > 0) {
      return err(
        DomainErrors.conflict(
          'meeting_has_documents',
          'Documents are linked to this meeting; delete or relink them first',
        ),
      )
    }
    if (!(await repos.governance.meetings.delete(scope.value, id, current.version)))
      return err(DomainErrors.versionConflict('Meeting', current.version + 1))
    await recordMeetingEvent(ctx, repos, current, 'MeetingDeleted', { status: current.status })
    return ok(null)
  })
}

/** Distinct owners holding a lot of the building on the meeting's day (Brussels), from the register. */
async function ownersOnMeetingDay(repos: GovernanceRepos, meeting: Meeting): Promise<number> {
  const day = calendarDateIn(meeting.scheduledDate, BUILDING_TIME_ZONE)
  const basis = await repos.property.quoteParts.loadBuildingBasis(meeting, meeting.buildingId, day)
  return new Set((basis?.units ?? []).flatMap((u) => u.owners.map((o) => o.ownerId))).size
}

function meetingWriteScope(ctx: GovernanceContext, id: string): Promise<Result<TenantScope>> {
  return writeScopeFor(
    ctx,
    'governance:write',
    (mid) => ctx.repos.governance.meetings.organizationOf(mid),
    id,
    'Meeting',
  )
}

/** Load in scope, check the version, apply one pure transition, save conditionally and audit: atomically. */
async function mutateMeeting(
  ctx: GovernanceContext,
  id: string,
  expectedVersion: number | undefined,
  action: DomainEventType,
  details: Record<string, unknown> | undefined,
  change: (current: Meeting, now: Date, repos: GovernanceRepos) => Result<Meeting> | Promise<Result<Meeting>>,
): Promise<Result<Meeting>> {
  const scope = await meetingWriteScope(ctx, id)
  if (!scope.ok) return scope
  return ctx.transaction(async (repos) => {
    const current = await repos.governance.meetings.findById(scope.value, id)
    if (!current) return err(DomainErrors.notFound('Meeting'))
    const fresh = checkVersion('Meeting', current.version, expectedVersion)
    if (!fresh.ok) return fresh
    const next = await change(current, ctx.clock.now(), repos)
    if (!next.ok) return next
    if (!(await repos.governance.meetings.update(scope.value, next.value)))
      return err(DomainErrors.versionConflict('Meeting', current.version + 1))
    await recordMeetingEvent(ctx, repos, next.value, action, details)
    return ok(next.value)
  })
}
