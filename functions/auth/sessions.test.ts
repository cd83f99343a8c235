import { sql } from 'drizzle-orm'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { createTestApi, TEST_PASSWORD, type TestApi } from '../test/harness.ts'

/**
 * Sessions end when they must (docs/security.md § Sessions and login, ADR 0016): a password,
 * role or activity change ends every session of the user — access tokens on their next request,
 * refresh tokens at once — reactivation revives nothing, a refresh family has an absolute
 * lifetime, and two tabs refreshing with one token at once both stay logged in.
 */
let api: TestApi
beforeAll(async () => {
  api = await createTestApi({ REFRESH_TOKEN_TTL_DAYS: '7', REFRESH_SESSION_MAX_DAYS: '30' })
})
afterAll(() => api.close())
afterEach(() => {
  vi.useRealTimers()
})

const me = (token: string) => api.request('GET', '/api/v1/auth/me', { token })
const refresh = (token: string) =>
  api.request('POST', '/api/v1/auth/refresh', { body: { refresh_token: token } })
const login = (email: string, password = TEST_PASSWORD) =>
  api.request('POST', '/api/v1/auth/login', {
    body: { email, password },
    headers: { 'x-test-ip': `10.7.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}` },
  })

/** A tenant whose accountant holds two sessions (two devices). */
async function accountantWithSessions() {
  const t = await api.tenant()
  const a = await login(t.accountant.email)
  const b = await login(t.accountant.email)
  expect(a.status).toBe(200)
  expect(b.status).toBe(200)
  return { t, sessions: [a.body, b.body] as { token: string; refresh_token: string }[] }
}

async function expectAllEnded(sessions: { token: string; refresh_token: string }[]) {
  for (const s of sessions) {
    expect((await me(s.token)).status).toBe(401)
    expect((await refresh(s.refresh_token)).status).toBe(401)
  }
}

describe('changes that end every session of a user', () => {
  it('a password change by an administrator ends every session; the new password opens a new one', async () => {
    const { t, sessions } = await accountantWithSessions()
    // Used once before: their signatures sit in the verified-token cache, which must not save them.
    for (const s of sessions) expect((await me(s.token)).status).toBe(200)
    const changed = await api.request('PUT', `/api/v1/users/${t.accountant.id}`, {
      token: t.syndic.token,
      body: { password: 'Brand-New-Pass-2026' },
    })
    expect(changed.status).toBe(200)
    await expectAllEnded(sessions)
    expect((await me(t.accountant.token)).status).toBe(401)
    const fresh = await login(t.accountant.email, 'Brand-New-Pass-2026')
    expect(fresh.status).toBe(200)
    expect((await me(fresh.body.token)).status).toBe(200)
    expect((await refresh(fresh.body.refresh_token)).status).toBe(200)
    // The other users of the tenant keep their sessions.
    expect((await me(t.syndic.token)).status).toBe(200)
  })

  it('deactivation ends every session and reactivation revives none of them', async () => {
    const { t, sessions } = await accountantWithSessions()
    const off = await api.request('PUT', `/api/v1/users/${t.accountant.id}/deactivate`, {
      token: t.syndic.token,
    })
    expect(off.status).toBe(200)
    await expectAllEnded(sessions)
    const on = await api.request('PUT', `/api/v1/users/${t.accountant.id}/activate`, {
      token: t.syndic.token,
    })
    expect(on.status).toBe(200)
    await expectAllEnded(sessions)
    expect((await me(t.accountant.token)).status).toBe(401)
    const fresh = await login(t.accountant.email)
    expect(fresh.status).toBe(200)
    expect((await me(fresh.body.token)).status).toBe(200)
  })

  it('a role change ends every session (no token keeps the old role)', async () => {
    const t = await api.tenant()
    const owner = await login(t.owner.email)
    const promoted = await api.request('PUT', `/api/v1/users/${t.owner.id}`, {
      token: t.syndic.token,
      body: { role: 'accountant' },
    })
    expect(promoted.status).toBe(200)
    await expectAllEnded([owner.body])
    const fresh = await login(t.owner.email)
    expect(fresh.body.user.role).toBe('accountant')
    expect((await me(fresh.body.token)).status).toBe(200)
  })

  it('a superadmin changing their own password ends their own sessions too (they log in again)', async () => {
    const admin = await api.user('superadmin', null)
    const own = await login(admin.email)
    const changed = await api.request('PUT', `/api/v1/users/${admin.id}`, {
      token: own.body.token,
      body: { password: 'Own-New-Pass-2026' },
    })
    expect(changed.status).toBe(200)
    await expectAllEnded([own.body])
    expect((await login(admin.email, 'Own-New-Pass-2026')).status).toBe(200)
  })

  it('a profile change (name) ends nothing', async () => {
    const { t, sessions } = await accountantWithSessions()
    const renamed = await api.request('PUT', `/api/v1/users/${t.accountant.id}`, {
      token: t.syndic.token,
      body: { first_name: 'Renamed' },
    })
    expect(renamed.status).toBe(200)
    for (const s of sessions) expect((await me(s.token)).status).toBe(200)
  })

  it('a refresh token still live under an older epoch (a refresh racing the change) does not refresh', async () => {
    const { t, sessions } = await accountantWithSessions()
    // What a refresh committed just after the change's revocation would leave: a live row of
    // the old epoch. The epoch, not the revocation, is what refuses it.
    const user = await api.repos.identity.users.findById(t.accountant.id)
    if (!user) throw new Error('user missing')
    await api.repos.identity.users.update({
      ...user,
      sessionEpoch: user.sessionEpoch + 1,
      version: user.version + 1,
    })
    for (const s of sessions) {
      expect((await refresh(s.refresh_token)).status).toBe(401)
      expect((await me(s.token)).status).toBe(401)
    }
  })
})

