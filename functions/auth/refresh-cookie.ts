import { DomainErrors } from '@koprogo/domain'
import type { Context } from 'hono'
import { deleteCookie, getCookie, setCookie } from 'hono/cookie'
import { problemResponse } from '../_shared/problem.ts'
import type { AppEnv } from '../_shared/runtime.ts'

/**
 * The browser's refresh token lives in this cookie (ADR 0017): httpOnly (no script reads it, so an
 * injected script cannot carry it away), SameSite=Strict (no other site's page makes the browser
 * send it) and scoped to /api/v1/auth (no other request carries it). The JSON contract is
 * unchanged: login and refresh still answer the tokens in the body and accept `refresh_token` in
 * the body; the cookie is used only when the body has none.
 */
export const REFRESH_COOKIE = 'koprogo_refresh'
export const REFRESH_COOKIE_PATH = '/api/v1/auth'
/** The header a request must carry to spend the cookie: another origin cannot send it, since the
 * CORS preflight it needs refuses it (it is not among the allowed headers, whatever the origin). */
export const CSRF_HEADER = 'X-KoproGo-CSRF'

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]'])

/**
 * `Secure` always in production and over HTTPS; also on http://localhost, which browsers treat as
 * a secure context (Chromium stores a Secure cookie there, web/e2e/browser-security.spec.ts). Only
 * a development server reached over plain HTTP by another name (a LAN address) gets a cookie
 * without it: a browser would drop a Secure cookie there, and such a link exposes tokens anyway.
 */
function secure(c: Context<AppEnv>): boolean {
  if (c.get('runtime').env.APP_ENV === 'production') return true
  const url = new URL(c.req.url)
  return url.protocol === 'https:' || LOOPBACK.has(url.hostname)
}

export function setRefreshCookie(c: Context<AppEnv>, token: string): void {
  setCookie(c, REFRESH_COOKIE, token, {
    httpOnly: true,
    secure: secure(c),
    sameSite: 'Strict',
    path: REFRESH_COOKIE_PATH,
    maxAge: c.get('runtime').env.REFRESH_TOKEN_TTL_DAYS * 86_400,
  })
}

export function clearRefreshCookie(c: Context<AppEnv>): void {
  deleteCookie(c, REFRESH_COOKIE, { path: REFRESH_COOKIE_PATH, secure: secure(c), sameSite: 'Strict' })
}

/** True when the request's Origin (if any) is this server's own (the web app's, ADR 0017). */
function sameOrigin(c: Context<AppEnv>): boolean {
  const origin = c.req.header('origin')
  if (origin === undefined) return true
  try {
    return new URL(origin).host === (c.req.header('host') ?? new URL(c.req.url).host)
  } catch {
    return false // "null" (sandboxed frames, some redirects) or garbage
  }
}

/**
 * The refresh token to use: the body's when it has one (API clients, unchanged), else the cookie's
 * — and then only for a request that proves it comes from our page: the CSRF header, and an Origin
 * (browsers send one on every POST) of this server. Otherwise the answer
 * is a problem response to return as is: 403 for a request that fails the check, 401 without any
 * token.
 */
export function refreshTokenFrom(
  c: Context<AppEnv>,
  fromBody: string | undefined,
): { token: string; fromCookie: boolean } | { refused: Response } {
  if (fromBody !== undefined) return { token: fromBody, fromCookie: false }
  const cookie = getCookie(c, REFRESH_COOKIE)
  if (!cookie) return { refused: problemResponse(c, DomainErrors.unauthenticated('No refresh token')) }
  if (c.req.header(CSRF_HEADER) !== '1' || !sameOrigin(c))
    return {
      refused: problemResponse(
        c,
        DomainErrors.forbidden(`The refresh cookie needs the ${CSRF_HEADER} header, from this origin`),
      ),
    }
  return { token: cookie, fromCookie: true }
}
