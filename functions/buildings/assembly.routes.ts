import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi'
import {
  type AssemblyRequestView,
  type AssemblySettings,
  BOARD_ROLES,
  type BoardMandate,
  type BoardView,
  DEADLINE_STATUSES,
  DECISION_TYPE_KEYS,
  type DecisionType,
  deleteBoardMandate,
  getAssemblySettings,
  getBoard,
  listAssemblyRequests,
  MAJORITIES,
  MINUTES_LANGUAGES,
  NOTICE_DAYS_MAX,
  parseInstant,
  REQUEST_NOTE_MAX,
  REQUEST_OWNERS_MAX,
  recordAssemblyRequest,
  recordBoardMandate,
  updateAssemblySettings,
  updateBoardMandate,
} from '@koprogo/domain'
import { bearer, errors, expectedVersion, IdParam, json, jsonBody, respond } from '../_shared/http.ts'
import { type AppEnv, actorContext } from '../_shared/runtime.ts'
import { WIRE_BOUNDS } from '../_shared/wire-bounds.ts'

/*
 * A building's assembly statutes (issue #14 item 1), owners' requests to convene (art. 3.87 §2) and
 * its board of co-owners (art. 3.90), under /buildings/{id}/…; another tenant's building is a 404.
 */

// Checked by the domain (a day of the year), so no length is advertised here.
const MonthDay = z
  .string()
  .regex(/^\d{2}-\d{2}$/)
  .nullable()
  .openapi({ example: '05-01' })

export const AssemblySettingsSchema = z
  .object({
    building_id: z.uuid(),
    notice_days: z.number().int(),
    ordinary_period_start: z.string().nullable(),
    ordinary_period_end: z.string().nullable(),
    remote_participation: z.boolean(),
    minutes_languages: z.array(z.enum(MINUTES_LANGUAGES)),
    statutory_majorities: z
      .partialRecord(
        z.enum(DECISION_TYPE_KEYS as unknown as [DecisionType, ...DecisionType[]]),
        z.enum(MAJORITIES),
      )
      .openapi({
        description:
          'Decision types whose majority the statutes raise above the law’s (art. 3.88 majorities are minimums)',
      }),
    legal_defaults: z.boolean().openapi({ description: 'true while nothing was recorded for the building' }),
    version: z.number().int(),
  })
  .openapi('AssemblySettings')

const UpdateAssemblySettingsBody = z
  .object({
    notice_days: z.number().int().min(0).max(NOTICE_DAYS_MAX).optional(),
    ordinary_period_start: MonthDay.optional(),
    ordinary_period_end: MonthDay.optional(),
    remote_participation: z.boolean().optional(),
    minutes_languages: z.array(z.enum(MINUTES_LANGUAGES)).max(MINUTES_LANGUAGES.length).optional(),
    statutory_majorities: z
      .partialRecord(
        z.enum(DECISION_TYPE_KEYS as unknown as [DecisionType, ...DecisionType[]]),
        z.enum(MAJORITIES),
      )
      .optional()
      .openapi({ description: 'Replaces the whole map; a majority below the law’s is a 400' }),
    version: z.number().int().nonnegative().optional(),
  })
  .openapi('UpdateAssemblySettings')

const toSettingsDto = (s: AssemblySettings): z.infer<typeof AssemblySettingsSchema> => ({
  building_id: s.buildingId,
  notice_days: s.noticeDays,
  ordinary_period_start: s.ordinaryPeriodStart,
  ordinary_period_end: s.ordinaryPeriodEnd,
  remote_participation: s.remoteParticipation,
  minutes_languages: [...s.minutesLanguages],
  statutory_majorities: { ...s.statutoryMajorities },
  legal_defaults: !s.stored,
  version: s.version,
})

const DeadlineStatusSchema = z.enum(DEADLINE_STATUSES)

export const AssemblyRequestSchema = z
  .object({
    id: z.uuid(),
    building_id: z.uuid(),
    owner_ids: z.array(z.uuid()),
    received_at: z.string(),
    deadline: z.string(),
    shares_held: z.number(),
    shares_total: z.number().int(),
    note: z.string().nullable(),
    meeting_id: z.uuid().nullable(),
    status: DeadlineStatusSchema,
  })
  .openapi('AssemblyRequest')

const toRequestDto = (r: AssemblyRequestView): z.infer<typeof AssemblyRequestSchema> => ({
  id: r.id,
  building_id: r.buildingId,
  owner_ids: [...r.ownerIds],
  received_at: r.receivedAt.toISOString(),
  deadline: r.deadline.toISOString(),
  shares_held: r.sharesHeld,
  shares_total: r.sharesTotal,
  note: r.note,
  meeting_id: r.meetingId,
  status: r.status,
})

