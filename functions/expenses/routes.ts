import { createRoute } from '@hono/zod-openapi'
import {
  approveExpense,
  cancelExpense,
  correctExpense,
  createExpense,
  editDraftExpense,
  getExpense,
  getExpenseDistribution,
  listExpenses,
  markExpensePaid,
} from '@koprogo/domain'
import { createResourceApp } from '../_shared/app.ts'
import { requireAuth } from '../_shared/auth.ts'
import {
  bearer,
  errors,
  expectedVersion,
  IdParam,
  json,
  jsonBody,
  paginated,
  respond,
  toPageRequest,
} from '../_shared/http.ts'
import { actorContext } from '../_shared/runtime.ts'
import { mountDistributionDocuments } from './distribution-documents.routes.ts'
import {
  ApproveExpenseBody,
  CancelExpenseBody,
  CorrectExpenseBody,
  CreateExpenseBody,
  DistributionSchema,
  EditDraftExpenseBody,
  ExpenseListQuery,
  ExpensePageSchema,
  ExpenseSchema,
  ledgerFieldsOf,
  MarkPaidBody,
  toDistributionDto,
  toExpenseDto,
  toExpenseFilter,
} from './schema.ts'

export const expensesApp = createResourceApp()
expensesApp.use('*', requireAuth)

expensesApp.openapi(
  createRoute({
    method: 'post',
    path: '/',
    tags: ['Expenses'],
    summary: 'Record an expense (syndic, accountant); amount in euros and/or amount_cents',
    security: bearer,
    request: jsonBody(CreateExpenseBody),
    responses: {
      201: json(ExpenseSchema, 'Created'),
      400: errors[400],
      403: errors[403],
      404: errors[404],
      422: errors[422],
    },
  }),
  async (c) => {
    const b = c.req.valid('json')
    const result = await createExpense({
      ctx: actorContext(c, { batchedWrites: true }),
      input: {
        buildingId: b.building_id,
        category: b.category,
        description: b.description,
        amount: b.amount,
        amountCents: b.amount_cents,
        expenseDate: b.expense_date,
        supplier: b.supplier,
        invoiceNumber: b.invoice_number,
        ...ledgerFieldsOf(b),
        draft: b.draft,
        distributionKeyId: b.distribution_key_id,
      },
    })
    return respond(c, result, (e) => c.json(toExpenseDto(e), 201))
  },
)

expensesApp.openapi(
  createRoute({
    method: 'get',
    path: '/',
    tags: ['Expenses'],
    summary: 'List expenses (an owner sees those of their buildings); amounts filter in euros',
    security: bearer,
    request: { query: ExpenseListQuery },
    responses: {
      200: json(ExpensePageSchema, 'A page'),
      400: errors[400],
      403: errors[403],
      404: errors[404],
    },
  }),
  async (c) => {
    const q = c.req.valid('query')
    const page = toPageRequest(q)
    const query = { ...toExpenseFilter(q), buildingId: q.building_id, organizationId: q.organization_id }
    return respond(c, await listExpenses({ ctx: actorContext(c), input: { query, page } }), (p) =>
      c.json(paginated(p, page, toExpenseDto), 200),
    )
  },
)

expensesApp.openapi(
  createRoute({
    method: 'get',
    path: '/{id}',
    tags: ['Expenses'],
    summary: 'One expense',
    security: bearer,
    request: { params: IdParam },
    responses: { 200: json(ExpenseSchema, 'Found'), 403: errors[403], 404: errors[404] },
  }),
  async (c) =>
    respond(c, await getExpense({ ctx: actorContext(c), input: { id: c.req.valid('param').id } }), (e) =>
      c.json(toExpenseDto(e), 200),
    ),
)

expensesApp.openapi(
  createRoute({
    method: 'put',
    path: '/{id}/mark-paid',
    tags: ['Expenses'],
    summary: 'Mark an expense paid (body optional); If-Match or version for optimistic concurrency',
    security: bearer,
    request: {
      params: IdParam,
      // v1 clients send no body at all: paying today is the default.
      body: { content: { 'application/json': { schema: MarkPaidBody } }, required: false },
    },
    responses: {
      200: json(ExpenseSchema, 'Paid'),
      400: errors[400],
      403: errors[403],
      404: errors[404],
      409: errors[409],
    },
  }),
  async (c) => {
    const b = c.req.valid('json')
    const result = await markExpensePaid({
      ctx: actorContext(c),
      input: {
        id: c.req.valid('param').id,
        fields: { paidDate: b.paid_date },
        expectedVersion: expectedVersion(c, b.version),
      },
    })
    return respond(c, result, (e) => c.json(toExpenseDto(e), 200))
  },
)

expensesApp.openapi(
  createRoute({
    method: 'get',
    path: '/{id}/distribution',
    tags: ['Expenses'],
    summary: "Each unit's and owner's part in cents (largest remainder: parts sum to the amount)",
    security: bearer,
    request: { params: IdParam },
    responses: {
      200: json(DistributionSchema, 'The distribution'),
      403: errors[403],
      404: errors[404],
      409: errors[409],
    },
  }),
  async (c) =>
    respond(
      c,
      await getExpenseDistribution({ ctx: actorContext(c), input: { id: c.req.valid('param').id } }),
      (d) => c.json(toDistributionDto(d), 200),
    ),
)

