import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { CalendarDate } from '../property/calendar-date.value-object.ts'
import { distributeCharge, inconsistentBasis, SHARE_PPM_WHOLE } from './charge-distribution.service.ts'
import { apportionedPart, apportionedPartSafe, apportionLargestRemainder } from './largest-remainder.ts'
import { type BuildingBasisHistory, basisOn, ownerPartCalculator } from './owner-part.calculator.ts'

const d = (s: string) => s as CalendarDate
const DATES = ['2020-01-01', '2021-06-01', '2022-01-01', '2023-01-01'].map(d)

/** At most `maxCount` positive integers summing to at most `max`. */
const positiveParts = (max: number, maxCount: number) =>
  fc.array(fc.integer({ min: 1, max }), { minLength: 1, maxLength: maxCount }).map((xs) => {
    const out: number[] = []
    let left = max
    for (const x of xs) {
      if (left <= 0) break
      out.push(Math.min(x, left))
      left -= Math.min(x, left)
    }
    return out
  })

const arbHistory: fc.Arbitrary<BuildingBasisHistory> = fc
  .integer({ min: 1, max: 100_000 })
  .chain((total) => fc.record({ total: fc.constant(total), quotas: positiveParts(total, 8) }))
  .chain(({ total, quotas }) =>
    fc
      .tuple(
        ...quotas.map(() =>
          fc.record({
            number: fc.constantFrom('1', '2', '10', 'A', 'b1'),
            shares: fc.oneof(
              positiveParts(SHARE_PPM_WHOLE, 4),
              fc.constant<number[]>([333_333, 333_333, 333_334]),
            ),
            starts: fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 4, maxLength: 4 }),
            ends: fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 4, maxLength: 4 }),
          }),
        ),
      )
      .map((units) => ({
        buildingId: 'b',
        totalTantiemes: total,
        units: units.map((u, i) => ({
          unitId: `unit-${i}`,
          unitNumber: u.number,
          quota: quotas[i] ?? 1,
        })),
        // Links start and end on a few shared days, so some days have overlapping shares (> 100 %:
        // both sides must then refuse) and owner ids recur across units (an owner of two lots).
        links: units.flatMap((u, i) =>
          u.shares.map((sharePpm, j) => {
            const start = u.starts[j] ?? 0
            const end = Math.max(start + 1, u.ends[j] ?? 4)
            return {
              unitId: `unit-${i}`,
              ownerId: `owner-${(i + j) % 5}-${j}`,
              sharePpm,
              startDate: DATES[start] as CalendarDate,
              endDate: end >= DATES.length ? null : (DATES[end] as CalendarDate),
            }
          }),
        ),
      })),
  )

const arbAmount = fc.oneof(
  fc.integer({ min: 0, max: 1000 }),
  fc.integer({ min: 1, max: 100_000_000 }),
  fc.integer({ min: 1, max: 100_000_000_000 }),
)

describe('ownerPartCalculator', () => {
  it('gives every owner of every unit, on every day, exactly the part distributeCharge gives (or the same 409)', () => {
    fc.assert(
      fc.property(
        arbHistory,
        arbAmount,
        fc.constantFrom(...DATES, d('2019-12-31'), d('2024-05-05')),
        (h, amount, day) => {
          const partOf = ownerPartCalculator([h])
          const full = distributeCharge(amount, basisOn(h, day))
          for (const link of h.links) {
            const part = partOf({
              buildingId: 'b',
              unitId: link.unitId,
              ownerId: link.ownerId,
              expenseDate: day,
              amountCents: amount,
            })
            if (!full.ok) {
              expect(part).toEqual({ ok: false, error: inconsistentBasis(full.error) })
              continue
            }
            const expected = full.value.units
              .find((u) => u.unitId === link.unitId)
              ?.owners.find((o) => o.ownerId === link.ownerId)?.amountCents
            expect(part).toEqual({ ok: true, value: expected ?? null })
          }
        },
      ),
      { numRuns: 400 },
    )
  })

  it('an owner not active that day, or a unit of another building, has no part', () => {
    const h: BuildingBasisHistory = {
      buildingId: 'b',
      totalTantiemes: 100,
      units: [{ unitId: 'u1', unitNumber: '1', quota: 100 }],
      links: [
        { unitId: 'u1', ownerId: 'o1', sharePpm: SHARE_PPM_WHOLE, startDate: d('2021-01-01'), endDate: null },
      ],
    }
    const partOf = ownerPartCalculator([h])
    const q = { buildingId: 'b', unitId: 'u1', ownerId: 'o1', amountCents: 1000 }
    expect(partOf({ ...q, expenseDate: d('2020-12-31') })).toEqual({ ok: true, value: null })
    expect(partOf({ ...q, expenseDate: d('2021-01-01') })).toEqual({ ok: true, value: 1000 })
    expect(partOf({ ...q, buildingId: 'x', expenseDate: d('2021-01-01') }).ok).toBe(false)
  })
})

describe('apportionedPart', () => {
  it('is the same part as apportionLargestRemainder, for bigints and safe numbers', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 1_000_000 }), { minLength: 1, maxLength: 10 }),
        fc.integer({ min: 1, max: 10_000 }),
        (nums, den) => {
          const exact = nums.reduce((s, n) => s + n, 0)
          // A consistent total: the sum of the exact values, rounded (floor-sum ≤ total ≤ ceil-sum).
          const total = Math.floor(exact / den)
          const floorSum = nums.reduce((s, n) => s + Math.floor(n / den), 0)
          if (total < floorSum) return
          const all = apportionLargestRemainder(BigInt(total), nums.map(BigInt), BigInt(den))
          nums.forEach((_, i) => {
            expect(apportionedPart(BigInt(total), nums.map(BigInt), BigInt(den), i)).toBe(all[i])
            expect(apportionedPartSafe(total, nums, den, i)).toBe(Number(all[i]))
          })
        },
      ),
      { numRuns: 500 },
    )
  })
})
