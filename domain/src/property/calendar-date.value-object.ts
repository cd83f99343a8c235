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

/**
 * The time zone a building's calendar runs in. Every building KoproGo manages today is Belgian, so
 * this is the platform default; a building-level setting can replace it without touching callers.
 */
export const BUILDING_TIME_ZONE = 'Europe/Brussels'

/**
 * Today's date where the building is, from an injected clock and time zone: at 23:30 UTC on
 * 14 February it is already 15 February in Brussels, and a deed dated the 15th is in effect.
 * Intl resolves the offset (CET +1, CEST +2 with the DST switch), no hand-written rule.
 */
export function todayOf(clock: Clock, timeZone: string = BUILDING_TIME_ZONE): CalendarDate {
  return calendarDateIn(clock.now(), timeZone)
}

/**
 * The calendar date of an instant in a time zone ('YYYY-MM-DD'). The last answer per zone is kept
 * for its second: a zone's offset is a whole number of seconds, so the date cannot change inside
 * one, and a list of units asks for today on every request (formatToParts was most of that list's
 * own CPU: docs/performance.md, session 7).
 */
export function calendarDateIn(instant: Date, timeZone: string): CalendarDate {
  const second = Math.floor(instant.getTime() / 1000)
  const last = lastDates.get(timeZone)
  if (last && last.second === second) return last.date
  const parts = dateFormatter(timeZone).formatToParts(instant)
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? ''
  const date = `${get('year').padStart(4, '0')}-${get('month')}-${get('day')}`
  lastDates.set(timeZone, { second, date })
  return date
}

const lastDates = new Map<string, { readonly second: number; readonly date: CalendarDate }>()

const formatters = new Map<string, Intl.DateTimeFormat>()
function dateFormatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone)
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })
    formatters.set(timeZone, f)
  }
  return f
}
