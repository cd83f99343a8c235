// Late mounting of a long page's lower sections (issue #19, Lighthouse on the building page).
// The building page has some ten sections below the fold, each with its reads and forms; built
// in the first render they made a ~300 ms task under Lighthouse's 4× CPU slowdown (Total
// Blocking Time). A section registered here mounts when its placeholder comes near the viewport
// (the user scrolls to it) or, failing that, when the main thread is idle, ONE section per idle
// callback, in page order: the work is split into short tasks that leave input free, and every
// section is still in the page soon after it loads (links, tests and find-in-page reach it).
export type MountScheduler = {
  /** Calls `near` once the element is within reach of the viewport; returns a stop function. */
  observe(el: Element, near: () => void): () => void
  /** Calls `cb` when the main thread is idle; returns a cancel function. */
  idle(cb: () => void): () => void
}

export type MountQueue = {
  /** Registers a section's placeholder; `mount` runs once. Returns an unregister function. */
  add(el: Element, mount: () => void): () => void
}

export function createMountQueue(scheduler: MountScheduler): MountQueue {
  const queue: (() => void)[] = []
  let cancelIdle: (() => void) | null = null
  const remove = (run: () => void) => {
    const i = queue.indexOf(run)
    if (i >= 0) queue.splice(i, 1)
  }
  // One idle callback at a time, each mounting the first section still waiting.
  const pump = () => {
    if (cancelIdle || queue.length === 0) return
    cancelIdle = scheduler.idle(() => {
      cancelIdle = null
      queue[0]?.()
      pump()
    })
  }
  return {
    add(el, mount) {
      let done = false
      let stop = () => {}
      const finish = () => {
        done = true
        stop()
        remove(run)
      }
      const run = () => {
        if (done) return
        finish()
        mount()
      }
      stop = scheduler.observe(el, run)
      if (!done) {
        queue.push(run)
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
// in view: ADR 0034), and requestIdleCallback (a short timeout where Safari lacks it).
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
  }
}

let shared: MountQueue | undefined
/** The page's queue (created on first use, in the browser only). */
export const mountQueue = (): MountQueue => {
  shared ??= createMountQueue(browserScheduler())
  return shared
}
