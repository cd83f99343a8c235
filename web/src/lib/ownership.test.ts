import { describe, expect, it } from 'vitest'
import { ApiError } from './api-error'
import { brusselsToday, holdingOn, toFormFailure } from './ownership'

describe('ownership helpers', () => {
  it('today is the Brussels date, not the UTC one', () => {
    expect(brusselsToday(new Date('2027-02-14T23:30:00Z'))).toBe('2027-02-15')
    expect(brusselsToday(new Date('2027-07-01T21:59:00Z'))).toBe('2027-07-01')
    expect(brusselsToday(new Date('2027-07-01T22:00:00Z'))).toBe('2027-07-02')
  })

  it('a link holds the lot up to, not including, its end date', () => {
    const links = [
      { start_date: '2020-01-01', end_date: '2027-02-15' },
      { start_date: '2027-02-15', end_date: null },
    ]
    expect(holdingOn(links, '2027-02-14')).toEqual([links[0]])
    expect(holdingOn(links, '2027-02-15')).toEqual([links[1]])
  })

  it('puts a coded 409 next to its field in the user language, field errors next to theirs', () => {
    const conflict = new ApiError(409, {
      detail: 'The shares of this unit would exceed 1 from 2026-09-01 (full 1, …)',
      code: 'ownership_share_exceeded',
    })
    const f = toFormFailure(
      conflict,
      (code, day) => (code === 'ownership_share_exceeded' ? `dépasse dès le ${day}` : undefined),
      { ownership_share_exceeded: 'ownership_share' },
      'erreur',
    )
    expect(f).toEqual({
      message: 'dépasse dès le 2026-09-01',
      fields: { ownership_share: 'dépasse dès le 2026-09-01' },
      stale: false,
    })
    const invalid = new ApiError(400, {
      detail: 'Invalid transfer',
      errors: [{ path: 'buyers[1].ownership_share', message: 'must be at most 1' }],
    })
    expect(toFormFailure(invalid, () => undefined, {}, 'x').fields).toEqual({
      'buyers.1.ownership_share': 'must be at most 1',
    })
    const stale = new ApiError(409, { detail: 'Stale', current_version: 4 })
    expect(toFormFailure(stale, () => undefined, {}, 'x').stale).toBe(true)
  })
})
