import { createRoute, type z } from '@hono/zod-openapi'
import {
  createOrganization,
  getOrganization,
  listOrganizations,
  type OrganizationFields,
  updateOrganization,
} from '@koprogo/domain'
import { createResourceApp } from '../_shared/app.ts'
import { requireAuth } from '../_shared/auth.ts'
import { OrganizationSchema, toOrganizationDto } from '../_shared/dto.ts'
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
import { CreateOrganizationBody, OrganizationListQuery, UpdateOrganizationBody } from './schema.ts'

const toFields = (b: z.infer<typeof UpdateOrganizationBody>): Partial<OrganizationFields> => ({
  name: b.name,
  slug: b.slug,
  contactEmail: b.contact_email,
  contactPhone: b.contact_phone,
  subscriptionPlan: b.subscription_plan,
  maxBuildings: b.max_buildings,
  maxUsers: b.max_users,
  isActive: b.is_active,
})

export const organizationsApp = createResourceApp()
organizationsApp.use('*', requireAuth)

organizationsApp.openapi(
  createRoute({
    method: 'get',
    path: '/',
    tags: ['Organizations'],
    summary: 'List organizations (superadmin)',
    security: bearer,
    request: { query: OrganizationListQuery },
    responses: {
      200: json(pageOf(OrganizationSchema, 'OrganizationPage'), 'A page'),
      400: errors[400],
      403: errors[403],
    },
  }),
  async (c) => {
    const page = toPageRequest(c.req.valid('query'))
    return respond(c, await listOrganizations({ ctx: actorContext(c), input: { page } }), (p) =>
      c.json(paginated(p, page, toOrganizationDto), 200),
    )
  },
)

organizationsApp.openapi(
  createRoute({
    method: 'post',
    path: '/',
    tags: ['Organizations'],
    summary: 'Create an organization (superadmin)',
    security: bearer,
    request: jsonBody(CreateOrganizationBody),
    responses: {
      201: json(OrganizationSchema, 'Created'),
      400: errors[400],
      403: errors[403],
      409: errors[409],
    },
  }),
  async (c) => {
    const b = c.req.valid('json')
    const result = await createOrganization({
      ctx: actorContext(c),
      input: {
        fields: {
          ...toFields(b),
          name: b.name,
          contactEmail: b.contact_email,
        },
      },
    })
    return respond(c, result, (o) => c.json(toOrganizationDto(o), 201))
  },
)

organizationsApp.openapi(
  createRoute({
    method: 'get',
    path: '/{id}',
    tags: ['Organizations'],
    summary: 'One organization (superadmin, or a member of it)',
    security: bearer,
    request: { params: IdParam },
    responses: { 200: json(OrganizationSchema, 'Found'), 404: errors[404] },
  }),
  async (c) =>
    respond(c, await getOrganization({ ctx: actorContext(c), input: { id: c.req.valid('param').id } }), (o) =>
      c.json(toOrganizationDto(o), 200),
    ),
)

organizationsApp.openapi(
  createRoute({
    method: 'put',
    path: '/{id}',
    tags: ['Organizations'],
    summary: 'Update an organization (superadmin); If-Match or version for optimistic concurrency',
    security: bearer,
    request: { params: IdParam, ...jsonBody(UpdateOrganizationBody) },
    responses: {
      200: json(OrganizationSchema, 'Updated'),
      400: errors[400],
      403: errors[403],
      404: errors[404],
      409: errors[409],
    },
  }),
  async (c) => {
    const b = c.req.valid('json')
    const result = await updateOrganization({
      ctx: actorContext(c),
      input: {
        id: c.req.valid('param').id,
        changes: toFields(b),
        expectedVersion: expectedVersion(c, b.version),
      },
    })
    return respond(c, result, (o) => c.json(toOrganizationDto(o), 200))
  },
)
