// Issue #19 (ADR 0052): the owner portal's sections are shown top to bottom a task apart, not
// built in one long task.
import { describe, expect, it } from 'vitest'
import { stepper } from './staged'

function manualTasks() {
  const queue: (() => void)[] = []
  return {
    next: (run: () => void) => {
      queue.push(run)
      return () => {
        const i = queue.indexOf(run)
        if (i >= 0) queue.splice(i, 1)
      }
    },
    runOne: () => queue.shift()?.(),
    size: () => queue.length,
  }
}

describe('stepper', () => {
  it('shows the first step at once and each next one in a task of its own, in order', () => {
    const tasks = manualTasks()
    const shown: number[] = []
    const s = stepper(4, (n) => shown.push(n), tasks.next)
    expect(shown).toEqual([])
    s.start()
    expect(shown).toEqual([1])
    tasks.runOne()
    expect(shown).toEqual([1, 2])
    tasks.runOne()
    tasks.runOne()
    expect(shown).toEqual([1, 2, 3, 4])
    expect(tasks.size()).toBe(0)
  })

  it('starts once, however often the page says it is ready', () => {
    const tasks = manualTasks()
    const shown: number[] = []
    const s = stepper(3, (n) => shown.push(n), tasks.next)
    s.start()
    s.start()
    tasks.runOne()
    s.start()
    tasks.runOne()
    expect(shown).toEqual([1, 2, 3])
  })

  it('a page left before the end schedules nothing more', () => {
    const tasks = manualTasks()
    const shown: number[] = []
    const s = stepper(3, (n) => shown.push(n), tasks.next)
    s.start()
    s.stop()
    expect(tasks.size()).toBe(0)
    expect(shown).toEqual([1])
  })
})
