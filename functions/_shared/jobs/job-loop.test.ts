import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApi, type TestApi } from '../../test/harness.ts'
import type { JobHandler } from './job-handler.ts'
import { startJobLoop } from './job-loop.ts'

let api: TestApi
beforeAll(async () => {
  // A poll of one minute: only the enqueue signal can make the loop run a job within the test.
  api = await createTestApi({
    JOB_POLL_INTERVAL_MS: '60000',
    JOB_RETRY_BASE_SECONDS: '0',
    JOB_MAX_ATTEMPTS: '2',
  })
})
afterAll(() => api.close())

const statusOf = async (id: string) =>
  (
    (await api.runtime.database.db.execute(sql`select status from outbox where id = ${id}`)) as unknown as {
      rows: { status: string }[]
    }
  ).rows[0]?.status

async function until(what: string, probe: () => Promise<boolean>, ms = 10_000) {
  const deadline = Date.now() + ms
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 20))
  }
}

describe('the Node job loop', () => {
  it('is woken by an enqueue, survives handlers that throw or reject with anything, and stops cleanly', async () => {
    const kind = `test.loop.${crypto.randomUUID().slice(0, 8)}`
    const runs: string[] = []
    const handlers: Record<string, JobHandler> = {
      [kind]: async (job) => {
        runs.push(String(job.payload.n))
        if (job.payload.n === 'throws') throw new Error('boom')
        if (job.payload.n === 'rejects') return Promise.reject('not even an Error')
      },
    }
    const loop = startJobLoop(api.runtime, { handlers, runnerId: 'loop-test' })
    try {
      // Let the first (empty) run finish so the loop is asleep for a minute.
      await new Promise((r) => setTimeout(r, 200))
      const ids: string[] = []
      for (const n of ['throws', 'rejects', 'ok']) {
        ids.push(await api.repos.outbox.enqueue({ kind, organizationId: null, payload: { n } }))
      }
      await until('every job settled', async () => {
        const s = await Promise.all(ids.map(statusOf))
        return s[0] === 'failed' && s[1] === 'failed' && s[2] === 'done'
      })
      // Two tries each for the failing ones (JOB_MAX_ATTEMPTS=2), one for the good one.
      expect(runs.sort()).toEqual(['ok', 'rejects', 'rejects', 'throws', 'throws'])
    } finally {
      await loop.stop(1_000)
    }
    // Stopped: a new job is no longer taken.
    const later = await api.repos.outbox.enqueue({ kind, organizationId: null, payload: { n: 'late' } })
    await new Promise((r) => setTimeout(r, 300))
    expect(await statusOf(later)).toBe('pending')
  })
})
