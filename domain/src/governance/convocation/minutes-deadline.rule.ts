/*
 * Civil Code art. 3.87 §12: the syndic records the decisions in the register within thirty days
 * of the assembly and sends them to the co-owners within the same period.
 */
export const MINUTES_SENDING_DAYS = 30
const DAY_MS = 86_400_000

export function minutesDeadline(meetingDate: Date): Date {
  return new Date(meetingDate.getTime() + MINUTES_SENDING_DAYS * DAY_MS)
}

export const DEADLINE_STATUSES = ['on_time', 'due_soon', 'overdue', 'done'] as const
export type DeadlineStatus = (typeof DEADLINE_STATUSES)[number]

/** 'due_soon' within the last 5 days, so the syndic is warned before it is too late. */
export function deadlineStatus(deadline: Date, now: Date, doneAt: Date | null): DeadlineStatus {
  if (doneAt) return 'done'
  const left = deadline.getTime() - now.getTime()
  if (left < 0) return 'overdue'
  return left <= 5 * DAY_MS ? 'due_soon' : 'on_time'
}
