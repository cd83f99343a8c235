import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi'
import {
  centsToEuros,
  DEFAULT_PER_PAGE,
  EXPENSE_CATEGORIES,
  getOwnerCharges,
  MAX_PER_PAGE,
  type OwnerChargeLine,
  type OwnerCharges,
  PAYMENT_STATUSES,
} from '@koprogo/domain'
import { bearer, errors, IdParam, json, PaginationSchema, paginated, respond } from '../_shared/http.ts'
import { type AppEnv, actorContext } from '../_shared/runtime.ts'
import { calendarDateQuery } from '../expenses/schema.ts'

const OwnerChargeLineSchema = z
  .object({
    expense_id: z.uuid(),
    building_id: z.uuid(),
    unit_id: z.uuid(),
    category: z.enum(EXPENSE_CATEGORIES),
    description: z.string(),
    expense_date: z.string(),
    payment_status: z.enum(PAYMENT_STATUSES),
    amount: z.number().openapi({ description: "The owner's part in euros, not the expense amount" }),
    amount_cents: z.number().int(),
  })
  .openapi('OwnerChargeLine')

export const OwnerChargesSchema = z
  .object({
    owner_id: z.uuid(),
    data: z.array(OwnerChargeLineSchema).openapi({ description: 'One page of lines' }),
    pagination: PaginationSchema,
    lines: z.array(OwnerChargeLineSchema).optional().openapi({
      description:
        'v1 spelling of `data`, sent only when the request has neither `page` nor `per_page` (then the first 100 lines)',
    }),
    totals: z
      .object({
        total: z.number(),
        total_cents: z.number().int(),
        supplier_paid_cents: z.number().int().openapi({
          description: 'Parts of invoices the association has paid to its supplier (not what the owner paid)',
        }),
        supplier_unpaid_cents: z.number().int().openapi({
          description: 'Parts of invoices the association has not paid to its supplier yet',
        }),
        paid: z
          .number()
          .openapi({ deprecated: true, description: 'v1 alias of supplier_paid_cents in euros' }),
        paid_cents: z
          .number()
          .int()
          .openapi({ deprecated: true, description: 'v1 alias of supplier_paid_cents' }),
        unpaid: z
          .number()
          .openapi({ deprecated: true, description: 'v1 alias of supplier_unpaid_cents in euros' }),
        unpaid_cents: z
          .number()
          .int()
          .openapi({ deprecated: true, description: 'v1 alias of supplier_unpaid_cents' }),
      })
      .openapi({
        description:
          'Over every line of the period, not only this page. What the owner owes and paid is their owner account (calls for funds and payments), not these totals (ADR 0031)',
      }),
  })
  .openapi('OwnerCharges')

type LineDto = z.infer<typeof OwnerChargeLineSchema>
const toLineDto = (l: OwnerChargeLine): LineDto => ({
  expense_id: l.expenseId,
  building_id: l.buildingId,
  unit_id: l.unitId,
  category: l.category,
  description: l.description,
  expense_date: l.expenseDate,
  payment_status: l.paymentStatus,
  amount: centsToEuros(l.amountCents),
  amount_cents: l.amountCents,
})

export function toOwnerChargesDto(o: OwnerCharges, v1Lines: boolean): z.infer<typeof OwnerChargesSchema> {
  const page = paginated(
    { items: o.lines, total: o.totalLines },
    { page: o.page, perPage: o.perPage, sortBy: 'expense_date', order: 'asc' },
    toLineDto,
  )
  return {
    owner_id: o.ownerId,
    ...page,
    ...(v1Lines ? { lines: page.data } : {}),
    totals: {
      total: centsToEuros(o.totals.totalCents),
      total_cents: o.totals.totalCents,
      supplier_paid_cents: o.totals.paidCents,
      supplier_unpaid_cents: o.totals.unpaidCents,
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
  page: z.coerce.number().int().min(1).optional(),
  per_page: z.coerce.number().int().min(1).max(MAX_PER_PAGE).optional(),
})

/**
 * GET /owners/{id}/charges: one page of the owner's parts of the non-cancelled expenses, each
 * exactly the part /expenses/{id}/distribution gives, with totals over the whole period; a
 * bounded number of queries whatever the owner holds. An owner-role caller only reads their own.
 * Without `page` and `per_page` (a v1 client), the first MAX_PER_PAGE lines, also as `lines`.
 */
export function mountOwnerCharges(app: OpenAPIHono<AppEnv>): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/{id}/charges',
      tags: ['Expenses'],
      summary:
        "An owner's charges (their parts of the buildings' expenses), paginated, optionally for a period",
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
      const v1 = q.page === undefined && q.per_page === undefined
      const result = await getOwnerCharges({
        ctx: actorContext(c),
        input: {
          ownerId: c.req.valid('param').id,
          period: { dateFrom: q.date_from, dateTo: q.date_to },
          page: { page: q.page ?? 1, perPage: q.per_page ?? (v1 ? MAX_PER_PAGE : DEFAULT_PER_PAGE) },
        },
      })
      return respond(c, result, (charges) => c.json(toOwnerChargesDto(charges, v1), 200))
    },
  )
}
