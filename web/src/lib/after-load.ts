// Work the first screen does not need, run once the page has loaded and the main thread is idle
// (issue #19, Lighthouse: every task between the first paint and "interactive" that runs longer
// than 50 ms on a phone counts as blocking time; ADR 0052).

type IdleWindow = {
  requestIdleCallback?: (cb: () => void, opts?: { timeout: number }) => number
  cancelIdleCallback?: (handle: number) => void
}

/**
 * Runs `run` after the window's load event, in an idle period (at the latest `timeoutMs` after
 * load). Returns a cancel function. Outside a browser (tests without a document) it runs on the
 * next macrotask.
 */
export function afterLoadIdle(run: () => void, timeoutMs = 3000): () => void {
  let cancelled = false
  let cancelStep = () => {}
  const w = (typeof window === 'undefined' ? undefined : window) as (Window & IdleWindow) | undefined
  const idle = () => {
    if (cancelled) return
    if (w?.requestIdleCallback) {
      const h = w.requestIdleCallback(() => cancelled || run(), { timeout: timeoutMs })
      cancelStep = () => w.cancelIdleCallback?.(h)
    } else {
      const h = setTimeout(() => cancelled || run(), 0)
      cancelStep = () => clearTimeout(h)
    }
  }
  if (typeof document === 'undefined' || document.readyState === 'complete' || !w) idle()
  else {
    w.addEventListener('load', idle, { once: true })
    cancelStep = () => w.removeEventListener('load', idle)
  }
  return () => {
    cancelled = true
    cancelStep()
  }
}
