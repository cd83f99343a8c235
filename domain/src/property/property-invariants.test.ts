import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { addUnitOwner } from './add-unit-owner.use-case.ts'
import { assignOwner } from './assign-owner.use-case.ts'
import { createUnit } from './create-unit.use-case.ts'
import { endUnitOwner } from './end-unit-owner.use-case.ts'
import { FULL_SHARE_PPM, sharePpmToDecimal } from './share.value-object.ts'
import { propertyWorld, seedBuilding, seedOwner, seedUnit, unitInput } from './testing/property-fixtures.ts'
import { updateUnit } from './update-unit.use-case.ts'

describe('Σ quotas never exceed total_tantiemes', () => {
  type Op = { kind: 'create'; quota: number } | { kind: 'update'; target: number; quota: number }
  const op: fc.Arbitrary<Op> = fc.oneof(
    fc.record({ kind: fc.constant('create' as const), quota: fc.integer({ min: 1, max: 400 }) }),
    fc.record({
      kind: fc.constant('update' as const),
      target: fc.nat({ max: 30 }),
      quota: fc.integer({ min: 1, max: 400 }),
    }),
  )

  it('accepts a change exactly when it fits; every refusal leaves the store untouched', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 2000 }),
        fc.array(op, { maxLength: 25 }),
        async (total, ops) => {
          const { store, syndic } = propertyWorld()
          const building = await seedBuilding(syndic, { totalTantiemes: total })
          const sum = () =>
            [...store.state.units.values()]
              .filter((u) => u.buildingId === building.id)
              .reduce((s, u) => s + u.quota, 0)
          let n = 0
          for (const o of ops) {
            const before = store.snapshot()
            const used = sum()
            const units = [...store.state.units.values()]
            const target = o.kind === 'update' ? units[o.target % Math.max(units.length, 1)] : undefined
            if (o.kind === 'update' && !target) continue
            const fits = used - (target?.quota ?? 0) + o.quota <= total
            const r =
              o.kind === 'create'
                ? await createUnit(syndic, unitInput(building.id, { unitNumber: `U${n++}`, quota: o.quota }))
                : await updateUnit(syndic, target?.id ?? '', { quota: o.quota }, undefined)
            expect(r.ok).toBe(fits)
            if (!r.ok) {
              expect(r.error).toMatchObject({ kind: 'conflict', code: 'quota_exceeds_total' })
              expect(store.state).toEqual(before)
            }
            expect(sum()).toBeLessThanOrEqual(total)
          }
        },
      ),
      { numRuns: 150 },
    )
  })
})

describe('ownership of a unit stays consistent', () => {
  type Op =
    | { kind: 'add'; owner: number; ppm: number; primary: boolean }
    | { kind: 'end'; owner: number }
    | { kind: 'assign'; owner: number }
  const op: fc.Arbitrary<Op> = fc.oneof(
    {
      weight: 3,
      arbitrary: fc.record({
        kind: fc.constant('add' as const),
        owner: fc.nat({ max: 4 }),
        ppm: fc.oneof(
          fc.integer({ min: 1, max: FULL_SHARE_PPM }),
          fc.constantFrom(200_000, 333_333, 500_000),
        ),
        primary: fc.boolean(),
      }),
    },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('end' as const), owner: fc.nat({ max: 4 }) }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('assign' as const), owner: fc.nat({ max: 4 }) }) },
  )

  it('keeps Σ active shares ≤ 1, one primary contact when owned, owner_id in sync, refusals side-effect free', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { maxLength: 30 }), async (ops) => {
        const { store, syndic } = propertyWorld()
        const building = await seedBuilding(syndic)
        const unit = await seedUnit(syndic, building.id)
        const owners = []
        for (let i = 0; i < 5; i++) owners.push((await seedOwner(syndic)).id)
        for (const o of ops) {
          const ownerId = owners[o.owner] ?? ''
          const before = store.snapshot()
          const r =
            o.kind === 'add'
              ? await addUnitOwner(syndic, unit.id, {
                  ownerId,
                  ownershipShare: sharePpmToDecimal(o.ppm),
                  isPrimaryContact: o.primary,
                })
              : o.kind === 'end'
                ? await endUnitOwner(syndic, unit.id, ownerId)
                : await assignOwner(syndic, unit.id, ownerId)
          if (!r.ok) expect(store.state).toEqual(before)
          const changed = r.ok && !sameRows(before.ownerships, store.state.ownerships)
          expect(store.state.audit.length - before.audit.length).toBe(changed ? 1 : 0)
          const active = [...store.state.ownerships.values()].filter(
            (l) => l.unitId === unit.id && l.endDate === null,
          )
          const primaries = active.filter((l) => l.isPrimaryContact)
          expect(active.reduce((s, l) => s + l.sharePpm, 0)).toBeLessThanOrEqual(FULL_SHARE_PPM)
          expect(primaries).toHaveLength(active.length > 0 ? 1 : 0)
          expect(new Set(active.map((l) => l.ownerId)).size).toBe(active.length)
          expect(store.state.units.get(unit.id)?.ownerId).toBe(primaries[0]?.ownerId ?? null)
          for (const l of store.state.ownerships.values()) {
            if (l.endDate !== null) expect(l.endDate >= l.startDate).toBe(true)
          }
        }
      }),
      { numRuns: 150 },
    )
  })
})

function sameRows<T>(a: Map<string, T>, b: Map<string, T>): boolean {
  return a.size === b.size && [...a].every(([k, v]) => b.get(k) === v)
}
