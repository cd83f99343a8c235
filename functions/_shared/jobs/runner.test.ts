import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApi, type TestApi } from '../../test/harness.ts'
import { bindRepositories } from '../db/repositories/index.ts'
import type { Job } from './job-handler.ts'
import { runDueJobs } from './runner.ts'

let api: TestApi
beforeAll(async () => {
  api = await createTestApi()
})
afterAll(() => api.close())

describe('the outbox seam', () => {
  it('hands a committed message to its handler once and marks it done', async () => {
    const repos = bindRepositories(api.runtime.database.db)
    const id = await repos.outbox.enqueue({ kind: 'test.echo', organizationId: null, payload: { n: 7 } })
    const seen: Job[] = []
    const handlers = { 'test.echo': async (job: Job) => void seen.push(job) }
    // Other tests' jobs may be due too; only ours has a handler here, the rest fail visibly.
    while ((await runDueJobs(api.runtime, { handlers })) > 0) {}
    expect(seen.filter((j) => j.id === id)).toEqual([
      { id, kind: 'test.echo', organizationId: null, payload: { n: 7 }, attempt: 1 },
    ])
    expect(await runDueJobs(api.runtime, { handlers })).toBe(0)
  })
})
