import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi'
import {
  ARREARS_LIMITS,
  getArrearsSettings,
  getReminderPostalList,
  listBuildingReminders,
  listLegalInterestRates,
  runReminders,
  setOrganizationLegalRate,
  updateArrearsSettings,
} from '@koprogo/domain'
import { bearer, errors, IdParam, json, jsonBody, respond } from '../_shared/http.ts'
import { type AppEnv, actorContext } from '../_shared/runtime.ts'
import {
  ArrearsSettingsBody,
  ArrearsSettingsSchema,
  LegalRateBody,
  LegalRateSchema,
  PostalListQuery,
  ReminderPostalListSchema,
  ReminderSchema,
  RunRemindersBody,
  RunRemindersSchema,
  toArrearsSettingsDto,
  toLegalRateDto,
  toReminderDto,
} from '../arrears/schema.ts'

const YearParams = IdParam.extend({
  year: z.coerce
    .number()
    .int()
    .min(ARREARS_LIMITS.min_year)
    .max(ARREARS_LIMITS.max_year)
    .openapi({ param: { name: 'year', in: 'path' } }),
})

/**
 * Arrears of a building (issue #16 item 4, ADR 0039): the reminder ladder's settings, the run
 * that sends the due reminders (with late interest and fees), the reminders sent, and the legal
 * interest table in force. Another tenant's building is a 404; owners are refused (403).
 */
