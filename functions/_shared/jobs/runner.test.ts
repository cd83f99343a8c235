import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApi, type TestApi } from '../../test/harness.ts'
import { bindRepositories } from '../db/repositories/index.ts'
import { retryDelayMs } from './backoff.ts'
import { completeJob, JobClaimLost } from './complete-job.ts'
import type { Job, JobHandler } from './job-handler.ts'
import { runDueJobs } from './runner.ts'
import { recordTestEffect } from './test-kinds.ts'

let api: TestApi
beforeAll(async () => {
  // No delay between tries (the delay itself is checked on its own below), 3 tries, 30 s lease,
  // a try counted as failed after 1 s.
  api = await createTestApi({
    JOB_RETRY_BASE_SECONDS: '0',
    JOB_MAX_ATTEMPTS: '3',
    JOB_LEASE_SECONDS: '30',
    JOB_TIMEOUT_SECONDS: '1',
  })
})
afterAll(() => api.close())

type Row = {
  status: string
  attempts: number
  last_error: string | null
  locked_by: string | null
  run_after_ms: number
}
async function row(id: string): Promise<Row> {
  const r = (await api.runtime.database.db.execute(sql`
    select status, attempts, last_error, locked_by,
      (extract(epoch from run_after - now()) * 1000)::int as run_after_ms
    from outbox where id = ${id}`)) as unknown as { rows: Row[] }
  const found = r.rows[0]
  if (!found) throw new Error(`no outbox row ${id}`)
  return found
}
/** A kind of its own per test, so parallel test files never run each other's jobs. */
const kindOf = (name: string) => `test.${name}.${crypto.randomUUID().slice(0, 8)}`
const enqueue = (kind: string, payload: Record<string, unknown> = {}) =>
  bindRepositories(api.runtime.database.db).outbox.enqueue({ kind, organizationId: null, payload })
const recordEffect = recordTestEffect
async function effects(id: string): Promise<number[]> {
  const r =
    (await api.runtime.database.db.execute(sql`select (details->>'attempt')::int as attempt from audit_log
    where action = 'test.job-effect' and entity_id = ${id} order by id`)) as unknown as {
      rows: { attempt: number }[]
    }
  return r.rows.map((x) => x.attempt)
}
const drain = async (handlers: Record<string, JobHandler>) => {
  while ((await runDueJobs(api.runtime, { handlers })) > 0) {}
}

