import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi'
import { getOwnerAccount } from '@koprogo/domain'
import { bearer, errors, IdParam, json, respond } from '../_shared/http.ts'
import { type AppEnv, actorContext } from '../_shared/runtime.ts'
import { AccountPageQuery, OwnerAccountSchema, toOwnerAccountDto } from '../calls/schema.ts'

const AccountQuery = AccountPageQuery.extend({
  building_id: z
    .uuid()
    .optional()
    .openapi({ param: { name: 'building_id', in: 'query' } }),
})

/** The totals cover the whole history; entries, lines and payments are one page of it (ADR 0048). */
const pageOf = (q: z.infer<typeof AccountQuery>) => ({ page: q.page, perPage: q.per_page })

/**
 * GET /owners/me/account (the owner portal) and GET /owners/{id}/account: calls, payments,
 * balance and what is due, per building (ADR 0032); one page of the history at a time with the
 * whole history's totals (ADR 0048). `me` is registered first so it is never read
 * as an id.
 */
export function mountOwnerAccount(app: OpenAPIHono<AppEnv>): void {
  const responses = { 200: json(OwnerAccountSchema, 'The account'), 400: errors[400], 404: errors[404] }
  app.openapi(
    createRoute({
      method: 'get',
      path: '/me/account',
      tags: ['Calls for funds'],
      summary: "The calling owner's account: balance, due lines with IBAN, communication and EPC QR payload",
      security: bearer,
      request: { query: AccountQuery },
      responses,
    }),
    async (c) => {
      const result = await getOwnerAccount({
        ctx: actorContext(c),
        input: {
          ownerId: 'me',
          buildingId: c.req.valid('query').building_id,
          page: pageOf(c.req.valid('query')),
        },
      })
      return respond(c, result, (a) => c.json(toOwnerAccountDto(a), 200))
    },
  )
  app.openapi(
    createRoute({
      method: 'get',
      path: '/{id}/account',
      tags: ['Calls for funds'],
      summary: "An owner's account per building (syndic, accountant; an owner only their own)",
      security: bearer,
      request: { params: IdParam, query: AccountQuery },
      responses,
    }),
    async (c) => {
      const result = await getOwnerAccount({
        ctx: actorContext(c),
        input: {
          ownerId: c.req.valid('param').id,
          buildingId: c.req.valid('query').building_id,
          page: pageOf(c.req.valid('query')),
        },
      })
      return respond(c, result, (a) => c.json(toOwnerAccountDto(a), 200))
    },
  )
}
