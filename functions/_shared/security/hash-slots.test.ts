import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApi, TEST_PASSWORD, type TestApi } from '../../test/harness.ts'
import { ProblemError } from '../problem.ts'
import { defaultHashSlots, HashSlots } from './hash-slots.ts'

/** A task that runs until the test releases it, recording that it started. */
function blocker(started: number[], id: number) {
  let release!: () => void
  const done = new Promise<void>((ok) => {
    release = ok
  })
  const task = () => {
    started.push(id)
    return done.then(() => id)
  }
  return { task, release }
}

/** Lets queued promise callbacks run (no timers: the order is what is asserted). */
const settle = () => new Promise<void>((ok) => setImmediate(ok))

describe('HashSlots (issue #12 item 4)', () => {
  it('admits N at once, queues up to the depth in order, and refuses beyond with server_busy', async () => {
    const slots = new HashSlots({ concurrency: 2, queueDepth: 3, retryAfterSeconds: 2 })
    const started: number[] = []
    const tasks = Array.from({ length: 5 }, (_, i) => blocker(started, i))
    const runs = tasks.map((t) => slots.run(t.task))
    await settle()
    expect(started).toEqual([0, 1])
    expect([slots.running, slots.waiting]).toEqual([2, 3])

    const refused = await slots.run(async () => 'never').catch((e: unknown) => e)
    expect(refused).toBeInstanceOf(ProblemError)
    expect((refused as ProblemError).problem).toMatchObject({ kind: 'server_busy', retryAfterSeconds: 2 })

    tasks[1]?.release()
    await settle()
    expect(started).toEqual([0, 1, 2])
    // A newcomer queues behind the waiters instead of taking the freed slot.
    const late = blocker(started, 9)
    const lateRun = slots.run(late.task)
    await settle()
    expect(started).toEqual([0, 1, 2])
    for (const t of tasks) t.release()
    late.release()
    expect(await Promise.all([...runs, lateRun])).toEqual([0, 1, 2, 3, 4, 9])
    expect(started).toEqual([0, 1, 2, 3, 4, 9])
    expect([slots.running, slots.waiting]).toEqual([0, 0])
  })

  it('frees the slot when a task fails', async () => {
    const slots = new HashSlots({ concurrency: 1, queueDepth: 0 })
    await expect(slots.run(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom')
    expect(await slots.run(async () => 'ok')).toBe('ok')
  })

  it('defaults to cores − 1 slots (1 to 3) and a queue of 32', () => {
    expect([1, 2, 4, 64].map((cores) => defaultHashSlots(cores).concurrency)).toEqual([1, 1, 3, 3])
    expect(defaultHashSlots(2).queueDepth).toBe(32)
  })
})

describe('logins beyond the hashing queue get 503 + Retry-After', () => {
  const slots = new HashSlots({ concurrency: 1, queueDepth: 1 })
  let api: TestApi
  beforeAll(async () => {
    api = await createTestApi({}, { hashSlots: slots })
  })
  afterAll(() => api.close())

  it('answers server_busy through the problem mapper while every slot and queue place is taken', async () => {
    const { syndic } = await api.tenant()
    const started: number[] = []
    const held = [blocker(started, 0), blocker(started, 1)]
    const occupied = held.map((h) => slots.run(h.task))
    await settle()
    expect([slots.running, slots.waiting]).toEqual([1, 1])

    const res = await api.request('POST', '/api/v1/auth/login', {
      body: { email: syndic.email, password: TEST_PASSWORD },
    })
    expect(res.status).toBe(503)
    expect(res.headers.get('retry-after')).toBe('1')
    expect(res.headers.get('content-type')).toBe('application/problem+json')
    expect(res.body).toMatchObject({ type: 'https://koprogo.org/problems/server-busy', retry_after: 1 })
    // Routes that hash nothing are not affected.
    expect((await api.request('GET', '/api/v1/auth/me', { token: syndic.token })).status).toBe(200)

    for (const h of held) h.release()
    await Promise.all(occupied)
    const ok = await api.request('POST', '/api/v1/auth/login', {
      body: { email: syndic.email, password: TEST_PASSWORD },
    })
    expect(ok.status).toBe(200)
  })
})
