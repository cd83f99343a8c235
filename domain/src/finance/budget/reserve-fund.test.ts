import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { checkReserveContribution, minimumReserveContribution } from './reserve-fund.ts'

describe('reserve-fund minimum (art. 3.86 §3: 5 % of last year’s ordinary charges)', () => {
  it('refuses €1,000.00 when last year’s charges were €40,000.10, with the arithmetic', () => {
    const r = checkReserveContribution({
      contributionCents: 100_000,
      previousYearOrdinaryChargesCents: 4_000_010,
      waiver: null,
    })
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(r.error).toMatchObject({ kind: 'conflict', code: 'reserve_contribution_too_low' })
    // 5 % × 40 000.10 = 2 000.005 → rounded up to the cent: 2 000.01.
    expect(r.error.message).toContain('5 % × €40000.10 = €2000.01')
  })

  it('accepts exactly the minimum, and anything with a recorded four-fifths waiver', () => {
    expect(
      checkReserveContribution({
        contributionCents: 200_001,
        previousYearOrdinaryChargesCents: 4_000_010,
        waiver: null,
      }),
    ).toMatchObject({
      ok: true,
      value: { minimumCents: 200_001, waived: false },
    })
    const waiver = {
      resolutionId: null,
      resolutionReference: 'AG 2026-03-10, point 5',
      decidedOn: '2026-03-10',
    }
    expect(
      checkReserveContribution({ contributionCents: 0, previousYearOrdinaryChargesCents: 4_000_010, waiver }),
    ).toMatchObject({
      ok: true,
      value: { waived: true },
    })
  })

  it('the minimum is the smallest whole cent ≥ 5 % of the charges', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000_000 }), (charges) => {
        const m = minimumReserveContribution(charges)
        expect(m * 100).toBeGreaterThanOrEqual(charges * 5)
        expect((m - 1) * 100).toBeLessThan(charges * 5)
      }),
    )
  })
})
