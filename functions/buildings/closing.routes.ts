import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi'
import {
  type AnnualAccountsView,
  type AuditorGrant,
  CALL_DELIVERIES,
  closeFiscalYear,
  type FiscalYearClosing,
  getAnnualAccounts,
  getYearStatements,
  grantBuildingAuditor,
  type KeyCharge,
  LEDGER_LIMITS,
  LOCALES,
  listBuildingAuditors,
  listClosings,
  negotiateLocale,
  renderAnnualAccounts,
  revokeBuildingAuditor,
  type YearStatementsView,
} from '@koprogo/domain'
import { bearer, errors, json, jsonBody, respond } from '../_shared/http.ts'
import { pdfLibRenderer } from '../_shared/pdf/pdf-lib-renderer.ts'
import { problemResponse } from '../_shared/problem.ts'
import { type AppEnv, actorContext } from '../_shared/runtime.ts'

/*
 * The year-end close (ADR 0040): close a fiscal year (syndic), the owners' statements and the
 * annual accounts (readers of the books). Another tenant's building is a 404; owners get 403.
 * Amounts are integer cents.
 */

const YearParams = z.object({
  id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }),
  year: z.coerce
    .number()
    .int()
    .min(1900)
    .max(LEDGER_LIMITS.fiscal_year)
    .openapi({ param: { name: 'year', in: 'path' }, description: 'The year the fiscal year starts in' }),
})
const BuildingParams = z.object({ id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }) })
const AuditorParams = BuildingParams.extend({
  user_id: z.uuid().openapi({ param: { name: 'user_id', in: 'path' } }),
})

const KeyChargeSchema = z.object({
  key_id: z.uuid().nullable().openapi({ description: 'null: the general key (quote-parts)' }),
  key_name: z.string().nullable(),
  amount_cents: z.number().int(),
})
const toKeyCharge = (k: KeyCharge) => ({ key_id: k.keyId, key_name: k.keyName, amount_cents: k.amountCents })

const ClosingSchema = z
  .object({
    id: z.uuid(),
    building_id: z.uuid(),
    fiscal_year: z.number().int(),
    period_from: z.string(),
    period_to: z.string(),
    regularisation_date: z.string(),
    ordinary_charges_cents: z.number().int(),
    extraordinary_charges_cents: z.number().int(),
    provisions_cents: z.number().int(),
    undistributed_cents: z.number().int(),
    regularisation_net_cents: z.number().int(),
    closed_by: z.uuid().nullable(),
    closed_at: z.string(),
  })
  .openapi('FiscalYearClosing')

const toClosingDto = (c: FiscalYearClosing) => ({
  id: c.id,
  building_id: c.buildingId,
  fiscal_year: c.fiscalYear,
  period_from: c.periodFrom,
  period_to: c.periodTo,
  regularisation_date: c.regularisationDate,
  ordinary_charges_cents: c.ordinaryChargesCents,
  extraordinary_charges_cents: c.extraordinaryChargesCents,
  provisions_cents: c.provisionsCents,
  undistributed_cents: c.undistributedCents,
  regularisation_net_cents: c.regularisationNetCents,
  closed_by: c.closedBy,
  closed_at: c.closedAt.toISOString(),
})

const StatementSchema = z
  .object({
    id: z.uuid().nullable().openapi({ description: 'null in the preview of an open year' }),
    owner_id: z.uuid(),
    owner_name: z.string(),
    language: z.string(),
    charges_by_key: z.array(KeyChargeSchema),
    charges_cents: z.number().int(),
    provisions_cents: z.number().int(),
    regularisation_cents: z
      .number()
      .int()
      .openapi({ description: 'charges − provisions: > 0 to pay, < 0 refunded' }),
    extraordinary_cents: z.number().int(),
    delivery: z.enum(CALL_DELIVERIES),
    document_id: z.uuid().nullable(),
    emailed_at: z.string().nullable(),
  })
  .openapi('OwnerStatement')

