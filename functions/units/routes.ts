import { createRoute, z } from '@hono/zod-openapi'
import {
  addUnitOwner,
  assignOwner,
  createUnit,
  deleteUnit,
  endUnitOwner,
  getUnit,
  listUnitOwners,
  listUnits,
  updateUnit,
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
import { actorContext } from '../_shared/runtime.ts'
import {
  AddOwnerBody,
  AssignOwnerParams,
  CreateUnitBody,
  EndOwnershipQuery,
  HistoryQuery,
  toOwnershipDto,
  toUnitDto,
  UnitListQuery,
  UnitOwnerParams,
  UnitOwnershipSchema,
  UnitSchema,
  UpdateUnitBody,
} from './schema.ts'

export const unitsApp = createResourceApp()
unitsApp.use('*', requireAuth)

unitsApp.openapi(
  createRoute({
    method: 'post',
    path: '/',
    tags: ['Units'],
    summary: 'Create a unit (lot); Σ quotas of the building may not exceed its total_tantiemes (409)',
    security: bearer,
    request: jsonBody(CreateUnitBody),
    responses: {
      201: json(UnitSchema, 'Created'),
      400: errors[400],
      403: errors[403],
      404: errors[404],
      409: errors[409],
    },
  }),
  async (c) => {
    const b = c.req.valid('json')
    const result = await createUnit(actorContext(c), {
      buildingId: b.building_id,
      unitNumber: b.unit_number,
      unitType: b.unit_type,
      floor: b.floor,
      surfaceArea: b.surface_area,
      quota: b.quota,
    })
    return respond(c, result, (u) => c.json(toUnitDto(u), 201))
  },
)

unitsApp.openapi(
  createRoute({
    method: 'get',
    path: '/',
    tags: ['Units'],
    summary: 'List units (an owner sees only their own lots)',
    security: bearer,
    request: { query: UnitListQuery },
    responses: { 200: json(pageOf(UnitSchema, 'UnitPage'), 'A page'), 400: errors[400] },
  }),
  async (c) => {
    const q = c.req.valid('query')
    const page = toPageRequest(q)
    const filter = {
      buildingId: q.building_id,
      unitType: q.unit_type,
      hasOwner: q.has_owner,
      floor: q.floor,
      minArea: q.min_area,
      maxArea: q.max_area,
    }
    const result = await listUnits(actorContext(c), filter, page, { organizationId: q.organization_id })
    return respond(c, result, (p) => c.json(paginated(p, page, toUnitDto), 200))
  },
)

unitsApp.openapi(
  createRoute({
    method: 'get',
    path: '/{id}',
    tags: ['Units'],
    summary: 'One unit',
    security: bearer,
    request: { params: IdParam },
    responses: { 200: json(UnitSchema, 'Found'), 404: errors[404] },
  }),
  async (c) =>
    respond(c, await getUnit(actorContext(c), c.req.valid('param').id), (u) => c.json(toUnitDto(u), 200)),
)

unitsApp.openapi(
  createRoute({
    method: 'put',
    path: '/{id}',
    tags: ['Units'],
    summary: 'Update a unit; a quota change is checked against the building total',
    security: bearer,
    request: { params: IdParam, ...jsonBody(UpdateUnitBody) },
    responses: {
      200: json(UnitSchema, 'Updated'),
      400: errors[400],
      403: errors[403],
      404: errors[404],
      409: errors[409],
    },
  }),
  async (c) => {
    const b = c.req.valid('json')
    const result = await updateUnit(
      actorContext(c),
      c.req.valid('param').id,
      {
        unitNumber: b.unit_number,
        unitType: b.unit_type,
        floor: b.floor,
        surfaceArea: b.surface_area,
        quota: b.quota,
      },
      expectedVersion(c, b.version),
    )
    return respond(c, result, (u) => c.json(toUnitDto(u), 200))
  },
)

unitsApp.openapi(
  createRoute({
    method: 'delete',
    path: '/{id}',
    tags: ['Units'],
    summary: 'Delete a unit that never had owners (409 otherwise: history is kept)',
    security: bearer,
    request: { params: IdParam },
    responses: { 204: { description: 'Deleted' }, 403: errors[403], 404: errors[404], 409: errors[409] },
  }),
  async (c) => {
    const result = await deleteUnit(actorContext(c), c.req.valid('param').id, expectedVersion(c))
    return respond(c, result, () => c.body(null, 204))
  },
)

unitsApp.openapi(
  createRoute({
    method: 'put',
    path: '/{unit_id}/assign-owner/{owner_id}',
    tags: ['Units'],
    summary: 'v1: make this owner the sole owner (share 1); other active links end today',
    security: bearer,
    request: { params: AssignOwnerParams },
    responses: { 200: json(UnitSchema, 'Assigned'), 403: errors[403], 404: errors[404], 409: errors[409] },
  }),
  async (c) => {
    const p = c.req.valid('param')
    return respond(c, await assignOwner(actorContext(c), p.unit_id, p.owner_id), (u) =>
      c.json(toUnitDto(u), 200),
    )
  },
)

unitsApp.openapi(
  createRoute({
    method: 'get',
    path: '/{id}/owners',
    tags: ['Unit ownership'],
    summary: 'Owners of a unit with their shares (include_history=true for ended links)',
    security: bearer,
    request: { params: IdParam, query: HistoryQuery },
    responses: { 200: json(z.array(UnitOwnershipSchema), 'Links'), 404: errors[404] },
  }),
  async (c) => {
    const result = await listUnitOwners(actorContext(c), c.req.valid('param').id, {
      includeHistory: c.req.valid('query').include_history,
    })
    return respond(c, result, (links) => c.json(links.map(toOwnershipDto), 200))
  },
)

unitsApp.openapi(
  createRoute({
    method: 'post',
    path: '/{id}/owners',
    tags: ['Unit ownership'],
    summary: 'Add an owner with a share (indivision); active shares may not exceed 1',
    security: bearer,
    request: { params: IdParam, ...jsonBody(AddOwnerBody) },
    responses: {
      201: json(UnitOwnershipSchema, 'Added'),
      400: errors[400],
      403: errors[403],
      404: errors[404],
      409: errors[409],
    },
  }),
  async (c) => {
    const b = c.req.valid('json')
    const result = await addUnitOwner(actorContext(c), c.req.valid('param').id, {
      ownerId: b.owner_id,
      // The schema guarantees one of the two (v1 sends ownership_percentage).
      ownershipShare: (b.ownership_share ?? b.ownership_percentage) as number | string,
      isPrimaryContact: b.is_primary_contact,
      startDate: b.start_date,
    })
    return respond(c, result, (o) => c.json(toOwnershipDto(o), 201))
  },
)

unitsApp.openapi(
  createRoute({
    method: 'delete',
    path: '/{id}/owners/{owner_id}',
    tags: ['Unit ownership'],
    summary: 'End an owner’s link (sale, end of usufruct); the history is kept',
    security: bearer,
    request: { params: UnitOwnerParams, query: EndOwnershipQuery },
    responses: {
      200: json(UnitOwnershipSchema, 'Ended'),
      400: errors[400],
      403: errors[403],
      404: errors[404],
    },
  }),
  async (c) => {
    const p = c.req.valid('param')
    const result = await endUnitOwner(actorContext(c), p.id, p.owner_id, {
      endDate: c.req.valid('query').end_date,
    })
    return respond(c, result, (o) => c.json(toOwnershipDto(o), 200))
  },
)
