import { writeScopeFor } from '../access/index.ts'
import type { UseCaseCall } from '../context.ts'
import { can } from '../identity/index.ts'
import { DomainErrors } from '../shared/domain-error.ts'
import { err, ok, type Result } from '../shared/result.ts'
import { checkNotice } from './convocation/notice.rule.ts'
import { settingsOf } from './convocation/settings.use-case.ts'
import type { GovernanceContext } from './governance.ports.ts'
import { type Meeting, type MeetingFields, validateMeeting } from './meeting.entity.ts'
import { recordMeetingEvent } from './meeting-events.ts'

export type CreateMeetingInput = MeetingFields & { readonly buildingId: string }

/**
 * Schedules a general assembly for a building of the actor's organization (a superadmin: of the
 * building's organization). A date closer than the building's notice (15 days, or longer by its
 * statutes: Civil Code art. 3.87 §3) is refused: no lawful convocation could reach the owners in time.
 */
export async function createMeeting({
  ctx,
  input,
}: UseCaseCall<GovernanceContext, CreateMeetingInput>): Promise<Result<Meeting>> {
  if (!can(ctx.actor, 'governance:write')) return err(DomainErrors.forbidden())
  const valid = validateMeeting(input)
  if (!valid.ok) return valid
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
    const now = ctx.clock.now()
    const settings = await settingsOf(repos, scope.value, building.id)
    const notice = checkNotice(valid.value.scheduledDate, now, settings.noticeDays)
    if (!notice.ok) return notice
    const meeting: Meeting = {
      id: ctx.ids.next(),
      organizationId: building.organizationId,
      buildingId: building.id,
      ...valid.value,
      status: 'Scheduled',
      attendeesCount: null,
      version: 1,
      createdAt: now,
      updatedAt: now,
    }
    await repos.governance.meetings.insert(scope.value, meeting)
    await recordMeetingEvent(ctx, repos, meeting, 'MeetingScheduled', {
      building_id: meeting.buildingId,
      meeting_type: meeting.meetingType,
    })
    return ok(meeting)
  })
}
