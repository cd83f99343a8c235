import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApi, type TestApi } from '../test/harness.ts'
import { EnvError, parseEnv } from './env.ts'

let api: TestApi
beforeAll(async () => {
  api = await createTestApi({ BODY_LIMIT_BYTES: '2048' })
})
afterAll(() => api.close())

describe('health', () => {
  it('answers on both paths with the database state', async () => {
    for (const path of ['/health', '/api/v1/health']) {
      const res = await api.request('GET', path)
      expect(res.status).toBe(200)
      expect(res.body).toEqual({ status: 'ok', service: 'koprogo-api', database: 'ok' })
    }
  })

  it('answers 503 when the database is down', async () => {
    const down = await createTestApi()
    await down.close()
    const res = await down.request('GET', '/health')
    expect(res.status).toBe(503)
    expect(res.body.database).toBe('unavailable')
  })
})

describe('OpenAPI', () => {
  it('documents every mounted route', async () => {
    const res = await api.request('GET', '/api/v1/openapi.json')
    expect(res.status).toBe(200)
    expect(res.body.openapi).toBe('3.1.0')
    const paths = Object.keys(res.body.paths)
    for (const p of [
      '/api/v1/health',
      '/api/v1/auth/login',
      '/api/v1/auth/register',
      '/api/v1/auth/refresh',
      '/api/v1/auth/logout',
      '/api/v1/auth/me',
      '/api/v1/organizations',
      '/api/v1/organizations/{id}',
      '/api/v1/users',
      '/api/v1/users/{id}',
      '/api/v1/users/{id}/activate',
      '/api/v1/users/{id}/deactivate',
    ]) {
      expect(paths, p).toContain(p)
    }
    expect(res.body.components.schemas.Problem).toBeTruthy()
    expect(res.body.components.securitySchemes.bearerAuth.scheme).toBe('bearer')
  })

  it('serves an interactive reference page', async () => {
    const res = await api.request('GET', '/api/v1/docs')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toContain('text/html')
    expect(res.text).toContain('/api/v1/docs/init.js')
    expect((await api.request('GET', '/api/v1/docs/init.js')).text).toContain('/api/v1/openapi.json')
  })
})

describe('problem+json', () => {
  it('answers unknown routes with a 404 problem', async () => {
    const res = await api.request('GET', '/api/v1/nope')
    expect(res.status).toBe(404)
    expect(res.headers.get('content-type')).toBe('application/problem+json')
    expect(res.body).toMatchObject({ status: 404, instance: '/api/v1/nope', error: 'Route not found' })
    expect(res.body.request_id).toBe(res.headers.get('x-request-id'))
  })

  it('answers malformed JSON with a 400 problem, not a 500', async () => {
    const res = await api.request('POST', '/api/v1/auth/login', {
      rawBody: '{"email": ',
      headers: { 'content-type': 'application/json' },
    })
    expect(res.status).toBe(400)
    expect(res.headers.get('content-type')).toBe('application/problem+json')
  })

  it('refuses a body over the limit with 413 before parsing it', async () => {
    const res = await api.request('POST', '/api/v1/auth/login', {
      rawBody: JSON.stringify({ email: 'a@b.be', password: 'x'.repeat(5000) }),
      headers: { 'content-type': 'application/json' },
    })
    expect(res.status).toBe(413)
    expect(res.body.status).toBe(413)
  })
})

describe('headers', () => {
  it('sets security headers on every response', async () => {
    for (const path of ['/health', '/api/v1/nope']) {
      const res = await api.request('GET', path)
      expect(res.headers.get('x-content-type-options')).toBe('nosniff')
      expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN')
      expect(res.headers.get('strict-transport-security')).toContain('max-age')
      expect(res.headers.get('x-request-id')).toBeTruthy()
    }
  })

  it('allows CORS only for configured origins', async () => {
    const allowed = await api.request('OPTIONS', '/api/v1/auth/login', {
      headers: { origin: 'https://app.example.test', 'access-control-request-method': 'POST' },
    })
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://app.example.test')
    const denied = await api.request('GET', '/health', { headers: { origin: 'https://evil.example' } })
    expect(denied.headers.get('access-control-allow-origin')).toBeNull()
  })
})

