import { describe, expect, it } from 'vitest'
import { type ChartData, createChartDrawer } from './chart-draw'
import type { MountQueue } from './deferred-mount'

// A queue driven by the test: `next()` runs the first waiting mount (one queue task).
function fakeQueue() {
  const waiting: (() => void)[] = []
  const queue: MountQueue = {
    add(_el, mount) {
      waiting.push(mount)
      return () => {
        const i = waiting.indexOf(mount)
        if (i >= 0) waiting.splice(i, 1)
      }
    },
  }
  return { queue, next: () => waiting.shift()?.(), size: () => waiting.length }
}

function setup(libLoaded = true) {
  const q = fakeQueue()
  const draws: ChartData[] = []
  let lib: 'uplot' | undefined = libLoaded ? 'uplot' : undefined
  let resolveLoad = () => {}
  const loading = new Promise<void>((r) => {
    resolveLoad = () => {
      lib = 'uplot'
      r()
    }
  })
  const drawer = createChartDrawer({
    queue: () => q.queue,
    loaded: () => lib,
    load: () => (lib ? Promise.resolve() : loading),
    draw: (_lib, _el, data) => draws.push(data),
  })
  return { q, draws, drawer, resolveLoad }
}
const el = {} as Element
const data = (...values: number[]): ChartData => ({ labels: values.map(String), values })

describe('dashboard chart drawing', () => {
  it('draws in a queue task, never in the call that brings the figures', () => {
    const { q, draws, drawer } = setup()
    drawer.show(el, data(1, 2))
    expect(draws).toEqual([])
    q.next()
    expect(draws).toEqual([data(1, 2)])
  })

  it('does not draw again figures already drawn (the cache confirmed by the server)', () => {
    const { q, draws, drawer } = setup()
    drawer.show(el, data(1, 2))
    q.next()
    drawer.show(el, data(1, 2))
    expect(q.size()).toBe(0)
    drawer.show(el, data(3))
    q.next()
    expect(draws).toEqual([data(1, 2), data(3)])
  })

  it('draws only the latest figures when they change before the draw', () => {
    const { q, draws, drawer } = setup()
    drawer.show(el, data(1))
    drawer.show(el, data(2))
    expect(q.size()).toBe(1)
    q.next()
    expect(draws).toEqual([data(2)])
  })

  it('waits for the library outside the queue task, then draws in a task of its own', async () => {
    const { q, draws, drawer, resolveLoad } = setup(false)
    drawer.show(el, data(5))
    q.next() // the library is not there: nothing drawn, nothing waiting
    expect(draws).toEqual([])
    expect(q.size()).toBe(0)
    resolveLoad()
    await Promise.resolve()
    await Promise.resolve()
    expect(draws).toEqual([]) // not in the import's resolution
    expect(q.size()).toBe(1)
    q.next()
    expect(draws).toEqual([data(5)])
  })

  it('draws nothing once the chart left the page', () => {
    const { q, draws, drawer } = setup()
    drawer.show(el, data(1))
    drawer.dispose()
    q.next()
    drawer.show(el, data(2))
    q.next()
    expect(draws).toEqual([])
  })
})
