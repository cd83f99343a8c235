import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi'
import { ARREARS_LIMITS, setPlatformLegalRate } from '@koprogo/domain'
import { bearer, errors, json, jsonBody, respond } from '../_shared/http.ts'
import { type AppEnv, actorContext } from '../_shared/runtime.ts'
import { LegalRateBody, LegalRateSchema, toLegalRateDto } from '../arrears/schema.ts'

const YearParam = z.object({
  year: z.coerce
    .number()
    .int()
    .min(ARREARS_LIMITS.min_year)
    .max(ARREARS_LIMITS.max_year)
    .openapi({ param: { name: 'year', in: 'path' } }),
})

/** PUT /admin/legal-interest-rates/{year}: the platform's legal rate of a year (superadmin, ADR 0039). */
export function mountAdminLegalRates(app: OpenAPIHono<AppEnv>): void {
  app.openapi(
    createRoute({
      method: 'put',
      path: '/legal-interest-rates/{year}',
      tags: ['Arrears'],
      summary: "Set the platform's legal interest rate of a year (e.g. once the Moniteur belge publishes it)",
      security: bearer,
      request: { params: YearParam, ...jsonBody(LegalRateBody) },
      responses: { 200: json(LegalRateSchema, 'Saved'), 400: errors[400], 403: errors[403] },
    }),
    async (c) => {
      const b = c.req.valid('json')
      const result = await setPlatformLegalRate({
        ctx: actorContext(c),
        input: { year: c.req.valid('param').year, rateBp: b.rate_bp, source: b.source },
      })
      return respond(c, result, (r) => c.json(toLegalRateDto({ ...r, origin: 'platform' }), 200))
    },
  )
}
