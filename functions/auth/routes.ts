import { createRoute } from '@hono/zod-openapi'
import {
  changePassword,
  completePasswordLink,
  getCurrentUser,
  login,
  logout,
  refreshSession,
  register,
  requestPasswordReset,
  type Session,
} from '@koprogo/domain'
import type { Context } from 'hono'
import { createResourceApp } from '../_shared/app.ts'
import { requireAuth } from '../_shared/auth.ts'
import { toUserDto, UserSchema } from '../_shared/dto.ts'
import { bearer, errors, json, jsonBody, respond } from '../_shared/http.ts'
import { actorContext, publicContext } from '../_shared/runtime.ts'
import { hashLinkToken } from '../_shared/security/password-link-tokens.ts'
import { clearRefreshCookie, refreshTokenFrom, setRefreshCookie } from './refresh-cookie.ts'
import {
  AcceptedSchema,
  ChangePasswordBody,
  ForgotPasswordBody,
  LoginBody,
  RefreshBody,
  RegisterBody,
  ResetPasswordBody,
  SessionSchema,
} from './schema.ts'

const sessionDto = (s: Session) => ({
  token: s.accessToken,
  refresh_token: s.refreshToken,
  token_type: 'Bearer' as const,
  expires_in: s.expiresInSeconds,
  user: toUserDto(s.user),
})

const noStore = (c: Context) => c.header('cache-control', 'no-store')

export const authApp = createResourceApp()

authApp.openapi(
  createRoute({
    method: 'post',
    path: '/login',
    tags: ['Auth'],
    summary: 'Log in with e-mail and password',
    request: jsonBody(LoginBody),
    responses: {
      200: json(SessionSchema, 'Session opened'),
      400: errors[400],
      401: errors[401],
      429: errors[429],
    },
  }),
  async (c) => {
    const body = c.req.valid('json')
    const ip = c.get('runtime').clientIp(c)
    const result = await login({
      ctx: publicContext(c),
      input: { email: body.email, password: body.password, ip },
    })
    noStore(c)
    return respond(c, result, (s) => {
      setRefreshCookie(c, s.refreshToken)
      return c.json(sessionDto(s), 200)
    })
  },
)

authApp.openapi(
  createRoute({
    method: 'post',
    path: '/register',
    tags: ['Auth'],
    summary: 'Create a user (public sign-up of a new syndic firm, or by an administrator)',
    description:
      'Without a token, only when SIGNUP_ENABLED: role syndic with organization_name (a new organization). ' +
      'With a token: a superadmin creates anyone; a syndic creates accountants and owners of its own organization.',
    request: jsonBody(RegisterBody),
    responses: {
      201: json(SessionSchema, 'User created; session of the new user'),
      400: errors[400],
      403: errors[403],
      409: errors[409],
    },
  }),
  async (c) => {
    const b = c.req.valid('json')
    const result = await register({
      ctx: publicContext(c),
      input: {
        actor: c.get('actor'),
        fields: {
          email: b.email,
          password: b.password,
          firstName: b.first_name,
          lastName: b.last_name,
          role: b.role,
          organizationId: b.organization_id,
          organizationName: b.organization_name,
        },
      },
    })
    noStore(c)
    return respond(c, result, (s) => c.json(sessionDto(s), 201))
  },
)

authApp.openapi(
  createRoute({
    method: 'post',
    path: '/refresh',
    tags: ['Auth'],
    summary: 'Rotate the refresh token; a reused token revokes its whole family',
    description:
      'The token comes from the body, or (browsers) from the httpOnly refresh cookie set by login and ' +
      'refresh, with the X-KoproGo-CSRF: 1 header and a same-origin Origin (ADR 0017).',
    request: jsonBody(RefreshBody),
    responses: {
      200: json(SessionSchema, 'New token pair'),
      400: errors[400],
      401: errors[401],
      403: errors[403],
    },
  }),
  async (c) => {
    const presented = refreshTokenFrom(c, c.req.valid('json').refresh_token)
    // A problem response is an untyped Response for the route's typing (respond() casts it too).
    if ('refused' in presented) return presented.refused as never
    const result = await refreshSession({ ctx: publicContext(c), input: { refreshToken: presented.token } })
    noStore(c)
    if (!result.ok && presented.fromCookie) clearRefreshCookie(c)
    return respond(c, result, (s) => {
      setRefreshCookie(c, s.refreshToken)
      return c.json(sessionDto(s), 200)
    })
  },
)

