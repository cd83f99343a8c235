import 'fake-indexeddb/auto'
import { appendAct, type MeetingAct, verifyChain } from '@koprogo/domain/assembly'
import { afterEach, describe, expect, it } from 'vitest'
import { ApiError, NetworkError } from '../api-error'
import { type LogTransport, MeetingLogStore, syncMeetingLog } from './meeting-log'

let counter = 0
const stores: MeetingLogStore[] = []
afterEach(() => {
  for (const s of stores.splice(0)) s.close()
})

async function open() {
  const store = await MeetingLogStore.open(`log-user-${++counter}`)
  stores.push(store)
  return store
}

/** A server keeping the acts like POST /meetings/{id}/acts: all or nothing; same hash at a stored
 * seq is a no-op, another act there is a 409, a broken chain a 422. `down` answers nothing. */
class FakeLogServer implements LogTransport {
  acts: MeetingAct[] = []
  posts: MeetingAct[][] = []
  down = false
  async post(_meetingId: string, acts: MeetingAct[]) {
    if (this.down) throw new NetworkError(new TypeError('Failed to fetch'))
    this.posts.push(acts)
    const next = [...this.acts]
    for (const a of acts) {
      const stored = next[a.seq - 1]
      if (stored && stored.hash !== a.hash)
        throw new ApiError(409, { title: 'Conflict', detail: `act ${a.seq} differs from the stored act` })
      if (stored) continue
      const check = verifyChain([a], next.at(-1) ?? null)
      if (!check.ok) throw new ApiError(422, { title: 'Unprocessable', detail: check.error.message })
      next.push(a)
    }
    this.acts = next
    return {}
  }
  async verify() {
    if (this.down) throw new NetworkError(new TypeError('Failed to fetch'))
    const check = verifyChain(this.acts)
    return { ok: check.ok, rootHash: this.acts.at(-1)?.hash ?? '', lastSeq: this.acts.length }
  }
}

const T0 = '2027-05-20T18:00:00.000Z'
function chain(n: number, from: MeetingAct[] = []): MeetingAct[] {
  const acts = [...from]
  for (let i = 0; i < n; i++) {
    const next =
      acts.length === 0
        ? appendAct(acts, 'opened', {}, T0)
        : appendAct(acts, 'checked_in', { ownerId: `o${acts.length}` }, T0)
    acts.push(next)
  }
  return acts
}

describe('meeting log on the device', () => {
  it('keeps acts in seq order and never overwrites a seq', async () => {
    const store = await open()
    const acts = chain(3)
    for (const a of acts) await store.append('m1', a)
    expect((await store.acts('m1')).map((a) => a.act.seq)).toEqual([1, 2, 3])
    const other = appendAct(acts.slice(0, 1), 'checked_in', { ownerId: 'intruder' }, T0)
    await expect(store.append('m1', other)).rejects.toBeTruthy()
    expect((await store.acts('m1'))[1]?.act.hash).toBe(acts[1]?.hash)
    expect(await store.acts('m2')).toEqual([])
  })

  it('sends each act once: a second sync sends nothing, and the server verifies the root', async () => {
    const store = await open()
    const server = new FakeLogServer()
    for (const a of chain(4)) await store.append('m1', a)
    expect(await store.unsyncedCount()).toBe(4)
    const first = await syncMeetingLog(store, 'm1', server)
    expect(first).toEqual({ kind: 'sent', count: 4, verified: true })
    expect(server.acts).toHaveLength(4)
    expect(await store.unsyncedCount()).toBe(0)
    expect((await store.state('m1')).verified?.rootHash).toBe(server.acts[3]?.hash)
    expect(await syncMeetingLog(store, 'm1', server)).toEqual({ kind: 'nothing' })
    expect(server.posts).toHaveLength(1)
  })

  it('offline: nothing is lost or marked sent; back online the whole backlog goes in one send', async () => {
    const store = await open()
    const server = new FakeLogServer()
    server.down = true
    const acts = chain(3)
    for (const a of acts) await store.append('m1', a)
    const outcome = await syncMeetingLog(store, 'm1', server)
    expect(outcome.kind).toBe('offline')
    expect(await store.unsyncedCount()).toBe(3)
    server.down = false
    await syncMeetingLog(store, 'm1', server)
    expect(server.acts.map((a) => a.hash)).toEqual(acts.map((a) => a.hash))
  })

  it('a re-send after a lost answer stores nothing twice (the server holds the same hashes)', async () => {
    const store = await open()
    const server = new FakeLogServer()
    const acts = chain(2)
    for (const a of acts) await store.append('m1', a)
    // The server stored them, but the answer never came back: the device still has them unsynced.
    await server.post('m1', acts)
    const more = chain(1, acts)[2] as MeetingAct
    await store.append('m1', more)
    const outcome = await syncMeetingLog(store, 'm1', server)
    expect(outcome).toEqual({ kind: 'sent', count: 3, verified: true })
    expect(server.acts).toHaveLength(3)
  })

  it('a 409 (another act at a stored seq) is kept as the log error, and no act is dropped', async () => {
    const store = await open()
    const server = new FakeLogServer()
    const base = chain(1)
    await server.post('m1', [...base, appendAct(base, 'checked_in', { ownerId: 'elsewhere' }, T0)])
    const mine = chain(2)
    for (const a of mine) await store.append('m1', a)
    const outcome = await syncMeetingLog(store, 'm1', server)
    expect(outcome.kind).toBe('refused')
    const state = await store.state('m1')
    expect(state.error).toMatchObject({ kind: 'conflict', seq: 2 })
    expect((await store.acts('m1')).map((a) => a.act.hash)).toEqual(mine.map((a) => a.hash))
  })

  it('a 422 names the refused act; the acts stay on the device', async () => {
    const store = await open()
    const server = new FakeLogServer()
    const acts = chain(2)
    const tampered = { ...acts[1], payload: { ownerId: 'someone-else' } } as MeetingAct
    await store.append('m1', acts[0] as MeetingAct)
    await store.append('m1', tampered)
    const outcome = await syncMeetingLog(store, 'm1', server)
    expect(outcome).toMatchObject({ kind: 'refused', error: { kind: 'refused', seq: 2 } })
    expect(await store.acts('m1')).toHaveLength(2)
    expect(await store.unsyncedCount()).toBe(2)
    expect((await store.state('m1')).verified).toBeNull()
  })

  it('adopts the server acts it lacks as synced, and reports a fork without replacing its own act', async () => {
    const store = await open()
    const acts = chain(3)
    await store.append('m1', acts[0] as MeetingAct)
    expect(await store.adopt('m1', acts)).toEqual({ forkAt: null })
    expect((await store.acts('m1')).every((a) => a.synced)).toBe(true)

    const other = await open()
    const mine = chain(2)
    const theirs = [mine[0] as MeetingAct, appendAct(mine.slice(0, 1), 'checked_in', { ownerId: 'x' }, T0)]
    for (const a of mine) await other.append('m1', a)
    expect(await other.adopt('m1', theirs)).toEqual({ forkAt: 2 })
    expect((await other.acts('m1'))[1]?.act.hash).toBe(mine[1]?.hash)
    expect((await other.state('m1')).error?.kind).toBe('conflict')
  })
})
