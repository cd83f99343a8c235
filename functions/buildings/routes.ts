import { createRoute } from '@hono/zod-openapi'
import {
  createBuilding,
  DomainErrors,
  deleteBuilding,
  getBuilding,
  listBuildings,
  listBuildingUnits,
  updateBuilding,
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
  pageOf,
  paginated,
  respond,
  toPageRequest,
} from '../_shared/http.ts'
import { problemResponse } from '../_shared/problem.ts'
import { actorContext } from '../_shared/runtime.ts'
import { BuildingUnitsQuery, toUnitDto, UnitSchema } from '../units/schema.ts'
import {
  BuildingIdParam,
  BuildingListQuery,
  BuildingSchema,
  CreateBuildingBody,
  inClientTerms,
  toBuildingDto,
  toBuildingFields,
  UpdateBuildingBody,
} from './schema.ts'

export const buildingsApp = createResourceApp()
buildingsApp.use('*', requireAuth)
// Before GET /{id}: "register-template" is not a building id.
mountRegisterTemplate(buildingsApp)

buildingsApp.openapi(
  createRoute({
    method: 'post',
    path: '/',
    tags: ['Buildings'],
    summary: 'Create a building (syndic, superadmin with organization_id)',
    security: bearer,
    request: jsonBody(CreateBuildingBody),
    responses: { 201: json(BuildingSchema, 'Created'), 400: errors[400], 403: errors[403] },
  }),
  async (c) => {
    const b = c.req.valid('json')
    const fields = toBuildingFields(b)
    const result = fields.ok
      ? await createBuilding({
          ctx: actorContext(c, { batchedWrites: true }),
          input: {
            ...fields.value,
            name: b.name,
            address: b.address,
            city: b.city,
            postalCode: b.postal_code,
            country: b.country,
            organizationId: b.organization_id,
          },
        })
      : fields
    return respond(c, inClientTerms(b, result), (building) => c.json(toBuildingDto(building), 201))
  },
)

buildingsApp.openapi(
  createRoute({
    method: 'get',
    path: '/',
    tags: ['Buildings'],
    summary: 'List buildings (an owner sees the buildings of their lots)',
    security: bearer,
    request: { query: BuildingListQuery },
    responses: {
      200: json(pageOf(BuildingSchema, 'BuildingPage'), 'A page'),
      400: errors[400],
      403: errors[403],
    },
  }),
  async (c) => {
    const q = c.req.valid('query')
    const page = toPageRequest(q)
    const filter = {
      city: q.city,
      constructionYear: q.construction_year,
      minUnits: q.min_units,
      maxUnits: q.max_units,
    }
    const result = await listBuildings({
      ctx: actorContext(c),
      input: { filter, page, options: { organizationId: q.organization_id } },
    })
    return respond(c, result, (p) => c.json(paginated(p, page, toBuildingDto), 200))
  },
)

buildingsApp.openapi(
  createRoute({
    method: 'get',
    path: '/{id}',
    tags: ['Buildings'],
    summary: 'One building',
    security: bearer,
    request: { params: IdParam },
    responses: { 200: json(BuildingSchema, 'Found'), 404: errors[404] },
  }),
  async (c) =>
    respond(c, await getBuilding({ ctx: actorContext(c), input: { id: c.req.valid('param').id } }), (b) =>
      c.json(toBuildingDto(b), 200),
    ),
)

