import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { ChargeBasis, ChargeBasisUnit } from '../../property/index.ts'
import { distributeCharge } from '../charge-distribution.service.ts'
import { type DistributionKey, keyBasis, validateDistributionKey } from './distribution-key.ts'

const unit = (unitId: string, unitNumber: string, quota: number): ChargeBasisUnit => ({
  unitId,
  unitNumber,
  quota,
  owners: [{ ownerId: `o-${unitId}`, sharePpm: 1_000_000 }],
})

type Key = Pick<DistributionKey, 'kind' | 'members' | 'name'>

function split(amount: number, key: Key, basis: ChargeBasis): Map<string, number> {
  const b = keyBasis(key, basis)
  if (!b.ok) throw new Error(b.error.message)
  const d = distributeCharge(amount, b.value)
  if (!d.ok) throw new Error(d.error.message)
  const parts = new Map(basis.units.map((u) => [u.unitId, 0]))
  for (const u of d.value.units) parts.set(u.unitId, u.amountCents)
  return parts
}

// A small building: two flats on the ground floor, two upstairs, two cellars (quote-parts of 1000).
const building: ChargeBasis = {
  totalTantiemes: 1000,
  units: [
    unit('flat-0a', '0A', 200),
    unit('flat-0b', '0B', 200),
    unit('flat-3a', '3A', 250),
    unit('flat-3b', '3B', 250),
    unit('cellar-1', 'C1', 50),
    unit('cellar-2', 'C2', 50),
  ],
}

describe('keyBasis — worked examples', () => {
  it('the general key is the register basis itself', () => {
    const parts = split(100_000, { kind: 'general', members: [], name: 'General' }, building)
    expect([...parts.values()]).toEqual([20_000, 20_000, 25_000, 25_000, 5_000, 5_000])
  })

  it('the lift key charges the upper floors by their own weights and nothing to cellars', () => {
    const lift: Key = {
      kind: 'custom',
      name: 'Lift',
      members: [
        { unitId: 'flat-3a', weight: 3 },
        { unitId: 'flat-3b', weight: 3 },
        { unitId: 'flat-0a', weight: 1 },
      ],
    }
    const parts = split(70_001, lift, building)
    expect(parts.get('cellar-1')).toBe(0)
    expect(parts.get('cellar-2')).toBe(0)
    expect(parts.get('flat-0b')).toBe(0)
    // 70 001 × 3/7 = 30 000.43 → floors 30 000, 30 000, 10 000.14 → 10 000; the missing cent goes to
    // the largest remainder (3A, tie with 3B broken by unit order).
    expect([parts.get('flat-3a'), parts.get('flat-3b'), parts.get('flat-0a')]).toEqual([
      30_001, 30_000, 10_000,
    ])
  })

  it('a subset key without weights uses the lots’ quote-parts over their own sum', () => {
    const stairA: Key = {
      kind: 'subset',
      name: 'Staircase A',
      members: [
        { unitId: 'flat-0a', weight: null },
        { unitId: 'flat-3a', weight: null },
      ],
    }
    const parts = split(45_000, stairA, building)
    expect(parts.get('flat-0a')).toBe(20_000) // 200 / 450
    expect(parts.get('flat-3a')).toBe(25_000) // 250 / 450
  })

  it('a key whose lots are all gone is a conflict, not a division by zero', () => {
    const r = keyBasis({ kind: 'subset', name: 'Old', members: [{ unitId: 'gone', weight: null }] }, building)
    expect(r).toMatchObject({ ok: false, error: { kind: 'conflict', code: 'empty_distribution_key' } })
  })

  it('validation: custom weights are required, general has no lots, duplicates refused', () => {
    expect(
      validateDistributionKey({ name: 'X', kind: 'custom', members: [{ unitId: 'a', weight: null }] }).ok,
    ).toBe(false)
    expect(
      validateDistributionKey({ name: 'X', kind: 'general', members: [{ unitId: 'a', weight: 1 }] }).ok,
    ).toBe(false)
    expect(
      validateDistributionKey({
        name: 'X',
        kind: 'subset',
        members: [
          { unitId: 'a', weight: 1 },
          { unitId: 'a', weight: 2 },
        ],
      }).ok,
    ).toBe(false)
    expect(
      validateDistributionKey({ name: ' Lift ', kind: 'subset', members: [{ unitId: 'b', weight: null }] }),
    ).toMatchObject({
      ok: true,
      value: { name: 'Lift', statutory: false, resolutionId: null },
    })
  })
})

// Random buildings and keys over them.
const scenario = fc
  .array(fc.integer({ min: 1, max: 5_000 }), { minLength: 1, maxLength: 25 })
  .chain((quotas) => {
    const units = quotas.map((q, i) => unit(`u${String(i).padStart(2, '0')}`, `N${(i * 7) % 25}`, q))
    const total = quotas.reduce((a, b) => a + b, 0)
    return fc.record({
      basis: fc.constant<ChargeBasis>({ totalTantiemes: total + 37, units }),
      amount: fc.integer({ min: 0, max: 50_000_000 }),
      kind: fc.constantFrom('subset' as const, 'custom' as const),
      picks: fc.uniqueArray(fc.nat({ max: units.length - 1 }), { minLength: 1, maxLength: units.length }),
      weights: fc.array(fc.option(fc.integer({ min: 1, max: 10_000 }), { nil: null }), {
        minLength: units.length,
        maxLength: units.length,
      }),
      seed: fc.integer(),
    })
  })

describe('keyBasis + distributeCharge — properties', () => {
  it('shares sum exactly to the amount; a lot outside the key gets 0; reordering lots changes nothing', () => {
    fc.assert(
      fc.property(scenario, ({ basis, amount, kind, picks, weights, seed }) => {
        const members = picks.map((i) => ({
          unitId: basis.units[i]?.unitId ?? '',
          weight: kind === 'custom' ? (weights[i] ?? 1) : (weights[i] ?? null),
        }))
        const key: Key = { kind, name: 'K', members }
        const parts = split(amount, key, basis)
        const sum = [...parts.values()].reduce((a, b) => a + b, 0)
        expect(sum).toBe(amount)
        const inKey = new Set(members.map((m) => m.unitId))
        for (const [unitId, cents] of parts) if (!inKey.has(unitId)) expect(cents).toBe(0)
        // Shuffle both the register's units and the key's members.
        const shuffle = <T>(xs: readonly T[]) =>
          [...xs]
            .map((x, i) => ({ x, k: (i * 2654435761 + seed) % 1000003 }))
            .sort((a, b) => a.k - b.k)
            .map((p) => p.x)
        const reordered = split(
          amount,
          { ...key, members: shuffle(members) },
          { ...basis, units: shuffle(basis.units) },
        )
        expect([...reordered.entries()].sort()).toEqual([...parts.entries()].sort())
      }),
      { numRuns: 300 },
    )
  })

  it('the general key sums to the amount with the unallocated part', () => {
    fc.assert(
      fc.property(scenario, ({ basis, amount }) => {
        const b = keyBasis({ kind: 'general', members: [], name: 'G' }, basis)
        if (!b.ok) throw new Error('general key refused')
        const d = distributeCharge(amount, b.value)
        if (!d.ok) throw new Error(d.error.message)
        const sum = d.value.units.reduce((s, u) => s + u.amountCents, 0) + d.value.unallocatedCents
        expect(sum).toBe(amount)
      }),
      { numRuns: 200 },
    )
  })
})