export function mountBuildingArrears(app: OpenAPIHono<AppEnv>): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/{id}/arrears-settings',
      tags: ['Arrears'],
      summary: 'The reminder ladder, reminder fee and late-interest settings (defaults when never set)',
      security: bearer,
      request: { params: IdParam },
      responses: { 200: json(ArrearsSettingsSchema, 'Settings'), 403: errors[403], 404: errors[404] },
    }),
    async (c) => {
      const result = await getArrearsSettings({
        ctx: actorContext(c),
        input: { buildingId: c.req.valid('param').id },
      })
      return respond(c, result, (s) => c.json(toArrearsSettingsDto(s), 200))
    },
  )

  app.openapi(
    createRoute({
      method: 'put',
      path: '/{id}/arrears-settings',
      tags: ['Arrears'],
      summary:
        'Set the ladder (steps, days after the due date), the fee and late interest (each needs its basis: statutes or assembly)',
      security: bearer,
      request: { params: IdParam, ...jsonBody(ArrearsSettingsBody) },
      responses: {
        200: json(ArrearsSettingsSchema, 'Saved'),
        400: errors[400],
        403: errors[403],
        404: errors[404],
        409: errors[409],
      },
    }),
    async (c) => {
      const b = c.req.valid('json')
      const result = await updateArrearsSettings({
        ctx: actorContext(c),
        input: {
          buildingId: c.req.valid('param').id,
          steps: b.steps.map((s) => ({ kind: s.kind, daysAfterDue: s.days_after_due })),
          reminderFeeCents: b.reminder_fee_cents,
          feeBasis: b.fee_basis,
          feeBasisRef: b.fee_basis_ref,
          interestEnabled: b.interest_enabled,
          interestBasis: b.interest_basis,
          interestBasisRef: b.interest_basis_ref,
          dailyRun: b.daily_run,
          regularisationTermDays: b.regularisation_term_days,
          expectedVersion: b.version,
        },
      })
      return respond(c, result, (s) => c.json(toArrearsSettingsDto(s), 200))
    },
  )

  app.openapi(
    createRoute({
      method: 'post',
      path: '/{id}/reminders/run',
      tags: ['Arrears'],
      summary:
        'Send the reminders due on a day: the next ladder step of each overdue line, one letter per owner and step, with late interest and fee posted',
      security: bearer,
      request: { params: IdParam, ...jsonBody(RunRemindersBody) },
      responses: {
        200: json(RunRemindersSchema, 'What was sent (possibly nothing)'),
        400: errors[400],
        403: errors[403],
        404: errors[404],
      },
    }),
    async (c) => {
      const result = await runReminders({
        ctx: actorContext(c),
        input: { buildingId: c.req.valid('param').id, asOf: c.req.valid('json').as_of },
      })
      return respond(c, result, (r) =>
        c.json(
          {
            as_of: r.asOf,
            reminders: r.reminders.map(toReminderDto),
            job_id: r.jobId,
            interest_missing_year: r.interestMissingYear,
          },
          200,
        ),
      )
    },
  )

  app.openapi(
    createRoute({
      method: 'get',
      path: '/{id}/reminders',
      tags: ['Arrears'],
      summary: "The building's reminders, newest first, with the lines each chased",
      security: bearer,
      request: { params: IdParam },
      responses: {
        200: json(z.object({ data: z.array(ReminderSchema) }), 'Reminders'),
        403: errors[403],
        404: errors[404],
      },
    }),
    async (c) => {
      const result = await listBuildingReminders({
        ctx: actorContext(c),
        input: { buildingId: c.req.valid('param').id },
      })
      return respond(c, result, (list) => c.json({ data: list.map(toReminderDto) }, 200))
    },
  )

  app.openapi(
    createRoute({
      method: 'get',
      path: '/{id}/reminders/postal-list',
      tags: ['Arrears'],
      summary:
        'The reminders to post (formal notices by registered letter; owners without e-mail consent), with the address',
      security: bearer,
      request: { params: IdParam, query: PostalListQuery },
      responses: {
        200: json(ReminderPostalListSchema, 'Letters to post'),
        400: errors[400],
        403: errors[403],
        404: errors[404],
      },
    }),
    async (c) => {
      const result = await getReminderPostalList({
        ctx: actorContext(c),
        input: { buildingId: c.req.valid('param').id, date: c.req.valid('query').date },
      })
      return respond(c, result, (letters) =>
        c.json(
          {
            data: letters.map((l) => ({
              reminder_id: l.reminderId,
              owner_id: l.ownerId,
              kind: l.kind,
              registered: l.registered,
              reminder_date: l.reminderDate,
              total_cents: l.totalCents,
              document_id: l.documentId,
              address: [...l.address],
            })),
          },
          200,
        ),
      )
    },
  )

  app.openapi(
    createRoute({
      method: 'get',
      path: '/{id}/legal-interest-rates',
      tags: ['Arrears'],
      summary: 'The legal interest rates in force for the building (published, platform or organization)',
      security: bearer,
      request: { params: IdParam },
      responses: {
        200: json(z.object({ data: z.array(LegalRateSchema) }), 'Rates by year'),
        403: errors[403],
        404: errors[404],
      },
    }),
    async (c) => {
      const result = await listLegalInterestRates({
        ctx: actorContext(c),
        input: { buildingId: c.req.valid('param').id },
      })
      return respond(c, result, (rows) => c.json({ data: rows.map(toLegalRateDto) }, 200))
    },
  )

  app.openapi(
    createRoute({
      method: 'put',
      path: '/{id}/legal-interest-rates/{year}',
      tags: ['Arrears'],
      summary: "Set a year's legal rate for the building's organization (its own override of the table)",
      security: bearer,
      request: { params: YearParams, ...jsonBody(LegalRateBody) },
      responses: {
        200: json(LegalRateSchema, 'Saved'),
        400: errors[400],
        403: errors[403],
        404: errors[404],
      },
    }),
    async (c) => {
      const { id, year } = c.req.valid('param')
      const b = c.req.valid('json')
      const result = await setOrganizationLegalRate({
        ctx: actorContext(c),
        input: { buildingId: id, year, rateBp: b.rate_bp, source: b.source },
      })
      return respond(c, result, (r) => c.json(toLegalRateDto({ ...r, origin: 'organization' }), 200))
    },
  )
}
