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
  setUnitRepresentation,
  transferUnit,
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
  RepresentativesBody,
  RepresentativesSchema,
  TransferBody,
  TransferResultSchema,
  toOwnershipDto,
  toOwnershipViewDto,
  toRepresentationDto,
  toUnitDto,
  UnitDateQuery,
  UnitListQuery,
  UnitOwnerParams,
  UnitOwnershipSchema,
  UnitOwnershipViewSchema,
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
    const result = await createUnit({
      ctx: actorContext(c, { batchedWrites: true }),
      input: {
        buildingId: b.building_id,
        unitNumber: b.unit_number,
        unitType: b.unit_type,
        floor: b.floor,
        surfaceArea: b.surface_area,
        quota: b.quota,
      },
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
    const result = await listUnits({
      ctx: actorContext(c),
      input: {
        filter,
        page,
        options: {
          organizationId: q.organization_id,
          date: q.date,
        },
      },
    })
    return respond(c, result, (p) => c.json(paginated(p, page, toUnitDto), 200))
  },
)

unitsApp.openapi(
  createRoute({
    method: 'get',
    path: '/{id}',
    tags: ['Units'],
    summary: 'One unit; owner_id is its owner on `date` (default today in Europe/Brussels)',
    security: bearer,
    request: { params: IdParam, query: UnitDateQuery },
    responses: { 200: json(UnitSchema, 'Found'), 400: errors[400], 404: errors[404] },
  }),
  async (c) =>
    respond(
      c,
      await getUnit({
        ctx: actorContext(c),
        input: { id: c.req.valid('param').id, options: { date: c.req.valid('query').date } },
      }),
      (u) => c.json(toUnitDto(u), 200),
    ),
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
    const result = await updateUnit({
      ctx: actorContext(c),
      input: {
        id: c.req.valid('param').id,
        changes: {
          unitNumber: b.unit_number,
          unitType: b.unit_type,
          floor: b.floor,
          surfaceArea: b.surface_area,
          quota: b.quota,
        },
        expectedVersion: expectedVersion(c, b.version),
      },
    })
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
    const result = await deleteUnit({
      ctx: actorContext(c),
      input: { id: c.req.valid('param').id, expectedVersion: expectedVersion(c) },
    })
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
    return respond(
      c,
      await assignOwner({ ctx: actorContext(c), input: { unitId: p.unit_id, ownerId: p.owner_id } }),
      (u) => c.json(toUnitDto(u), 200),
    )
  },
)

unitsApp.openapi(
  createRoute({
    method: 'get',
    path: '/{id}/owners',
    tags: ['Unit ownership'],
    summary:
      'Owners of a unit on `date` (default today in Europe/Brussels) with right, share, votes and receives_calls; include_history=true for every link',
    security: bearer,
    request: { params: IdParam, query: HistoryQuery },
    responses: { 200: json(z.array(UnitOwnershipViewSchema), 'Links'), 400: errors[400], 404: errors[404] },
  }),
  async (c) => {
    const q = c.req.valid('query')
    const result = await listUnitOwners({
      ctx: actorContext(c),
      input: {
        unitId: c.req.valid('param').id,
        options: {
          includeHistory: q.include_history,
          date: q.date,
        },
      },
    })
    return respond(c, result, (links) => c.json(links.map(toOwnershipViewDto), 200))
  },
)

unitsApp.openapi(
  createRoute({
    method: 'post',
    path: '/{id}/owners',
    tags: ['Unit ownership'],
    summary:
      'Add an owner with a share and a right (full, usufruct, bare) from start_date; the shares per right may not exceed 1 on any date (409)',
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
    const result = await addUnitOwner({
      ctx: actorContext(c),
      input: {
        unitId: c.req.valid('param').id,
        fields: {
          ownerId: b.owner_id,
          // The schema guarantees one of the two (v1 sends ownership_percentage).
          ownershipShare: (b.ownership_share ?? b.ownership_percentage) as number | string,
          rightType: b.right_type,
          isPrimaryContact: b.is_primary_contact,
          startDate: b.start_date,
        },
      },
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
    const result = await endUnitOwner({
      ctx: actorContext(c),
      input: {
        unitId: p.id,
        ownerId: p.owner_id,
        options: {
          endDate: c.req.valid('query').end_date,
        },
      },
    })
    return respond(c, result, (o) => c.json(toOwnershipDto(o), 200))
  },
)

unitsApp.openapi(
  createRoute({
    method: 'post',
    path: '/{id}/transfer',
    tags: ['Unit ownership'],
    summary:
      'A sale as one operation: the sellers’ links end on deed_date (exclusive) and the buyers’ start on it, atomically, checked on every date (409), one audit event `unit.transfer`; If-Match on the unit’s version',
    security: bearer,
    request: { params: IdParam, ...jsonBody(TransferBody) },
    responses: {
      200: json(TransferResultSchema, 'Transferred'),
      400: errors[400],
      403: errors[403],
      404: errors[404],
      409: errors[409],
      422: errors[422],
    },
  }),
  async (c) => {
    const b = c.req.valid('json')
    const result = await transferUnit({
      ctx: actorContext(c),
      input: {
        unitId: c.req.valid('param').id,
        fields: {
          deedDate: b.deed_date,
          sellers: b.sellers,
          buyers: b.buyers.map((x) => ({
            ownerId: x.owner_id,
            ownershipShare: x.ownership_share,
            rightType: x.right_type,
            isPrimaryContact: x.is_primary_contact,
          })),
        },
        expectedVersion: expectedVersion(c, b.version),
      },
    })
    return respond(c, result, (r) =>
      c.json(
        {
          unit: toUnitDto(r.unit),
          ended: r.ended.map(toOwnershipDto),
          started: r.started.map(toOwnershipDto),
        },
        200,
      ),
    )
  },
)

unitsApp.openapi(
  createRoute({
    method: 'put',
    path: '/{id}/representatives',
    tags: ['Unit ownership'],
    summary:
      'From start_date, who votes for the lot and who receives its calls for funds (null: the default — usufructuaries of a dismembered lot, else the full owners)',
    security: bearer,
    request: { params: IdParam, ...jsonBody(RepresentativesBody) },
    responses: {
      200: json(RepresentativesSchema, 'Recorded'),
      400: errors[400],
      403: errors[403],
      404: errors[404],
    },
  }),
  async (c) => {
    const b = c.req.valid('json')
    const result = await setUnitRepresentation({
      ctx: actorContext(c),
      input: {
        unitId: c.req.valid('param').id,
        fields: {
          startDate: b.start_date,
          voterOwnerId: b.voter_owner_id,
          callsOwnerId: b.calls_owner_id,
        },
      },
    })
    return respond(c, result, (r) => c.json(toRepresentationDto(r), 200))
  },
)

// The état daté of a lot (Civil Code art. 3.94): its own file, mounted with one line.
import { mountEtatDate } from './etat-date.routes.ts'

mountEtatDate(unitsApp)
