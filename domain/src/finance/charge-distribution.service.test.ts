import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { ChargeBasis, ChargeBasisUnit } from '../property/index.ts'
import { type ChargeDistribution, distributeCharge, SHARE_PPM_WHOLE } from './charge-distribution.service.ts'
import { apportionLargestRemainder } from './largest-remainder.ts'

function distribute(amount: number, basis: ChargeBasis): ChargeDistribution {
  const result = distributeCharge(amount, basis)
  if (!result.ok) throw new Error(result.error.message)
  return result.value
}

const unit = (unitId: string, unitNumber: string, quota: number, owners: [string, number][] = []) =>
  ({
    unitId,
    unitNumber,
    quota,
    owners: owners.map(([ownerId, sharePpm]) => ({ ownerId, sharePpm })),
  }) satisfies ChargeBasisUnit

describe('distributeCharge — worked examples', () => {
  it('1000.00 € over quotas 333/333/334 of 1000', () => {
    const d = distribute(100_000, {
      totalTantiemes: 1000,
      units: [unit('u1', 'A1', 333), unit('u2', 'A2', 333), unit('u3', 'A3', 334)],
    })
    expect(d.units.map((u) => u.amountCents)).toEqual([33_300, 33_300, 33_400])
    expect(d.unallocatedCents).toBe(0)
  })

  it('100.00 € over one unit held by 3 equal owners: the odd cent goes to the first owner id', () => {
    const third = 333_333
    const d = distribute(10_000, {
      totalTantiemes: 1000,
      units: [
        unit('u1', '1', 1000, [
          ['owner-c', third],
          ['owner-a', third],
          ['owner-b', third],
        ]),
      ],
    })
    const [u] = d.units
    expect(u?.amountCents).toBe(10_000)
    // Exact parts are 3333.33 each and 0.01 unassigned (the 1 ppm missing from 3 × 333 333).
    expect(u?.owners).toEqual([
      { ownerId: 'owner-a', sharePpm: third, amountCents: 3334 },
      { ownerId: 'owner-b', sharePpm: third, amountCents: 3333 },
      { ownerId: 'owner-c', sharePpm: third, amountCents: 3333 },
    ])
    expect(u?.unassignedCents).toBe(0)
  })

  it('1.00 € over three equal units: the extra cent goes to the lowest unit number', () => {
    const d = distribute(100, {
      totalTantiemes: 3,
      units: [unit('z', '10', 1), unit('y', '2', 1), unit('x', '1', 1)],
    })
    // Plain string order: "1" < "10" < "2".
    expect(d.units.map((u) => [u.unitNumber, u.amountCents])).toEqual([
      ['1', 34],
      ['10', 33],
      ['2', 33],
    ])
  })

  it('uses the unit quota, not quota/1000 of the amount (the original defect)', () => {
    const d = distribute(120_000, {
      totalTantiemes: 10_000,
      units: [unit('u1', '1', 2500, [['o1', SHARE_PPM_WHOLE]]), unit('u2', '2', 7500, [['o2', 500_000]])],
    })
    expect(d.units[0]?.owners[0]?.amountCents).toBe(30_000)
    expect(d.units[1]?.amountCents).toBe(90_000)
    expect(d.units[1]?.owners[0]?.amountCents).toBe(45_000)
    expect(d.units[1]?.unassignedCents).toBe(45_000)
  })

  it('keeps the part of unregistered tantièmes apart as unallocated', () => {
    const d = distribute(1001, { totalTantiemes: 1000, units: [unit('u1', '1', 600)] })
    // Exact: 600.6 and 400.4 → 601 and 400.
    expect(d.units[0]?.amountCents).toBe(601)
    expect(d.unallocatedCents).toBe(400)
  })

  it('on a tie of remainders the unallocated pseudo-part comes last', () => {
    const d = distribute(1, { totalTantiemes: 2, units: [unit('u1', '1', 1)] })
    expect(d.units[0]?.amountCents).toBe(1)
    expect(d.unallocatedCents).toBe(0)
  })

  it('a unit without any active owner is entirely unassigned', () => {
    const d = distribute(999, { totalTantiemes: 1, units: [unit('u1', '1', 1)] })
    expect(d.units[0]).toMatchObject({ amountCents: 999, unassignedCents: 999, owners: [] })
  })

  it('handles amounts where amount × quota × share exceeds 2^53 exactly', () => {
    const d = distribute(99_999_999_999, {
      totalTantiemes: 99_999,
      units: [unit('u1', '1', 99_998, [['o1', 999_999]])],
    })
    // Exact (checked with BigInt): unit 99 998 999 988.9999…, unallocated 1 000 010.00009,
    // owner 99 998 899 989.99…, unassigned 99 998.99… — the two missing cents go up.
    expect(d.units[0]?.amountCents).toBe(99_998_999_989)
    expect(d.unallocatedCents).toBe(1_000_010)
    expect(d.units[0]?.owners[0]?.amountCents).toBe(99_998_899_990)
    expect(d.units[0]?.unassignedCents).toBe(99_999)
  })

  it('refuses an inconsistent basis with snake_case issue paths', () => {
    const r = distributeCharge(100, {
      totalTantiemes: 100,
      units: [
        unit('u1', '1', 60, [
          ['o1', 700_000],
          ['o1', 400_000],
        ]),
        unit('u1', '2', 50),
        unit('u3', '3', 0),
      ],
    })
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(r.error.kind).toBe('validation')
    if (r.error.kind !== 'validation') return
    expect(r.error.issues.map((i) => i.path)).toEqual([
      'units[0].owners[1].owner_id',
      'units[0].owners',
      'units[1].unit_id',
      'units[2].quota',
      'units',
    ])
    expect(distributeCharge(-1, { totalTantiemes: 1, units: [] }).ok).toBe(false)
    expect(distributeCharge(1.5, { totalTantiemes: 1, units: [] }).ok).toBe(false)
    expect(distributeCharge(1, { totalTantiemes: 0, units: [] }).ok).toBe(false)
  })

  it('an amount of zero gives zero everywhere', () => {
    const d = distribute(0, { totalTantiemes: 10, units: [unit('u1', '1', 3, [['o', 10]])] })
    expect(d.units[0]).toMatchObject({ amountCents: 0, unassignedCents: 0 })
    expect(d.unallocatedCents).toBe(0)
  })
})

