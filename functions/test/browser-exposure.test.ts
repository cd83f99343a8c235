import { createHash } from 'node:crypto'
import { mkdirSync, mkdtempSync, readFileSync, utimesSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { API_CSP, DOCS_CSP, webCsp } from '../_shared/csp.ts'
import { CSRF_HEADER, REFRESH_COOKIE } from '../auth/refresh-cookie.ts'
import { inlineScriptHashes, mountWeb } from '../web-static.ts'
import { createTestApi, TEST_PASSWORD, type TestApi } from './harness.ts'

/**
 * Browser-side exposure (docs/security.md § Browser-side exposure, ADR 0017): the
 * Content-Security-Policy of every kind of answer, the self-hosted API reference, and the httpOnly
 * refresh cookie with its CSRF check. web/e2e/browser-security.spec.ts proves the same in Chromium.
 */
let api: TestApi
let dist = ''
const INLINE = 'window.__boot = 1'
beforeAll(async () => {
  api = await createTestApi({ CORS_ORIGINS: 'https://app.example.test' })
  dist = mkdtempSync(join(tmpdir(), 'koprogo-web-'))
  mkdirSync(join(dist, 'assets'))
  writeFileSync(
    join(dist, 'index.html'),
    `<!doctype html><title>KoproGo</title><script>${INLINE}</script><script type="module" src="/assets/app.js"></script>`,
  )
  writeFileSync(join(dist, 'assets', 'app.js'), 'console.log(1)')
  writeFileSync(join(dist, 'sw.js'), 'self.skipWaiting()')
  expect(mountWeb(api.app, dist)).toBe(true)
})
afterAll(() => api.close())

const html = { accept: 'text/html,*/*' }

describe('Content-Security-Policy', () => {
  it.each([
    ['GET', '/health', 200],
    ['GET', '/api/v1/openapi.json', 200],
    ['GET', '/api/v1/buildings', 401],
    ['GET', '/api/v1/nope', 404],
  ] as const)('API answer %s %s: nothing may load or frame it', async (method, path, status) => {
    const res = await api.request(method, path)
    expect(res.status).toBe(status)
    expect(res.headers.get('content-security-policy')).toBe(API_CSP)
  })

  it('the web app (shell, SPA fallback, assets, service worker) gets the strict app policy', async () => {
    const expected = webCsp(inlineScriptHashes(`<script>${INLINE}</script>`))
    for (const path of ['/', '/syndic/buildings', '/assets/app.js', '/sw.js']) {
      const res = await api.request('GET', path, { headers: html })
      expect(res.status, path).toBe(200)
      expect(res.headers.get('content-security-policy'), path).toBe(expected)
    }
    for (const directive of [
      "default-src 'self'",
      "style-src 'self'",
      "img-src 'self' data: blob:",
      "connect-src 'self'",
      "worker-src 'self'",
      "manifest-src 'self'",
      "frame-ancestors 'none'",
      "base-uri 'self'",
      "form-action 'self'",
      "object-src 'none'",
    ])
      expect(expected).toContain(directive)
    expect(expected).not.toMatch(/unsafe-inline|unsafe-eval|\*/)
  })

  it("allows the shell's inline script by its SHA-256 hash, computed from index.html", () => {
    const hashes = inlineScriptHashes(`<script>${INLINE}</script><script src="/x.js"></script>`)
    const expected = `'sha256-${createHash('sha256').update(INLINE).digest('base64')}'`
    expect(hashes).toEqual([expected])
    expect(webCsp([expected])).toContain(`script-src 'self' ${expected};`)
  })

  it("follows a shell rebuilt under the running server: the new inline script's hash, the old one gone", async () => {
    const shell = join(dist, 'index.html')
    const before = readFileSync(shell, 'utf8')
    const rebuilt = 'window.manifest = {"rebuilt":1}'
    try {
      writeFileSync(shell, before.replace(INLINE, rebuilt))
      // A rebuild always moves the file's mtime; set it so the test does not race the clock.
      utimesSync(shell, new Date(), new Date(Date.now() + 5_000))
      for (const path of ['/', '/assets/app.js']) {
        const res = await api.request('GET', path, { headers: html })
        expect(res.headers.get('content-security-policy'), path).toBe(
          webCsp(inlineScriptHashes(`<script>${rebuilt}</script>`)),
        )
      }
    } finally {
      writeFileSync(shell, before)
      utimesSync(shell, new Date(), new Date(Date.now() + 10_000))
    }
    const res = await api.request('GET', '/', { headers: html })
    expect(res.headers.get('content-security-policy')).toBe(
      webCsp(inlineScriptHashes(`<script>${INLINE}</script>`)),
    )
  })
})

describe('API reference (/api/v1/docs)', () => {
  const swagger = (file: string) =>
    readFileSync(createRequire(import.meta.url).resolve(`swagger-ui-dist/${file}`), 'utf8')

  it('is self-hosted: no other origin, no inline script, under the docs policy', async () => {
    const res = await api.request('GET', '/api/v1/docs')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-security-policy')).toBe(DOCS_CSP)
    expect(res.text).not.toMatch(/https?:\/\//)
    for (const [, attributes, body] of res.text.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
      expect(attributes).toMatch(/src="\/api\/v1\/docs\//)
      expect(body).toBe('')
    }
    expect(DOCS_CSP).toContain("script-src 'self';")
    expect(DOCS_CSP).toContain("connect-src 'self';")
    expect(DOCS_CSP).not.toMatch(/unsafe-inline|unsafe-eval/)
  })

  it('serves the pinned swagger-ui-dist files byte for byte, and a bootstrap file', async () => {
    const script = await api.request('GET', '/api/v1/docs/swagger-ui-bundle.js')
    expect(script.headers.get('content-type')).toContain('javascript')
    expect(script.text).toBe(swagger('swagger-ui-bundle.js'))
    const css = await api.request('GET', '/api/v1/docs/swagger-ui.css')
    expect(css.headers.get('content-type')).toContain('text/css')
    expect(css.text).toBe(swagger('swagger-ui.css'))
    const init = await api.request('GET', '/api/v1/docs/init.js')
    expect(init.text).toContain("url: '/api/v1/openapi.json'")
    // Swagger UI would otherwise load a badge from validator.swagger.io.
    expect(init.text).toContain('validatorUrl: null')
    const pinned = JSON.parse(readFileSync(join(import.meta.dirname, '..', 'package.json'), 'utf8'))
    expect(pinned.dependencies['swagger-ui-dist']).toMatch(/^\d+\.\d+\.\d+$/)
  })
})

describe('refresh cookie (browsers)', () => {
  afterEach(() => {
    vi.useRealTimers()
  })

  async function signIn() {
    const u = await api.user('syndic', (await api.organization()).id)
    const res = await api.request('POST', '/api/v1/auth/login', {
      body: { email: u.email, password: TEST_PASSWORD },
      headers: { 'x-test-ip': `10.77.${Math.floor(Math.random() * 250)}.1` },
    })
    expect(res.status).toBe(200)
    return res
  }
  /** The cookie's value and its attributes, from a Set-Cookie header. */
  const parse = (header: string | null) => {
    const [pair = '', ...attributes] = (header ?? '').split(/;\s*/)
    const [name, value] = pair.split('=')
    return { name, value, attributes: attributes.map((a) => a.toLowerCase()) }
  }
  const withCookie = (value: string, headers: Record<string, string> = {}) => ({
    body: {},
    headers: { cookie: `${REFRESH_COOKIE}=${value}`, ...headers },
  })
  const browser = { [CSRF_HEADER]: '1', origin: 'http://localhost' }

  it('login sets it httpOnly, Secure, SameSite=Strict, scoped to /api/v1/auth; the JSON answer is unchanged', async () => {
    const res = await signIn()
    const cookie = parse(res.headers.get('set-cookie'))
    expect(cookie.name).toBe(REFRESH_COOKIE)
    expect(cookie.value).toBe(res.body.refresh_token)
    expect(cookie.attributes).toEqual(
      expect.arrayContaining([
        'httponly',
        'secure',
        'samesite=strict',
        'path=/api/v1/auth',
        'max-age=604800',
      ]),
    )
    expect(Object.keys(res.body).sort()).toEqual([
      'expires_in',
      'refresh_token',
      'token',
      'token_type',
      'user',
    ])
  })

  it('refresh without a body token uses the cookie and rotates it; the spent cookie is then refused after the grace window', async () => {
    const first = parse((await signIn()).headers.get('set-cookie')).value ?? ''
    const res = await api.request('POST', '/api/v1/auth/refresh', withCookie(first, browser))
    expect(res.status).toBe(200)
    expect(res.body.token).toBeTruthy()
    const next = parse(res.headers.get('set-cookie'))
    expect(next.value).toBe(res.body.refresh_token)
    expect(next.value).not.toBe(first)
    // Within the grace window (ADR 0016) a second tab presenting the spent cookie gets the same successor.
    const tab = await api.request('POST', '/api/v1/auth/refresh', withCookie(first, browser))
    expect(tab.status).toBe(200)
    expect(parse(tab.headers.get('set-cookie')).value).toBe(next.value)
    // After it, the spent cookie is reuse: refused, and the refused cookie is cleared.
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(Date.now() + 21_000)
    const reuse = await api.request('POST', '/api/v1/auth/refresh', withCookie(first, browser))
    expect(reuse.status).toBe(401)
    expect(parse(reuse.headers.get('set-cookie')).attributes).toContain('max-age=0')
  })

  it.each([
    ['no CSRF header', { origin: 'http://localhost' }],
    ['a foreign Origin', { [CSRF_HEADER]: '1', origin: 'https://evil.example' }],
    ['a look-alike Origin', { [CSRF_HEADER]: '1', origin: 'http://localhost.evil.example' }],
    ['Origin null', { [CSRF_HEADER]: '1', origin: 'null' }],
  ])('a cookie refresh with %s is refused (403) and spends nothing', async (_, headers) => {
    const token = parse((await signIn()).headers.get('set-cookie')).value ?? ''
    const res = await api.request('POST', '/api/v1/auth/refresh', withCookie(token, headers))
    expect(res.status).toBe(403)
    expect(res.headers.get('content-type')).toBe('application/problem+json')
    expect(res.headers.get('set-cookie')).toBeNull()
    // The token still works for its owner.
    expect((await api.request('POST', '/api/v1/auth/refresh', withCookie(token, browser))).status).toBe(200)
  })

  it('a configured CORS origin does not pass either: the web app is served from the API origin', async () => {
    const token = parse((await signIn()).headers.get('set-cookie')).value ?? ''
    const res = await api.request(
      'POST',
      '/api/v1/auth/refresh',
      withCookie(token, { [CSRF_HEADER]: '1', origin: 'https://app.example.test' }),
    )
    expect(res.status).toBe(403)
  })

  it('refresh with neither a body token nor a cookie is a 401', async () => {
    const res = await api.request('POST', '/api/v1/auth/refresh', { body: {}, headers: browser })
    expect(res.status).toBe(401)
  })

  it('the body token still wins over the cookie (API clients unchanged)', async () => {
    const a = await signIn()
    const b = await signIn()
    const res = await api.request('POST', '/api/v1/auth/refresh', {
      body: { refresh_token: a.body.refresh_token },
      headers: { cookie: `${REFRESH_COOKIE}=${b.body.refresh_token}` },
    })
    expect(res.status).toBe(200)
    expect(res.body.user.id).toBe(a.body.user.id)
  })

  it('logout by cookie revokes the session and clears the cookie; without the CSRF header it is refused', async () => {
    const token = parse((await signIn()).headers.get('set-cookie')).value ?? ''
    const forged = await api.request(
      'POST',
      '/api/v1/auth/logout',
      withCookie(token, { origin: 'https://evil.example' }),
    )
    expect(forged.status).toBe(403)
    const res = await api.request('POST', '/api/v1/auth/logout', withCookie(token, browser))
    expect(res.status).toBe(204)
    const cleared = parse(res.headers.get('set-cookie'))
    expect(cleared.name).toBe(REFRESH_COOKIE)
    expect(cleared.attributes).toEqual(expect.arrayContaining(['max-age=0', 'path=/api/v1/auth']))
    expect((await api.request('POST', '/api/v1/auth/refresh', withCookie(token, browser))).status).toBe(401)
  })
})

describe('web app cache headers', () => {
  it.each([
    ['/', 'no-cache'],
    ['/syndic/buildings', 'no-cache'],
    ['/sw.js', 'no-cache'],
    ['/assets/app.js', 'public, max-age=31536000, immutable'],
  ])('%s: %s', async (path, cache) => {
    const res = await api.request('GET', path, { headers: html })
    expect(res.headers.get('cache-control')).toBe(cache)
  })
})