const CreateAssemblyRequestBody = z
  .object({
    owner_ids: z.array(z.uuid()).min(1).max(REQUEST_OWNERS_MAX),
    received_at: z
      .string()
      .max(WIRE_BOUNDS.date_text)
      .openapi({ description: 'When the registered letter was received (ISO)' }),
    note: z.string().max(REQUEST_NOTE_MAX).nullish(),
  })
  .openapi('CreateAssemblyRequest')

export const BoardMandateSchema = z
  .object({
    id: z.uuid(),
    building_id: z.uuid(),
    owner_id: z.uuid(),
    board_role: z.enum(BOARD_ROLES),
    start_date: z.string(),
    end_date: z.string().nullable(),
    resolution_id: z.uuid().nullable(),
    version: z.number().int(),
  })
  .openapi('BoardMandate')

const toMandateDto = (m: BoardMandate): z.infer<typeof BoardMandateSchema> => ({
  id: m.id,
  building_id: m.buildingId,
  owner_id: m.ownerId,
  board_role: m.role,
  start_date: m.startDate,
  end_date: m.endDate,
  resolution_id: m.resolutionId,
  version: m.version,
})

export const BoardSchema = z
  .object({
    mandatory: z.boolean(),
    counted_lots: z.number().int(),
    threshold: z.number().int(),
    active_count: z.number().int(),
    missing: z.boolean().openapi({ description: 'Mandatory (art. 3.90 §1) but no mandate runs today' }),
    mandates: z.array(BoardMandateSchema),
  })
  .openapi('Board')

const toBoardDto = (b: BoardView): z.infer<typeof BoardSchema> => ({
  mandatory: b.mandatory,
  counted_lots: b.countedLots,
  threshold: b.threshold,
  active_count: b.activeCount,
  missing: b.missing,
  mandates: b.mandates.map(toMandateDto),
})

const MandateBody = z
  .object({
    owner_id: z.uuid(),
    board_role: z.enum(BOARD_ROLES),
    start_date: z.string().max(WIRE_BOUNDS.date_text),
    end_date: z.string().max(WIRE_BOUNDS.date_text).nullish(),
    resolution_id: z.uuid().nullish(),
  })
  .openapi('CreateBoardMandate')

const UpdateMandateBody = MandateBody.omit({ owner_id: true }).partial().openapi('UpdateBoardMandate')

const MandateParams = IdParam.extend({
  mandate_id: z.uuid().openapi({ param: { name: 'mandate_id', in: 'path' } }),
})

const writeErrors = { 400: errors[400], 403: errors[403], 404: errors[404], 409: errors[409] }

