import { createRoute, z } from '@hono/zod-openapi'
import {
  createOwner,
  getMyOwner,
  getOwner,
  linkOwnerUser,
  listOwners,
  listOwnerUnits,
  normalizeEmail,
  updateOwner,
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
import { HistoryQuery, toOwnershipDto, UnitOwnershipSchema } from '../units/schema.ts'
import { mountOwnerAccount } from './account.routes.ts'
import { mountOwnerCharges } from './charges.routes.ts'
import { mountOwnerReminders } from './reminders.routes.ts'
import {
  CreateOwnerBody,
  LinkUserBody,
  OwnerListQuery,
  OwnerSchema,
  toOwnerDto,
  toOwnerFields,
  UpdateOwnerBody,
} from './schema.ts'

export const ownersApp = createResourceApp()
ownersApp.use('*', requireAuth)

ownersApp.openapi(
  createRoute({
    method: 'post',
    path: '/',
    tags: ['Owners'],
    summary: 'Create an owner (co-owner record)',
    security: bearer,
    request: jsonBody(CreateOwnerBody),
    responses: { 201: json(OwnerSchema, 'Created'), 400: errors[400], 403: errors[403], 409: errors[409] },
  }),
  async (c) => {
    const b = c.req.valid('json')
    const result = await createOwner({
      ctx: actorContext(c, { batchedWrites: true }),
      input: {
        ...toOwnerFields(b),
        address: b.address,
        city: b.city,
        postalCode: b.postal_code,
        country: b.country,
        organizationId: b.organization_id,
      },
    })
    return respond(c, result, (o) => c.json(toOwnerDto(o), 201))
  },
)

ownersApp.openapi(
  createRoute({
    method: 'get',
    path: '/',
    tags: ['Owners'],
    summary: 'List owners of the organization (not for the owner role: use /owners/me)',
    security: bearer,
    request: { query: OwnerListQuery },
    responses: { 200: json(pageOf(OwnerSchema, 'OwnerPage'), 'A page'), 400: errors[400], 403: errors[403] },
  }),
  async (c) => {
    const q = c.req.valid('query')
    const page = toPageRequest(q)
    const filter = {
      email: q.email ? normalizeEmail(q.email) : undefined,
      phone: q.phone,
      lastName: q.last_name,
      firstName: q.first_name,
      companyName: q.company_name,
      ownerType: q.owner_type,
      preferredLanguage: q.preferred_language,
      emailConsent: q.email_consent,
      hasEmail: q.has_email,
    }
    const result = await listOwners({
      ctx: actorContext(c),
      input: { filter, page, options: { organizationId: q.organization_id } },
    })
    return respond(c, result, (p) => c.json(paginated(p, page, toOwnerDto), 200))
  },
)

// Registered before /{id} so that "me" is never read as an id.
ownersApp.openapi(
  createRoute({
    method: 'get',
    path: '/me',
    tags: ['Owners'],
    summary: 'The owner record linked to the caller’s account',
    security: bearer,
    responses: { 200: json(OwnerSchema, 'Found'), 404: errors[404] },
  }),
  async (c) => respond(c, await getMyOwner({ ctx: actorContext(c) }), (o) => c.json(toOwnerDto(o), 200)),
)

ownersApp.openapi(
  createRoute({
    method: 'get',
    path: '/{id}',
    tags: ['Owners'],
    summary: 'One owner (an owner user: only their own record)',
    security: bearer,
    request: { params: IdParam },
    responses: { 200: json(OwnerSchema, 'Found'), 404: errors[404] },
  }),
  async (c) =>
    respond(c, await getOwner({ ctx: actorContext(c), input: { id: c.req.valid('param').id } }), (o) =>
      c.json(toOwnerDto(o), 200),
    ),
)

ownersApp.openapi(
  createRoute({
    method: 'put',
    path: '/{id}',
    tags: ['Owners'],
    summary: 'Update an owner; If-Match or version for optimistic concurrency',
    security: bearer,
    request: { params: IdParam, ...jsonBody(UpdateOwnerBody) },
    responses: {
      200: json(OwnerSchema, 'Updated'),
      400: errors[400],
      403: errors[403],
      404: errors[404],
      409: errors[409],
    },
  }),
  async (c) => {
    const b = c.req.valid('json')
    const result = await updateOwner({
      ctx: actorContext(c),
      input: {
        id: c.req.valid('param').id,
        changes: toOwnerFields(b),
        expectedVersion: expectedVersion(c, b.version),
      },
    })
    return respond(c, result, (o) => c.json(toOwnerDto(o), 200))
  },
)

ownersApp.openapi(
  createRoute({
    method: 'put',
    path: '/{id}/link-user',
    tags: ['Owners'],
    summary: 'Link (or with null, unlink) a user account of role owner of the same organization',
    security: bearer,
    request: { params: IdParam, ...jsonBody(LinkUserBody) },
    responses: {
      200: json(OwnerSchema, 'Linked'),
      400: errors[400],
      403: errors[403],
      404: errors[404],
      409: errors[409],
    },
  }),
  async (c) => {
    const b = c.req.valid('json')
    const result = await linkOwnerUser({
      ctx: actorContext(c),
      input: {
        ownerId: c.req.valid('param').id,
        userId: b.user_id,
        expectedVersion: expectedVersion(c, b.version),
      },
    })
    return respond(c, result, (o) => c.json(toOwnerDto(o), 200))
  },
)

ownersApp.openapi(
  createRoute({
    method: 'get',
    path: '/{id}/units',
    tags: ['Unit ownership'],
    summary:
      'The units an owner holds on `date` (default today in Europe/Brussels), with shares and rights (include_history=true for every link)',
    security: bearer,
    request: { params: IdParam, query: HistoryQuery },
    responses: { 200: json(z.array(UnitOwnershipSchema), 'Links'), 400: errors[400], 404: errors[404] },
  }),
  async (c) => {
    const result = await listOwnerUnits({
      ctx: actorContext(c),
      input: {
        ownerId: c.req.valid('param').id,
        options: {
          includeHistory: c.req.valid('query').include_history,
          date: c.req.valid('query').date,
        },
      },
    })
    return respond(c, result, (links) => c.json(links.map(toOwnershipDto), 200))
  },
)

mountOwnerCharges(ownersApp)
mountOwnerAccount(ownersApp)
mountOwnerReminders(ownersApp)
