import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parseCalendarDate, todayOf } from './calendar-date.value-object.ts'

describe('parseCalendarDate', () => {
  it('accepts YYYY-MM-DD and keeps the date part of a full ISO timestamp as written', () => {
    expect(parseCalendarDate('2026-03-15', 'start_date')).toEqual({ ok: true, value: '2026-03-15' })
    expect(parseCalendarDate('2024-02-29', 'start_date')).toEqual({ ok: true, value: '2024-02-29' })
    expect(parseCalendarDate('2026-03-31T23:30:00+02:00', 'start_date')).toEqual({
      ok: true,
      value: '2026-03-31',
    })
    expect(parseCalendarDate('2026-03-15T10:00:00.123Z', 'start_date')).toEqual({
      ok: true,
      value: '2026-03-15',
    })
    expect(parseCalendarDate('2000-02-29T00:00', 'start_date')).toEqual({ ok: true, value: '2000-02-29' })
    for (const edge of ['2024-02-29T23:59:59+14:00', '2024-02-29T00:00:00-12:00', '2024-02-29T12:00+0530'])
      expect(parseCalendarDate(edge, 'start_date')).toEqual({ ok: true, value: '2024-02-29' })
  })

  it.each([
    '2026-02-29',
    '1900-02-29',
    '2026-13-01',
    '2026-04-31',
    '2026-00-10',
    '26-01-01',
    '2026-1-1',
    'abc',
    '',
    '2026-03-15T25',
    // Every component of a timestamp is range-checked, not only its shape (issue #12).
    '2024-02-29T25:61:61Z',
    '2024-02-29T24:00:00Z',
    '2024-02-29T10:60:00Z',
    '2024-02-29T10:00:60Z',
    '2024-02-29T10:00:00-99:99',
    '2024-02-29T10:00:00+14:01',
    '2024-02-29T10:00:00+05:60',
    '2024-02-30T10:00:00Z',
  ])('refuses %j with the field path', (value) => {
    const r = parseCalendarDate(value, 'end_date')
    expect(r.ok).toBe(false)
    if (!r.ok && r.error.kind === 'validation') expect(r.error.issues[0]?.path).toBe('end_date')
  })

  it('reads back the date part of any ISO timestamp', () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date('1000-01-01T00:00:00Z'),
          max: new Date('9999-12-31T23:59:59Z'),
          noInvalidDate: true,
        }),
        (d) => {
          const iso = d.toISOString()
          expect(parseCalendarDate(iso, 'd')).toEqual({ ok: true, value: iso.slice(0, 10) })
        },
      ),
    )
  })

  it('todayOf is the Brussels date of the clock, not the UTC one (winter, UTC+1)', () => {
    const at = (iso: string) => todayOf({ now: () => new Date(iso) })
    expect(at('2026-02-14T22:59:59Z')).toBe('2026-02-14')
    expect(at('2026-02-14T23:00:00Z')).toBe('2026-02-15')
    expect(at('2026-12-31T23:30:00Z')).toBe('2027-01-01')
  })

  it('todayOf follows daylight saving time (summer, UTC+2) and both switch days', () => {
    const at = (iso: string) => todayOf({ now: () => new Date(iso) })
    expect(at('2026-07-01T21:59:59Z')).toBe('2026-07-01')
    expect(at('2026-07-01T22:00:00Z')).toBe('2026-07-02')
    // 29 March 2026: clocks go 02:00 → 03:00 CEST; the evening of the 28th is still CET.
    expect(at('2026-03-28T22:59:59Z')).toBe('2026-03-28')
    expect(at('2026-03-28T23:00:00Z')).toBe('2026-03-29')
    expect(at('2026-03-29T21:59:59Z')).toBe('2026-03-29')
    expect(at('2026-03-29T22:00:00Z')).toBe('2026-03-30')
    // 25 October 2026: back to CET; the 24th ends at 22:00 UTC, the 25th at 23:00 UTC.
    expect(at('2026-10-24T21:59:59Z')).toBe('2026-10-24')
    expect(at('2026-10-24T22:00:00Z')).toBe('2026-10-25')
    expect(at('2026-10-25T22:59:59Z')).toBe('2026-10-25')
    expect(at('2026-10-25T23:00:00Z')).toBe('2026-10-26')
  })

  it('todayOf takes the time zone as a parameter', () => {
    const clock = { now: () => new Date('2026-02-14T23:30:00Z') }
    expect(todayOf(clock, 'UTC')).toBe('2026-02-14')
    expect(todayOf(clock, 'Europe/Brussels')).toBe('2026-02-15')
    expect(todayOf(clock, 'America/New_York')).toBe('2026-02-14')
  })

  it('todayOf answers each instant, repeated or not, across the midnight second (the per-second memo)', () => {
    const at = (iso: string) => todayOf({ now: () => new Date(iso) })
    // Brussels midnight in winter is 23:00:00 UTC: the last second of the 14th, then the 15th.
    expect(at('2026-02-14T22:59:59.000Z')).toBe('2026-02-14')
    expect(at('2026-02-14T22:59:59.999Z')).toBe('2026-02-14')
    expect(at('2026-02-14T23:00:00.000Z')).toBe('2026-02-15')
    expect(at('2026-02-14T22:59:59.500Z')).toBe('2026-02-14')
    // The same second in another zone is answered for that zone.
    expect(todayOf({ now: () => new Date('2026-02-14T23:00:00.000Z') }, 'UTC')).toBe('2026-02-14')
    expect(at('2026-02-14T23:00:00.000Z')).toBe('2026-02-15')
  })

  it('todayOf agrees with the offset arithmetic for any instant (property)', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2000-01-01Z'), max: new Date('2099-12-31Z'), noInvalidDate: true }),
        (d) => {
          const brussels = todayOf({ now: () => d })
          const utc = d.toISOString().slice(0, 10)
          // Brussels is UTC+1 or UTC+2: its date is the UTC date or the next day.
          const next = new Date(Date.parse(`${utc}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10)
          expect([utc, next]).toContain(brussels)
          if (d.getUTCHours() < 22) expect(brussels).toBe(utc)
          if (d.getUTCHours() === 23) expect(brussels).toBe(next)
        },
      ),
    )
  })
})