describe('apportionLargestRemainder', () => {
  it('refuses an impossible total instead of producing a wrong split', () => {
    expect(() => apportionLargestRemainder(5n, [1n, 1n], 1n)).toThrow()
  })
})

// ---------------------------------------------------------------- property-based

/** Splits `total` into at most `n` positive integers (used for quotas and shares). */
const positiveParts = (max: number, maxCount: number) =>
  fc.array(fc.integer({ min: 1, max }), { minLength: 0, maxLength: maxCount }).map((xs) => {
    // Scale down greedily so the sum stays ≤ max while every part stays ≥ 1.
    const out: number[] = []
    let left = max
    for (const x of xs) {
      if (left <= 0) break
      const v = Math.min(x, left)
      out.push(v)
      left -= v
    }
    return out
  })

const arbBasis: fc.Arbitrary<ChargeBasis> = fc
  .integer({ min: 1, max: 100_000 })
  .chain((totalTantiemes) =>
    fc.record({
      totalTantiemes: fc.constant(totalTantiemes),
      quotas: positiveParts(totalTantiemes, 12),
    }),
  )
  .chain(({ totalTantiemes, quotas }) =>
    fc
      .tuple(
        ...quotas.map((quota) =>
          fc.record({
            quota: fc.constant(quota),
            // Short unit numbers collide often, which exercises the unit-id tie-breaker.
            unitNumber: fc.constantFrom('1', '2', '10', 'A', 'B1', 'b1'),
            shares: fc.oneof<fc.Arbitrary<readonly number[]>[]>(
              positiveParts(SHARE_PPM_WHOLE, 5),
              fc.constant([SHARE_PPM_WHOLE]),
              fc.constant([333_333, 333_333, 333_334]),
            ),
          }),
        ),
      )
      .map((units) => ({
        totalTantiemes,
        units: units.map((u, i) => ({
          unitId: `unit-${String(i).padStart(3, '0')}`,
          unitNumber: u.unitNumber,
          quota: u.quota,
          owners: u.shares.map((sharePpm, j) => ({ ownerId: `owner-${(j * 7919 + i) % 97}-${j}`, sharePpm })),
        })),
      })),
  )

const arbAmount = fc.oneof(
  fc.integer({ min: 1, max: 100_000_000_000 }),
  fc.integer({ min: 1, max: 1000 }),
  fc.constant(100_000_000_000),
)

