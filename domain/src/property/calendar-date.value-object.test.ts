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

  it('todayOf is the UTC date of the clock', () => {
    expect(todayOf({ now: () => new Date('2026-03-15T23:59:59Z') })).toBe('2026-03-15')
  })
})
