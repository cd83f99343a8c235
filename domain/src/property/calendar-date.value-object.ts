import { DomainErrors } from '../shared/domain-error.ts'
import { parseIsoDateTime } from '../shared/iso-date-time.ts'
import type { Clock } from '../shared/ports.ts'
import { err, ok, type Result } from '../shared/result.ts'

/**
 * A day without a time zone, 'YYYY-MM-DD'. Kept as a plain string so adapters store it in a
 * `date` column untouched; the fixed-width format makes string comparison chronological.
 */
export type CalendarDate = string

/**
 * Accepts 'YYYY-MM-DD' or a full ISO-8601 timestamp (API.md: "dates YYYY-MM-DD or full ISO
 * accepted") and keeps the date as written: the calendar day the client meant, not shifted to UTC.
 */
export function parseCalendarDate(value: string, field: string): Result<CalendarDate> {
  if (!/^\d{4}-\d{2}-\d{2}(?:[T ]|$)/.test(value.trim())) {
    return err(DomainErrors.invalidField(field, 'must be a date YYYY-MM-DD'))
  }
  // The time and offset, when given, must be valid too: a date written with 25:61 is a typo.
  const parsed = parseIsoDateTime(value)
  if (!parsed) return err(DomainErrors.invalidField(field, 'is not a valid calendar date'))
  return ok(`${parsed.year}-${parsed.month}-${parsed.day}`)
}

/** Today's date in UTC: the platform's reference day for links ended or started "today". */
export function todayOf(clock: Clock): CalendarDate {
  return clock.now().toISOString().slice(0, 10)
}
