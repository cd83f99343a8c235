// When the dashboard's charts are drawn (issue #19, Lighthouse; ADR 0057). Drawing a uPlot chart
// costs ~10–30 ms of main thread on a fast machine (×4 on Lighthouse's phone); the two charts
// used to be drawn together in one task as soon as their sums arrived, and drawn AGAIN when the
// server's answer replaced the offline cache's (the same figures). Now:
// - a chart is drawn through the page's mount queue (lib/deferred-mount.ts): when its box is near
//   the viewport, else when the main thread is idle, one chart per task;
// - the chart library is fetched when the data arrives, but a draw never waits for it inside the
//   queue's task: a chart whose library is not there yet is queued again once it is;
// - figures equal to those already drawn (the cache's answer confirmed) draw nothing.
import type { MountQueue } from './deferred-mount'

export type ChartData = { labels: readonly string[]; values: readonly number[] }

export type ChartDrawer = {
  /** New figures for the chart's box: drawn later (never in this call), unless already drawn. */
  show(el: Element, data: ChartData): void
  /** The chart leaves the page: nothing pending is drawn. */
  dispose(): void
}

export function createChartDrawer<Lib>(deps: {
  queue: () => MountQueue
  /** The library if loaded (synchronous), else undefined. */
  loaded: () => Lib | undefined
  /** Starts (or joins) loading the library. */
  load: () => Promise<unknown>
  draw: (lib: Lib, el: Element, data: ChartData) => void
}): ChartDrawer {
  let drawn = '' // the figures on the canvas
  let wanted = '' // the figures waiting to be drawn
  let cancel = () => {}
  let disposed = false
  const key = (d: ChartData) => JSON.stringify([d.labels, d.values])
  return {
    show(el, data) {
      const k = key(data)
      if (disposed || k === wanted || (k === drawn && wanted === '')) return
      cancel()
      cancel = () => {}
      if (k === drawn) {
        wanted = ''
        return
      }
      wanted = k
      void deps.load().catch(() => {})
      const enqueue = () => {
        if (disposed || wanted !== k) return
        cancel = deps.queue().add(el, run)
      }
      const run = () => {
        if (disposed || wanted !== k) return
        const lib = deps.loaded()
        if (!lib) {
          // Its own task once the library is there, not the import's resolution task.
          void deps.load().then(enqueue, () => {})
          return
        }
        deps.draw(lib, el, data)
        drawn = k
        wanted = ''
      }
      enqueue()
    },
    dispose() {
      disposed = true
      cancel()
    },
  }
}
