import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { createTestApi, TEST_PASSWORD, type TestApi } from '../test/harness.ts'

let api: TestApi
beforeAll(async () => {
  api = await createTestApi({ LOGIN_MAX_FAILURES_PER_EMAIL: '3', LOGIN_WINDOW_SECONDS: '60' })
})
afterAll(() => api.close())
afterEach(() => {
  vi.useRealTimers()
})

const login = (email: string, password: string, ip = '198.51.100.7') =>
  api.request('POST', '/api/v1/auth/login', { body: { email, password }, headers: { 'x-test-ip': ip } })

describe('POST /auth/login', () => {
  it('opens a session whose token /auth/me accepts', async () => {
    const { org } = await api.tenant()
    const u = await api.user('syndic', org.id)
    const res = await login(u.email.toUpperCase(), TEST_PASSWORD)
    expect(res.status).toBe(200)
    expect(res.body.user).toMatchObject({
      id: u.id,
      role: 'syndic',
      organization_id: org.id,
      is_active: true,
    })
    expect(res.body.user.password_hash).toBeUndefined()
    expect(res.headers.get('cache-control')).toBe('no-store')
    const me = await api.request('GET', '/api/v1/auth/me', { token: res.body.token })
    expect(me.status).toBe(200)
    expect(me.body.email).toBe(u.email)
  })

  it('answers unknown e-mail and wrong password identically', async () => {
    const u = await api.user('owner', (await api.organization()).id)
    const wrong = await login(u.email, 'not-the-password', '198.51.100.20')
    const unknown = await login('nobody@example.test', 'not-the-password', '198.51.100.21')
    expect(wrong.status).toBe(401)
    expect(unknown.status).toBe(401)
    const strip = (b: Record<string, unknown>) => ({ ...b, request_id: undefined })
    expect(strip(wrong.body)).toEqual(strip(unknown.body))
    expect(wrong.headers.get('content-type')).toContain('application/problem+json')
  })

  it('refuses a deactivated account with the same 401', async () => {
    const u = await api.user('owner', (await api.organization()).id, { isActive: false })
    const res = await login(u.email, TEST_PASSWORD, '198.51.100.22')
    expect(res.status).toBe(401)
    expect(res.body.error).toBe('Invalid email or password')
  })

  it('throttles an e-mail after the configured failures with 429 and Retry-After', async () => {
    const u = await api.user('owner', (await api.organization()).id)
    for (let i = 0; i < 3; i++)
      expect((await login(u.email, 'bad-password', `192.0.2.${i}`)).status).toBe(401)
    const limited = await login(u.email, TEST_PASSWORD, '192.0.2.99')
    expect(limited.status).toBe(429)
    const retry = Number(limited.headers.get('retry-after'))
    expect(retry).toBeGreaterThan(0)
    expect(retry).toBeLessThanOrEqual(60)
    expect(limited.body.retry_after).toBe(retry)
  })

  it('validates the body with a 400 problem listing the fields', async () => {
    const res = await api.request('POST', '/api/v1/auth/login', { body: { email: 'x' } })
    expect(res.status).toBe(400)
    expect(res.body.errors.map((e: { path: string }) => e.path)).toContain('password')
  })
})

describe('POST /auth/register', () => {
  const body = (over: Record<string, unknown> = {}) => ({
    email: `new-${crypto.randomUUID()}@example.test`,
    password: 'Sturdy-Pass-2026',
    first_name: 'Ann',
    last_name: 'Peeters',
    role: 'syndic',
    organization_name: 'Syndic Peeters',
    ...over,
  })

  it('lets the public create a syndic of a new organization only', async () => {
    const res = await api.request('POST', '/api/v1/auth/register', { body: body() })
    expect(res.status).toBe(201)
    expect(res.body.user.role).toBe('syndic')
    expect(res.body.user.organization_id).toMatch(/[0-9a-f-]{36}/)
    expect(res.body.refresh_token).toBeTruthy()
  })

  it('refuses anonymous superadmin, accountant or owner sign-up with 403', async () => {
    for (const role of ['superadmin', 'accountant', 'owner']) {
      const res = await api.request('POST', '/api/v1/auth/register', { body: body({ role }) })
      expect(res.status, role).toBe(403)
    }
  })

  it('refuses anonymous sign-up into an existing organization', async () => {
    const org = await api.organization()
    const res = await api.request('POST', '/api/v1/auth/register', {
      body: body({ organization_id: org.id }),
    })
    expect(res.status).toBe(403)
  })

  it('applies the password policy', async () => {
    for (const password of ['short', 'password123', 'x'.repeat(129)]) {
      const res = await api.request('POST', '/api/v1/auth/register', { body: body({ password }) })
      expect(res.status, password).toBe(400)
      expect(res.body.errors[0].path).toBe('password')
    }
  })

  it('refuses a duplicate e-mail with 409', async () => {
    const first = body()
    expect((await api.request('POST', '/api/v1/auth/register', { body: first })).status).toBe(201)
    const again = await api.request('POST', '/api/v1/auth/register', {
      body: { ...first, email: first.email.toUpperCase() },
    })
    expect(again.status).toBe(409)
  })

  it('lets a syndic add an owner to its own organization but not to another', async () => {
    const a = await api.tenant()
    const b = await api.organization()
    const own = await api.request('POST', '/api/v1/auth/register', {
      token: a.syndic.token,
      body: body({ role: 'owner', organization_name: undefined }),
    })
    expect(own.status).toBe(201)
    expect(own.body.user.organization_id).toBe(a.org.id)
    // organization_id in the body is ignored for non-superadmins: the user lands in the syndic's org.
    const other = await api.request('POST', '/api/v1/auth/register', {
      token: a.syndic.token,
      body: body({ role: 'owner', organization_id: b.id }),
    })
    expect(other.status).toBe(201)
    expect(other.body.user.organization_id).toBe(a.org.id)
    const syndic = await api.request('POST', '/api/v1/auth/register', { token: a.syndic.token, body: body() })
    expect(syndic.status).toBe(403)
  })

  it('is closed when sign-up is disabled', async () => {
    const closed = await createTestApi({ SIGNUP_ENABLED: 'false' })
    try {
      const res = await closed.request('POST', '/api/v1/auth/register', { body: body() })
      expect(res.status).toBe(403)
    } finally {
      await closed.close()
    }
  })
})

