import { type DomainError, DomainErrors, type FieldIssue } from '../shared/domain-error.ts'
import { parseIsoDateTime } from '../shared/iso-date-time.ts'
import { err, ok, type Result } from '../shared/result.ts'
import { collectIssues, optionalText, requiredText } from '../shared/text.ts'

export const MEETING_TYPES = ['Ordinary', 'Extraordinary'] as const
export type MeetingType = (typeof MEETING_TYPES)[number]

export const MEETING_STATUSES = ['Scheduled', 'Completed', 'Cancelled'] as const
export type MeetingStatus = (typeof MEETING_STATUSES)[number]

export const MEETING_TITLE_MAX = 200
export const MEETING_DESCRIPTION_MAX = 5000
export const MEETING_LOCATION_MAX = 255
export const AGENDA_ITEM_MAX = 500
/** A real AG agenda has a few dozen points; the cap keeps one JSON column bounded. */
export const AGENDA_MAX_ITEMS = 100
/** Far above any real assembly; keeps the value inside a Postgres integer. */
export const ATTENDEES_MAX = 1_000_000

/** A general assembly (AG) of a building's co-owners. */
export type Meeting = {
  readonly id: string
  readonly organizationId: string
  readonly buildingId: string
  readonly meetingType: MeetingType
  readonly title: string
  readonly description: string | null
  readonly scheduledDate: Date
  readonly location: string
  readonly status: MeetingStatus
  readonly agenda: readonly string[]
  /** Set when the meeting is completed; null before. */
  readonly attendeesCount: number | null
  readonly version: number
  readonly createdAt: Date
  readonly updatedAt: Date
}

export function isMeetingType(value: unknown): value is MeetingType {
  return typeof value === 'string' && (MEETING_TYPES as readonly string[]).includes(value)
}

export function isMeetingStatus(value: unknown): value is MeetingStatus {
  return typeof value === 'string' && (MEETING_STATUSES as readonly string[]).includes(value)
}

export type MeetingFields = {
  readonly meetingType: MeetingType
  readonly title: string
  readonly description?: string | null | undefined
  /** A Date, or an ISO-8601 string: 'YYYY-MM-DD' or a full timestamp (no offset = UTC). */
  readonly scheduledDate: Date | string
  readonly location: string
  readonly agenda?: readonly string[] | undefined
}

export type ValidMeetingFields = {
  readonly meetingType: MeetingType
  readonly title: string
  readonly description: string | null
  readonly scheduledDate: Date
  readonly location: string
  readonly agenda: readonly string[]
}

/** Validates what a caller types for a meeting; every problem is reported at once. */
export function validateMeeting(fields: MeetingFields): Result<ValidMeetingFields> {
  // A blank description from a form means "none".
  const description = fields.description?.trim() ? fields.description.trim() : null
  const scheduled = parseInstant(fields.scheduledDate, 'scheduled_date')
  const agenda = (fields.agenda ?? []).map((item) => item.trim())
  const issues = collectIssues(
    isMeetingType(fields.meetingType)
      ? undefined
      : { path: 'meeting_type', message: `must be one of ${MEETING_TYPES.join(', ')}` },
    requiredText('title', fields.title, MEETING_TITLE_MAX),
    optionalText('description', description, MEETING_DESCRIPTION_MAX),
    scheduled.ok ? undefined : issueOf(scheduled.error, 'scheduled_date'),
    requiredText('location', fields.location, MEETING_LOCATION_MAX),
    agenda.length > AGENDA_MAX_ITEMS
      ? { path: 'agenda', message: `must have at most ${AGENDA_MAX_ITEMS} items` }
      : undefined,
    ...agenda.map((item, i) => agendaItemIssue(`agenda.${i}`, item)),
  )
  if (issues.length > 0 || !scheduled.ok) return err(DomainErrors.validation('Invalid meeting', issues))
  return ok({
    meetingType: fields.meetingType,
    title: fields.title.trim(),
    description,
    scheduledDate: scheduled.value,
    location: fields.location.trim(),
    agenda,
  })
}

function agendaItemIssue(path: string, item: string): FieldIssue | undefined {
  return requiredText(path, item, AGENDA_ITEM_MAX)
}

function issueOf(error: DomainError, path: string): FieldIssue {
  return error.kind === 'validation' && error.issues[0] ? error.issues[0] : { path, message: error.message }
}

