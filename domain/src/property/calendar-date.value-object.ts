import { DomainErrors } from '../shared/domain-error.ts'
import type { Clock } from '../shared/ports.ts'
import { err, ok, type Result } from '../shared/result.ts'

/**
 * A day without a time zone, 'YYYY-MM-DD'. Kept as a plain string so adapters store it in a
 * `date` column untouched; the fixed-width format makes string comparison chronological.
 */
export type CalendarDate = string

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/

/**
 * Accepts 'YYYY-MM-DD' or a full ISO-8601 timestamp (API.md: "dates YYYY-MM-DD or full ISO
 * accepted") and keeps the date as written: the calendar day the client meant, not shifted to UTC.
 */
export function parseCalendarDate(value: string, field: string): Result<CalendarDate> {
  const match = ISO.exec(value.trim())
  if (!match) return err(DomainErrors.invalidField(field, 'must be a date YYYY-MM-DD'))
  const [, y = '', m = '', d = ''] = match
  const year = Number(y)
  const month = Number(m)
  const day = Number(d)
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    return err(DomainErrors.invalidField(field, 'is not a valid calendar date'))
  }
  return ok(`${y}-${m}-${d}`)
}

/** Today's date in UTC: the platform's reference day for links ended or started "today". */
export function todayOf(clock: Clock): CalendarDate {
  return clock.now().toISOString().slice(0, 10)
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28
  return [4, 6, 9, 11].includes(month) ? 30 : 31
}
