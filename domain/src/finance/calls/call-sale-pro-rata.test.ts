import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { CalendarDate } from '../../property/index.ts'
import { callPeriodBounds, prorateCallLines, prorateCallLot } from './call-sale-pro-rata.ts'

const d = (s: string) => s as CalendarDate
const one = (ownerId: string) => [{ ownerId, sharePpm: 1_000_000 }]

describe('sale pro rata on a call for funds', () => {
  it('Q1 2026 (90 days), deed on 15 February: seller 45 days, buyer 45 days, €1,000.01 to the cent', () => {
    const parts = prorateCallLot(
      100_001,
      [
        { startDate: d('2020-01-01'), recipients: one('seller') },
        { startDate: d('2026-02-15'), recipients: one('buyer') },
      ],
      d('2026-01-01'),
      d('2026-03-31'),
    )
    // 45/90 each: 50,000.5 cents each, the odd cent to the earlier holder (the seller).
    expect(parts).toEqual([
      { ownerId: 'buyer', amountCents: 50_000 },
      { ownerId: 'seller', amountCents: 50_001 },
    ])
  })

  it('quarter bounds follow the fiscal year start', () => {
    expect(callPeriodBounds(d('2026-01-01'), 4, 0)).toEqual({ from: '2026-01-01', to: '2026-03-31' })
    expect(callPeriodBounds(d('2026-07-01'), 4, 3)).toEqual({ from: '2027-04-01', to: '2027-06-30' })
    expect(callPeriodBounds(d('2024-01-01'), 12, 1)).toEqual({ from: '2024-02-01', to: '2024-02-29' })
  })

  it('a lot without change keeps its lines; a sold lot gets one line per holder', () => {
    const lines = [
      { unitId: 'u1', unitNumber: '001', ownerId: 'a', amountCents: 600 },
      { unitId: 'u2', unitNumber: '002', ownerId: 'buyer', amountCents: 400 },
    ]
    const out = prorateCallLines(
      lines,
      (unitId) =>
        unitId === 'u2'
          ? [
              { startDate: d('2026-01-01'), recipients: one('seller') },
              { startDate: d('2026-03-01'), recipients: one('buyer') },
            ]
          : null,
      d('2026-01-01'),
      d('2026-03-31'),
    )
    // 59 days seller, 31 days buyer of 90: 262.2 / 137.7 → 262 / 138.
    expect(out).toEqual([
      lines[0],
      { unitId: 'u2', unitNumber: '002', ownerId: 'buyer', amountCents: 138 },
      { unitId: 'u2', unitNumber: '002', ownerId: 'seller', amountCents: 262 },
    ])
  })

  it("property: the seller's and buyer's lines sum exactly to the lot's share, each close to its days", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1_000_000_000 }),
        fc.integer({ min: 0, max: 364 }),
        fc.integer({ min: 1, max: 365 }),
        fc.array(fc.integer({ min: 1, max: 1_000_000 }), { minLength: 1, maxLength: 3 }),
        (cents, offset, length, buyerShares) => {
          const from = d('2026-01-01')
          const to = new Date(Date.UTC(2026, 0, length)).toISOString().slice(0, 10) as CalendarDate
          const deed = new Date(Date.UTC(2026, 0, 1 + (offset % length)))
            .toISOString()
            .slice(0, 10) as CalendarDate
          const parts = prorateCallLot(
            cents,
            [
              { startDate: d('2019-05-01'), recipients: one('seller') },
              {
                startDate: deed,
                recipients: buyerShares.map((s, i) => ({ ownerId: `buyer${i}`, sharePpm: s })),
              },
            ],
            from,
            to,
          )
          expect(parts).not.toBeNull()
          const sum = (parts ?? []).reduce((s, p) => s + p.amountCents, 0)
          expect(sum).toBe(cents)
          const sellerDays = offset % length
          const seller = parts?.find((p) => p.ownerId === 'seller')?.amountCents ?? 0
          expect(Math.abs(seller - (cents * sellerDays) / length)).toBeLessThan(1)
          expect((parts ?? []).every((p) => Number.isSafeInteger(p.amountCents) && p.amountCents > 0)).toBe(
            true,
          )
        },
      ),
    )
  })
})
