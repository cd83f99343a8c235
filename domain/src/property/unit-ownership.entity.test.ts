import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { FULL_SHARE_PPM } from './share.value-object.ts'
import {
  type OwnershipChanges,
  ownerIdOn,
  planAddOwnership,
  planAssignSoleOwner,
  planEndOwnership,
  successorPrimary,
  type UnitOwnership,
} from './unit-ownership.entity.ts'

const NOW = new Date('2026-03-15T10:00:00Z')
const TODAY = '2026-03-15'

function link(
  ownerId: string,
  sharePpm: number,
  isPrimaryContact = false,
  startDate = '2026-01-01',
): UnitOwnership {
  return {
    id: `l-${ownerId}-${startDate}`,
    organizationId: 'org',
    unitId: 'u',
    ownerId,
    sharePpm,
    rightType: 'full',
    isPrimaryContact,
    startDate,
    endDate: null,
    version: 1,
    createdAt: NOW,
    updatedAt: NOW,
  }
}

describe('ownerIdOn', () => {
  // Found by property-invariants.test.ts (fast-check seed 104536743): a co-owner leaving at a
  // future date keeps the primary flag on its closed link while the remaining open link gets one.
  it('two flagged holders: the open link (the current designation) wins, whatever the order', () => {
    const leaving = { ...link('o4', 250_000, true, '2026-03-10'), endDate: '2026-03-16' }
    const staying = link('o0', 250_000, true, '2026-03-10')
    expect(ownerIdOn([leaving, staying], TODAY)).toBe('o0')
    expect(ownerIdOn([staying, leaving], TODAY)).toBe('o0')
    // Once the leaver's link has ended, nothing changes for the stayer.
    expect(ownerIdOn([leaving, staying], '2026-03-16')).toBe('o0')
  })

  it('is independent of the order of the links', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(
          fc.record({
            owner: fc.constantFrom('a', 'b', 'c', 'd'),
            ppm: fc.integer({ min: 1, max: FULL_SHARE_PPM }),
            primary: fc.boolean(),
            ended: fc.boolean(),
          }),
          { selector: (r) => r.owner, maxLength: 4 },
        ),
        (rows) => {
          const links = rows.map((r) => ({
            ...link(r.owner, r.ppm, r.primary),
            endDate: r.ended ? '2026-04-01' : null,
          }))
          expect(ownerIdOn([...links].reverse(), TODAY)).toBe(ownerIdOn(links, TODAY))
        },
      ),
    )
  })
})

describe('planAddOwnership', () => {
  it('makes the first link primary even when not asked', () => {
    const r = planAddOwnership([], link('a', 500_000), TODAY, NOW)
    expect(r).toMatchObject({
      ok: true,
      value: { inserted: [{ isPrimaryContact: true }], updated: [], primaryOwnerId: 'a' },
    })
  })

  it('keeps the current primary when the new link is not primary', () => {
    const r = planAddOwnership([link('a', 500_000, true)], link('b', 500_000), TODAY, NOW)
    expect(r).toMatchObject({
      ok: true,
      value: { inserted: [{ isPrimaryContact: false }], updated: [], primaryOwnerId: 'a' },
    })
  })

  it('demotes the previous primary, bumping its version', () => {
    const r = planAddOwnership([link('a', 500_000, true)], link('b', 500_000, true), TODAY, NOW)
    expect(r).toMatchObject({
      ok: true,
      value: { updated: [{ ownerId: 'a', isPrimaryContact: false, version: 2 }], primaryOwnerId: 'b' },
    })
  })

  it('refuses going over a whole unit, and a second active link of the same owner', () => {
    expect(planAddOwnership([link('a', 600_000, true)], link('b', 400_001), TODAY, NOW)).toMatchObject({
      ok: false,
      error: { kind: 'conflict', code: 'ownership_share_exceeded' },
    })
    expect(planAddOwnership([link('a', 600_000, true)], link('b', 400_000), TODAY, NOW).ok).toBe(true)
    expect(
      planAddOwnership([link('a', 100_000, true)], { ...link('a', 100_000), id: 'l-new' }, TODAY, NOW),
    ).toMatchObject({
      ok: false,
      error: { kind: 'conflict', code: 'owner_already_linked' },
    })
  })
})

