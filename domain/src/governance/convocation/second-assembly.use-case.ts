import { writeScopeFor } from '../../access/index.ts'
import type { UseCaseCall } from '../../context.ts'
import { can } from '../../identity/index.ts'
import { DomainErrors } from '../../shared/domain-error.ts'
import { err, ok, type Result } from '../../shared/result.ts'
import { recordEvent } from '../../shared/unit-of-work.ts'
import { getMeetingSession } from '../assembly-session.use-case.ts'
import type { GovernanceContext } from '../governance.ports.ts'
import { type Meeting, parseInstant } from '../meeting.entity.ts'
import { recordMeetingEvent } from '../meeting-events.ts'
import { checkNotice } from './notice.rule.ts'
import { checkSecondAssemblyDate } from './second-assembly.rule.ts'
import { settingsOf } from './settings.use-case.ts'

/**
 * POST /meetings/{id}/second-assembly (Civil Code art. 3.87 §5): when the recorded log shows the
 * first assembly opened without its quorum, convenes the second one at least 15 days later (and
 * within the convocation notice from now), with the same agenda and resolutions; it deliberates
 * whatever the attendance. Repeating the call returns the second assembly already convened.
 */
export async function conveneSecondAssembly({
  ctx,
  input: { meetingId, scheduledDate, location },
}: UseCaseCall<
  GovernanceContext,
  { readonly meetingId: string; readonly scheduledDate: string; readonly location?: string | undefined }
>): Promise<Result<Meeting>> {
  if (!can(ctx.actor, 'governance:write')) return err(DomainErrors.forbidden())
  const scope = await writeScopeFor(
    ctx,
    'governance:write',
    (id) => ctx.repos.governance.meetings.organizationOf(id),
    meetingId,
    'Meeting',
  )
  if (!scope.ok) return scope
  const date = parseInstant(scheduledDate, 'scheduled_date')
  if (!date.ok) return date
  const session = await getMeetingSession({ ctx, input: { meetingId } })
  if (!session.ok) return session
  const quorum = session.value.state?.quorum
  // Only a recorded opening without quorum counts: no log means nothing failed yet.
  if (session.value.acts.length === 0 || !quorum || quorum.reached)
    return err(
      DomainErrors.conflict(
        'quorum_not_failed',
        'A second assembly is convened only after a first one opened without its quorum (Civil Code art. 3.87 §5)',
      ),
    )
  return ctx.transaction(async (repos) => {
    const first = await repos.governance.meetings.findById(scope.value, meetingId)
    if (!first) return err(DomainErrors.notFound('Meeting'))
    const existing = await repos.governance.convocation.secondAssemblies.findByFirst(scope.value, meetingId)
    if (existing) {
      const found = await repos.governance.meetings.findById(scope.value, existing)
      if (found) return ok(found)
    }
    const later = checkSecondAssemblyDate(first.scheduledDate, date.value)
    if (!later.ok) return later
    const now = ctx.clock.now()
    const settings = await settingsOf(repos, scope.value, first.buildingId)
    const notice = checkNotice(date.value, now, settings.noticeDays)
    if (!notice.ok) return notice
    const second: Meeting = {
      ...first,
      id: ctx.ids.next(),
      scheduledDate: date.value,
      location: location?.trim() || first.location,
      status: 'Scheduled',
      attendeesCount: null,
      version: 1,
      createdAt: now,
      updatedAt: now,
    }
    await repos.governance.meetings.insert(scope.value, second)
    await repos.governance.convocation.secondAssemblies.insert(scope.value, {
      meetingId: second.id,
      firstMeetingId: first.id,
      organizationId: first.organizationId,
    })
    const resolutions = await repos.governance.assembly.resolutions.listForMeeting(scope.value, first.id)
    for (const r of resolutions)
      await repos.governance.assembly.resolutions.insert(scope.value, {
        ...r,
        id: ctx.ids.next(),
        meetingId: second.id,
        version: 1,
        createdAt: now,
        updatedAt: now,
      })
    await recordMeetingEvent(ctx, repos, second, 'MeetingScheduled', { building_id: second.buildingId })
    await recordEvent(ctx, repos, 'SecondAssemblyConvened', second, second.id, {
      first_meeting_id: first.id,
      quorum: quorum.explanation.slice(0, 300),
    })
    return ok(second)
  })
}