describe('refresh tokens', () => {
  async function session() {
    const u = await api.user('accountant', (await api.organization()).id)
    const res = await login(u.email, TEST_PASSWORD, `10.9.${Math.floor(Math.random() * 250)}.1`)
    expect(res.status).toBe(200)
    return res.body as { token: string; refresh_token: string }
  }
  const refresh = (token: string) =>
    api.request('POST', '/api/v1/auth/refresh', { body: { refresh_token: token } })

  it('rotates: the new pair works, the old refresh token is spent', async () => {
    const s = await session()
    const next = await refresh(s.refresh_token)
    expect(next.status).toBe(200)
    expect(next.body.refresh_token).not.toBe(s.refresh_token)
    expect((await api.request('GET', '/api/v1/auth/me', { token: next.body.token })).status).toBe(200)
  })

  it('reuse of a spent token (after the grace window) revokes the whole family', async () => {
    const s = await session()
    const next = await refresh(s.refresh_token)
    expect(next.status).toBe(200)
    // Within REFRESH_REUSE_GRACE_SECONDS (20 s) it would be a concurrent tab: sessions.test.ts.
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(Date.now() + 21_000)
    const reuse = await refresh(s.refresh_token)
    expect(reuse.status).toBe(401)
    // The legitimate holder's newer token died with the family.
    expect((await refresh(next.body.refresh_token)).status).toBe(401)
  })

  it('stores only hashes: no refresh token is readable from the table', async () => {
    const s = await session()
    const { sql } = await import('drizzle-orm')
    const rows = await api.inspect.execute(sql`select token_hash from refresh_tokens`)
    const hashes = ((rows as { rows?: { token_hash: string }[] }).rows ?? []).map((r) => r.token_hash)
    expect(hashes.length).toBeGreaterThan(0)
    expect(hashes).not.toContain(s.refresh_token)
    for (const h of hashes) expect(h).toMatch(/^[0-9a-f]{64}$/)
  })

  it('logout ends the session; an unknown token is a harmless 204', async () => {
    const s = await session()
    expect(
      (await api.request('POST', '/api/v1/auth/logout', { body: { refresh_token: s.refresh_token } })).status,
    ).toBe(204)
    expect((await refresh(s.refresh_token)).status).toBe(401)
    expect(
      (await api.request('POST', '/api/v1/auth/logout', { body: { refresh_token: 'nope' } })).status,
    ).toBe(204)
  })
})

describe('access tokens', () => {
  it('rejects missing, malformed, forged and deactivated-user tokens', async () => {
    const u = await api.user('syndic', (await api.organization()).id)
    expect((await api.request('GET', '/api/v1/auth/me')).status).toBe(401)
    expect(
      (await api.request('GET', '/api/v1/auth/me', { headers: { authorization: 'Basic abc' } })).status,
    ).toBe(401)
    const [h, p] = u.token.split('.')
    const none = `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${p}.`
    expect((await api.request('GET', '/api/v1/auth/me', { token: none })).status).toBe(401)
    const tampered = `${h}.${Buffer.from(JSON.stringify({ sub: u.id, role: 'superadmin' })).toString('base64url')}.${u.token.split('.')[2]}`
    expect((await api.request('GET', '/api/v1/auth/me', { token: tampered })).status).toBe(401)
    await api.repos.identity.users.update({ ...u, isActive: false, version: 2 })
    expect((await api.request('GET', '/api/v1/auth/me', { token: u.token })).status).toBe(401)
  })
})