describe('idempotency', () => {
  it('replays the first response for the same key and body, creating nothing twice', async () => {
    const { syndic } = await api.tenant()
    const body = {
      email: `idem-${crypto.randomUUID()}@example.test`,
      password: 'Sturdy-Pass-2026',
      first_name: 'I',
      last_name: 'D',
      role: 'owner',
    }
    const headers = { 'idempotency-key': `key-${crypto.randomUUID()}` }
    const first = await api.request('POST', '/api/v1/users', { token: syndic.token, body, headers })
    const again = await api.request('POST', '/api/v1/users', { token: syndic.token, body, headers })
    expect(first.status).toBe(201)
    expect(again.status).toBe(201)
    expect(again.body).toEqual(first.body)
    expect(again.headers.get('idempotent-replayed')).toBe('true')
    const list = await api.request('GET', `/api/v1/users?per_page=100`, { token: syndic.token })
    expect(list.body.data.filter((u: { email: string }) => u.email === body.email)).toHaveLength(1)
    const other = await api.request('POST', '/api/v1/users', {
      token: syndic.token,
      body: { ...body, first_name: 'Changed' },
      headers,
    })
    expect(other.status).toBe(422)
  })

  it('concurrent replays of one key create exactly one row', async () => {
    const { syndic } = await api.tenant()
    const body = {
      email: `race-${crypto.randomUUID()}@example.test`,
      password: 'Sturdy-Pass-2026',
      first_name: 'R',
      last_name: 'C',
      role: 'owner',
    }
    const headers = { 'idempotency-key': `key-${crypto.randomUUID()}` }
    const results = await Promise.all(
      Array.from({ length: 5 }, () =>
        api.request('POST', '/api/v1/users', { token: syndic.token, body, headers }),
      ),
    )
    expect(results.filter((r) => r.status === 201).length).toBeGreaterThanOrEqual(1)
    expect(results.every((r) => r.status === 201 || r.status === 409)).toBe(true)
    const list = await api.request('GET', `/api/v1/users?per_page=100`, { token: syndic.token })
    expect(list.body.data.filter((u: { email: string }) => u.email === body.email)).toHaveLength(1)
  })

  it('rejects a malformed key', async () => {
    const { syndic } = await api.tenant()
    const res = await api.request('POST', '/api/v1/users', {
      token: syndic.token,
      body: {},
      headers: { 'idempotency-key': 'x' },
    })
    expect(res.status).toBe(400)
  })
})

describe('configuration', () => {
  const prod = {
    APP_ENV: 'production',
    JWT_SECRET: 'p'.repeat(40),
    SUPERADMIN_EMAIL: 'ops@example.be',
    SUPERADMIN_PASSWORD: 'A-Real-Secret-Pass',
    CORS_ORIGINS: 'https://app.example.be',
  }

  it('accepts a complete production configuration', () => {
    expect(parseEnv(prod).APP_ENV).toBe('production')
  })

  it.each([
    ['a short JWT secret', { JWT_SECRET: 'short' }, 'JWT_SECRET'],
    ['a missing JWT secret', { JWT_SECRET: '' }, 'JWT_SECRET'],
    ['a wildcard CORS origin', { CORS_ORIGINS: '*' }, 'CORS_ORIGINS'],
    ['the default admin password', { SUPERADMIN_PASSWORD: 'admin123' }, 'SUPERADMIN_PASSWORD'],
    ['weak argon2 parameters', { ARGON2_MEMORY_KIB: '1024' }, 'ARGON2_MEMORY_KIB'],
    ['a malformed port', { PORT: 'eighty' }, 'PORT'],
  ])('refuses to start in production with %s', (_label, override, field) => {
    expect(() => parseEnv({ ...prod, ...override })).toThrowError(EnvError)
    expect(() => parseEnv({ ...prod, ...override })).toThrowError(new RegExp(field))
  })

  it('is lenient in development', () => {
    expect(parseEnv({}).APP_ENV).toBe('development')
  })
})
