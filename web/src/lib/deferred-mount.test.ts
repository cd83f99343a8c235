import { describe, expect, it } from 'vitest'
import { createMountQueue, type MountScheduler } from './deferred-mount'

// A scheduler driven by the test: `idle()` runs the pending idle callback, `near(el)` plays the
// IntersectionObserver reporting that element within reach of the viewport.
function fakeScheduler() {
  const watched = new Map<object, () => void>()
  let pending: (() => void) | null = null
  const scheduler: MountScheduler = {
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
    hasIdle: () => pending !== null,
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

  it('mounts a section at once when it comes near the viewport, and only once', () => {
    const f = fakeScheduler()
    const q = createMountQueue(f.scheduler)
    const mounted: string[] = []
    const [a, b] = [el(), el()]
    q.add(a, () => mounted.push('a'))
    q.add(b, () => mounted.push('b'))
    f.near(b)
    f.near(b)
    expect(mounted).toEqual(['b'])
    f.idle()
    f.idle()
    expect(mounted).toEqual(['b', 'a'])
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
