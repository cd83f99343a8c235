import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi'
import { listOwnerReminders } from '@koprogo/domain'
import { bearer, errors, IdParam, json, respond } from '../_shared/http.ts'
import { type AppEnv, actorContext } from '../_shared/runtime.ts'
import { ReminderSchema, toReminderDto } from '../arrears/schema.ts'

/**
 * GET /owners/me/reminders (the owner portal) and GET /owners/{id}/reminders: the reminders sent
 * to an owner, newest first (ADR 0039). `me` is registered first so it is never read as an id.
 */
export function mountOwnerReminders(app: OpenAPIHono<AppEnv>): void {
  const responses = {
    200: json(z.object({ data: z.array(ReminderSchema) }), 'Reminders'),
    400: errors[400],
    404: errors[404],
  }
  app.openapi(
    createRoute({
      method: 'get',
      path: '/me/reminders',
      tags: ['Arrears'],
      summary: "The calling owner's reminders (letters as documents addressed to them)",
      security: bearer,
      responses,
    }),
    async (c) => {
      const result = await listOwnerReminders({ ctx: actorContext(c), input: { ownerId: 'me' } })
      return respond(c, result, (list) => c.json({ data: list.map(toReminderDto) }, 200))
    },
  )
  app.openapi(
    createRoute({
      method: 'get',
      path: '/{id}/reminders',
      tags: ['Arrears'],
      summary: "An owner's reminders (syndic, accountant; an owner only their own)",
      security: bearer,
      request: { params: IdParam },
      responses,
    }),
    async (c) => {
      const result = await listOwnerReminders({
        ctx: actorContext(c),
        input: { ownerId: c.req.valid('param').id },
      })
      return respond(c, result, (list) => c.json({ data: list.map(toReminderDto) }, 200))
    },
  )
}
