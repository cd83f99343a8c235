import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi'
import {
  centsToEuros,
  EXPENSE_CATEGORIES,
  getOwnerCharges,
  type OwnerCharges,
  PAYMENT_STATUSES,
} from '@koprogo/domain'
import { bearer, errors, IdParam, json, respond } from '../_shared/http.ts'
import { type AppEnv, actorContext } from '../_shared/runtime.ts'
import { calendarDateQuery } from '../expenses/schema.ts'

export const OwnerChargesSchema = z
  .object({
    owner_id: z.uuid(),
    lines: z.array(
      z.object({
        expense_id: z.uuid(),
        building_id: z.uuid(),
        unit_id: z.uuid(),
        category: z.enum(EXPENSE_CATEGORIES),
        description: z.string(),
        expense_date: z.string(),
        payment_status: z.enum(PAYMENT_STATUSES),
        amount: z.number().openapi({ description: "The owner's part in euros, not the expense amount" }),
        amount_cents: z.number().int(),
      }),
    ),
    totals: z.object({
      total: z.number(),
      total_cents: z.number().int(),
      paid: z.number(),
      paid_cents: z.number().int(),
      unpaid: z.number(),
      unpaid_cents: z.number().int(),
    }),
  })
  .openapi('OwnerCharges')

export function toOwnerChargesDto(o: OwnerCharges): z.infer<typeof OwnerChargesSchema> {
  return {
    owner_id: o.ownerId,
    lines: o.lines.map((l) => ({
      expense_id: l.expenseId,
      building_id: l.buildingId,
      unit_id: l.unitId,
      category: l.category,
      description: l.description,
      expense_date: l.expenseDate,
      payment_status: l.paymentStatus,
      amount: centsToEuros(l.amountCents),
      amount_cents: l.amountCents,
    })),
    totals: {
      total: centsToEuros(o.totals.totalCents),
      total_cents: o.totals.totalCents,
      paid: centsToEuros(o.totals.paidCents),
      paid_cents: o.totals.paidCents,
      unpaid: centsToEuros(o.totals.unpaidCents),
      unpaid_cents: o.totals.unpaidCents,
    },
  }
}

const ChargesQuery = z.object({
  date_from: calendarDateQuery('date_from').optional(),
  date_to: calendarDateQuery('date_to').optional(),
})

/**
 * GET /owners/{id}/charges: the owner's parts of every non-cancelled expense, computed with the
 * same distribution as /expenses/{id}/distribution. An owner-role caller only reads their own.
 */
export function mountOwnerCharges(app: OpenAPIHono<AppEnv>): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/{id}/charges',
      tags: ['Expenses'],
      summary: "An owner's charges (their parts of the buildings' expenses), optionally for a period",
      security: bearer,
      request: { params: IdParam, query: ChargesQuery },
      responses: {
        200: json(OwnerChargesSchema, 'The charges'),
        400: errors[400],
        403: errors[403],
        404: errors[404],
        409: errors[409],
      },
    }),
    async (c) => {
      const q = c.req.valid('query')
      const result = await getOwnerCharges(actorContext(c), c.req.valid('param').id, {
        dateFrom: q.date_from,
        dateTo: q.date_to,
      })
      return respond(c, result, (charges) => c.json(toOwnerChargesDto(charges), 200))
    },
  )
}
