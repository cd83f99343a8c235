import { describe, expect, it } from 'vitest'
import type { CallLineWithPaid } from '../calls.ports.ts'
import { addDays, daysLeft, deadlineOf, etatDateFigures, etatDateStatus } from './etat-date.ts'

// Civil Code art. 3.94: §1 fifteen days, §2 thirty days, counted in calendar days from the request.
describe('état daté deadline', () => {
  it('adds 15 (§1) or 30 (§2) calendar days, across month and year ends and leap days', () => {
    expect(deadlineOf('2026-01-02', 'art_3_94_1')).toBe('2026-01-17')
    expect(deadlineOf('2026-12-20', 'art_3_94_2')).toBe('2027-01-19')
    expect(deadlineOf('2028-02-14', 'art_3_94_1')).toBe('2028-02-29')
    expect(addDays('2026-03-29', 3)).toBe('2026-04-01')
  })

  it('is pending, overdue, delivered or delivered late', () => {
    const r = { deadlineDate: '2026-01-17' }
    expect(etatDateStatus({ ...r, generatedAt: null }, '2026-01-17')).toBe('pending')
    expect(etatDateStatus({ ...r, generatedAt: null }, '2026-01-18')).toBe('overdue')
    expect(etatDateStatus({ ...r, generatedAt: new Date('2026-01-17T22:00:00Z') }, '2026-02-01')).toBe(
      'delivered',
    )
    expect(etatDateStatus({ ...r, generatedAt: new Date('2026-01-18T08:00:00Z') }, '2026-02-01')).toBe(
      'delivered_late',
    )
    expect(daysLeft('2026-01-17', '2026-01-02')).toBe(15)
    expect(daysLeft('2026-01-17', '2026-01-20')).toBe(-3)
  })
})

describe('état daté figures', () => {
  const line = (kind: CallLineWithPaid['kind'], amountCents: number, paidCents: number, dueDate: string) =>
    ({ kind, amountCents, paidCents, dueDate }) as CallLineWithPaid

  it('splits what is due from what is not, per kind, to the cent', () => {
    const f = etatDateFigures(
      [
        line('reserve', 60_000, 60_000, '2026-01-15'),
        line('reserve', 30_001, 10_000, '2026-06-15'),
        line('provision', 12_345, 0, '2026-11-30'),
        line('extraordinary', 120_000, 1, '2099-03-01'),
      ],
      [],
      '2026-11-30',
    )
    expect(f.byKind).toEqual({
      provision: { calledCents: 12_345, paidCents: 0 },
      reserve: { calledCents: 90_001, paidCents: 70_000 },
      extraordinary: { calledCents: 120_000, paidCents: 1 },
    })
    // Due on the day itself counts as due.
    expect(f.arrearsCents).toBe(20_001 + 12_345)
    expect(f.notYetDueCents).toBe(119_999)
    expect(f.calledCents - f.paidCents).toBe(f.arrearsCents + f.notYetDueCents)
  })
})
