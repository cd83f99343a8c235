import { z } from '@hono/zod-openapi'
import {
  AGENDA_ITEM_MAX,
  AGENDA_MAX_ITEMS,
  ATTENDEES_MAX,
  MEETING_DESCRIPTION_MAX,
  MEETING_LOCATION_MAX,
  MEETING_SORT_FIELDS,
  MEETING_STATUSES,
  MEETING_TITLE_MAX,
  MEETING_TYPES,
  type Meeting,
  parseMeetingDateBound,
} from '@koprogo/domain'
import { domainParsed } from '../_shared/domain-query.ts'
import { optionalId, organizationFilter, pageOf, pageQuery } from '../_shared/http.ts'
import { WIRE_BOUNDS } from '../_shared/wire-bounds.ts'

export const MeetingSchema = z
  .object({
    id: z.uuid(),
    organization_id: z.uuid(),
    building_id: z.uuid(),
    meeting_type: z.enum(MEETING_TYPES),
    title: z.string(),
    description: z.string().nullable(),
    scheduled_date: z.string().openapi({ example: '2026-06-15T18:30:00.000Z' }),
    location: z.string(),
    status: z.enum(MEETING_STATUSES),
    agenda: z.array(z.string()),
    attendees_count: z.number().int().nullable(),
    version: z.number().int(),
    created_at: z.string(),
    updated_at: z.string(),
  })
  .openapi('Meeting')

export const MeetingPageSchema = pageOf(MeetingSchema, 'MeetingPage')

export function toMeetingDto(m: Meeting): z.infer<typeof MeetingSchema> {
  return {
    id: m.id,
    organization_id: m.organizationId,
    building_id: m.buildingId,
    meeting_type: m.meetingType,
    title: m.title,
    description: m.description,
    scheduled_date: m.scheduledDate.toISOString(),
    location: m.location,
    status: m.status,
    agenda: [...m.agenda],
    attendees_count: m.attendeesCount,
    version: m.version,
    created_at: m.createdAt.toISOString(),
    updated_at: m.updatedAt.toISOString(),
  }
}

// Lengths are the domain's; zod only bounds what is parsed, the domain reports blank/trim issues.
const fields = {
  meeting_type: z.enum(MEETING_TYPES),
  title: z.string().max(MEETING_TITLE_MAX),
  description: z.string().max(MEETING_DESCRIPTION_MAX).nullish(),
  scheduled_date: z
    .string()
    .max(WIRE_BOUNDS.date_text)
    .openapi({ description: 'YYYY-MM-DD or ISO timestamp (no offset = UTC)' }),
  location: z.string().max(MEETING_LOCATION_MAX),
  agenda: z.array(z.string().max(AGENDA_ITEM_MAX)).max(AGENDA_MAX_ITEMS).optional(),
}

export const CreateMeetingBody = z
  .object({
    ...fields,
    building_id: z.uuid(),
    organization_id: optionalId().openapi({
      description: 'Sent by v1 clients; ignored: a meeting belongs to its building’s organization',
    }),
  })
  .openapi('CreateMeeting')

export const UpdateMeetingBody = z
  .object(fields)
  .partial()
  .extend({ version: z.number().int().positive().optional() })
  .openapi('UpdateMeeting')

const version = z.number().int().positive().optional()

export const AgendaItemBody = z
  .object({ item: z.string().max(AGENDA_ITEM_MAX), version })
  .openapi('AddAgendaItem')

export const CompleteMeetingBody = z
  .object({ attendees_count: z.number().int().openapi({ minimum: 0, maximum: ATTENDEES_MAX }), version })
  .openapi('CompleteMeeting')

export const CancelMeetingBody = z.object({ version }).openapi('CancelMeeting')

/** A bound of the scheduled date: a bare `date_to` day covers that whole UTC day. */
const dateBound = (field: 'date_from' | 'date_to') =>
  domainParsed((v) => parseMeetingDateBound(v, field === 'date_from' ? 'from' : 'to', field)).openapi({
    type: 'string',
    example: '2026-06-30',
  })

const meetingFilters = {
  status: z.enum(MEETING_STATUSES).optional(),
  meeting_type: z.enum(MEETING_TYPES).optional(),
  date_from: dateBound('date_from').optional(),
  date_to: dateBound('date_to').optional(),
}

export const MeetingListQuery = pageQuery(MEETING_SORT_FIELDS, 'scheduled_date').extend({
  ...meetingFilters,
  building_id: z.uuid().optional(),
  organization_id: organizationFilter,
})

export const BuildingMeetingListQuery = pageQuery(MEETING_SORT_FIELDS, 'scheduled_date').extend(
  meetingFilters,
)

export function toMeetingFilter(q: {
  status?: Meeting['status'] | undefined
  meeting_type?: Meeting['meetingType'] | undefined
  date_from?: Date | undefined
  date_to?: Date | undefined
}) {
  return { status: q.status, meetingType: q.meeting_type, dateFrom: q.date_from, dateTo: q.date_to }
}
