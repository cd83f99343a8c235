import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { daysBetween, type SaleSplit, type SaleSplitInput, splitSaleCharge } from './sale-pro-rata.ts'

function split(input: SaleSplitInput): SaleSplit {
  const r = splitSaleCharge(input)
  if (!r.ok) throw new Error(r.error.message)
  return r.value
}

describe('splitSaleCharge — worked examples', () => {
  it('a January yearly insurance (€1,200.00) with a deed on 1 April: the seller bears 90 of 365 days', () => {
    const s = split({
      amountCents: 120_000,
      periodStart: '2026-01-01',
      periodEnd: '2026-12-31',
      deedDate: '2026-04-01',
      rule: 'days',
    })
    // 120 000 × 90/365 = 29 589.04 → 29 589; 120 000 × 275/365 = 90 410.96 → 90 411.
    expect(s).toMatchObject({
      sellerDays: 90,
      buyerDays: 275,
      totalDays: 365,
      sellerCents: 29_589,
      buyerCents: 90_411,
    })
    expect(s.explanation).toContain('seller 90/365 = €295.89')
  })

  it('the deed date belongs to the buyer; a deed before or after the period gives all to one side', () => {
    const base = {
      amountCents: 10_000,
      periodStart: '2026-01-01',
      periodEnd: '2026-03-31',
      rule: 'days' as const,
    }
    expect(split({ ...base, deedDate: '2026-01-01' })).toMatchObject({ sellerCents: 0, buyerCents: 10_000 })
    expect(split({ ...base, deedDate: '2025-06-01' })).toMatchObject({ sellerCents: 0, buyerCents: 10_000 })
    expect(split({ ...base, deedDate: '2026-04-01' })).toMatchObject({ sellerCents: 10_000, buyerCents: 0 })
  })

  it('by invoice or due date: whoever holds the lot that day bears all', () => {
    const base = {
      amountCents: 50_000,
      periodStart: '2026-01-01',
      periodEnd: '2026-12-31',
      deedDate: '2026-04-01',
    }
    expect(split({ ...base, rule: 'invoice_date', invoiceDate: '2026-01-15' })).toMatchObject({
      sellerCents: 50_000,
      buyerCents: 0,
    })
    expect(split({ ...base, rule: 'due_date', dueDate: '2026-04-01' })).toMatchObject({
      sellerCents: 0,
      buyerCents: 50_000,
    })
    expect(splitSaleCharge({ ...base, rule: 'due_date' })).toMatchObject({
      ok: false,
      error: { kind: 'validation' },
    })
  })

  it('a period ending before it starts is refused', () => {
    expect(
      splitSaleCharge({
        amountCents: 1,
        periodStart: '2026-02-01',
        periodEnd: '2026-01-31',
        deedDate: '2026-01-15',
        rule: 'days',
      }).ok,
    ).toBe(false)
  })
})

const day = fc
  .integer({ min: 0, max: 3 * 366 })
  .map((n) => new Date(Date.UTC(2025, 0, 1) + n * 86_400_000).toISOString().slice(0, 10))

describe('splitSaleCharge — properties', () => {
  it('parts sum to the whole in exact cents, each within one cent of its exact share', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1_000_000_000 }),
        day,
        fc.integer({ min: 0, max: 400 }),
        day,
        (amountCents, periodStart, length, deedDate) => {
          const periodEnd = new Date(Date.parse(`${periodStart}T00:00:00Z`) + length * 86_400_000)
            .toISOString()
            .slice(0, 10)
          const s = split({ amountCents, periodStart, periodEnd, deedDate, rule: 'days' })
          expect(Number.isInteger(s.sellerCents) && Number.isInteger(s.buyerCents)).toBe(true)
          expect(s.sellerCents + s.buyerCents).toBe(amountCents)
          expect(s.sellerDays + s.buyerDays).toBe(s.totalDays)
          expect(s.totalDays).toBe(daysBetween(periodStart, periodEnd) + 1)
          const exactSeller = (amountCents * s.sellerDays) / s.totalDays
          expect(Math.abs(s.sellerCents - exactSeller)).toBeLessThan(1)
        },
      ),
      { numRuns: 500 },
    )
  })
})
