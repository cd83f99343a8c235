import { createRoute } from '@hono/zod-openapi'
import {
  addMeetingAgendaItem,
  cancelMeeting,
  completeMeeting,
  createMeeting,
  deleteMeeting,
  getMeeting,
  listMeetings,
  updateMeeting,
} from '@koprogo/domain'
import { createResourceApp } from '../_shared/app.ts'
import { requireAuth } from '../_shared/auth.ts'
import {
  bearer,
  errors,
  expectedVersion,
  IdParam,
  json,
  jsonBody,
  paginated,
  respond,
  toPageRequest,
} from '../_shared/http.ts'
import { actorContext } from '../_shared/runtime.ts'
import { mountAssembly } from './assembly.routes.ts'
import { mountMeetingConvocation, mountMinutes, mountSecondAssembly } from './convocation.routes.ts'
import { mountMeetingDocuments } from './documents.routes.ts'
import {
  AgendaItemBody,
  CancelMeetingBody,
  CompleteMeetingBody,
  CreateMeetingBody,
  MeetingListQuery,
  MeetingPageSchema,
  MeetingSchema,
  toMeetingDto,
  toMeetingFilter,
  UpdateMeetingBody,
} from './schema.ts'

export const meetingsApp = createResourceApp()
meetingsApp.use('*', requireAuth)

const writeErrors = { 400: errors[400], 403: errors[403], 404: errors[404], 409: errors[409] }

meetingsApp.openapi(
  createRoute({
    method: 'post',
    path: '/',
    tags: ['Meetings'],
    summary: 'Schedule a general assembly (syndic)',
    security: bearer,
    request: jsonBody(CreateMeetingBody),
    responses: { 201: json(MeetingSchema, 'Created'), ...writeErrors, 422: errors[422] },
  }),
  async (c) => {
    const b = c.req.valid('json')
    const result = await createMeeting({
      ctx: actorContext(c),
      input: {
        buildingId: b.building_id,
        meetingType: b.meeting_type,
        title: b.title,
        description: b.description,
        scheduledDate: b.scheduled_date,
        location: b.location,
        agenda: b.agenda,
      },
    })
    return respond(c, result, (m) => c.json(toMeetingDto(m), 201))
  },
)

meetingsApp.openapi(
  createRoute({
    method: 'get',
    path: '/',
    tags: ['Meetings'],
    summary: 'List meetings (an owner sees those of their buildings)',
    security: bearer,
    request: { query: MeetingListQuery },
    responses: { 200: json(MeetingPageSchema, 'A page'), 400: errors[400], 403: errors[403] },
  }),
  async (c) => {
    const q = c.req.valid('query')
    const page = toPageRequest(q)
    const filter = { ...toMeetingFilter(q), buildingId: q.building_id }
    const result = await listMeetings({
      ctx: actorContext(c),
      input: { query: filter, page, tenant: { organizationId: q.organization_id } },
    })
    return respond(c, result, (p) => c.json(paginated(p, page, toMeetingDto), 200))
  },
)

meetingsApp.openapi(
  createRoute({
    method: 'get',
    path: '/{id}',
    tags: ['Meetings'],
    summary: 'One meeting',
    security: bearer,
    request: { params: IdParam },
    responses: { 200: json(MeetingSchema, 'Found'), 404: errors[404] },
  }),
  async (c) =>
    respond(c, await getMeeting({ ctx: actorContext(c), input: { id: c.req.valid('param').id } }), (m) =>
      c.json(toMeetingDto(m), 200),
    ),
)

meetingsApp.openapi(
  createRoute({
    method: 'put',
    path: '/{id}',
    tags: ['Meetings'],
    summary: 'Update a Scheduled meeting; If-Match or version for optimistic concurrency',
    security: bearer,
    request: { params: IdParam, ...jsonBody(UpdateMeetingBody) },
    responses: { 200: json(MeetingSchema, 'Updated'), ...writeErrors },
  }),
  async (c) => {
    const b = c.req.valid('json')
    const result = await updateMeeting({
      ctx: actorContext(c),
      input: {
        id: c.req.valid('param').id,
        changes: {
          meetingType: b.meeting_type,
          title: b.title,
          description: b.description,
          scheduledDate: b.scheduled_date,
          location: b.location,
          agenda: b.agenda,
        },
        expectedVersion: expectedVersion(c, b.version),
      },
    })
    return respond(c, result, (m) => c.json(toMeetingDto(m), 200))
  },
)

meetingsApp.openapi(
  createRoute({
    method: 'delete',
    path: '/{id}',
    tags: ['Meetings'],
    summary: 'Delete a meeting that was not held and has no documents (409 otherwise)',
    security: bearer,
    request: { params: IdParam },
    responses: { 204: { description: 'Deleted' }, 403: errors[403], 404: errors[404], 409: errors[409] },
  }),
  async (c) => {
    const result = await deleteMeeting({
      ctx: actorContext(c),
      input: { id: c.req.valid('param').id, expectedVersion: expectedVersion(c) },
    })
    return respond(c, result, () => c.body(null, 204))
  },
)

meetingsApp.openapi(
  createRoute({
    method: 'post',
    path: '/{id}/agenda',
    tags: ['Meetings'],
    summary: 'Append an agenda item to a Scheduled meeting',
    security: bearer,
    request: { params: IdParam, ...jsonBody(AgendaItemBody) },
    responses: { 200: json(MeetingSchema, 'Updated'), ...writeErrors, 422: errors[422] },
  }),
  async (c) => {
    const b = c.req.valid('json')
    const result = await addMeetingAgendaItem({
      ctx: actorContext(c),
      input: { id: c.req.valid('param').id, item: b.item, expectedVersion: expectedVersion(c, b.version) },
    })
    return respond(c, result, (m) => c.json(toMeetingDto(m), 200))
  },
)

meetingsApp.openapi(
  createRoute({
    method: 'post',
    path: '/{id}/complete',
    tags: ['Meetings'],
    summary: 'Record that a Scheduled meeting was held, with its attendance',
    security: bearer,
    request: { params: IdParam, ...jsonBody(CompleteMeetingBody) },
    responses: { 200: json(MeetingSchema, 'Completed'), ...writeErrors, 422: errors[422] },
  }),
  async (c) => {
    const b = c.req.valid('json')
    const result = await completeMeeting({
      ctx: actorContext(c),
      input: {
        id: c.req.valid('param').id,
        attendeesCount: b.attendees_count,
        expectedVersion: expectedVersion(c, b.version),
      },
    })
    return respond(c, result, (m) => c.json(toMeetingDto(m), 200))
  },
)

meetingsApp.openapi(
  createRoute({
    method: 'post',
    path: '/{id}/cancel',
    tags: ['Meetings'],
    summary: 'Cancel a Scheduled meeting (body optional)',
    security: bearer,
    request: {
      params: IdParam,
      // v1 clients post no body: the version is optional, If-Match works too.
      body: { content: { 'application/json': { schema: CancelMeetingBody } }, required: false },
    },
    responses: { 200: json(MeetingSchema, 'Cancelled'), ...writeErrors, 422: errors[422] },
  }),
  async (c) => {
    const b = c.req.valid('json')
    const result = await cancelMeeting({
      ctx: actorContext(c),
      input: { id: c.req.valid('param').id, expectedVersion: expectedVersion(c, b.version) },
    })
    return respond(c, result, (m) => c.json(toMeetingDto(m), 200))
  },
)

mountMeetingDocuments(meetingsApp)
mountMeetingConvocation(meetingsApp)
mountSecondAssembly(meetingsApp)
mountMinutes(meetingsApp)
mountAssembly(meetingsApp)
