// Late mounting of a long page's lower sections (issue #19, Lighthouse on the building page).
// The building page has some ten sections below the fold, each with its reads and forms; built
// in the first render they made a ~300 ms task under Lighthouse's 4× CPU slowdown (Total
// Blocking Time). A section registered here mounts when its placeholder comes near the viewport
// (the user scrolls to it) or, failing that, when the main thread is idle — ONE section per
// task either way, in page order: the work is split into short tasks that leave input free, and
// every section is still in the page soon after it loads (links, tests and find-in-page reach it).
//
// Session 7 (ADR 0057): the IntersectionObserver reports every placeholder within reach in ONE
// callback; mounting them there put two or three sections (or both dashboard charts) back into
// one long task. A section near the viewport now jumps the queue and mounts in the next task
// (`soon`), the next one in the task after.
export type MountScheduler = {
  /** Calls `near` once the element is within reach of the viewport; returns a stop function. */
  observe(el: Element, near: () => void): () => void
  /** Calls `cb` when the main thread is idle; returns a cancel function. */
  idle(cb: () => void): () => void
  /** Calls `cb` in a task of its own, as soon as possible; returns a cancel function. */
  soon(cb: () => void): () => void
}

export type MountQueue = {
  /** Registers a section's placeholder; `mount` runs once. Returns an unregister function. */
  add(el: Element, mount: () => void): () => void
}

type Entry = { run: () => void; near: boolean }

export function createMountQueue(scheduler: MountScheduler): MountQueue {
  const queue: Entry[] = [] // page (registration) order
  // At most one callback waits at a time: `soon` while a section is near the viewport, else `idle`.
  let pending: { near: boolean; cancel: () => void } | null = null
  const remove = (entry: Entry) => {
    const i = queue.indexOf(entry)
    if (i >= 0) queue.splice(i, 1)
  }
  const pump = () => {
    const near = queue.some((e) => e.near)
    if (pending) {
      if (pending.near || !near) return
      pending.cancel() // an idle wait overtaken by a section coming into reach
      pending = null
    }
    if (queue.length === 0) return
    const fire = () => {
      pending = null
      ;(queue.find((e) => e.near) ?? queue[0])?.run()
      pump()
    }
    pending = { near, cancel: near ? scheduler.soon(fire) : scheduler.idle(fire) }
  }
  return {
    add(el, mount) {
      let done = false
      let stop = () => {}
      const finish = () => {
        done = true
        stop()
        remove(entry)
      }
      const entry: Entry = {
        near: false,
        run: () => {
          if (done) return
          finish()
          mount()
        },
      }
      stop = scheduler.observe(el, () => {
        if (done || entry.near) return
        entry.near = true
        if (queue.includes(entry)) pump()
      })
      if (!done) {
        queue.push(entry)
        pump()
      }
      return () => {
        if (!done) finish()
      }
    },
  }
}

// The browser's scheduler: one shared IntersectionObserver whose margin mounts a section about a
// screen before it is scrolled into view, so it is built while still off screen (no layout shift
// in view: ADR 0034), requestIdleCallback (a short timeout where Safari lacks it), and a
// zero-delay timeout for the next task.
const NEAR_MARGIN = '100% 0px'

function browserScheduler(): MountScheduler {
  const callbacks = new Map<Element, () => void>()
  const io =
    typeof IntersectionObserver === 'function'
      ? new IntersectionObserver(
          (entries) => {
            for (const e of entries) if (e.isIntersecting) callbacks.get(e.target)?.()
          },
          { rootMargin: NEAR_MARGIN },
        )
      : null
  return {
    observe(el, near) {
      callbacks.set(el, near)
      io?.observe(el)
      return () => {
        callbacks.delete(el)
        io?.unobserve(el)
      }
    },
    idle(cb) {
      if (typeof requestIdleCallback === 'function') {
        const id = requestIdleCallback(cb, { timeout: 1000 })
        return () => cancelIdleCallback(id)
      }
      const id = setTimeout(cb, 16)
      return () => clearTimeout(id)
    },
    soon(cb) {
      const id = setTimeout(cb, 0)
      return () => clearTimeout(id)
    },
  }
}

let shared: MountQueue | undefined
/** The page's queue (created on first use, in the browser only). */
export const mountQueue = (): MountQueue => {
  shared ??= createMountQueue(browserScheduler())
  return shared
}