describe('the job runner', () => {
  it('hands a committed message to its handler once and marks it done', async () => {
    const kind = kindOf('echo')
    const id = await enqueue(kind, { n: 7 })
    const seen: Job[] = []
    await drain({ [kind]: async (job) => void seen.push(job) })
    expect(seen).toEqual([
      { id, kind, organizationId: null, payload: { n: 7 }, attempt: 1, claim: expect.any(String) },
    ])
    expect((await row(id)).status).toBe('done')
    expect(await runDueJobs(api.runtime, { handlers: { [kind]: async () => undefined } })).toBe(0)
  })

  it('retries a throwing job later with backoff, then dead-letters it after JOB_MAX_ATTEMPTS with the last error', async () => {
    const kind = kindOf('flaky')
    const id = await enqueue(kind)
    let calls = 0
    const handlers = {
      [kind]: async () => {
        calls += 1
        throw new Error(`smtp down (try ${calls})`)
      },
    }
    expect(await runDueJobs(api.runtime, { handlers })).toBe(1)
    expect(await row(id)).toMatchObject({
      status: 'pending',
      attempts: 1,
      last_error: 'Error: smtp down (try 1)',
    })
    await drain(handlers)
    expect(calls).toBe(3)
    expect(await row(id)).toMatchObject({
      status: 'failed',
      attempts: 3,
      last_error: 'Error: smtp down (try 3)',
    })
    // A dead letter is never taken again by itself.
    expect(await runDueJobs(api.runtime, { handlers })).toBe(0)
  })

  it('schedules the retry JOB_RETRY_BASE_SECONDS · 2^(try-1) later, jittered between half and all of it', async () => {
    const slow = await createTestApi({ JOB_RETRY_BASE_SECONDS: '60', JOB_MAX_ATTEMPTS: '5' })
    try {
      const kind = kindOf('later')
      const id = await bindRepositories(slow.runtime.database.db).outbox.enqueue({
        kind,
        organizationId: null,
        payload: {},
      })
      const handlers = {
        [kind]: async () => {
          throw new Error('no')
        },
      }
      expect(await runDueJobs(slow.runtime, { handlers })).toBe(1)
      const r = (await slow.runtime.database.db.execute(
        sql`select status, (extract(epoch from run_after - now()) * 1000)::int as ms from outbox where id = ${id}`,
      )) as unknown as { rows: { status: string; ms: number }[] }
      expect(r.rows[0]?.status).toBe('pending')
      expect(r.rows[0]?.ms).toBeGreaterThan(29_000)
      expect(r.rows[0]?.ms).toBeLessThanOrEqual(60_000)
      // Not due yet: nothing to claim.
      expect(await runDueJobs(slow.runtime, { handlers })).toBe(0)
    } finally {
      await slow.close()
    }
    const settings = { baseSeconds: 30, maxSeconds: 3600 }
    expect([1, 2, 3, 4].map((a) => retryDelayMs(a, settings, () => 1))).toEqual([
      30_000, 60_000, 120_000, 240_000,
    ])
    expect([1, 2, 3, 4].map((a) => retryDelayMs(a, settings, () => 0))).toEqual([
      15_000, 30_000, 60_000, 120_000,
    ])
    expect(retryDelayMs(20, settings, () => 1)).toBe(3_600_000)
  })

  it('takes again a job whose runner died mid-job once its lease expired, and not before', async () => {
    const kind = kindOf('orphan')
    const [expired, held] = [await enqueue(kind), await enqueue(kind)]
    await api.runtime.database.db.execute(sql`update outbox set status = 'running', attempts = 1,
      locked_by = 'dead/1', locked_until = now() - interval '1 second' where id = ${expired}`)
    await api.runtime.database.db.execute(sql`update outbox set status = 'running', attempts = 1,
      locked_by = 'alive/1', locked_until = now() + interval '1 hour' where id = ${held}`)
    const seen: Job[] = []
    await drain({ [kind]: async (job) => void seen.push(job) })
    expect(seen.map((j) => [j.id, j.attempt])).toEqual([[expired, 2]])
    expect((await row(expired)).status).toBe('done')
    expect(await row(held)).toMatchObject({ status: 'running', locked_by: 'alive/1' })
  })

  it('dead-letters a job whose lease expired during its last try', async () => {
    const kind = kindOf('crashy')
    const id = await enqueue(kind)
    await api.runtime.database.db.execute(sql`update outbox set status = 'running', attempts = 3,
      locked_by = 'dead/2', locked_until = now() - interval '1 second' where id = ${id}`)
    let calls = 0
    await drain({ [kind]: async () => void calls++ })
    expect(calls).toBe(0)
    expect(await row(id)).toMatchObject({ status: 'failed', attempts: 3 })
    expect((await row(id)).last_error).toMatch(/lease expired/)
  })

  it('a runner that lost its lease cannot clobber the outcome of the run that took the job over', async () => {
    const kind = kindOf('overtaken')
    const id = await enqueue(kind)
    let outcome: unknown
    const handlers: Record<string, JobHandler> = {
      [kind]: async (job, runtime) => {
        if (job.attempt === 1) {
          // This run stalls past its lease; another run takes the job and completes it meanwhile.
          await runtime.database.db.execute(
            sql`update outbox set locked_until = now() - interval '1 second' where id = ${job.id}`,
          )
          await drain(handlers)
          // The stale run now tries to commit its effect with "done", then fails: neither sticks.
          outcome = await completeJob(job, runtime, (tx) => recordEffect(tx, job)).catch((e: unknown) => e)
          throw new Error('stale run fails late')
        }
        await completeJob(job, runtime, (tx) => recordEffect(tx, job))
      },
    }
    await drain(handlers)
    expect(outcome).toBeInstanceOf(JobClaimLost)
    expect(await row(id)).toMatchObject({ status: 'done', attempts: 2, last_error: null })
    expect(await effects(id)).toEqual([2])
  })

  it('commits a handler’s database effect in the same transaction as "done": exactly once', async () => {
    const kind = kindOf('effect')
    const id = await enqueue(kind)
    let claimed: Job | undefined
    await drain({
      [kind]: (job, runtime) => {
        claimed = job
        return completeJob(job, runtime, (tx) => recordEffect(tx, job))
      },
    })
    expect(await effects(id)).toEqual([1])
    // Done twice (a duplicate delivery of the same claim): the second commit is refused, effect included.
    if (!claimed) throw new Error('not run')
    const job = claimed
    await expect(completeJob(job, api.runtime, (tx) => recordEffect(tx, job))).rejects.toBeInstanceOf(
      JobClaimLost,
    )
    expect(await effects(id)).toEqual([1])
  })

  it('counts a hung try as failed after JOB_TIMEOUT_SECONDS and goes on; the hung work can no longer mark it done', async () => {
    const kind = kindOf('hung')
    const [hung, next] = [await enqueue(kind, { hang: true }), await enqueue(kind, { hang: false })]
    let release: () => void = () => undefined
    const stalled: Promise<unknown>[] = []
    const handlers: Record<string, JobHandler> = {
      [kind]: async (job, runtime) => {
        if (job.payload.hang === true && job.attempt === 1) {
          const late = new Promise<void>((r) => {
            release = r
          }).then(() => completeJob(job, runtime, (tx) => recordEffect(tx, job)))
          stalled.push(late.catch((e: unknown) => e))
          await late
          return
        }
        await completeJob(job, runtime, (tx) => recordEffect(tx, job))
      },
    }
    expect(await runDueJobs(api.runtime, { handlers })).toBe(2)
    expect(await row(hung)).toMatchObject({
      status: 'pending',
      attempts: 1,
      last_error: 'Error: job timed out after 1 s',
    })
    expect((await row(next)).status).toBe('done')
    // The hung work wakes up late: its claim is gone, so neither its effect nor "done" commits.
    release()
    expect(await stalled[0]).toBeInstanceOf(JobClaimLost)
    await drain(handlers)
    expect(await row(hung)).toMatchObject({ status: 'done', attempts: 2 })
    expect(await effects(hung)).toEqual([2])
  })

  it('two runners racing never run the same job', async () => {
    const kind = kindOf('race')
    const ids = new Set<string>()
    for (let i = 0; i < 40; i++) ids.add(await enqueue(kind, { i }))
    const runs: string[] = []
    const handlers = {
      [kind]: async (job: Job) => {
        runs.push(job.id)
        await new Promise((r) => setTimeout(r, 1))
      },
    }
    const runner = async (runnerId: string) => {
      while ((await runDueJobs(api.runtime, { handlers, limit: 3, runnerId })) > 0) {}
    }
    await Promise.all([runner('a'), runner('b'), runner('c')])
    expect(runs.length).toBe(40)
    expect(new Set(runs)).toEqual(ids)
    const claimedBy = (await api.runtime.database.db.execute(sql`
      select count(distinct split_part(locked_by, '/', 1))::int as n from outbox where kind = ${kind} and status = 'done'`)) as unknown as {
      rows: { n: number }[]
    }
    expect(claimedBy.rows[0]?.n).toBeGreaterThanOrEqual(1)
  })

  it('hands back the jobs it claimed but did not start when asked to stop', async () => {
    const kind = kindOf('stop')
    const ids = [await enqueue(kind), await enqueue(kind), await enqueue(kind)]
    const stop = new AbortController()
    const seen: string[] = []
    await runDueJobs(api.runtime, {
      signal: stop.signal,
      handlers: {
        [kind]: async (job) => {
          seen.push(job.id)
          stop.abort()
        },
      },
    })
    expect(seen).toEqual([ids[0]])
    expect(await row(ids[0] ?? '')).toMatchObject({ status: 'done', attempts: 1 })
    for (const id of ids.slice(1)) expect(await row(id)).toMatchObject({ status: 'pending', attempts: 0 })
  })
})
