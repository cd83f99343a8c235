/**
 * The one reader of ISO-8601 dates and timestamps for every date field (expense_date, paid_date,
 * start_date, end_date, scheduled_date, date filters). A regular expression alone accepted
 * `2024-02-29T25:61:61Z` and an offset of `-99:99`; here every component is range-checked:
 * a real calendar day, hours 0–23, minutes and seconds 0–59, offsets within ±14:00 (the widest
 * in use, UTC+14 in Kiribati) with minutes 0–59.
 */
export type IsoDateTime = {
  /** As written (zero-padded), so the calendar day the client meant is kept. */
  readonly year: string
  readonly month: string
  readonly day: string
  /** Absent for a bare day. */
  readonly time?: {
    readonly hour: string
    readonly minute: string
    readonly second: string
    /** Milliseconds, three digits (finer fractions are truncated). */
    readonly millis: string
    /** Normalized to `Z` or `±HH:MM`; a timestamp without offset is UTC. */
    readonly zone: string
  }
}

const ISO =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})?)?$/i

const MAX_OFFSET_MINUTES = 14 * 60

/** The components of `value`, or null when it is not a well-formed, existing date or instant. */
export function parseIsoDateTime(value: string): IsoDateTime | null {
  const match = ISO.exec(value.trim())
  if (!match) return null
  const [, year = '', month = '', day = '', hour, minute, second = '00', fraction = '', offset] = match
  if (!isCalendarDay(Number(year), Number(month), Number(day))) return null
  if (hour === undefined || minute === undefined) return { year, month, day }
  if (Number(hour) > 23 || Number(minute) > 59 || Number(second) > 59) return null
  const zone = normalizeOffset(offset ?? 'Z')
  if (zone === null) return null
  const millis = fraction.padEnd(3, '0').slice(0, 3)
  return { year, month, day, time: { hour, minute, second, millis, zone } }
}

function normalizeOffset(offset: string): string | null {
  if (offset.toUpperCase() === 'Z') return 'Z'
  const hours = Number(offset.slice(1, 3))
  const minutes = Number(offset.slice(-2))
  if (minutes > 59 || hours * 60 + minutes > MAX_OFFSET_MINUTES) return null
  return `${offset.slice(0, 3)}:${offset.slice(-2)}`
}

function isCalendarDay(year: number, month: number, day: number): boolean {
  return year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month)
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28
  return [4, 6, 9, 11].includes(month) ? 30 : 31
}
