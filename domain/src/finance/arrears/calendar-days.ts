import type { CalendarDate } from '../../property/index.ts'

/*
 * Day arithmetic on ISO calendar dates (YYYY-MM-DD) through UTC midnights: no time zone, no DST,
 * so a day is always 86 400 000 ms.
 */
const DAY_MS = 86_400_000

function utc(date: CalendarDate): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)))
}

export function addDays(date: CalendarDate, days: number): CalendarDate {
  return new Date(utc(date) + days * DAY_MS).toISOString().slice(0, 10)
}

/** Days from `from` to `to` (to − from; negative when `to` is earlier). */
export function daysBetween(from: CalendarDate, to: CalendarDate): number {
  return Math.round((utc(to) - utc(from)) / DAY_MS)
}

export function yearOf(date: CalendarDate): number {
  return Number(date.slice(0, 4))
}

export function daysInYear(year: number): 365 | 366 {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 366 : 365
}