export function mountBuildingAssembly(app: OpenAPIHono<AppEnv>): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/{id}/assembly-settings',
      tags: ['Assemblies'],
      summary: 'The building’s assembly settings from its statutes (legal defaults when unset)',
      security: bearer,
      request: { params: IdParam },
      responses: { 200: json(AssemblySettingsSchema, 'Settings'), 404: errors[404] },
    }),
    async (c) =>
      respond(
        c,
        await getAssemblySettings({ ctx: actorContext(c), input: { buildingId: c.req.valid('param').id } }),
        (s) => c.json(toSettingsDto(s), 200),
      ),
  )

  app.openapi(
    createRoute({
      method: 'put',
      path: '/{id}/assembly-settings',
      tags: ['Assemblies'],
      summary: 'Record the statutes’ settings (syndic); a notice under 15 days is refused (art. 3.87 §3)',
      security: bearer,
      request: { params: IdParam, ...jsonBody(UpdateAssemblySettingsBody) },
      responses: { 200: json(AssemblySettingsSchema, 'Updated'), ...writeErrors },
    }),
    async (c) => {
      const b = c.req.valid('json')
      const result = await updateAssemblySettings({
        ctx: actorContext(c),
        input: {
          buildingId: c.req.valid('param').id,
          changes: {
            noticeDays: b.notice_days,
            ordinaryPeriodStart: b.ordinary_period_start,
            ordinaryPeriodEnd: b.ordinary_period_end,
            remoteParticipation: b.remote_participation,
            minutesLanguages: b.minutes_languages,
            statutoryMajorities: b.statutory_majorities,
          },
          expectedVersion: expectedVersion(c, b.version),
        },
      })
      return respond(c, result, (s) => c.json(toSettingsDto(s), 200))
    },
  )

  app.openapi(
    createRoute({
      method: 'get',
      path: '/{id}/assembly-requests',
      tags: ['Assemblies'],
      summary: 'Owners’ requests to convene an assembly, with the syndic’s deadline (art. 3.87 §2)',
      security: bearer,
      request: { params: IdParam },
      responses: {
        200: json(z.object({ data: z.array(AssemblyRequestSchema) }), 'Requests'),
        404: errors[404],
      },
    }),
    async (c) =>
      respond(
        c,
        await listAssemblyRequests({ ctx: actorContext(c), input: { buildingId: c.req.valid('param').id } }),
        (rows) => c.json({ data: rows.map(toRequestDto) }, 200),
      ),
  )

  app.openapi(
    createRoute({
      method: 'post',
      path: '/{id}/assembly-requests',
      tags: ['Assemblies'],
      summary: 'Record owners’ request; refused below one fifth of the quote-parts (art. 3.87 §2)',
      security: bearer,
      request: { params: IdParam, ...jsonBody(CreateAssemblyRequestBody) },
      responses: { 201: json(AssemblyRequestSchema, 'Recorded'), ...writeErrors },
    }),
    async (c) => {
      const b = c.req.valid('json')
      const received = parseInstant(b.received_at, 'received_at')
      if (!received.ok) return respond(c, received, () => c.json({} as never, 201))
      const result = await recordAssemblyRequest({
        ctx: actorContext(c),
        input: {
          buildingId: c.req.valid('param').id,
          ownerIds: b.owner_ids,
          receivedAt: received.value,
          note: b.note,
        },
      })
      return respond(c, result, (r) => c.json(toRequestDto(r), 201))
    },
  )

  app.openapi(
    createRoute({
      method: 'get',
      path: '/{id}/board',
      tags: ['Assemblies'],
      summary: 'Board of co-owners: whether mandatory (art. 3.90 §1) and the mandates',
      security: bearer,
      request: { params: IdParam },
      responses: { 200: json(BoardSchema, 'Board'), 404: errors[404] },
    }),
    async (c) =>
      respond(
        c,
        await getBoard({ ctx: actorContext(c), input: { buildingId: c.req.valid('param').id } }),
        (b) => c.json(toBoardDto(b), 200),
      ),
  )

  app.openapi(
    createRoute({
      method: 'post',
      path: '/{id}/board/mandates',
      tags: ['Assemblies'],
      summary: 'Record a board member’s mandate (syndic)',
      security: bearer,
      request: { params: IdParam, ...jsonBody(MandateBody) },
      responses: { 201: json(BoardMandateSchema, 'Recorded'), ...writeErrors },
    }),
    async (c) => {
      const b = c.req.valid('json')
      const result = await recordBoardMandate({
        ctx: actorContext(c),
        input: {
          buildingId: c.req.valid('param').id,
          ownerId: b.owner_id,
          role: b.board_role,
          startDate: b.start_date,
          endDate: b.end_date,
          resolutionId: b.resolution_id,
        },
      })
      return respond(c, result, (m) => c.json(toMandateDto(m), 201))
    },
  )

  app.openapi(
    createRoute({
      method: 'patch',
      path: '/{id}/board/mandates/{mandate_id}',
      tags: ['Assemblies'],
      summary: 'End or correct a mandate (syndic)',
      security: bearer,
      request: { params: MandateParams, ...jsonBody(UpdateMandateBody) },
      responses: { 200: json(BoardMandateSchema, 'Updated'), ...writeErrors },
    }),
    async (c) => {
      const b = c.req.valid('json')
      const result = await updateBoardMandate({
        ctx: actorContext(c),
        input: {
          id: c.req.valid('param').mandate_id,
          buildingId: c.req.valid('param').id,
          changes: {
            role: b.board_role,
            startDate: b.start_date,
            endDate: b.end_date,
            resolutionId: b.resolution_id,
          },
        },
      })
      return respond(c, result, (m) => c.json(toMandateDto(m), 200))
    },
  )

  app.openapi(
    createRoute({
      method: 'delete',
      path: '/{id}/board/mandates/{mandate_id}',
      tags: ['Assemblies'],
      summary: 'Delete a mandate recorded by mistake (syndic)',
      security: bearer,
      request: { params: MandateParams },
      responses: { 204: { description: 'Deleted' }, 403: errors[403], 404: errors[404] },
    }),
    async (c) =>
      respond(
        c,
        await deleteBoardMandate({
          ctx: actorContext(c),
          input: { id: c.req.valid('param').mandate_id, buildingId: c.req.valid('param').id },
        }),
        () => c.body(null, 204),
      ),
  )
}
