import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApi, type TestApi } from '../test/harness.ts'

let api: TestApi
beforeAll(async () => {
  api = await createTestApi()
})
afterAll(() => api.close())

describe('organizations', () => {
  it('a superadmin creates, reads, lists and updates with versions', async () => {
    const admin = await api.user('superadmin', null)
    const created = await api.request('POST', '/api/v1/organizations', {
      token: admin.token,
      body: {
        name: 'Syndic Élégance & Fils',
        contact_email: 'Info@Elegance.be',
        subscription_plan: 'Starter',
      },
    })
    expect(created.status).toBe(201)
    expect(created.body).toMatchObject({
      // A derived slug gets a numeric suffix if the name was used before (e.g. a re-run on one DB).
      slug: expect.stringMatching(/^syndic-elegance-fils(-\d+)?$/),
      contact_email: 'info@elegance.be',
      max_buildings: 5,
      version: 1,
      is_active: true,
    })
    const id = created.body.id
    const got = await api.request('GET', `/api/v1/organizations/${id}`, { token: admin.token })
    expect(got.body.name).toBe('Syndic Élégance & Fils')

    const updated = await api.request('PUT', `/api/v1/organizations/${id}`, {
      token: admin.token,
      headers: { 'if-match': '1' },
      body: { name: 'Élégance SRL' },
    })
    expect(updated.status).toBe(200)
    expect(updated.body.version).toBe(2)
    const stale = await api.request('PUT', `/api/v1/organizations/${id}`, {
      token: admin.token,
      body: { name: 'Lost update', version: 1 },
    })
    expect(stale.status).toBe(409)
    expect(stale.body.current_version).toBe(2)

    const list = await api.request(
      'GET',
      '/api/v1/organizations?per_page=100&sort_by=created_at&order=desc',
      {
        token: admin.token,
      },
    )
    expect(list.status).toBe(200)
    expect(list.body.data.map((o: { id: string }) => o.id)).toContain(id)
    expect(list.body.pagination).toMatchObject({ current_page: 1, per_page: 100, has_previous: false })
  })

  it('gives a second firm with the same name its own slug', async () => {
    const admin = await api.user('superadmin', null)
    const make = () =>
      api.request('POST', '/api/v1/organizations', {
        token: admin.token,
        body: { name: 'Twin Syndic', contact_email: 'a@b.be' },
      })
    const [a, b] = [await make(), await make()]
    expect(a.status).toBe(201)
    expect(b.status).toBe(201)
    expect(a.body.slug).not.toBe(b.body.slug)
  })

  it('is superadmin-only for writes and lists; members read their own; others get 404', async () => {
    const a = await api.tenant()
    const b = await api.tenant()
    expect((await api.request('GET', '/api/v1/organizations', { token: a.syndic.token })).status).toBe(403)
    const create = await api.request('POST', '/api/v1/organizations', {
      token: a.syndic.token,
      body: { name: 'X', contact_email: 'x@y.be' },
    })
    expect(create.status).toBe(403)
    expect(
      (await api.request('GET', `/api/v1/organizations/${a.org.id}`, { token: a.owner.token })).status,
    ).toBe(200)
    expect(
      (await api.request('GET', `/api/v1/organizations/${b.org.id}`, { token: a.syndic.token })).status,
    ).toBe(404)
    expect(
      (
        await api.request('PUT', `/api/v1/organizations/${a.org.id}`, {
          token: a.syndic.token,
          body: { name: 'Mine' },
        })
      ).status,
    ).toBe(403)
  })

  it('rejects unknown sort fields and bad ids with 400', async () => {
    const admin = await api.user('superadmin', null)
    const bad = await api.request('GET', '/api/v1/organizations?sort_by=name;drop table users', {
      token: admin.token,
    })
    expect(bad.status).toBe(400)
    expect(
      (await api.request('GET', '/api/v1/organizations/not-a-uuid', { token: admin.token })).status,
    ).toBe(400)
    expect(
      (await api.request('GET', '/api/v1/organizations?per_page=0', { token: admin.token })).status,
    ).toBe(400)
    // Above the maximum is clamped, not refused (issue #20, item 10; v1 asks per_page=1000).
    const clamped = await api.request('GET', '/api/v1/organizations?per_page=101', { token: admin.token })
    expect(clamped.body.pagination.per_page).toBe(100)
  })
})