describe('planEndOwnership', () => {
  it('promotes the largest remaining share, ties broken by owner id', () => {
    const active = [link('a', 400_000, true), link('c', 300_000), link('b', 300_000)]
    const r = planEndOwnership(active, 'a', '2026-03-01', TODAY, NOW)
    expect(r).toMatchObject({
      ok: true,
      value: {
        updated: [
          { ownerId: 'a', endDate: '2026-03-01', version: 2 },
          { ownerId: 'b', isPrimaryContact: true, version: 2 },
        ],
        primaryOwnerId: 'b',
      },
    })
    expect(successorPrimary([link('z', 1), link('y', 2)])?.ownerId).toBe('y')
  })

  it('leaves the primary alone when another owner leaves, and leaves no primary when the last one goes', () => {
    const r = planEndOwnership([link('a', 500_000, true), link('b', 500_000)], 'b', '2026-03-01', TODAY, NOW)
    expect(r).toMatchObject({ ok: true, value: { primaryOwnerId: 'a' } })
    if (r.ok) expect(r.value.updated).toHaveLength(1)
    expect(planEndOwnership([link('a', 1_000_000, true)], 'a', '2026-03-01', TODAY, NOW)).toMatchObject({
      ok: true,
      value: { primaryOwnerId: null },
    })
  })

  it('refuses an end before the start and an owner without an active link', () => {
    expect(planEndOwnership([link('a', 1, true, '2026-02-01')], 'a', '2026-01-31', TODAY, NOW)).toMatchObject(
      {
        ok: false,
        error: { kind: 'validation', issues: [{ path: 'end_date' }] },
      },
    )
    expect(planEndOwnership([link('a', 1, true, '2026-02-01')], 'a', '2026-02-01', TODAY, NOW).ok).toBe(true)
    expect(planEndOwnership([link('a', 1, true)], 'x', '2026-03-01', TODAY, NOW)).toMatchObject({
      ok: false,
      error: { kind: 'not_found' },
    })
  })
})

describe('planAssignSoleOwner', () => {
  it('ends every active link and adds the owner with the whole unit as primary', () => {
    const active = [link('a', 500_000, true), link('b', 500_000)]
    const planned = planAssignSoleOwner(active, link('c', 1), '2026-03-15', NOW)
    if (!planned.ok) throw new Error('planned')
    const changes = planned.value
    expect(changes.inserted).toMatchObject([
      { ownerId: 'c', sharePpm: FULL_SHARE_PPM, isPrimaryContact: true },
    ])
    expect(changes.updated.map((l) => l.endDate)).toEqual(['2026-03-15', '2026-03-15'])
    expect(changes.primaryOwnerId).toBe('c')
  })

  it('is a no-op for the current sole owner and never ends a link before it starts', () => {
    expect(planAssignSoleOwner([link('a', FULL_SHARE_PPM, true)], link('a', 1), '2026-03-15', NOW)).toEqual({
      ok: true,
      value: { inserted: [], updated: [], primaryOwnerId: 'a' },
    })
    const future = planAssignSoleOwner([link('a', 1, true, '2026-06-01')], link('b', 1), '2026-03-15', NOW)
    expect(future.ok && future.value.updated[0]?.endDate).toBe('2026-06-01')
  })
})

describe('ownership plans keep the invariants', () => {
  type Op =
    | { kind: 'add'; owner: number; ppm: number; primary: boolean }
    | { kind: 'end'; owner: number }
    | { kind: 'assign'; owner: number }
  const op: fc.Arbitrary<Op> = fc.oneof(
    fc.record({
      kind: fc.constant('add' as const),
      owner: fc.integer({ min: 0, max: 4 }),
      ppm: fc.oneof(fc.integer({ min: 1, max: FULL_SHARE_PPM }), fc.constantFrom(250_000, 333_333, 500_000)),
      primary: fc.boolean(),
    }),
    fc.record({ kind: fc.constant('end' as const), owner: fc.integer({ min: 0, max: 4 }) }),
    fc.record({ kind: fc.constant('assign' as const), owner: fc.integer({ min: 0, max: 4 }) }),
  )

  function apply(active: UnitOwnership[], changes: OwnershipChanges): UnitOwnership[] {
    const byId = new Map(active.map((l) => [l.id, l]))
    for (const u of changes.updated) byId.set(u.id, u)
    for (const l of changes.inserted) byId.set(l.id, l)
    return [...byId.values()].filter((l) => l.endDate === null)
  }

  it('Σ active shares ≤ 1 and exactly one primary whenever a link is active', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 40 }), (ops) => {
        let active: UnitOwnership[] = []
        ops.forEach((o, i) => {
          const fresh = {
            ...link(`o${o.owner}`, o.kind === 'add' ? o.ppm : 1, o.kind === 'add' && o.primary),
            id: `l${i}`,
          }
          const changes =
            o.kind === 'add'
              ? planAddOwnership(active, fresh, TODAY, NOW)
              : o.kind === 'end'
                ? planEndOwnership(active, `o${o.owner}`, '2026-03-15', TODAY, NOW)
                : planAssignSoleOwner(active, fresh, '2026-03-15', NOW)
          if (!changes.ok) return
          active = apply(active, changes.value)
          const primaries = active.filter((l) => l.isPrimaryContact)
          expect(active.reduce((s, l) => s + l.sharePpm, 0)).toBeLessThanOrEqual(FULL_SHARE_PPM)
          expect(primaries).toHaveLength(active.length > 0 ? 1 : 0)
          expect(changes.value.primaryOwnerId).toBe(primaries[0]?.ownerId ?? null)
          expect(new Set(active.map((l) => l.ownerId)).size).toBe(active.length)
        })
      }),
    )
  })
})