const refusals = { 400: errors[400], 403: errors[403], 404: errors[404], 409: errors[409] }

expensesApp.openapi(
  createRoute({
    method: 'post',
    path: '/{id}/approve',
    tags: ['Expenses'],
    summary: 'Approve a draft: its distribution is frozen and it is posted (charge / supplier)',
    security: bearer,
    request: {
      params: IdParam,
      body: { content: { 'application/json': { schema: ApproveExpenseBody } }, required: false },
    },
    responses: { 200: json(ExpenseSchema, 'Approved'), ...refusals },
  }),
  async (c) => {
    const b = c.req.valid('json') ?? {}
    const result = await approveExpense({
      ctx: actorContext(c),
      input: { id: c.req.valid('param').id, expectedVersion: expectedVersion(c, b.version) },
    })
    return respond(c, result, (e) => c.json(toExpenseDto(e), 200))
  },
)

expensesApp.openapi(
  createRoute({
    method: 'post',
    path: '/{id}/cancel',
    tags: ['Expenses'],
    summary: 'Cancel a draft or an approved, unpaid expense: its entries are reversed, the row stays',
    security: bearer,
    request: {
      params: IdParam,
      body: { content: { 'application/json': { schema: CancelExpenseBody } }, required: false },
    },
    responses: { 200: json(ExpenseSchema, 'Cancelled'), ...refusals },
  }),
  async (c) => {
    const b = c.req.valid('json') ?? {}
    const result = await cancelExpense({
      ctx: actorContext(c),
      input: {
        id: c.req.valid('param').id,
        reason: b.reason,
        expectedVersion: expectedVersion(c, b.version),
      },
    })
    return respond(c, result, (e) => c.json(toExpenseDto(e), 200))
  },
)

expensesApp.openapi(
  createRoute({
    method: 'post',
    path: '/{id}/corrections',
    tags: ['Expenses'],
    summary: 'Correct an approved, unpaid expense: the original is reversed and kept, the correction posted',
    security: bearer,
    request: { params: IdParam, ...jsonBody(CorrectExpenseBody) },
    responses: {
      201: json(ExpenseSchema, 'The correction (a new expense pointing to the original)'),
      ...refusals,
    },
  }),
  async (c) => {
    const b = c.req.valid('json')
    const result = await correctExpense({
      ctx: actorContext(c),
      input: {
        id: c.req.valid('param').id,
        reason: b.reason,
        expectedVersion: expectedVersion(c, b.version),
        fields: {
          category: b.category,
          description: b.description,
          amount: b.amount,
          amountCents: b.amount_cents,
          expenseDate: b.expense_date,
          supplier: b.supplier,
          invoiceNumber: b.invoice_number,
          ...ledgerFieldsOf(b),
        },
      },
    })
    return respond(c, result, (e) => c.json(toExpenseDto(e), 201))
  },
)

expensesApp.openapi(
  createRoute({
    method: 'patch',
    path: '/{id}',
    tags: ['Expenses'],
    summary:
      'Edit a draft (the fields given replace its own); an approved expense answers 409 expense_not_draft: correct or cancel it',
    security: bearer,
    request: { params: IdParam, ...jsonBody(EditDraftExpenseBody) },
    responses: { 200: json(ExpenseSchema, 'The edited draft'), ...refusals },
  }),
  async (c) => {
    const b = c.req.valid('json')
    const given = <T>(key: keyof typeof b, value: T) => (key in b ? value : undefined)
    const result = await editDraftExpense({
      ctx: actorContext(c),
      input: {
        id: c.req.valid('param').id,
        expectedVersion: expectedVersion(c, b.version),
        fields: {
          category: b.category,
          description: b.description,
          amount: b.amount,
          amountCents: b.amount_cents,
          expenseDate: b.expense_date,
          supplier: given('supplier', b.supplier ?? null),
          invoiceNumber: given('invoice_number', b.invoice_number ?? null),
          creditNote: b.credit_note,
          amountExclVatCents: b.amount_excl_vat_cents,
          vatRate: b.vat_rate,
          vatCents: b.vat_cents,
          supplierEnterpriseNumber: given('supplier_enterprise_number', b.supplier_enterprise_number ?? null),
          supplierIban: given('supplier_iban', b.supplier_iban ?? null),
          supplierId: given('supplier_id', b.supplier_id ?? null),
          periodStart: given('period_start', b.period_start ?? null),
          periodEnd: given('period_end', b.period_end ?? null),
          distributionKeyId: given('distribution_key_id', b.distribution_key_id ?? null),
        },
      },
    })
    return respond(c, result, (e) => c.json(toExpenseDto(e), 200))
  },
)

mountDistributionDocuments(expensesApp)
