import { describe, expect, it } from 'vitest'
import { createMountQueue, type MountScheduler } from './deferred-mount'

// A scheduler driven by the test: `idle()` runs the pending idle callback, `task()` the pending
// next-task callback, `near(el)` plays the IntersectionObserver reporting that element within
// reach of the viewport.
function fakeScheduler() {
  const watched = new Map<object, () => void>()
  let pending: (() => void) | null = null
  let next: (() => void) | null = null
  const scheduler: MountScheduler = {
    soon(cb) {
      if (next) throw new Error('two next-task callbacks at once')
      next = cb
      return () => {
        next = null
      }
    },
    observe(el, near) {
      watched.set(el, near)
      return () => watched.delete(el)
    },
    idle(cb) {
      if (pending) throw new Error('two idle callbacks at once')
      pending = cb
      return () => {
        pending = null
      }
    },
  }
  return {
    scheduler,
    near: (el: object) => watched.get(el)?.(),
    idle: () => {
      const cb = pending
      pending = null
      cb?.()
    },
    task: () => {
      const cb = next
      next = null
      cb?.()
    },
    hasIdle: () => pending !== null,
    hasTask: () => next !== null,
    watching: () => watched.size,
  }
}
const el = () => ({}) as Element

describe('deferred section mounting', () => {
  it('mounts nothing during registration, then one section per idle callback, in page order', () => {
    const f = fakeScheduler()
    const q = createMountQueue(f.scheduler)
    const mounted: string[] = []
    for (const name of ['keys', 'calls', 'bank']) q.add(el(), () => mounted.push(name))
    expect(mounted).toEqual([])
    f.idle()
    expect(mounted).toEqual(['keys'])
    f.idle()
    f.idle()
    expect(mounted).toEqual(['keys', 'calls', 'bank'])
    expect(f.hasIdle()).toBe(false)
    expect(f.watching()).toBe(0)
  })

  it('mounts a section near the viewport in the next task, before the idle ones, and only once', () => {
    const f = fakeScheduler()
    const q = createMountQueue(f.scheduler)
    const mounted: string[] = []
    const [a, b] = [el(), el()]
    q.add(a, () => mounted.push('a'))
    q.add(b, () => mounted.push('b'))
    f.near(b)
    f.near(b)
    // Not inside the observer's callback: that task may already hold other work.
    expect(mounted).toEqual([])
    expect(f.hasIdle()).toBe(false) // the idle wait gave way to the next task
    f.task()
    expect(mounted).toEqual(['b'])
    expect(f.hasTask()).toBe(false)
    f.idle()
    f.idle()
    expect(mounted).toEqual(['b', 'a'])
  })

  it('mounts sections reported near together (one observer callback) one per task, in page order', () => {
    // The dashboard's two charts, or three short sections on a tall screen: one callback reports
    // them all; built in that callback they made one long task again (session 7, ADR 0057).
    const f = fakeScheduler()
    const q = createMountQueue(f.scheduler)
    const mounted: string[] = []
    const [a, b, c] = [el(), el(), el()]
    q.add(a, () => mounted.push('a'))
    q.add(b, () => mounted.push('b'))
    q.add(c, () => mounted.push('c'))
    f.near(c)
    f.near(a)
    expect(mounted).toEqual([])
    f.task()
    expect(mounted).toEqual(['a'])
    f.task()
    expect(mounted).toEqual(['a', 'c'])
    expect(f.hasTask()).toBe(false)
    f.idle()
    expect(mounted).toEqual(['a', 'c', 'b'])
    expect(f.watching()).toBe(0)
  })

  it('forgets a section unregistered before it mounted (the page was left)', () => {
    const f = fakeScheduler()
    const q = createMountQueue(f.scheduler)
    const mounted: string[] = []
    const stop = q.add(el(), () => mounted.push('gone'))
    q.add(el(), () => mounted.push('kept'))
    stop()
    f.idle()
    f.idle()
    expect(mounted).toEqual(['kept'])
    expect(f.watching()).toBe(0)
  })
})
