import type { CalendarDate } from '../../property/index.ts'
import type { ReminderKind, ReminderStep } from './arrears.entity.ts'
import { addDays } from './calendar-days.ts'

/** A call line as the ladder sees it: what is still owed and since when. */
export type LadderLine = {
  readonly lineId: string
  readonly ownerId: string
  readonly dueDate: CalendarDate
  readonly outstandingCents: number
}

/** A step already sent for a line. */
export type SentStep = { readonly lineId: string; readonly step: number; readonly sentOn: CalendarDate }

export type DueStep = {
  readonly lineId: string
  readonly ownerId: string
  readonly step: number
  readonly kind: ReminderKind
}

/**
 * Which ladder step each overdue line is due for on `asOf` (pure). A line is considered when
 * something is still owed on it (a paid line stops the ladder; a partly paid one stays overdue
 * for the rest) and its due date has passed. Its next step is the one after the highest already
 * sent (never the same step twice, never skipping one: a formal notice is never the first
 * letter), and it is due when both
 *  - asOf ≥ due date + the step's days, and
 *  - asOf ≥ the previous step's sending date + the gap between the two steps' days,
 * so a ladder started late (a first run months after the due date) still spaces its letters as
 * the settings say instead of sending all of them at once. At most one step per line per run.
 */
export function dueReminderSteps(
  asOf: CalendarDate,
  steps: readonly ReminderStep[],
  lines: readonly LadderLine[],
  sent: readonly SentStep[],
): readonly DueStep[] {
  const last = new Map<string, SentStep>()
  for (const s of sent) {
    const known = last.get(s.lineId)
    if (!known || s.step > known.step) last.set(s.lineId, s)
  }
  const due: DueStep[] = []
  for (const line of lines) {
    if (line.outstandingCents <= 0 || line.dueDate >= asOf) continue
    const previous = last.get(line.lineId)
    const next = previous ? previous.step + 1 : 0
    const step = steps[next]
    if (!step) continue
    if (asOf < addDays(line.dueDate, step.daysAfterDue)) continue
    if (previous) {
      const gap = step.daysAfterDue - (steps[previous.step]?.daysAfterDue ?? 0)
      if (asOf < addDays(previous.sentOn, gap)) continue
    }
    due.push({ lineId: line.lineId, ownerId: line.ownerId, step: next, kind: step.kind })
  }
  return due
}