type StatementRow = YearStatementsView['statements'][number]
const toStatementDto = (s: StatementRow) => ({
  id: s.id,
  owner_id: s.ownerId,
  owner_name: s.ownerName,
  language: s.language,
  charges_by_key: s.chargesByKey.map(toKeyCharge),
  charges_cents: s.chargesCents,
  provisions_cents: s.provisionsCents,
  regularisation_cents: s.regularisationCents,
  extraordinary_cents: s.extraordinaryCents,
  delivery: s.delivery,
  document_id: s.documentId,
  emailed_at: s.emailedAt?.toISOString() ?? null,
})

const StatementsSchema = z
  .object({
    building_id: z.uuid(),
    fiscal_year: z.number().int(),
    period_from: z.string(),
    period_to: z.string(),
    closing: ClosingSchema.nullable().openapi({
      description: 'null: the year is open, the statements are a preview',
    }),
    totals: z.object({
      charges_by_key: z.array(KeyChargeSchema),
      ordinary_charges_cents: z.number().int(),
      extraordinary_charges_cents: z.number().int(),
      provisions_cents: z.number().int(),
      undistributed_cents: z.number().int(),
      regularisation_net_cents: z.number().int(),
    }),
    data: z.array(StatementSchema),
  })
  .openapi('YearStatements')

const toStatementsDto = (v: YearStatementsView) => ({
  building_id: v.buildingId,
  fiscal_year: v.fiscalYear,
  period_from: v.periodFrom,
  period_to: v.periodTo,
  closing: v.closing ? toClosingDto(v.closing) : null,
  totals: {
    charges_by_key: v.totals.chargesByKey.map(toKeyCharge),
    ordinary_charges_cents: v.totals.ordinaryChargesCents,
    extraordinary_charges_cents: v.totals.extraordinaryChargesCents,
    provisions_cents: v.totals.provisionsCents,
    undistributed_cents: v.totals.undistributedCents,
    regularisation_net_cents: v.totals.regularisationNetCents,
  },
  data: v.statements.map(toStatementDto),
})

const AmountSchema = z.object({ account: z.string(), name: z.string(), amount_cents: z.number().int() })
const toAmount = (a: { account: string; name: string; amountCents: number }) => ({
  account: a.account,
  name: a.name,
  amount_cents: a.amountCents,
})

const AccountsSchema = z
  .object({
    building_id: z.uuid(),
    fiscal_year: z.number().int(),
    period_from: z.string(),
    period_to: z.string(),
    closed: z.boolean(),
    closed_at: z.string().nullable(),
    balance_sheet: z.object({
      assets: z.array(AmountSchema),
      liabilities: z.array(AmountSchema),
      total_assets_cents: z.number().int(),
      total_liabilities_cents: z.number().int(),
      result_not_carried_cents: z.number().int(),
    }),
    income: z.array(AmountSchema),
    charges: z.array(AmountSchema),
    total_income_cents: z.number().int(),
    total_charges_cents: z.number().int(),
    result_cents: z.number().int(),
    by_category: z.array(
      z.object({
        category: z.string(),
        ordinary: z.boolean(),
        budget_cents: z.number().int(),
        actual_cents: z.number().int(),
        difference_cents: z.number().int(),
      }),
    ),
    by_key: z.array(KeyChargeSchema),
    has_approved_budget: z.boolean(),
    reserve_fund: z.object({
      called_cents: z.number().int(),
      received_cents: z.number().int(),
      paid_out_cents: z.number().int(),
      bank_balance_cents: z.number().int(),
    }),
  })
  .openapi('AnnualAccounts')

export const toAccountsDto = (a: AnnualAccountsView) => ({
  building_id: a.buildingId,
  fiscal_year: a.fiscalYear,
  period_from: a.periodFrom,
  period_to: a.periodTo,
  closed: a.closed,
  closed_at: a.closedAt?.toISOString() ?? null,
  balance_sheet: {
    assets: a.balanceSheet.assets.map(toAmount),
    liabilities: a.balanceSheet.liabilities.map(toAmount),
    total_assets_cents: a.balanceSheet.totalAssetsCents,
    total_liabilities_cents: a.balanceSheet.totalLiabilitiesCents,
    result_not_carried_cents: a.balanceSheet.resultNotCarriedCents,
  },
  income: a.income.map(toAmount),
  charges: a.charges.map(toAmount),
  total_income_cents: a.totalIncomeCents,
  total_charges_cents: a.totalChargesCents,
  result_cents: a.resultCents,
  by_category: a.byCategory.map((c) => ({
    category: c.category,
    ordinary: c.ordinary,
    budget_cents: c.budgetCents,
    actual_cents: c.actualCents,
    difference_cents: c.differenceCents,
  })),
  by_key: a.byKey.map(toKeyCharge),
  has_approved_budget: a.hasApprovedBudget,
  reserve_fund: {
    called_cents: a.reserveFund.calledCents,
    received_cents: a.reserveFund.receivedCents,
    paid_out_cents: a.reserveFund.paidOutCents,
    bank_balance_cents: a.reserveFund.bankBalanceCents,
  },
})

