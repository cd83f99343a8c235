import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mountWeb } from '../web-static.ts'
import { createTestApi, type TestApi } from './harness.ts'

/**
 * Headers and limits on every kind of answer (docs/security.md): success, 404, 400, 401, 413,
 * problem responses, CORS preflights and the static web app; uploads refused before buffering.
 */
let api: TestApi
beforeAll(async () => {
  api = await createTestApi()
  const dist = mkdtempSync(join(tmpdir(), 'koprogo-web-'))
  writeFileSync(join(dist, 'index.html'), '<!doctype html><title>KoproGo</title>')
  writeFileSync(join(dist, 'app.js'), 'console.log(1)')
  expect(mountWeb(api.app, dist)).toBe(true)
})
afterAll(() => api.close())

const SECURITY_HEADERS: Record<string, RegExp> = {
  'x-content-type-options': /^nosniff$/,
  'x-frame-options': /^SAMEORIGIN$/,
  'strict-transport-security': /max-age=\d+/,
  'referrer-policy': /.+/,
  'cross-origin-opener-policy': /.+/,
  'x-request-id': /.+/,
}

describe('security headers on every kind of response', () => {
  it.each([
    ['GET', '/health', undefined, 200],
    ['GET', '/api/v1/nope', undefined, 404],
    ['GET', '/api/v1/buildings', undefined, 401],
    ['POST', '/api/v1/auth/login', '{"email": ', 400],
    ['POST', '/api/v1/auth/login', JSON.stringify({ email: 'a@b.be', password: 'x'.repeat(2_000_000) }), 413],
    ['GET', '/', undefined, 200],
    ['GET', '/app.js', undefined, 200],
    ['GET', '/some/client/route', undefined, 200],
  ] as const)('%s %s (%#)', async (method, path, raw, status) => {
    const res = await api.request(method, path, {
      // A browser navigation asks for HTML: that is what gets the SPA shell for client routes.
      ...(raw !== undefined
        ? { rawBody: raw, headers: { 'content-type': 'application/json' } }
        : { headers: { accept: 'text/html,*/*' } }),
    })
    expect(res.status).toBe(status)
    for (const [name, pattern] of Object.entries(SECURITY_HEADERS))
      expect(res.headers.get(name) ?? '', `${name} on ${method} ${path}`).toMatch(pattern)
    if (status >= 400) expect(res.headers.get('content-type')).toBe('application/problem+json')
  })
})

describe('CORS', () => {
  const preflight = (origin: string) =>
    api.request('OPTIONS', '/api/v1/buildings', {
      headers: {
        origin,
        'access-control-request-method': 'PUT',
        'access-control-request-headers': 'authorization,if-match',
      },
    })

  it('answers a preflight from a configured origin with the allowed methods and headers', async () => {
    const res = await preflight('https://app.example.test')
    expect(res.status).toBeLessThan(300)
    expect(res.headers.get('access-control-allow-origin')).toBe('https://app.example.test')
    expect(res.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('if-match')
    expect(res.headers.get('vary')?.toLowerCase()).toContain('origin')
  })

  it.each([
    'https://evil.example',
    'null',
    'https://app.example.test.evil.example',
    'http://app.example.test',
  ])('grants nothing to %s, on preflights and on real requests', async (origin) => {
    expect((await preflight(origin)).headers.get('access-control-allow-origin')).toBeNull()
    const res = await api.request('GET', '/health', { headers: { origin } })
    expect(res.headers.get('access-control-allow-origin')).toBeNull()
    expect(res.headers.get('access-control-allow-credentials')).toBeNull()
  })
})

describe('body limits are enforced before the body is read', () => {
  /** A 60 MB body produced lazily; counts how much of it the server pulled. */
  function lazyBody(totalBytes: number) {
    const chunk = new Uint8Array(64 * 1024).fill(0x41)
    let sent = 0
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent >= totalBytes) return controller.close()
        sent += chunk.length
        controller.enqueue(chunk)
      },
    })
    return { stream, pulled: () => sent }
  }

  it('refuses a declared 60 MB upload to /documents at once (Content-Length), reading nothing', async () => {
    const { syndic } = await api.tenant()
    const body = lazyBody(60 * 1024 * 1024)
    const res = await api.app.request('/api/v1/documents', {
      method: 'POST',
      headers: {
        authorization: `Bearer ${syndic.token}`,
        'content-type': 'multipart/form-data; boundary=x',
        'content-length': String(60 * 1024 * 1024),
      },
      body: body.stream,
      duplex: 'half',
    } as RequestInit)
    expect(res.status).toBe(413)
    expect(res.headers.get('content-type')).toBe('application/problem+json')
    expect(body.pulled()).toBeLessThanOrEqual(2 * 64 * 1024)
  })

  it('stops reading a 60 MB chunked upload (no Content-Length) just past the 50 MB limit', async () => {
    const { syndic } = await api.tenant()
    const body = lazyBody(60 * 1024 * 1024)
    const res = await api.app.request('/api/v1/documents', {
      method: 'POST',
      headers: { authorization: `Bearer ${syndic.token}`, 'content-type': 'multipart/form-data; boundary=x' },
      body: body.stream,
      duplex: 'half',
    } as RequestInit)
    expect(res.status).toBe(413)
    expect(body.pulled()).toBeLessThan(51 * 1024 * 1024 + 2 * 64 * 1024)
  })

  it('applies the small JSON limit everywhere else, also to chunked bodies', async () => {
    const body = lazyBody(5 * 1024 * 1024)
    const res = await api.app.request('/api/v1/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: body.stream,
      duplex: 'half',
    } as RequestInit)
    expect(res.status).toBe(413)
    expect(body.pulled()).toBeLessThanOrEqual(1024 * 1024 + 3 * 64 * 1024)
  })
})
