/**
 * Belgian Civil Code art. 3.87 §3: the convocation to a general assembly is sent at least 15
 * days before it. Encoded now so the future AG engine and its tests share one definition; it is
 * deliberately not enforced when a meeting is scheduled (KoproGo v1 clients schedule freely).
 */
export const CONVOCATION_MIN_DAYS = 15

const DAY_MS = 86_400_000

/**
 * The latest instant a convocation may be sent for an AG at `scheduledDate`. Counted as 15 full
 * 24-hour periods rather than 15 calendar days in Brussels time: across a daylight-saving
 * change the calendar count can be an hour shorter, and the conservative reading never yields
 * a late convocation.
 */
export function convocationDeadline(scheduledDate: Date): Date {
  return new Date(scheduledDate.getTime() - CONVOCATION_MIN_DAYS * DAY_MS)
}

/** Whether a convocation sent at `sentAt` respects the notice period for `scheduledDate`. */
export function isConvocationTimely(sentAt: Date, scheduledDate: Date): boolean {
  return sentAt.getTime() <= convocationDeadline(scheduledDate).getTime()
}
