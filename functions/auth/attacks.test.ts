import { SignJWT } from 'jose'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { createTestApi, TEST_ENV, TEST_PASSWORD, type TestApi } from '../test/harness.ts'

/**
 * Attacks on authentication (docs/security.md): forged and replayed tokens, throttling that
 * recovers, account enumeration by status, body and timing, and secrets leaking into answers
 * or logs. Complements auth.test.ts (alg none, tampered role, deactivated user, refresh reuse).
 */
let api: TestApi
beforeAll(async () => {
  api = await createTestApi({ LOGIN_MAX_FAILURES_PER_EMAIL: '2', LOGIN_WINDOW_SECONDS: '2' })
})
afterAll(() => api.close())
afterEach(() => {
  vi.useRealTimers()
})

const secret = new TextEncoder().encode(TEST_ENV.JWT_SECRET)
const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url')
const now = () => Math.floor(Date.now() / 1000)

async function victim() {
  const org = await api.organization()
  return api.user('syndic', org.id)
}

function claims(u: { id: string; email: string; organizationId: string | null }) {
  return { email: u.email, role: 'syndic', organization_id: u.organizationId, session_epoch: 0 }
}

async function me(token: string) {
  return api.request('GET', '/api/v1/auth/me', { token })
}

describe('access tokens an attacker can make', () => {
  it('accepts the genuine token (control)', async () => {
    const u = await victim()
    expect((await me(u.token)).status).toBe(200)
  })

  it.each([
    ['HS512 with the right secret', 'HS512'],
    ['HS384 with the right secret', 'HS384'],
  ])('refuses %s (only HS256 is accepted)', async (_name, alg) => {
    const u = await victim()
    const token = await new SignJWT(claims(u))
      .setProtectedHeader({ alg })
      .setSubject(u.id)
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(secret)
    const res = await me(token)
    expect(res.status).toBe(401)
    expect(res.headers.get('content-type')).toBe('application/problem+json')
  })

  it('refuses an RS256-looking token (algorithm confusion) and an "alg: none" one', async () => {
    const u = await victim()
    const payload = b64({ sub: u.id, ...claims(u), iat: now(), exp: now() + 300 })
    const rs = `${b64({ alg: 'RS256', typ: 'JWT' })}.${payload}.${Buffer.from('x'.repeat(256)).toString('base64url')}`
    const none = `${b64({ alg: 'none', typ: 'JWT' })}.${payload}.`
    expect((await me(rs)).status).toBe(401)
    expect((await me(none)).status).toBe(401)
  })

  it('refuses a token signed with another key', async () => {
    const u = await victim()
    const token = await new SignJWT(claims(u))
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(u.id)
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(new TextEncoder().encode('another-secret-another-secret-0123456789'))
    expect((await me(token)).status).toBe(401)
  })

  const signed = (
    u: { id: string; email: string; organizationId: string | null },
    over: Record<string, number>,
  ) =>
    new SignJWT({ ...claims(u), ...over }).setProtectedHeader({ alg: 'HS256' }).setSubject(u.id).sign(secret)

  it.each([
    ['expired one second ago', { iat: now() - 900, exp: now() - 1 }],
    ['not valid before an hour from now (nbf)', { iat: now(), nbf: now() + 3600, exp: now() + 7200 }],
    ['issued in the future (iat, beyond the 30 s clock skew)', { iat: now() + 60, exp: now() + 900 }],
    ['without an expiry', { iat: now() }],
    ['without an issue time', { exp: now() + 300 }],
  ])('refuses a correctly signed token %s', async (_name, times) => {
    const u = await victim()
    const res = await me(await signed(u, times))
    expect(res.status).toBe(401)
    expect(res.body.error).toBe('Invalid or expired token')
  })

  it('refuses tampered claims: another organization, another role, another subject', async () => {
    const u = await victim()
    const other = await victim()
    const [header, payload, signature] = u.token.split('.')
    const original = JSON.parse(Buffer.from(payload ?? '', 'base64url').toString()) as Record<string, unknown>
    for (const change of [
      { organization_id: other.organizationId },
      { role: 'superadmin', organization_id: null },
      { sub: other.id },
      { exp: now() + 86_400 * 365 },
    ]) {
      const forged = `${header}.${b64({ ...original, ...change })}.${signature}`
      expect((await me(forged)).status, JSON.stringify(change)).toBe(401)
    }
  })

  it('a genuine token says nothing the user row does not: a role change applies at once', async () => {
    const org = await api.organization()
    const u = await api.user('syndic', org.id)
    await api.repos.identity.users.update({
      ...u,
      role: 'owner',
      version: u.version + 1,
      updatedAt: new Date(),
    })
    const res = await api.request('POST', '/api/v1/buildings', {
      token: u.token,
      body: {
        name: 'R',
        address: 'Rue de la Loi 16',
        city: 'Bruxelles',
        postal_code: '1000',
        country: 'Belgium',
        total_units: 1,
        total_tantiemes: 1000,
      },
    })
    expect(res.status, res.text).toBe(403)
  })
})

