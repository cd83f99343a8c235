import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { type CallLot, mergeCallLines, periodPart, splitCallAmount } from './call-split.ts'

const lot = (n: number, weight: number, owners: [string, number][]): CallLot => ({
  unitId: `u${n}`,
  unitNumber: String(n).padStart(3, '0'),
  weight,
  recipients: owners.map(([ownerId, sharePpm]) => ({ ownerId, sharePpm })),
})

const split = (total: number, lots: CallLot[]) => {
  const r = splitCallAmount(total, lots)
  if (!r.ok) throw new Error(r.error.message)
  return r.value
}

describe('splitCallAmount', () => {
  it('100.00 € over 333/333/334 and a lot held by two owners', () => {
    const lines = split(10_000, [
      lot(1, 333, [['a', 1_000_000]]),
      lot(2, 333, [
        ['b', 500_000],
        ['c', 500_000],
      ]),
      lot(3, 334, [['d', 1_000_000]]),
    ])
    expect(lines.map((l) => [l.unitNumber, l.ownerId, l.amountCents])).toEqual([
      ['001', 'a', 3_330],
      ['002', 'b', 1_665],
      ['002', 'c', 1_665],
      ['003', 'd', 3_340],
    ])
  })

  it('refuses a lot nobody receives calls for', () => {
    const r = splitCallAmount(100, [lot(1, 1, [])])
    expect(r.ok).toBe(false)
  })

  const lotsArb = fc
    .array(
      fc.record({
        weight: fc.integer({ min: 1, max: 10_000 }),
        owners: fc.array(fc.integer({ min: 1, max: 1_000_000 }), { minLength: 1, maxLength: 3 }),
      }),
      { minLength: 1, maxLength: 60 },
    )
    .map((rows) =>
      rows.map((r, i) =>
        lot(
          i,
          r.weight,
          r.owners.map((s, j) => [`o${i}-${j}`, s]),
        ),
      ),
    )

  it('property: the lines sum exactly to the amount, each lot to its exact part ± 1 cent', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000_000 }), lotsArb, (total, lots) => {
        const lines = split(total, lots)
        expect(lines.reduce((s, l) => s + l.amountCents, 0)).toBe(total)
        const weightSum = lots.reduce((s, l) => s + l.weight, 0)
        for (const l of lots) {
          const got = lines.filter((x) => x.unitId === l.unitId).reduce((s, x) => s + x.amountCents, 0)
          expect(Math.abs(got - (total * l.weight) / weightSum)).toBeLessThan(1)
        }
        expect(lines.every((l) => Number.isSafeInteger(l.amountCents) && l.amountCents >= 0)).toBe(true)
      }),
    )
  })

  it('property: the periods of a year sum to the annual amount, and merged components to their sum', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 100_000_000 }),
        fc.constantFrom(1, 4, 12),
        lotsArb,
        (annual, n, lots) => {
          const parts = Array.from({ length: n }, (_, i) => periodPart(annual, n, i))
          expect(parts.reduce((s, x) => s + x, 0)).toBe(annual)
          expect(Math.max(...parts) - Math.min(...parts)).toBeLessThanOrEqual(1)
          const merged = mergeCallLines(parts.map((p) => split(p, lots)))
          expect(merged.reduce((s, l) => s + l.amountCents, 0)).toBe(annual)
        },
      ),
    )
  })
})