const AuditorSchema = z
  .object({
    id: z.uuid(),
    building_id: z.uuid(),
    user_id: z.uuid(),
    granted_by: z.uuid().nullable(),
    created_at: z.string(),
    email: z.string().optional(),
    name: z.string().optional(),
  })
  .openapi('BuildingAuditor')
const toAuditorDto = (g: AuditorGrant & { email?: string; name?: string }) => ({
  id: g.id,
  building_id: g.buildingId,
  user_id: g.userId,
  granted_by: g.grantedBy,
  created_at: g.createdAt.toISOString(),
  ...(g.email !== undefined ? { email: g.email } : {}),
  ...(g.name !== undefined ? { name: g.name } : {}),
})
const GrantAuditorBody = z
  .object({ user_id: z.uuid().openapi({ description: 'A user of the organization with the auditor role' }) })
  .strict()
  .openapi('GrantAuditorInput')

export function mountBuildingClosing(app: OpenAPIHono<AppEnv>): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/{id}/auditors',
      tags: ['Year-end close'],
      summary: "The building's account auditors (art. 3.91): read-only access to its books (syndic)",
      security: bearer,
      request: { params: BuildingParams },
      responses: {
        200: json(z.object({ data: z.array(AuditorSchema) }), 'Auditors'),
        403: errors[403],
        404: errors[404],
      },
    }),
    async (c) => {
      const result = await listBuildingAuditors({
        ctx: actorContext(c),
        input: { buildingId: c.req.valid('param').id },
      })
      return respond(c, result, (rows) => c.json({ data: rows.map(toAuditorDto) }, 200))
    },
  )

  app.openapi(
    createRoute({
      method: 'post',
      path: '/{id}/auditors',
      tags: ['Year-end close'],
      summary:
        'Grant an account auditor (a user invited with the auditor role) read-only access to this building’s books, statements and accounts',
      security: bearer,
      request: { params: BuildingParams, ...jsonBody(GrantAuditorBody) },
      responses: {
        201: json(AuditorSchema, 'Granted'),
        400: errors[400],
        403: errors[403],
        404: errors[404],
        409: errors[409],
      },
    }),
    async (c) => {
      const result = await grantBuildingAuditor({
        ctx: actorContext(c),
        input: { buildingId: c.req.valid('param').id, userId: c.req.valid('json').user_id },
      })
      return respond(c, result, (g) => c.json(toAuditorDto(g), 201))
    },
  )

  app.openapi(
    createRoute({
      method: 'delete',
      path: '/{id}/auditors/{user_id}',
      tags: ['Year-end close'],
      summary:
        'Withdraw an account auditor’s access to this building; effective on their next request (404 when not granted)',
      security: bearer,
      request: { params: AuditorParams },
      responses: { 204: { description: 'Withdrawn' }, 403: errors[403], 404: errors[404] },
    }),
    async (c) => {
      const p = c.req.valid('param')
      const result = await revokeBuildingAuditor({
        ctx: actorContext(c),
        input: { buildingId: p.id, userId: p.user_id },
      })
      return respond(c, result, () => c.body(null, 204))
    },
  )

  app.openapi(
    createRoute({
      method: 'get',
      path: '/{id}/fiscal-years',
      tags: ['Year-end close'],
      summary: "The building's closed fiscal years",
      security: bearer,
      request: { params: BuildingParams },
      responses: {
        200: json(z.object({ data: z.array(ClosingSchema) }), 'Closed years'),
        403: errors[403],
        404: errors[404],
      },
    }),
    async (c) => {
      const result = await listClosings({
        ctx: actorContext(c),
        input: { buildingId: c.req.valid('param').id },
      })
      return respond(c, result, (rows) => c.json({ data: rows.map(toClosingDto) }, 200))
    },
  )

  app.openapi(
    createRoute({
      method: 'post',
      path: '/{id}/fiscal-years/{year}/close',
      tags: ['Year-end close'],
      summary:
        "Close a fiscal year: owners' statements stored, regularisations posted in the next year, the year frozen (never reopened)",
      security: bearer,
      request: { params: YearParams },
      responses: {
        201: json(z.object({ closing: ClosingSchema, data: z.array(StatementSchema) }), 'Closed'),
        400: errors[400],
        403: errors[403],
        404: errors[404],
        409: errors[409],
      },
    }),
    async (c) => {
      const { id, year } = c.req.valid('param')
      const result = await closeFiscalYear({
        ctx: actorContext(c),
        input: { buildingId: id, fiscalYear: year },
      })
      return respond(c, result, (r) =>
        c.json({ closing: toClosingDto(r.closing), data: r.statements.map(toStatementDto) }, 201),
      )
    },
  )

  app.openapi(
    createRoute({
      method: 'get',
      path: '/{id}/fiscal-years/{year}/statements',
      tags: ['Year-end close'],
      summary: "The owners' statements (décomptes) of a fiscal year: stored when closed, a preview otherwise",
      security: bearer,
      request: { params: YearParams },
      responses: {
        200: json(StatementsSchema, 'Statements'),
        400: errors[400],
        403: errors[403],
        404: errors[404],
      },
    }),
    async (c) => {
      const { id, year } = c.req.valid('param')
      const result = await getYearStatements({
        ctx: actorContext(c),
        input: { buildingId: id, fiscalYear: year },
      })
      return respond(c, result, (v) => c.json(toStatementsDto(v), 200))
    },
  )

  app.openapi(
    createRoute({
      method: 'get',
      path: '/{id}/fiscal-years/{year}/accounts',
      tags: ['Year-end close'],
      summary:
        'The annual accounts for the assembly: balance sheet, income and charges, per category and key, budget vs actual, reserve fund',
      security: bearer,
      request: { params: YearParams },
      responses: {
        200: json(AccountsSchema, 'Annual accounts'),
        400: errors[400],
        403: errors[403],
        404: errors[404],
      },
    }),
    async (c) => {
      const { id, year } = c.req.valid('param')
      const result = await getAnnualAccounts({
        ctx: actorContext(c),
        input: { buildingId: id, fiscalYear: year },
      })
      return respond(c, result, (a) => c.json(toAccountsDto(a), 200))
    },
  )

  app.openapi(
    createRoute({
      method: 'get',
      path: '/{id}/fiscal-years/{year}/accounts.pdf',
      tags: ['Year-end close'],
      summary:
        'The annual accounts as a PDF for the assembly, in a language (?lang=, else Accept-Language, else French): a closed year from its stored accounts, an open one as a preview',
      security: bearer,
      request: {
        params: YearParams,
        query: z.object({
          lang: z
            .enum(LOCALES)
            .optional()
            .openapi({ description: 'fr, nl, de or en; default: Accept-Language, else fr' }),
        }),
      },
      responses: {
        200: {
          description: 'The PDF',
          content: { 'application/pdf': { schema: z.string().openapi({ format: 'binary' }) } },
        },
        400: errors[400],
        403: errors[403],
        404: errors[404],
      },
    }),
    async (c) => {
      const { id, year } = c.req.valid('param')
      const language = c.req.valid('query').lang ?? negotiateLocale(c.req.header('accept-language'), 'fr')
      const result = await renderAnnualAccounts({
        ctx: actorContext(c),
        input: { buildingId: id, fiscalYear: year, language, renderer: pdfLibRenderer },
      })
      if (!result.ok) return problemResponse(c, result.error)
      return c.body(result.value.bytes as Uint8Array<ArrayBuffer>, 200, {
        'content-type': 'application/pdf',
        'content-disposition': `attachment; filename="${result.value.fileName}"`,
        'content-language': language,
        // A closed year's file never changes, an open year's may: the browser asks each time.
        'cache-control': 'private, no-cache',
      })
    },
  )
}
