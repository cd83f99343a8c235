import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi'
import { getLedgerSettings, setFiscalYearStartMonth } from '@koprogo/domain'
import { bearer, errors, json, jsonBody, respond } from '../_shared/http.ts'
import { type AppEnv, actorContext } from '../_shared/runtime.ts'
import { BuildingIdParam } from './schema.ts'

const LedgerSettingsSchema = z
  .object({
    building_id: z.uuid(),
    fiscal_year_start_month: z.number().int().openapi({ description: '1 = calendar year (default)' }),
  })
  .openapi('LedgerSettings')

const LedgerSettingsBody = z
  .object({ fiscal_year_start_month: z.number().int().min(1).max(12) })
  .openapi('LedgerSettingsInput')

const toDto = (s: { buildingId: string; fiscalYearStartMonth: number }) => ({
  building_id: s.buildingId,
  fiscal_year_start_month: s.fiscalYearStartMonth,
})

/** /buildings/{id}/ledger/settings: the fiscal year's start month (syndic writes, book readers read). */
export function mountLedgerSettings(app: OpenAPIHono<AppEnv>): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/{building_id}/ledger/settings',
      tags: ['Ledger'],
      summary: 'The month the association’s fiscal year starts',
      security: bearer,
      request: { params: BuildingIdParam },
      responses: { 200: json(LedgerSettingsSchema, 'The settings'), 403: errors[403], 404: errors[404] },
    }),
    async (c) => {
      const result = await getLedgerSettings({
        ctx: actorContext(c),
        input: { buildingId: c.req.valid('param').building_id },
      })
      return respond(c, result, (s) => c.json(toDto(s), 200))
    },
  )
  app.openapi(
    createRoute({
      method: 'put',
      path: '/{building_id}/ledger/settings',
      tags: ['Ledger'],
      summary:
        'Change the fiscal year’s start month; 409 fiscal_year_has_postings if posted entries would move',
      security: bearer,
      request: { params: BuildingIdParam, ...jsonBody(LedgerSettingsBody) },
      responses: {
        200: json(LedgerSettingsSchema, 'Saved'),
        400: errors[400],
        403: errors[403],
        404: errors[404],
        409: errors[409],
      },
    }),
    async (c) => {
      const result = await setFiscalYearStartMonth({
        ctx: actorContext(c),
        input: {
          buildingId: c.req.valid('param').building_id,
          month: c.req.valid('json').fiscal_year_start_month,
        },
      })
      return respond(c, result, (s) => c.json(toDto(s), 200))
    },
  )
}
