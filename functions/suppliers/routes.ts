import { createRoute } from '@hono/zod-openapi'
import {
  createSupplier,
  deleteSupplier,
  getSupplier,
  getSupplierAccount,
  listSuppliers,
  updateSupplier,
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
import {
  SupplierAccountQuery,
  SupplierAccountSchema,
  SupplierBody,
  SupplierListQuery,
  SupplierPageSchema,
  SupplierSchema,
  toSupplierAccountDto,
  toSupplierDto,
  toSupplierFields,
} from './schema.ts'

/** /suppliers: the organization's suppliers (ADR 0037); staff read, finance:write writes. */
export const suppliersApp = createResourceApp()
suppliersApp.use('*', requireAuth)

const tags = ['Suppliers']

suppliersApp.openapi(
  createRoute({
    method: 'get',
    path: '/',
    tags,
    summary: 'The organization’s suppliers (search by name, enterprise or VAT number)',
    security: bearer,
    request: { query: SupplierListQuery },
    responses: { 200: json(SupplierPageSchema, 'A page'), 400: errors[400], 403: errors[403] },
  }),
  async (c) => {
    const q = c.req.valid('query')
    const page = toPageRequest(q)
    const result = await listSuppliers({
      ctx: actorContext(c),
      input: { search: q.search, organizationId: q.organization_id, page },
    })
    return respond(c, result, (p) => c.json(paginated(p, page, toSupplierDto), 200))
  },
)

suppliersApp.openapi(
  createRoute({
    method: 'post',
    path: '/',
    tags,
    summary: 'Record a supplier (syndic, accountant)',
    security: bearer,
    request: jsonBody(SupplierBody),
    responses: { 201: json(SupplierSchema, 'Created'), 400: errors[400], 403: errors[403] },
  }),
  async (c) => {
    const b = c.req.valid('json')
    const result = await createSupplier({
      ctx: actorContext(c),
      input: { ...toSupplierFields(b), organizationId: b.organization_id },
    })
    return respond(c, result, (s) => c.json(toSupplierDto(s), 201))
  },
)

suppliersApp.openapi(
  createRoute({
    method: 'get',
    path: '/{id}',
    tags,
    summary: 'One supplier',
    security: bearer,
    request: { params: IdParam },
    responses: { 200: json(SupplierSchema, 'Found'), 403: errors[403], 404: errors[404] },
  }),
  async (c) =>
    respond(c, await getSupplier({ ctx: actorContext(c), input: { id: c.req.valid('param').id } }), (s) =>
      c.json(toSupplierDto(s), 200),
    ),
)

suppliersApp.openapi(
  createRoute({
    method: 'put',
    path: '/{id}',
    tags,
    summary: 'Change a supplier (expenses keep the name and numbers they were booked with)',
    security: bearer,
    request: { params: IdParam, ...jsonBody(SupplierBody) },
    responses: {
      200: json(SupplierSchema, 'Updated'),
      400: errors[400],
      403: errors[403],
      404: errors[404],
      409: errors[409],
    },
  }),
  async (c) => {
    const b = c.req.valid('json')
    const result = await updateSupplier({
      ctx: actorContext(c),
      input: {
        id: c.req.valid('param').id,
        ...toSupplierFields(b),
        expectedVersion: expectedVersion(c, b.version),
      },
    })
    return respond(c, result, (s) => c.json(toSupplierDto(s), 200))
  },
)

suppliersApp.openapi(
  createRoute({
    method: 'delete',
    path: '/{id}',
    tags,
    summary: 'Delete a supplier no expense names (409 otherwise)',
    security: bearer,
    request: { params: IdParam },
    responses: { 204: { description: 'Deleted' }, 403: errors[403], 404: errors[404], 409: errors[409] },
  }),
  async (c) =>
    respond(c, await deleteSupplier({ ctx: actorContext(c), input: { id: c.req.valid('param').id } }), () =>
      c.body(null, 204),
    ),
)

suppliersApp.openapi(
  createRoute({
    method: 'get',
    path: '/{id}/account',
    tags,
    summary: 'The supplier’s account (440 lines naming it, all buildings or one), with the running balance',
    security: bearer,
    request: { params: IdParam, query: SupplierAccountQuery },
    responses: { 200: json(SupplierAccountSchema, 'The account'), 403: errors[403], 404: errors[404] },
  }),
  async (c) => {
    const result = await getSupplierAccount({
      ctx: actorContext(c),
      input: { id: c.req.valid('param').id, buildingId: c.req.valid('query').building_id },
    })
    return respond(c, result, (a) => c.json(toSupplierAccountDto(a), 200))
  },
)
