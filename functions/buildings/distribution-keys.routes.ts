import { createRoute, type OpenAPIHono } from '@hono/zod-openapi'
import {
  createDistributionKey,
  deleteDistributionKey,
  getDistributionKey,
  listDistributionKeys,
  updateDistributionKey,
} from '@koprogo/domain'
import { bearer, errors, expectedVersion, json, jsonBody, respond } from '../_shared/http.ts'
import { type AppEnv, actorContext } from '../_shared/runtime.ts'
import {
  DistributionKeyBody,
  DistributionKeySchema,
  KeyIdParam,
  toKeyDto,
  toKeyFields,
} from './budget.schema.ts'
import { BuildingIdParam } from './schema.ts'

const tags = ['Distribution keys']

/** /buildings/{building_id}/distribution-keys: syndic writes, readers of the building read. */
export function mountDistributionKeys(app: OpenAPIHono<AppEnv>): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/{building_id}/distribution-keys',
      tags,
      summary: 'The building’s distribution keys (the general key, null, is implicit)',
      security: bearer,
      request: { params: BuildingIdParam },
      responses: { 200: json(DistributionKeySchema.array(), 'The keys'), 404: errors[404] },
    }),
    async (c) => {
      const result = await listDistributionKeys({
        ctx: actorContext(c),
        input: { buildingId: c.req.valid('param').building_id },
      })
      return respond(c, result, (keys) => c.json(keys.map(toKeyDto), 200))
    },
  )

  app.openapi(
    createRoute({
      method: 'post',
      path: '/{building_id}/distribution-keys',
      tags,
      summary: 'Create a key: subset of lots (own weights or quote-parts) or custom tantièmes (syndic)',
      security: bearer,
      request: { params: BuildingIdParam, ...jsonBody(DistributionKeyBody) },
      responses: {
        201: json(DistributionKeySchema, 'Created'),
        400: errors[400],
        403: errors[403],
        404: errors[404],
      },
    }),
    async (c) => {
      const result = await createDistributionKey({
        ctx: actorContext(c),
        input: { buildingId: c.req.valid('param').building_id, ...toKeyFields(c.req.valid('json')) },
      })
      return respond(c, result, (k) => c.json(toKeyDto(k), 201))
    },
  )

  app.openapi(
    createRoute({
      method: 'get',
      path: '/{building_id}/distribution-keys/{key_id}',
      tags,
      summary: 'One distribution key',
      security: bearer,
      request: { params: KeyIdParam },
      responses: { 200: json(DistributionKeySchema, 'Found'), 404: errors[404] },
    }),
    async (c) => {
      const p = c.req.valid('param')
      const result = await getDistributionKey({
        ctx: actorContext(c),
        input: { buildingId: p.building_id, id: p.key_id },
      })
      return respond(c, result, (k) => c.json(toKeyDto(k), 200))
    },
  )

  app.openapi(
    createRoute({
      method: 'put',
      path: '/{building_id}/distribution-keys/{key_id}',
      tags,
      summary: 'Change a key; its lots or weights only with the assembly resolution that decided it',
      security: bearer,
      request: { params: KeyIdParam, ...jsonBody(DistributionKeyBody) },
      responses: {
        200: json(DistributionKeySchema, 'Updated'),
        400: errors[400],
        403: errors[403],
        404: errors[404],
        409: errors[409],
      },
    }),
    async (c) => {
      const p = c.req.valid('param')
      const b = c.req.valid('json')
      const result = await updateDistributionKey({
        ctx: actorContext(c),
        input: {
          buildingId: p.building_id,
          id: p.key_id,
          ...toKeyFields(b),
          expectedVersion: expectedVersion(c, b.version),
        },
      })
      return respond(c, result, (k) => c.json(toKeyDto(k), 200))
    },
  )

  app.openapi(
    createRoute({
      method: 'delete',
      path: '/{building_id}/distribution-keys/{key_id}',
      tags,
      summary: 'Delete a key no expense or budget line uses (409 otherwise)',
      security: bearer,
      request: { params: KeyIdParam },
      responses: { 204: { description: 'Deleted' }, 403: errors[403], 404: errors[404], 409: errors[409] },
    }),
    async (c) => {
      const p = c.req.valid('param')
      const result = await deleteDistributionKey({
        ctx: actorContext(c),
        input: { buildingId: p.building_id, id: p.key_id },
      })
      return respond(c, result, () => c.body(null, 204))
    },
  )
}
