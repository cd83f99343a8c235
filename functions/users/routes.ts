import { createRoute } from '@hono/zod-openapi'
import { createUser, inviteUser, listUsers, setUserActive, updateUser } from '@koprogo/domain'
import type { Context } from 'hono'
import { createResourceApp } from '../_shared/app.ts'
import { requireAuth } from '../_shared/auth.ts'
import { toUserDto, UserSchema } from '../_shared/dto.ts'
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
import { type AppEnv, actorContext } from '../_shared/runtime.ts'
import { CreateUserBody, UpdateUserBody, UserListQuery } from './schema.ts'

export const usersApp = createResourceApp()
usersApp.use('*', requireAuth)

usersApp.openapi(
  createRoute({
    method: 'get',
    path: '/',
    tags: ['Users'],
    summary: 'List users (superadmin: all; syndic: own organization)',
    security: bearer,
    request: { query: UserListQuery },
    responses: { 200: json(pageOf(UserSchema, 'UserPage'), 'A page'), 400: errors[400], 403: errors[403] },
  }),
  async (c) => {
    const q = c.req.valid('query')
    const page = toPageRequest(q)
    return respond(
      c,
      await listUsers({
        ctx: actorContext(c),
        input: { filter: { role: q.role }, page, tenant: { organizationId: q.organization_id } },
      }),
      (p) => c.json(paginated(p, page, toUserDto), 200),
    )
  },
)

usersApp.openapi(
  createRoute({
    method: 'post',
    path: '/',
    tags: ['Users'],
    summary: 'Create a user (superadmin anywhere; syndic: accountants and owners of its organization)',
    description:
      'With a password, the user can log in at once (v1). Without one, the user is invited: an e-mail in ' +
      '`locale` carries a single-use link to choose a password (INVITE_LINK_TTL_HOURS).',
    security: bearer,
    request: jsonBody(CreateUserBody),
    responses: { 201: json(UserSchema, 'Created'), 400: errors[400], 403: errors[403], 409: errors[409] },
  }),
  async (c) => {
    const b = c.req.valid('json')
    const fields = {
      email: b.email,
      firstName: b.first_name,
      lastName: b.last_name,
      role: b.role,
      organizationId: b.organization_id,
    }
    const result =
      b.password === undefined
        ? await inviteUser({ ctx: actorContext(c), input: { ...fields, locale: b.locale ?? 'fr' } })
        : await createUser({ ctx: actorContext(c), input: { ...fields, password: b.password } })
    return respond(c, result, (u) => c.json(toUserDto(u), 201))
  },
)

usersApp.openapi(
  createRoute({
    method: 'put',
    path: '/{id}',
    tags: ['Users'],
    summary: 'Update a user; If-Match or version for optimistic concurrency',
    security: bearer,
    request: { params: IdParam, ...jsonBody(UpdateUserBody) },
    responses: {
      200: json(UserSchema, 'Updated'),
      400: errors[400],
      403: errors[403],
      404: errors[404],
      409: errors[409],
    },
  }),
  async (c) => {
    const b = c.req.valid('json')
    const result = await updateUser({
      ctx: actorContext(c),
      input: {
        id: c.req.valid('param').id,
        changes: {
          email: b.email,
          password: b.password,
          firstName: b.first_name,
          lastName: b.last_name,
          role: b.role,
        },
        expectedVersion: expectedVersion(c, b.version),
      },
    })
    return respond(c, result, (u) => c.json(toUserDto(u), 200))
  },
)

const toggle = (active: boolean) =>
  createRoute({
    method: 'put',
    path: `/{id}/${active ? 'activate' : 'deactivate'}`,
    tags: ['Users'],
    summary: active ? 'Reactivate a user' : 'Deactivate a user (their tokens stop working at once)',
    security: bearer,
    request: { params: IdParam },
    responses: { 200: json(UserSchema, 'Done'), 403: errors[403], 404: errors[404], 409: errors[409] },
  })

const setActive = (active: boolean) => async (c: Context<AppEnv>) => {
  const id = c.req.param('id') ?? ''
  return respond(c, await setUserActive({ ctx: actorContext(c), input: { id, active } }), (u) =>
    c.json(toUserDto(u), 200),
  )
}

usersApp.openapi(toggle(true), setActive(true))
usersApp.openapi(toggle(false), setActive(false))
