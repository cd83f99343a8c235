// A page's sections shown top to bottom, one step per task (issue #19, Lighthouse; ADR 0052).
// Built in one go, the owner portal's sections were one long task (its render under a 4× slower
// phone CPU: well over the 50 ms that counts as blocking time). Appending below what is on
// screen moves nothing (no layout shift), so the sections can arrive in page order, each in a
// task of its own, with the page's first section at once.
import { createEffect, createSignal, onCleanup } from 'solid-js'

/** Schedules `run` in a later task; returns a cancel function. */
export type NextTask = (run: () => void) => () => void

const macrotask: NextTask = (run) => {
  const timer = setTimeout(run, 0)
  return () => clearTimeout(timer)
}

/**
 * The steps 1…count: `start()` shows step 1 at once (`show(1)`) and each next one a task later;
 * `stop()` cancels what is left. Plain TypeScript (tested without a DOM); see createStages.
 */
export function stepper(count: number, show: (step: number) => void, next: NextTask = macrotask) {
  let step = 0
  let cancel: (() => void) | null = null
  const advance = () => {
    cancel = null
    step += 1
    show(step)
    if (step < count) cancel = next(advance)
  }
  return {
    start() {
      if (step === 0 && !cancel) advance()
    },
    stop() {
      cancel?.()
      cancel = null
    },
  }
}

/** In a component: once `ready()` is true, `shown(n)` turns true for n = 1, 2, … a task apart.
 * Steps shown stay shown (a refresh behind the page does not hide them again). */
export function createStages(count: number, ready: () => boolean): { shown: (n: number) => boolean } {
  const [step, setStep] = createSignal(0)
  const steps = stepper(count, setStep)
  createEffect(() => {
    if (ready()) steps.start()
  })
  onCleanup(() => steps.stop())
  return { shown: (n) => step() >= n }
}