describe('a refresh family ends 30 days after its login', () => {
  it('refreshing every 6 days keeps it alive until day 30, not a day more', async () => {
    const u = await api.user('owner', (await api.organization()).id)
    vi.useFakeTimers({ toFake: ['Date'] })
    const start = Date.now()
    const first = await login(u.email)
    let token = first.body.refresh_token as string
    for (const day of [6, 12, 18, 24]) {
      vi.setSystemTime(start + day * 86_400_000)
      const next = await refresh(token)
      expect(next.status, `day ${day}`).toBe(200)
      token = next.body.refresh_token
    }
    const rows = (await api.inspect.execute(
      sql`select expires_at, family_started_at from refresh_tokens where user_id = ${u.id}`,
    )) as { rows: { expires_at: string | Date; family_started_at: string | Date }[] }
    for (const r of rows.rows) {
      const cap = new Date(r.family_started_at).getTime() + 30 * 86_400_000
      expect(new Date(r.expires_at).getTime()).toBeLessThanOrEqual(cap)
    }
    // Day 29: still within the family's life; day 30 + 1 s: over, whatever the token's own TTL.
    vi.setSystemTime(start + 29 * 86_400_000)
    const last = await refresh(token)
    expect(last.status).toBe(200)
    vi.setSystemTime(start + 30 * 86_400_000 + 1_000)
    const over = await refresh(last.body.refresh_token)
    expect(over.status).toBe(401)
    expect(over.body.error).toBe('Refresh token expired')
  })
})

describe('concurrent refreshes of one token (two tabs)', () => {
  const CONCURRENT = 12

  it(`${CONCURRENT} at once: all get the same new refresh token, which refreshes; nobody is logged out`, async () => {
    const u = await api.user('syndic', (await api.organization()).id)
    const s = await login(u.email)
    const results = await Promise.all(Array.from({ length: CONCURRENT }, () => refresh(s.body.refresh_token)))
    const successors = new Set(results.map((r) => r.body.refresh_token))
    console.info(
      `refresh race: ${CONCURRENT} concurrent, statuses ${results.map((r) => r.status).join(',')}, ${successors.size} distinct successor(s)`,
    )
    expect(results.map((r) => r.status)).toEqual(Array(CONCURRENT).fill(200))
    expect(successors.size).toBe(1)
    for (const r of results) expect((await me(r.body.token)).status).toBe(200)
    const [successor] = [...successors]
    const next = await refresh(successor)
    expect(next.status).toBe(200)
    expect((await refresh(next.body.refresh_token)).status).toBe(200)
    // No reuse was recorded: the family is intact.
    const audit = (await api.inspect.execute(
      sql`select count(*)::int as n from audit_log where actor_user_id = ${u.id} and action = 'auth.refresh_reuse_detected'`,
    )) as { rows: { n: number }[] }
    expect(audit.rows[0]?.n).toBe(0)
  })

  it('a tab two rotations behind, within the window, is handed the live token', async () => {
    const u = await api.user('owner', (await api.organization()).id)
    const s = await login(u.email)
    const one = await refresh(s.body.refresh_token)
    const two = await refresh(one.body.refresh_token)
    expect(two.status).toBe(200)
    const late = await refresh(s.body.refresh_token)
    expect(late.status).toBe(200)
    expect(late.body.refresh_token).toBe(two.body.refresh_token)
  })

  it('after the grace window a replay is reuse: the family is revoked and the event audited', async () => {
    const u = await api.user('owner', (await api.organization()).id)
    const s = await login(u.email)
    const next = await refresh(s.body.refresh_token)
    expect(next.status).toBe(200)
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(Date.now() + 21_000)
    const replay = await refresh(s.body.refresh_token)
    expect(replay.status).toBe(401)
    expect((await refresh(next.body.refresh_token)).status).toBe(401)
    const audit = (await api.inspect.execute(
      sql`select count(*)::int as n from audit_log where actor_user_id = ${u.id} and action = 'auth.refresh_reuse_detected'`,
    )) as { rows: { n: number }[] }
    // The replay, then the legitimate holder's now-revoked token: both are reuse.
    expect(audit.rows[0]?.n).toBeGreaterThanOrEqual(1)
  })

  it('the table holds no usable token: the sealed successor opens only with the spent token', async () => {
    const u = await api.user('owner', (await api.organization()).id)
    const s = await login(u.email)
    const next = await refresh(s.body.refresh_token)
    const rows = (await api.inspect.execute(
      sql`select token_hash, successor_sealed from refresh_tokens where user_id = ${u.id}`,
    )) as { rows: { token_hash: string; successor_sealed: string | null }[] }
    const dump = JSON.stringify(rows.rows)
    expect(dump).not.toContain(s.body.refresh_token)
    expect(dump).not.toContain(next.body.refresh_token)
    expect(rows.rows.filter((r) => r.successor_sealed !== null)).toHaveLength(1)
  })
})