/** |part − num/den| < 1 ⇔ |part·den − num| < den, in exact integers. */
function withinOneCent(part: number, num: bigint, den: bigint): boolean {
  const diff = BigInt(part) * den - num
  return (diff < 0n ? -diff : diff) < den
}

describe('distributeCharge — properties', () => {
  it('sums exactly, never negative, each part less than one cent from its exact value', () => {
    fc.assert(
      fc.property(arbAmount, arbBasis, (amount, basis) => {
        const d = distribute(amount, basis)
        const A = BigInt(amount)
        const T = BigInt(basis.totalTantiemes)
        const W = BigInt(SHARE_PPM_WHOLE)
        const quotaSum = basis.units.reduce((s, u) => s + u.quota, 0)

        expect(d.units.reduce((s, u) => s + u.amountCents, 0) + d.unallocatedCents).toBe(amount)
        expect(d.unallocatedCents).toBeGreaterThanOrEqual(0)
        expect(withinOneCent(d.unallocatedCents, A * BigInt(basis.totalTantiemes - quotaSum), T)).toBe(true)
        expect(d.units).toHaveLength(basis.units.length)

        for (const u of d.units) {
          const q = BigInt(u.quota)
          expect(u.amountCents).toBeGreaterThanOrEqual(0)
          expect(withinOneCent(u.amountCents, A * q, T)).toBe(true)
          expect(u.owners.reduce((s, o) => s + o.amountCents, 0) + u.unassignedCents).toBe(u.amountCents)
          expect(u.unassignedCents).toBeGreaterThanOrEqual(0)
          const shareSum = u.owners.reduce((s, o) => s + o.sharePpm, 0)
          expect(withinOneCent(u.unassignedCents, A * q * (W - BigInt(shareSum)), T * W)).toBe(true)
          for (const o of u.owners) {
            expect(o.amountCents).toBeGreaterThanOrEqual(0)
            expect(withinOneCent(o.amountCents, A * q * BigInt(o.sharePpm), T * W)).toBe(true)
          }
        }
      }),
      { numRuns: 1000 },
    )
  })

  it('is deterministic whatever the input order of units and owners', () => {
    fc.assert(
      fc.property(arbAmount, arbBasis, fc.integer(), (amount, basis, seed) => {
        const shuffled: ChargeBasis = {
          totalTantiemes: basis.totalTantiemes,
          units: shuffle(
            basis.units.map((u) => ({ ...u, owners: shuffle(u.owners, seed + 1) })),
            seed,
          ),
        }
        expect(distribute(amount, shuffled)).toEqual(distribute(amount, basis))
      }),
      { numRuns: 500 },
    )
  })

  it('returns units in the stable order (unit number, then unit id) and owners by id', () => {
    fc.assert(
      fc.property(arbAmount, arbBasis, (amount, basis) => {
        const d = distribute(amount, basis)
        const keys = d.units.map((u) => [u.unitNumber, u.unitId] as const)
        const sorted = [...keys].sort((a, b) =>
          a[0] === b[0] ? (a[1] < b[1] ? -1 : 1) : a[0] < b[0] ? -1 : 1,
        )
        expect(keys).toEqual(sorted)
        for (const u of d.units) {
          const ids = u.owners.map((o) => o.ownerId)
          expect(ids).toEqual([...ids].sort())
        }
      }),
      { numRuns: 500 },
    )
  })

  it('a unit wholly owned by one owner charges that owner the whole unit amount', () => {
    fc.assert(
      fc.property(arbAmount, fc.integer({ min: 1, max: 100_000 }), (amount, total) => {
        const d = distribute(amount, {
          totalTantiemes: total,
          units: [unit('u', '1', total, [['o', SHARE_PPM_WHOLE]])],
        })
        expect(d.units[0]?.owners[0]?.amountCents).toBe(amount)
        expect(d.units[0]?.unassignedCents).toBe(0)
        expect(d.unallocatedCents).toBe(0)
      }),
      { numRuns: 500 },
    )
  })
})

/** Deterministic Fisher–Yates driven by a small LCG, so failures replay from fast-check's seed. */
function shuffle<T>(items: readonly T[], seed: number): T[] {
  const out = [...items]
  let s = seed >>> 0
  for (let i = out.length - 1; i > 0; i--) {
    s = (Math.imul(s, 1_664_525) + 1_013_904_223) >>> 0
    const j = s % (i + 1)
    const a = out[i]
    const b = out[j]
    if (a === undefined || b === undefined) continue
    out[i] = b
    out[j] = a
  }
  return out
}
