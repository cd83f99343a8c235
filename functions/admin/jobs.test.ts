import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runDueJobs } from '../_shared/jobs/runner.ts'
import { createTestApi, type TestApi } from '../test/harness.ts'

let api: TestApi
beforeAll(async () => {
  api = await createTestApi({ JOB_MAX_ATTEMPTS: '1' })
})
afterAll(() => api.close())

/** A job of a kind of its own that fails once (dead letter at JOB_MAX_ATTEMPTS=1), then succeeds. */
async function deadLetter(organizationId: string | null) {
  const kind = `test.admin.${crypto.randomUUID().slice(0, 8)}`
  const id = await api.repos.outbox.enqueue({ kind, organizationId, payload: { n: 1 } })
  let failing = true
  const handlers = {
    [kind]: async () => {
      if (failing) throw new Error('mail server said 451')
    },
  }
  expect(await runDueJobs(api.runtime, { handlers })).toBe(1)
  return {
    id,
    kind,
    handlers,
    heal: () => {
      failing = false
    },
  }
}

describe('the superadmin’s job queue', () => {
  it('lists jobs newest first by status, with kind, organization, tries, last error and times', async () => {
    const admin = await api.user('superadmin', null)
    const org = await api.organization()
    const first = await deadLetter(org.id)
    const second = await deadLetter(null)
    const res = await api.request('GET', '/api/v1/admin/jobs?status=failed&per_page=100', {
      token: admin.token,
    })
    expect(res.status).toBe(200)
    const ids = (res.body.data as { id: string }[]).map((j) => j.id)
    expect(ids.indexOf(second.id)).toBeLessThan(ids.indexOf(first.id))
    expect(ids.indexOf(second.id)).toBeGreaterThanOrEqual(0)
    expect(res.body.data.find((j: { id: string }) => j.id === first.id)).toEqual({
      id: first.id,
      kind: first.kind,
      organization_id: org.id,
      status: 'failed',
      attempts: 1,
      last_error: 'Error: mail server said 451',
      run_after: expect.any(String),
      locked_until: null,
      created_at: expect.any(String),
      done_at: null,
    })
    expect(res.body.pagination).toMatchObject({ current_page: 1, per_page: 100 })
    const pending = await api.request('GET', '/api/v1/admin/jobs?status=pending', { token: admin.token })
    expect((pending.body.data as { id: string }[]).map((j) => j.id)).not.toContain(first.id)
    const bad = await api.request('GET', '/api/v1/admin/jobs?status=lost', { token: admin.token })
    expect(bad.status).toBe(400)
  })

  it('retries a dead letter (failed → pending, tries counted afresh), audited; then it runs', async () => {
    const admin = await api.user('superadmin', null)
    const job = await deadLetter(null)
    const res = await api.request('POST', `/api/v1/admin/jobs/${job.id}/retry`, { token: admin.token })
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({ id: job.id, status: 'pending', attempts: 0 })
    const audit = (await api.runtime.database.db.execute(sql`select actor_user_id, details from audit_log
      where action = 'job.retry' and entity_id = ${job.id}`)) as unknown as {
      rows: { actor_user_id: string; details: Record<string, unknown> }[]
    }
    expect(audit.rows).toEqual([
      {
        actor_user_id: admin.id,
        details: { kind: job.kind, attempts: 1, last_error: 'Error: mail server said 451' },
      },
    ])
    // Not failed any more: a second retry is a conflict.
    const again = await api.request('POST', `/api/v1/admin/jobs/${job.id}/retry`, { token: admin.token })
    expect(again.status).toBe(409)
    job.heal()
    expect(await runDueJobs(api.runtime, { handlers: job.handlers })).toBe(1)
    const done = await api.request('GET', '/api/v1/admin/jobs?status=done&per_page=100', {
      token: admin.token,
    })
    expect((done.body.data as { id: string }[]).map((j) => j.id)).toContain(job.id)
  })

  it('is the superadmin’s only: other roles get 403, an unknown job is 404, no token is 401', async () => {
    const job = await deadLetter(null)
    const { org } = await api.tenant()
    for (const role of ['syndic', 'accountant', 'owner'] as const) {
      const u = await api.user(role, org.id)
      expect((await api.request('GET', '/api/v1/admin/jobs', { token: u.token })).status).toBe(403)
      expect(
        (await api.request('POST', `/api/v1/admin/jobs/${job.id}/retry`, { token: u.token })).status,
      ).toBe(403)
    }
    expect((await api.request('GET', '/api/v1/admin/jobs')).status).toBe(401)
    const admin = await api.user('superadmin', null)
    const missing = await api.request('POST', `/api/v1/admin/jobs/${crypto.randomUUID()}/retry`, {
      token: admin.token,
    })
    expect(missing.status).toBe(404)
    const still = await api.request('GET', '/api/v1/admin/jobs?status=failed&per_page=100', {
      token: admin.token,
    })
    expect((still.body.data as { id: string }[]).map((j) => j.id)).toContain(job.id)
  })

  it('is in the OpenAPI document', async () => {
    const doc = await api.request('GET', '/api/v1/openapi.json')
    expect(Object.keys(doc.body.paths)).toEqual(
      expect.arrayContaining(['/api/v1/admin/jobs', '/api/v1/admin/jobs/{id}/retry']),
    )
  })
})