/**
 * Reads an instant strictly: Date.parse accepts "2025-02-30" (rolled over to March) and
 * locale-dependent forms, so the shared ISO reader checks every component first.
 * A timestamp without offset is taken as UTC: the server's time zone must not change its meaning.
 */
export function parseInstant(value: Date | string, field: string): Result<Date> {
  if (value instanceof Date) {
    return Number.isNaN(value.getTime())
      ? err(DomainErrors.invalidField(field, 'is not a valid date'))
      : ok(value)
  }
  if (!/^\d{4}-\d{2}-\d{2}(?:[T ]|$)/.test(value.trim())) {
    return err(DomainErrors.invalidField(field, 'must be an ISO-8601 date or timestamp'))
  }
  const parsed = parseIsoDateTime(value)
  if (!parsed || Number(parsed.year) < 1900)
    return err(DomainErrors.invalidField(field, 'is not a valid date'))
  const { year, month, day } = parsed
  const t = parsed.time ?? { hour: '00', minute: '00', second: '00', millis: '000', zone: 'Z' }
  const instant = new Date(`${year}-${month}-${day}T${t.hour}:${t.minute}:${t.second}.${t.millis}${t.zone}`)
  if (Number.isNaN(instant.getTime())) return err(DomainErrors.invalidField(field, 'is not a valid date'))
  return ok(instant)
}

/** Every transition below starts from Scheduled: a held or cancelled AG is history. */
export function requireScheduled(meeting: Meeting): Result<Meeting> {
  if (meeting.status !== 'Scheduled') {
    return err(
      DomainErrors.conflict(
        'meeting_not_scheduled',
        `The meeting is ${meeting.status}; only a Scheduled meeting can be changed`,
        { status: meeting.status },
      ),
    )
  }
  return ok(meeting)
}

/** Applies validated field changes to a Scheduled meeting (version bumped). */
export function reviseMeeting(meeting: Meeting, fields: ValidMeetingFields, now: Date): Result<Meeting> {
  const scheduled = requireScheduled(meeting)
  if (!scheduled.ok) return scheduled
  return ok({ ...meeting, ...fields, version: meeting.version + 1, updatedAt: now })
}

export function appendAgendaItem(meeting: Meeting, item: string, now: Date): Result<Meeting> {
  const scheduled = requireScheduled(meeting)
  if (!scheduled.ok) return scheduled
  const text = item.trim()
  const issue = agendaItemIssue('item', text)
  if (issue) return err(DomainErrors.validation('Invalid agenda item', [issue]))
  if (meeting.agenda.length >= AGENDA_MAX_ITEMS) {
    return err(
      DomainErrors.conflict('agenda_full', `An agenda has at most ${AGENDA_MAX_ITEMS} items`, {
        max: AGENDA_MAX_ITEMS,
      }),
    )
  }
  return ok({ ...meeting, agenda: [...meeting.agenda, text], version: meeting.version + 1, updatedAt: now })
}

export function markMeetingCompleted(meeting: Meeting, attendeesCount: number, now: Date): Result<Meeting> {
  const scheduled = requireScheduled(meeting)
  if (!scheduled.ok) return scheduled
  if (!Number.isInteger(attendeesCount) || attendeesCount < 0 || attendeesCount > ATTENDEES_MAX) {
    return err(
      DomainErrors.invalidField('attendees_count', `must be an integer between 0 and ${ATTENDEES_MAX}`),
    )
  }
  return ok({ ...meeting, status: 'Completed', attendeesCount, version: meeting.version + 1, updatedAt: now })
}

export function markMeetingCancelled(meeting: Meeting, now: Date): Result<Meeting> {
  const scheduled = requireScheduled(meeting)
  if (!scheduled.ok) return scheduled
  return ok({ ...meeting, status: 'Cancelled', version: meeting.version + 1, updatedAt: now })
}

/** A held meeting's record (attendance, minutes linked to it) is part of the building's history. */
export function checkDeletable(meeting: Meeting): Result<null> {
  if (meeting.status === 'Completed') {
    return err(
      DomainErrors.conflict(
        'meeting_completed',
        'A completed meeting is kept as history and cannot be deleted',
      ),
    )
  }
  return ok(null)
}
