import { sql } from 'drizzle-orm'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { bindRepositories } from '../_shared/db/repositories/index.ts'
import { runDueJobs } from '../_shared/jobs/runner.ts'
import { createTestApi, type TestApi } from '../test/harness.ts'
import { propertyFixtures } from '../test/property-fixtures.ts'

/*
 * Stored files and document rows cannot share a transaction. The unit of work (ADR 0020) closes
 * the gap with the outbox: before an upload stores its bytes, a committed message schedules the
 * `document.delete-orphan-file` job an hour later; a deleted document's event schedules it at
 * once. The job deletes a file only if no document row references it.
 */
let api: TestApi
let fx: ReturnType<typeof propertyFixtures>
beforeAll(async () => {
  api = await createTestApi()
  fx = propertyFixtures(api)
})
afterAll(() => api.close())
afterEach(() => vi.restoreAllMocks())

const PDF = new TextEncoder().encode(
  '%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n',
)

async function upload(token: string, buildingId: string) {
  const form = new FormData()
  for (const [k, v] of Object.entries({
    building_id: buildingId,
    document_type: 'Invoice',
    title: 'Facture',
  }))
    form.set(k, v)
  form.set('file', new File([PDF.slice()], 'facture.pdf', { type: 'application/pdf' }))
  const encoded = new Response(form)
  const res = await api.request('POST', '/api/v1/documents', {
    token,
    rawBody: await encoded.arrayBuffer(),
    headers: { 'content-type': encoded.headers.get('content-type') ?? '' },
  })
  expect(res.status, JSON.stringify(res.body)).toBe(201)
  return res.body as { id: string; organization_id: string }
}

type OutboxRow = { id: string; status: string; last_error: string | null; due_in_minutes: number }
async function orphanChecks(storageKey: string): Promise<OutboxRow[]> {
  const r = (await api.inspect.execute(sql`
    select id, status, last_error, round(extract(epoch from (run_after - now())) / 60)::int as due_in_minutes
    from outbox where kind = 'document.delete-orphan-file' and payload->>'storageKey' = ${storageKey}
    order by created_at, id`)) as { rows: OutboxRow[] }
  return r.rows
}

/** An hour passes for the outbox: every pending message of `storageKey` becomes due. */
async function makeDue(storageKey: string) {
  await api.inspect.execute(
    sql`update outbox set run_after = now() where payload->>'storageKey' = ${storageKey} and status = 'pending'`,
  )
}

async function runJobs() {
  while ((await runDueJobs(api.runtime)) > 0) {}
}

describe('document.delete-orphan-file', () => {
  it('is scheduled an hour ahead by every upload, and keeps a file its row references', async () => {
    const t = await api.tenant()
    const building = await fx.building(t.syndic.token)
    const d = await upload(t.syndic.token, building.id)
    const key = `${d.organization_id}/${d.id}`
    const [check, ...more] = await orphanChecks(key)
    expect(more).toEqual([])
    expect(check?.status).toBe('pending')
    expect(check?.due_in_minutes).toBeGreaterThanOrEqual(59)
    await makeDue(key)
    await runJobs()
    expect((await orphanChecks(key)).map((r) => [r.status, r.last_error])).toEqual([['done', null]])
    expect(await api.runtime.files.get(key)).not.toBeNull()
  })

  it('deletes the bytes an upload left behind when it died between storing and recording', async () => {
    const t = await api.tenant()
    // What an upload does before it crashes: the committed message, then the stored bytes, no row.
    const key = `${t.org.id}/${crypto.randomUUID()}`
    await bindRepositories(api.runtime.database.db).outbox.enqueue({
      kind: 'document.delete-orphan-file',
      organizationId: t.org.id,
      payload: { storageKey: key },
      runAfter: new Date(Date.now() + 3_600_000),
    })
    await api.runtime.files.put(key, PDF, { contentType: 'application/pdf', size: PDF.length })
    await runJobs()
    expect(await api.runtime.files.get(key)).not.toBeNull() // not due yet: the upload may still finish
    await makeDue(key)
    await runJobs()
    expect(await api.runtime.files.get(key)).toBeNull()
    expect((await orphanChecks(key)).map((r) => r.status)).toEqual(['done'])
  })

  it('finishes a deletion whose file removal failed, from the event recorded with the delete', async () => {
    const t = await api.tenant()
    const building = await fx.building(t.syndic.token)
    const d = await upload(t.syndic.token, building.id)
    const key = `${d.organization_id}/${d.id}`
    vi.spyOn(api.runtime.files, 'delete').mockRejectedValueOnce(new Error('store unavailable'))
    const res = await api.request('DELETE', `/api/v1/documents/${d.id}`, { token: t.syndic.token })
    expect(res.status).toBe(204)
    expect(await api.runtime.files.get(key)).not.toBeNull()
    const due = (await orphanChecks(key)).filter((r) => r.due_in_minutes <= 0 && r.status === 'pending')
    expect(due).toHaveLength(1)
    await runJobs()
    expect(await api.runtime.files.get(key)).toBeNull()
  })
})
