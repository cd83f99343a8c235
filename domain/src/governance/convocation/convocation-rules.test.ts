import { describe, expect, it } from 'vitest'
import { REQUEST_RESPONSE_DAYS, requestDeadline, requestShare } from './assembly-request.rule.ts'
import { inOrdinaryPeriod, legalDefaultSettings, reviseSettings } from './assembly-settings.ts'
import { BOARD_MANDATORY_FROM_LOTS, boardMandatory, lotsCountedForBoard } from './board.rule.ts'
import { deadlineStatus, minutesDeadline } from './minutes-deadline.rule.ts'
import { checkNotice } from './notice.rule.ts'
import { checkSecondAssemblyDate } from './second-assembly.rule.ts'

const defaults = legalDefaultSettings('org', 'b')

describe('statutes settings (Civil Code art. 3.87 §2, §3)', () => {
  it('defaults to the legal 15-day notice, no remote participation, French minutes', () => {
    expect(defaults).toMatchObject({ noticeDays: 15, remoteParticipation: false, minutesLanguages: ['fr'] })
  })
  it('accepts a longer notice, refuses a shorter one (art. 3.87 §3: statutes may only lengthen it)', () => {
    expect(reviseSettings(defaults, { noticeDays: 21 })).toMatchObject({
      ok: true,
      value: { noticeDays: 21 },
    })
    const r = reviseSettings(defaults, { noticeDays: 14 })
    expect(r).toMatchObject({ ok: false, error: { kind: 'validation', issues: [{ path: 'notice_days' }] } })
  })
  it('checks the statutory period as MM-DD pairs, possibly across the new year', () => {
    expect(reviseSettings(defaults, { ordinaryPeriodStart: '02-30', ordinaryPeriodEnd: '03-15' }).ok).toBe(
      false,
    )
    expect(reviseSettings(defaults, { ordinaryPeriodStart: '05-01' }).ok).toBe(false)
    const s = reviseSettings(defaults, { ordinaryPeriodStart: '12-20', ordinaryPeriodEnd: '01-03' })
    expect(s.ok && inOrdinaryPeriod(s.value, '01-02')).toBe(true)
    expect(s.ok && inOrdinaryPeriod(s.value, '06-01')).toBe(false)
  })
  it('refuses an unknown minutes language', () => {
    expect(reviseSettings(defaults, { minutesLanguages: ['fr', 'xx'] }).ok).toBe(false)
    expect(reviseSettings(defaults, { minutesLanguages: ['fr', 'nl', 'fr'] })).toMatchObject({
      ok: true,
      value: { minutesLanguages: ['fr', 'nl'] },
    })
  })
})

describe('notice (art. 3.87 §3)', () => {
  const now = new Date('2026-12-01T12:00:00Z')
  it('refuses a date less than the notice ahead, naming the earliest day', () => {
    expect(checkNotice(new Date('2026-12-10T18:00:00Z'), now, 15)).toMatchObject({
      ok: false,
      error: { code: 'convocation_notice_too_short', params: { days: 15, earliest: '2026-12-16' } },
    })
    expect(checkNotice(new Date('2026-12-16T12:00:00Z'), now, 15).ok).toBe(true)
  })
  it('applies the longer notice of the statutes', () => {
    expect(checkNotice(new Date('2026-12-18T12:00:00Z'), now, 21).ok).toBe(false)
    expect(checkNotice(new Date('2026-12-22T12:00:00Z'), now, 21).ok).toBe(true)
  })
})

describe('owners’ request (art. 3.87 §2: one fifth of the quote-parts)', () => {
  const basis = {
    totalTantiemes: 1000,
    units: [
      { unitId: 'u1', unitNumber: '1', quota: 150, owners: [{ ownerId: 'a', sharePpm: 1_000_000 }] },
      {
        unitId: 'u2',
        unitNumber: '2',
        quota: 100,
        owners: [
          { ownerId: 'b', sharePpm: 500_000 },
          { ownerId: 'c', sharePpm: 500_000 },
        ],
      },
      { unitId: 'u3', unitNumber: '3', quota: 750, owners: [{ ownerId: 'd', sharePpm: 1_000_000 }] },
    ],
  }
  it('150 + 50 = 200 of 1000 is exactly one fifth: reached', () => {
    expect(requestShare(basis, ['a', 'b'])).toMatchObject({ held: 200, total: 1000, reached: true })
  })
  it('150 of 1000 is below one fifth: refused, with the arithmetic', () => {
    const s = requestShare(basis, ['a'])
    expect(s).toMatchObject({ held: 150, reached: false })
    expect(s.explanation).toBe('150 / 1000 tantièmes held; one fifth is 200: not reached (art. 3.87 §2)')
  })
  it('art. 3.87 §2: the syndic sends the convocation within thirty days of receiving the request', () => {
    expect(REQUEST_RESPONSE_DAYS).toBe(30)
    expect(requestDeadline(new Date('2026-12-01T09:00:00Z')).toISOString()).toBe('2026-12-31T09:00:00.000Z')
  })
})

describe('second assembly (art. 3.87 §5: at least 15 days later)', () => {
  const first = new Date('2026-12-01T18:00:00Z')
  it('refuses a second assembly 14 days later, accepts 15', () => {
    expect(checkSecondAssemblyDate(first, new Date('2026-12-15T18:00:00Z'))).toMatchObject({
      ok: false,
      error: { code: 'second_assembly_too_early', params: { earliest: '2026-12-16' } },
    })
    expect(checkSecondAssemblyDate(first, new Date('2026-12-16T18:00:00Z')).ok).toBe(true)
  })
})

describe('board of co-owners (art. 3.90 §1: from 20 lots, cellars/garages/parkings not counted)', () => {
  const flats = (n: number) => Array.from({ length: n }, () => 'Apartment' as const)
  it('19 flats and 30 cellars and parkings: not mandatory', () => {
    const types = [
      ...flats(19),
      ...Array.from({ length: 15 }, () => 'Cellar' as const),
      ...Array.from({ length: 15 }, () => 'Parking' as const),
    ]
    expect(lotsCountedForBoard(types)).toBe(19)
    expect(boardMandatory(types)).toBe(false)
  })
  it('19 flats and one shop: 20 lots, mandatory', () => {
    expect(boardMandatory([...flats(19), 'Commercial'])).toBe(true)
    expect(BOARD_MANDATORY_FROM_LOTS).toBe(20)
  })
})

describe('minutes sending deadline (art. 3.87 §12: 30 days)', () => {
  it('is 30 days after the meeting, warned 5 days before, overdue after', () => {
    const d = minutesDeadline(new Date('2026-12-01T18:00:00Z'))
    expect(d.toISOString()).toBe('2026-12-31T18:00:00.000Z')
    expect(deadlineStatus(d, new Date('2026-12-10T00:00:00Z'), null)).toBe('on_time')
    expect(deadlineStatus(d, new Date('2026-12-28T00:00:00Z'), null)).toBe('due_soon')
    expect(deadlineStatus(d, new Date('2027-01-01T00:00:00Z'), null)).toBe('overdue')
    expect(deadlineStatus(d, new Date('2027-01-01T00:00:00Z'), new Date('2026-12-20T00:00:00Z'))).toBe('done')
  })
})
