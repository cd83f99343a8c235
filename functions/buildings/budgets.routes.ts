import { createRoute, type OpenAPIHono } from '@hono/zod-openapi'
import {
  approveBudget,
  createBudget,
  deleteBudget,
  getApprovedBudget,
  getBudget,
  getFinanceSettings,
  listBudgets,
  previewSaleSplit,
  updateBudget,
  updateFinanceSettings,
} from '@koprogo/domain'
import { bearer, errors, expectedVersion, json, jsonBody, respond } from '../_shared/http.ts'
import { type AppEnv, actorContext } from '../_shared/runtime.ts'
import {
  ApproveBudgetBody,
  ApprovedBudgetQuery,
  ApprovedBudgetSchema,
  BudgetBody,
  BudgetIdParam,
  BudgetSchema,
  FinanceSettingsBody,
  FinanceSettingsSchema,
  SaleSplitQuery,
  SaleSplitSchema,
  toApprovedBudgetDto,
  toBudgetDto,
  toBudgetFields,
  toSaleSplitDto,
  toSettingsDto,
} from './budget.schema.ts'
import { BuildingIdParam } from './schema.ts'

const tags = ['Budgets']

/** /buildings/{building_id}/budgets, /finance-settings and /sale-split. */
export function mountBudgets(app: OpenAPIHono<AppEnv>): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/{building_id}/budgets',
      tags,
      summary: 'The building’s budgets, newest fiscal year first',
      security: bearer,
      request: { params: BuildingIdParam },
      responses: { 200: json(BudgetSchema.array(), 'The budgets'), 404: errors[404] },
    }),
    async (c) => {
      const result = await listBudgets({
        ctx: actorContext(c),
        input: { buildingId: c.req.valid('param').building_id },
      })
      return respond(c, result, (list) => c.json(list.map(toBudgetDto), 200))
    },
  )

  app.openapi(
    createRoute({
      method: 'post',
      path: '/{building_id}/budgets',
      tags,
      summary: 'Prepare a draft budget (lines by category and key, reserve contribution) (syndic)',
      security: bearer,
      request: { params: BuildingIdParam, ...jsonBody(BudgetBody) },
      responses: { 201: json(BudgetSchema, 'Created'), 400: errors[400], 403: errors[403], 404: errors[404] },
    }),
    async (c) => {
      const result = await createBudget({
        ctx: actorContext(c),
        input: { buildingId: c.req.valid('param').building_id, ...toBudgetFields(c.req.valid('json')) },
      })
      return respond(c, result, (b) => c.json(toBudgetDto(b), 201))
    },
  )

  // Before /{budget_id}: "approved" is not a budget id.
  app.openapi(
    createRoute({
      method: 'get',
      path: '/{building_id}/budgets/approved',
      tags,
      summary: 'The approved budget of a fiscal year with each line’s key (what calls for funds read)',
      security: bearer,
      request: { params: BuildingIdParam, query: ApprovedBudgetQuery },
      responses: { 200: json(ApprovedBudgetSchema, 'Found'), 400: errors[400], 404: errors[404] },
    }),
    async (c) => {
      const result = await getApprovedBudget({
        ctx: actorContext(c),
        input: { buildingId: c.req.valid('param').building_id, fiscalYear: c.req.valid('query').fiscal_year },
      })
      return respond(c, result, (a) => c.json(toApprovedBudgetDto(a), 200))
    },
  )

  app.openapi(
    createRoute({
      method: 'get',
      path: '/{building_id}/budgets/{budget_id}',
      tags,
      summary: 'One budget',
      security: bearer,
      request: { params: BudgetIdParam },
      responses: { 200: json(BudgetSchema, 'Found'), 404: errors[404] },
    }),
    async (c) => {
      const p = c.req.valid('param')
      const result = await getBudget({
        ctx: actorContext(c),
        input: { buildingId: p.building_id, id: p.budget_id },
      })
      return respond(c, result, (b) => c.json(toBudgetDto(b), 200))
    },
  )

  app.openapi(
    createRoute({
      method: 'put',
      path: '/{building_id}/budgets/{budget_id}',
      tags,
      summary: 'Replace a draft’s lines and figures (an approved budget is final: 409)',
      security: bearer,
      request: { params: BudgetIdParam, ...jsonBody(BudgetBody) },
      responses: {
        200: json(BudgetSchema, 'Updated'),
        400: errors[400],
        403: errors[403],
        404: errors[404],
        409: errors[409],
      },
    }),
    async (c) => {
      const p = c.req.valid('param')
      const b = c.req.valid('json')
      const result = await updateBudget({
        ctx: actorContext(c),
        input: {
          buildingId: p.building_id,
          id: p.budget_id,
          ...toBudgetFields(b),
          expectedVersion: expectedVersion(c, b.version),
        },
      })
      return respond(c, result, (x) => c.json(toBudgetDto(x), 200))
    },
  )

  app.openapi(
    createRoute({
      method: 'delete',
      path: '/{building_id}/budgets/{budget_id}',
      tags,
      summary: 'Delete a draft',
      security: bearer,
      request: { params: BudgetIdParam },
      responses: { 204: { description: 'Deleted' }, 403: errors[403], 404: errors[404], 409: errors[409] },
    }),
    async (c) => {
      const p = c.req.valid('param')
      const result = await deleteBudget({
        ctx: actorContext(c),
        input: { buildingId: p.building_id, id: p.budget_id },
      })
      return respond(c, result, () => c.body(null, 204))
    },
  )

  app.openapi(
    createRoute({
      method: 'post',
      path: '/{building_id}/budgets/{budget_id}/approve',
      tags,
      summary:
        'Record the assembly’s approval (resolution id or reference + date); refuses a reserve contribution below 5 % of last year’s ordinary charges without a 4/5 waiver',
      security: bearer,
      request: { params: BudgetIdParam, ...jsonBody(ApproveBudgetBody) },
      responses: {
        200: json(BudgetSchema, 'Approved'),
        400: errors[400],
        403: errors[403],
        404: errors[404],
        409: errors[409],
      },
    }),
    async (c) => {
      const p = c.req.valid('param')
      const b = c.req.valid('json')
      const result = await approveBudget({
        ctx: actorContext(c),
        input: {
          buildingId: p.building_id,
          id: p.budget_id,
          resolutionId: b.resolution_id,
          resolutionReference: b.resolution_reference,
          approvedOn: b.approved_on,
          expectedVersion: expectedVersion(c, b.version),
        },
      })
      return respond(c, result, (x) => c.json(toBudgetDto(x), 200))
    },
  )

  app.openapi(
    createRoute({
      method: 'get',
      path: '/{building_id}/finance-settings',
      tags,
      summary: 'The building’s finance rules (sale split); defaults while never set',
      security: bearer,
      request: { params: BuildingIdParam },
      responses: { 200: json(FinanceSettingsSchema, 'The settings'), 404: errors[404] },
    }),
    async (c) => {
      const result = await getFinanceSettings({
        ctx: actorContext(c),
        input: { buildingId: c.req.valid('param').building_id },
      })
      return respond(c, result, (s) => c.json(toSettingsDto(s), 200))
    },
  )

  app.openapi(
    createRoute({
      method: 'put',
      path: '/{building_id}/finance-settings',
      tags,
      summary: 'Set the building’s finance rules (syndic)',
      security: bearer,
      request: { params: BuildingIdParam, ...jsonBody(FinanceSettingsBody) },
      responses: {
        200: json(FinanceSettingsSchema, 'Updated'),
        400: errors[400],
        403: errors[403],
        404: errors[404],
        409: errors[409],
      },
    }),
    async (c) => {
      const b = c.req.valid('json')
      const result = await updateFinanceSettings({
        ctx: actorContext(c),
        input: {
          buildingId: c.req.valid('param').building_id,
          saleSplitRule: b.sale_split_rule,
          expectedVersion: expectedVersion(c, b.version),
        },
      })
      return respond(c, result, (s) => c.json(toSettingsDto(s), 200))
    },
  )

  app.openapi(
    createRoute({
      method: 'get',
      path: '/{building_id}/sale-split',
      tags,
      summary: 'Split an amount of a period between seller and buyer by the building’s rule',
      security: bearer,
      request: { params: BuildingIdParam, query: SaleSplitQuery },
      responses: { 200: json(SaleSplitSchema, 'The split'), 400: errors[400], 404: errors[404] },
    }),
    async (c) => {
      const q = c.req.valid('query')
      const result = await previewSaleSplit({
        ctx: actorContext(c),
        input: {
          buildingId: c.req.valid('param').building_id,
          amountCents: q.amount_cents,
          periodStart: q.period_start,
          periodEnd: q.period_end,
          deedDate: q.deed_date,
          invoiceDate: q.invoice_date,
          dueDate: q.due_date,
        },
      })
      return respond(c, result, (r) => c.json(toSaleSplitDto(r.rule, r.split), 200))
    },
  )
}
