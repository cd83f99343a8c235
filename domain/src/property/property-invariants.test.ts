import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { addUnitOwner } from './add-unit-owner.use-case.ts'
import { assignOwner } from './assign-owner.use-case.ts'
import { todayOf } from './calendar-date.value-object.ts'
import { createUnit } from './create-unit.use-case.ts'
import { endUnitOwner } from './end-unit-owner.use-case.ts'
import { holdsOnDate, RIGHT_TYPES } from './ownership-timeline.ts'
import { FULL_SHARE_PPM, sharePpmToDecimal } from './share.value-object.ts'
import { propertyWorld, seedBuilding, seedOwner, seedUnit, unitInput } from './testing/property-fixtures.ts'
import { transferUnit } from './transfer-unit.use-case.ts'
import { ownerIdOn, type UnitOwnership } from './unit-ownership.entity.ts'
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
                ? await createUnit({
                    ctx: syndic,
                    input: unitInput(building.id, { unitNumber: `U${n++}`, quota: o.quota }),
                  })
                : await updateUnit({
                    ctx: syndic,
                    input: { id: target?.id ?? '', changes: { quota: o.quota }, expectedVersion: undefined },
                  })
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
              ? await addUnitOwner({
                  ctx: syndic,
                  input: {
                    unitId: unit.id,
                    fields: {
                      ownerId,
                      ownershipShare: sharePpmToDecimal(o.ppm),
                      isPrimaryContact: o.primary,
                    },
                  },
                })
              : o.kind === 'end'
                ? await endUnitOwner({ ctx: syndic, input: { unitId: unit.id, ownerId } })
                : await assignOwner({ ctx: syndic, input: { unitId: unit.id, ownerId } })
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

describe('dated ownership of a unit stays consistent on every day (use cases, random dates and rights)', () => {
  // Days around the store's clock (2026-03-15): past, today and future deeds.
  const DAYS = [
    '2026-03-10',
    '2026-03-12',
    '2026-03-14',
    '2026-03-15',
    '2026-03-16',
    '2026-03-18',
    '2026-03-20',
  ]
  const day = fc.constantFrom(...DAYS)
  const share = fc.constantFrom(250_000, 333_333, 500_000, 600_000, FULL_SHARE_PPM)
  const right = fc.constantFrom(...RIGHT_TYPES)
  const op = fc.oneof(
    fc.record({
      kind: fc.constant('add' as const),
      owner: fc.nat({ max: 4 }),
      ppm: share,
      right,
      start: day,
    }),
    fc.record({ kind: fc.constant('end' as const), owner: fc.nat({ max: 4 }), end: day }),
    fc.record({ kind: fc.constant('assign' as const), owner: fc.nat({ max: 4 }) }),
    fc.record({
      kind: fc.constant('transfer' as const),
      deed: day,
      buyers: fc.uniqueArray(fc.record({ owner: fc.nat({ max: 4 }), ppm: share, right }), {
        minLength: 1,
        maxLength: 2,
        selector: (b) => b.owner,
      }),
    }),
  )
  /** Day-by-day oracle over a window wider than the generated dates. */
  const window = Array.from({ length: 20 }, (_, i) => `2026-03-${String(5 + i).padStart(2, '0')}`)
  const validEveryDay = (links: readonly UnitOwnership[]) =>
    window.every((d) => {
      const on = links.filter((l) => holdsOnDate(l, d))
      const sum = (r: string) => on.filter((l) => l.rightType === r).reduce((s, l) => s + l.sharePpm, 0)
      return (
        sum('full') + sum('usufruct') <= FULL_SHARE_PPM &&
        sum('full') + sum('bare') <= FULL_SHARE_PPM &&
        new Set(on.map((l) => l.ownerId)).size === on.length
      )
    })

  it('Σ per right ≤ 1 on every day, owner_id = the owner today, one audit per change, refusals side-effect free', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { maxLength: 20 }), async (ops) => {
        const { store, syndic } = propertyWorld()
        const building = await seedBuilding(syndic)
        const unit = await seedUnit(syndic, building.id)
        const owners: string[] = []
        for (let i = 0; i < 5; i++) owners.push((await seedOwner(syndic)).id)
        const today = todayOf({ now: () => store.now })
        for (const o of ops) {
          const before = store.snapshot()
          const r =
            o.kind === 'add'
              ? await addUnitOwner({
                  ctx: syndic,
                  input: {
                    unitId: unit.id,
                    fields: {
                      ownerId: owners[o.owner] ?? '',
                      ownershipShare: sharePpmToDecimal(o.ppm),
                      rightType: o.right,
                      startDate: o.start,
                    },
                  },
                })
              : o.kind === 'end'
                ? await endUnitOwner({
                    ctx: syndic,
                    input: { unitId: unit.id, ownerId: owners[o.owner] ?? '', options: { endDate: o.end } },
                  })
                : o.kind === 'assign'
                  ? await assignOwner({
                      ctx: syndic,
                      input: { unitId: unit.id, ownerId: owners[o.owner] ?? '' },
                    })
                  : await transferUnit({
                      ctx: syndic,
                      input: {
                        unitId: unit.id,
                        fields: {
                          deedDate: o.deed,
                          buyers: o.buyers.map((b) => ({
                            ownerId: owners[b.owner] ?? '',
                            ownershipShare: sharePpmToDecimal(b.ppm),
                            rightType: b.right,
                          })),
                        },
                        expectedVersion: undefined,
                      },
                    })
          if (!r.ok) expect(store.state).toEqual(before)
          const changed = r.ok && !sameRows(before.ownerships, store.state.ownerships)
          expect(store.state.audit.length - before.audit.length).toBe(changed ? 1 : 0)
          const links = [...store.state.ownerships.values()].filter((l) => l.unitId === unit.id)
          expect(validEveryDay(links)).toBe(true)
          expect(store.state.units.get(unit.id)?.ownerId).toBe(ownerIdOn(links, today))
          const open = links.filter((l) => l.endDate === null)
          expect(open.filter((l) => l.isPrimaryContact)).toHaveLength(open.length > 0 ? 1 : 0)
        }
      }),
      { numRuns: 150 },
    )
  })
})

function sameRows<T>(a: Map<string, T>, b: Map<string, T>): boolean {
  return a.size === b.size && [...a].every(([k, v]) => b.get(k) === v)
}