describe('login throttling', () => {
  const login = (email: string, password: string, ip: string) =>
    api.request('POST', '/api/v1/auth/login', { body: { email, password }, headers: { 'x-test-ip': ip } })

  it('locks an e-mail after the configured failures and lets it in again once the window has passed', async () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    const u = await api.user('owner', (await api.organization()).id)
    expect((await login(u.email, 'wrong-password-1', '192.0.2.10')).status).toBe(401)
    expect((await login(u.email, 'wrong-password-2', '192.0.2.11')).status).toBe(401)
    const locked = await login(u.email, TEST_PASSWORD, '192.0.2.12')
    expect(locked.status).toBe(429)
    expect(Number(locked.headers.get('retry-after'))).toBeLessThanOrEqual(2)
    // The right password does not get through the lock, nor does it reset it.
    expect((await login(u.email, TEST_PASSWORD, '192.0.2.13')).status).toBe(429)
    vi.setSystemTime(Date.now() + 2_500)
    const after = await login(u.email, TEST_PASSWORD, '192.0.2.14')
    expect(after.status).toBe(200)
    // A success clears the counter: one more failure is a 401 again, not a 429.
    expect((await login(u.email, 'wrong-password-3', '192.0.2.15')).status).toBe(401)
  })
})

describe('secrets never leave the server', () => {
  it('no response body and no log line holds a password, a password hash, a refresh token or the JWT secret', async () => {
    api.logLines.length = 0
    const t = await api.tenant()
    const bodies: string[] = []
    const call = async (...args: Parameters<TestApi['request']>) => {
      const res = await api.request(...args)
      bodies.push(res.text)
      return res
    }
    const password = `Leak-Probe-${crypto.randomUUID()}`
    const email = `leak-${crypto.randomUUID()}@example.test`
    const created = await call('POST', '/api/v1/users', {
      token: t.syndic.token,
      body: { email, password, first_name: 'L', last_name: 'P', role: 'accountant' },
    })
    expect(created.status).toBe(201)
    const session = await call('POST', '/api/v1/auth/login', { body: { email, password } })
    expect(session.status).toBe(200)
    await call('POST', '/api/v1/auth/login', { body: { email, password: `${password}-wrong` } })
    await call('GET', '/api/v1/auth/me', { token: session.body.token })
    await call('GET', '/api/v1/users?per_page=100', { token: t.syndic.token })
    await call('PUT', `/api/v1/users/${created.body.id}`, {
      token: t.syndic.token,
      body: { first_name: 'M' },
    })
    const refreshed = await call('POST', '/api/v1/auth/refresh', {
      body: { refresh_token: session.body.refresh_token },
    })
    expect(refreshed.status).toBe(200)
    // Reuse of the spent token after the grace window (ADR 0016): the family is revoked and the
    // event logged, without the token.
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(Date.now() + 21_000)
    expect(
      (await call('POST', '/api/v1/auth/refresh', { body: { refresh_token: session.body.refresh_token } }))
        .status,
    ).toBe(401)
    await call('POST', '/api/v1/auth/logout', { body: { refresh_token: refreshed.body.refresh_token } })
    await call('POST', '/api/v1/auth/register', {
      body: {
        email: `reg-${crypto.randomUUID()}@example.test`,
        password,
        first_name: 'R',
        last_name: 'G',
        organization_name: 'Leak Probe Org',
      },
    })

    const hashes = (await api.repos.identity.users.findByEmail(email))?.passwordHash ?? ''
    expect(hashes).toMatch(/^\$argon2id\$/)
    const tokenBodies = new Set([session.text, refreshed.text])
    const secrets = [
      password,
      hashes,
      '$argon2id$',
      TEST_ENV.JWT_SECRET ?? '',
      session.body.refresh_token as string,
      refreshed.body.refresh_token as string,
    ]
    for (const text of bodies) {
      for (const s of secrets) {
        // Login and refresh answers carry their own new tokens, nothing else.
        if (tokenBodies.has(text) && (s === session.body.refresh_token || s === refreshed.body.refresh_token))
          continue
        expect(text.includes(s), `a response holds ${s.slice(0, 12)}…`).toBe(false)
      }
    }
    expect(api.logLines.length).toBeGreaterThan(5)
    const logs = api.logLines.join('\n')
    for (const s of [...secrets, session.body.token as string, refreshed.body.token as string]) {
      expect(logs.includes(s), `the logs hold ${s.slice(0, 12)}…`).toBe(false)
    }
  })
})
