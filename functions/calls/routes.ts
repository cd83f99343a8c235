import { createRoute } from '@hono/zod-openapi'
import { getCall, getPostalList } from '@koprogo/domain'
import { createResourceApp } from '../_shared/app.ts'
import { requireAuth } from '../_shared/auth.ts'
import { bearer, errors, IdParam, json, respond } from '../_shared/http.ts'
import { actorContext } from '../_shared/runtime.ts'
import { CallWithLinesSchema, PostalListSchema, toCallDto, toLineDto } from './schema.ts'

/** /api/v1/calls/{id}: one call for funds with its lines, and its postal list (ADR 0032). */
export const callsApp = createResourceApp()
callsApp.use('*', requireAuth)

callsApp.openapi(
  createRoute({
    method: 'get',
    path: '/{id}',
    tags: ['Calls for funds'],
    summary: 'A call for funds with its lines (paid and outstanding per line)',
    security: bearer,
    request: { params: IdParam },
    responses: { 200: json(CallWithLinesSchema, 'The call'), 403: errors[403], 404: errors[404] },
  }),
  async (c) => {
    const result = await getCall({ ctx: actorContext(c), input: { callId: c.req.valid('param').id } })
    return respond(c, result, (r) => c.json({ ...toCallDto(r.call), lines: r.lines.map(toLineDto) }, 200))
  },
)

callsApp.openapi(
  createRoute({
    method: 'get',
    path: '/{id}/postal-list',
    tags: ['Calls for funds'],
    summary: 'The letters of a call that go by post (no e-mail consent or no address), with the address',
    security: bearer,
    request: { params: IdParam },
    responses: { 200: json(PostalListSchema, 'Letters to post'), 403: errors[403], 404: errors[404] },
  }),
  async (c) => {
    const id = c.req.valid('param').id
    const result = await getPostalList({ ctx: actorContext(c), input: { callId: id } })
    return respond(c, result, (letters) =>
      c.json(
        {
          call_id: id,
          letters: letters.map((l) => ({
            line_id: l.lineId,
            owner_id: l.ownerId,
            unit_number: l.unitNumber,
            amount_cents: l.amountCents,
            document_id: l.documentId,
            address: [...l.address],
          })),
        },
        200,
      ),
    )
  },
)