buildingsApp.openapi(
  createRoute({
    method: 'put',
    path: '/{id}',
    tags: ['Buildings'],
    summary: 'Update a building; If-Match or version for optimistic concurrency',
    security: bearer,
    request: { params: IdParam, ...jsonBody(UpdateBuildingBody) },
    responses: {
      200: json(BuildingSchema, 'Updated'),
      400: errors[400],
      403: errors[403],
      404: errors[404],
      409: errors[409],
    },
  }),
  async (c) => {
    const b = c.req.valid('json')
    const ctx = actorContext(c)
    // v1's edit form restates organization_id. A building never changes organization: for a
    // superadmin another organization is refused rather than silently ignored (issue #20, item 8).
    if (b.organization_id && ctx.actor.role === 'superadmin') {
      const current = await getBuilding({ ctx, input: { id: c.req.valid('param').id } })
      if (current.ok && current.value.organizationId !== b.organization_id)
        return problemResponse(
          c,
          DomainErrors.invalidField('organization_id', 'a building cannot move to another organization'),
        ) as never
    }
    const fields = toBuildingFields(b)
    const result = fields.ok
      ? await updateBuilding({
          ctx,
          input: {
            id: c.req.valid('param').id,
            changes: fields.value,
            expectedVersion: expectedVersion(c, b.version),
          },
        })
      : fields
    return respond(c, inClientTerms(b, result), (building) => c.json(toBuildingDto(building), 200))
  },
)

buildingsApp.openapi(
  createRoute({
    method: 'delete',
    path: '/{id}',
    tags: ['Buildings'],
    summary: 'Delete a building without units (409 otherwise)',
    security: bearer,
    request: { params: IdParam },
    responses: { 204: { description: 'Deleted' }, 403: errors[403], 404: errors[404], 409: errors[409] },
  }),
  async (c) => {
    const result = await deleteBuilding({
      ctx: actorContext(c),
      input: { id: c.req.valid('param').id, expectedVersion: expectedVersion(c) },
    })
    return respond(c, result, () => c.body(null, 204))
  },
)

buildingsApp.openapi(
  createRoute({
    method: 'get',
    path: '/{building_id}/units',
    tags: ['Units'],
    summary: 'Units of one building',
    security: bearer,
    request: { params: BuildingIdParam, query: BuildingUnitsQuery },
    responses: { 200: json(pageOf(UnitSchema, 'UnitPage'), 'A page'), 400: errors[400], 404: errors[404] },
  }),
  async (c) => {
    const q = c.req.valid('query')
    const page = toPageRequest(q)
    const filter = {
      unitType: q.unit_type,
      hasOwner: q.has_owner,
      floor: q.floor,
      minArea: q.min_area,
      maxArea: q.max_area,
    }
    const result = await listBuildingUnits({
      ctx: actorContext(c),
      input: {
        buildingId: c.req.valid('param').building_id,
        filter,
        page,
        options: {
          date: q.date,
        },
      },
    })
    return respond(c, result, (p) => c.json(paginated(p, page, toUnitDto), 200))
  },
)

// Nested lists of other resources, each in its own file. Appended here (imports are hoisted) so
// the building routes above and these mounts can be edited without touching each other.
import { mountBuildingArrears } from './arrears.routes.ts'
import { mountBuildingAssembly } from './assembly.routes.ts'
import { mountBuildingBank } from './bank.routes.ts'
import { mountBudgets } from './budgets.routes.ts'
import { mountBuildingCalls } from './calls.routes.ts'
import { mountBuildingClosing } from './closing.routes.ts'
import { mountDistributionKeys } from './distribution-keys.routes.ts'
import { mountBuildingDocuments } from './documents.routes.ts'
import { mountExpenseImport } from './expense-import.routes.ts'
import { mountBuildingExpenses } from './expenses.routes.ts'
import { mountBuildingLedger } from './ledger.routes.ts'
import { mountLedgerSettings } from './ledger-settings.routes.ts'
import { mountBuildingMeetings } from './meetings.routes.ts'
import { mountRegisterImport, mountRegisterTemplate } from './register.routes.ts'

mountBuildingExpenses(buildingsApp)
mountExpenseImport(buildingsApp)
mountBuildingLedger(buildingsApp)
mountLedgerSettings(buildingsApp)
mountBuildingMeetings(buildingsApp)
mountBuildingAssembly(buildingsApp)
mountBuildingDocuments(buildingsApp)
mountRegisterImport(buildingsApp)
mountDistributionKeys(buildingsApp)
mountBudgets(buildingsApp)
mountBuildingCalls(buildingsApp)
mountBuildingClosing(buildingsApp)
mountBuildingBank(buildingsApp)
mountBuildingArrears(buildingsApp)
