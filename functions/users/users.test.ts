import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApi, TEST_PASSWORD, type TestApi } from '../test/harness.ts'

let api: TestApi
beforeAll(async () => {
  api = await createTestApi()
})
afterAll(() => api.close())

const newUser = (over: Record<string, unknown> = {}) => ({
  email: `u-${crypto.randomUUID()}@example.test`,
  password: 'Sturdy-Pass-2026',
  first_name: 'Jan',
  last_name: 'Janssens',
  role: 'owner',
  ...over,
})

describe('users', () => {
  it('a syndic lists only its organization; a superadmin lists everyone', async () => {
    const a = await api.tenant()
    const b = await api.tenant()
    const list = await api.request('GET', '/api/v1/users?per_page=100', { token: a.syndic.token })
    expect(list.status).toBe(200)
    const orgs = new Set(list.body.data.map((u: { organization_id: string }) => u.organization_id))
    expect([...orgs]).toEqual([a.org.id])
    expect(list.body.pagination.total_items).toBe(3)
    const admin = await api.user('superadmin', null)
    const all = await api.request('GET', `/api/v1/users?per_page=100&role=syndic`, { token: admin.token })
    const ids = all.body.data.map((u: { id: string }) => u.id)
    expect(all.body.data.every((u: { role: string }) => u.role === 'syndic')).toBe(true)
    expect(ids.length).toBeGreaterThanOrEqual(2)
    expect(b.syndic.id).toBeTruthy()
  })

  it('accountants and owners may not manage users', async () => {
    const a = await api.tenant()
    for (const token of [a.accountant.token, a.owner.token]) {
      expect((await api.request('GET', '/api/v1/users', { token })).status).toBe(403)
      expect((await api.request('POST', '/api/v1/users', { token, body: newUser() })).status).toBe(403)
    }
  })

  it('a syndic creates accountants and owners in its own organization only', async () => {
    const a = await api.tenant()
    const b = await api.organization()
    const ok = await api.request('POST', '/api/v1/users', {
      token: a.syndic.token,
      body: newUser({ role: 'accountant', organization_id: b.id }),
    })
    expect(ok.status).toBe(201)
    expect(ok.body.organization_id).toBe(a.org.id)
    for (const role of ['syndic', 'superadmin']) {
      const res = await api.request('POST', '/api/v1/users', {
        token: a.syndic.token,
        body: newUser({ role }),
      })
      expect(res.status, role).toBe(403)
    }
  })

  it('a superadmin creates a syndic in a named organization', async () => {
    const admin = await api.user('superadmin', null)
    const org = await api.organization()
    const res = await api.request('POST', '/api/v1/users', {
      token: admin.token,
      body: newUser({ role: 'syndic', organization_id: org.id }),
    })
    expect(res.status).toBe(201)
    expect(res.body.organization_id).toBe(org.id)
    const missing = await api.request('POST', '/api/v1/users', {
      token: admin.token,
      body: newUser({ role: 'syndic', organization_id: crypto.randomUUID() }),
    })
    expect(missing.status).toBe(404)
  })

  it('updates with optimistic concurrency and hides other tenants', async () => {
    const a = await api.tenant()
    const b = await api.tenant()
    const res = await api.request('PUT', `/api/v1/users/${a.owner.id}`, {
      token: a.syndic.token,
      headers: { 'if-match': '"1"' },
      body: { first_name: 'Marie' },
    })
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({ first_name: 'Marie', version: 2 })
    const stale = await api.request('PUT', `/api/v1/users/${a.owner.id}`, {
      token: a.syndic.token,
      headers: { 'if-match': '1' },
      body: { first_name: 'Lost' },
    })
    expect(stale.status).toBe(409)
    expect(stale.body.current_version).toBe(2)
    const foreign = await api.request('PUT', `/api/v1/users/${b.owner.id}`, {
      token: a.syndic.token,
      body: { first_name: 'Nope' },
    })
    expect(foreign.status).toBe(404)
    const promote = await api.request('PUT', `/api/v1/users/${a.owner.id}`, {
      token: a.syndic.token,
      body: { role: 'syndic' },
    })
    expect(promote.status).toBe(403)
  })

  it('deactivation cuts access at once; reactivation lets the user log in again but revives no old token', async () => {
    const a = await api.tenant()
    const off = await api.request('PUT', `/api/v1/users/${a.accountant.id}/deactivate`, {
      token: a.syndic.token,
    })
    expect(off.status).toBe(200)
    expect(off.body.is_active).toBe(false)
    expect((await api.request('GET', '/api/v1/auth/me', { token: a.accountant.token })).status).toBe(401)
    const on = await api.request('PUT', `/api/v1/users/${a.accountant.id}/activate`, {
      token: a.syndic.token,
    })
    expect(on.body.is_active).toBe(true)
    // ADR 0016: the pre-deactivation token stays dead; a new login works.
    expect((await api.request('GET', '/api/v1/auth/me', { token: a.accountant.token })).status).toBe(401)
    const login = await api.request('POST', '/api/v1/auth/login', {
      body: { email: a.accountant.email, password: TEST_PASSWORD },
    })
    expect(login.status).toBe(200)
    expect((await api.request('GET', '/api/v1/auth/me', { token: login.body.token })).status).toBe(200)
    const self = await api.request('PUT', `/api/v1/users/${a.syndic.id}/deactivate`, {
      token: a.syndic.token,
    })
    expect(self.status).toBe(403)
  })

  it('audits every mutation with actor, organization and request id', async () => {
    const a = await api.tenant()
    const res = await api.request('POST', '/api/v1/users', {
      token: a.syndic.token,
      headers: { 'x-request-id': 'req-audit-test-1' },
      body: newUser(),
    })
    expect(res.status).toBe(201)
    const { sql } = await import('drizzle-orm')
    const rows = await api.inspect.execute(
      sql`select action, actor_user_id, organization_id, request_id from audit_log where entity_id = ${res.body.id}`,
    )
    expect((rows as { rows: unknown[] }).rows).toEqual([
      {
        action: 'user.create',
        actor_user_id: a.syndic.id,
        organization_id: a.org.id,
        request_id: 'req-audit-test-1',
      },
    ])
  })
})