authApp.openapi(
  createRoute({
    method: 'post',
    path: '/logout',
    tags: ['Auth'],
    summary: 'End the session of a refresh token',
    description:
      'The token comes from the body or, as for refresh, from the refresh cookie, which is cleared.',
    request: jsonBody(RefreshBody),
    responses: { 204: { description: 'Logged out' }, 400: errors[400], 401: errors[401], 403: errors[403] },
  }),
  async (c) => {
    const presented = refreshTokenFrom(c, c.req.valid('json').refresh_token)
    if ('refused' in presented) return presented.refused as never
    const result = await logout({ ctx: publicContext(c), input: { refreshToken: presented.token } })
    if (presented.fromCookie) clearRefreshCookie(c)
    return respond(c, result, () => c.body(null, 204))
  },
)

authApp.use('/me', requireAuth)
authApp.openapi(
  createRoute({
    method: 'get',
    path: '/me',
    tags: ['Auth'],
    summary: 'The authenticated user',
    security: bearer,
    responses: { 200: json(UserSchema, 'Current user'), 401: errors[401] },
  }),
  async (c) => respond(c, await getCurrentUser({ ctx: actorContext(c) }), (u) => c.json(toUserDto(u), 200)),
)

/** The one answer of forgot-password, whatever the e-mail (no account enumeration). */
export const FORGOT_PASSWORD_ANSWER =
  'If an active account uses this e-mail, a message with a reset link is on its way.'

authApp.openapi(
  createRoute({
    method: 'post',
    path: '/forgot-password',
    tags: ['Auth'],
    summary: 'Mail a single-use password reset link',
    description:
      'Always 202 with the same body, whether or not the account exists; throttled per client address ' +
      'and per e-mail like login (429). The link expires after RESET_LINK_TTL_MINUTES (ADR 0023).',
    request: jsonBody(ForgotPasswordBody),
    responses: { 202: json(AcceptedSchema, 'Accepted'), 400: errors[400], 429: errors[429] },
  }),
  async (c) => {
    const b = c.req.valid('json')
    const ip = c.get('runtime').clientIp(c)
    const result = await requestPasswordReset({
      ctx: publicContext(c),
      input: {
        email: b.email,
        ip,
        locale: b.locale ?? 'fr',
      },
    })
    noStore(c)
    return respond(c, result, () => c.json({ message: FORGOT_PASSWORD_ANSWER }, 202))
  },
)

authApp.openapi(
  createRoute({
    method: 'post',
    path: '/reset-password',
    tags: ['Auth'],
    summary: 'Set the password with an invitation or reset link, and log in',
    description:
      'The link works once and until it expires: 409 with code link_invalid, link_expired or link_used ' +
      'otherwise. Every other session of the user ends.',
    request: jsonBody(ResetPasswordBody),
    responses: { 200: json(SessionSchema, 'Password set; new session'), 400: errors[400], 409: errors[409] },
  }),
  async (c) => {
    const b = c.req.valid('json')
    const result = await completePasswordLink({
      ctx: publicContext(c),
      input: {
        tokenHash: hashLinkToken(b.token),
        password: b.password,
      },
    })
    noStore(c)
    return respond(c, result, (s) => {
      setRefreshCookie(c, s.refreshToken)
      return c.json(sessionDto(s), 200)
    })
  },
)

authApp.use('/change-password', requireAuth)
authApp.openapi(
  createRoute({
    method: 'post',
    path: '/change-password',
    tags: ['Auth'],
    summary: 'Change your own password (current one required)',
    description:
      'Ends every session of the user and returns a new one for the caller; a confirmation e-mail is sent. ' +
      'A wrong current password is a 400 on current_password; checks are throttled like login (429).',
    security: bearer,
    request: jsonBody(ChangePasswordBody),
    responses: {
      200: json(SessionSchema, 'Password changed; new session'),
      400: errors[400],
      401: errors[401],
      429: errors[429],
    },
  }),
  async (c) => {
    const b = c.req.valid('json')
    const result = await changePassword({
      ctx: actorContext(c),
      input: {
        currentPassword: b.current_password,
        newPassword: b.new_password,
        ip: c.get('runtime').clientIp(c),
        locale: b.locale ?? 'fr',
      },
    })
    noStore(c)
    return respond(c, result, (s) => {
      setRefreshCookie(c, s.refreshToken)
      return c.json(sessionDto(s), 200)
    })
  },
)
