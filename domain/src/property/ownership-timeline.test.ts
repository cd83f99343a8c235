import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  checkOwnershipTimeline,
  type DatedLink,
  holdsOnDate,
  RIGHT_TYPES,
  type RightType,
} from './ownership-timeline.ts'
import { FULL_SHARE_PPM } from './share.value-object.ts'
import {
  type OwnershipChanges,
  ownerIdOn,
  planAddOwnership,
  planAssignSoleOwner,
  planEndOwnership,
  planTransfer,
  type UnitOwnership,
} from './unit-ownership.entity.ts'
import { rolesOn, type UnitRepresentation } from './unit-representation.entity.ts'

const NOW = new Date('2026-03-15T10:00:00Z')
let seq = 0

function link(
  ownerId: string,
  sharePpm: number,
  startDate: string,
  endDate: string | null = null,
  rightType: RightType = 'full',
  isPrimaryContact = false,
): UnitOwnership {
  seq += 1
  return {
    id: `l${seq}`,
    organizationId: 'org',
    unitId: 'u',
    ownerId,
    sharePpm,
    rightType,
    isPrimaryContact,
    startDate,
    endDate,
    version: 1,
    createdAt: NOW,
    updatedAt: NOW,
  }
}

/** The oracle: every day of a small calendar, summed by brute force. */
function validOnEveryDay(links: readonly DatedLink[], days: readonly string[]): boolean {
  return days.every((day) => {
    const on = links.filter((l) => holdsOnDate(l, day))
    const sum = (r: RightType) => on.filter((l) => l.rightType === r).reduce((s, l) => s + l.sharePpm, 0)
    const owners = on.map((l) => l.ownerId)
    return (
      sum('full') + sum('usufruct') <= FULL_SHARE_PPM &&
      sum('full') + sum('bare') <= FULL_SHARE_PPM &&
      new Set(owners).size === owners.length
    )
  })
}

const DAYS = Array.from({ length: 12 }, (_, i) => `2020-01-${String(i + 1).padStart(2, '0')}`)

describe('checkOwnershipTimeline: Σ shares on every date, not only today', () => {
  it('issue #20: A 100 % from 2020 ended in 2030, then B 100 % from 2020 → refused (200 % for ten years)', () => {
    const a = link('a', FULL_SHARE_PPM, '2020-01-01', '2030-01-01')
    const b = link('b', FULL_SHARE_PPM, '2020-01-01')
    expect(checkOwnershipTimeline([a, b])).toMatchObject({
      ok: false,
      error: { kind: 'conflict', code: 'ownership_share_exceeded' },
    })
    expect(checkOwnershipTimeline([a, { ...b, startDate: '2030-01-01' }]).ok).toBe(true)
  })

  it('a buyer starting before the seller’s end date is refused; on the end date (exclusive) it fits', () => {
    const seller = link('s', FULL_SHARE_PPM, '2020-01-01', '2026-06-30')
    expect(checkOwnershipTimeline([seller, link('b', FULL_SHARE_PPM, '2026-06-01')]).ok).toBe(false)
    expect(checkOwnershipTimeline([seller, link('b', FULL_SHARE_PPM, '2026-06-30')]).ok).toBe(true)
  })

  it('one owner never holds two overlapping links; zero-length links never took effect', () => {
    expect(
      checkOwnershipTimeline([
        link('a', 100_000, '2020-01-01', '2021-01-01'),
        link('a', 100_000, '2020-06-01'),
      ]),
    ).toMatchObject({ ok: false, error: { code: 'owner_already_linked' } })
    expect(
      checkOwnershipTimeline([
        link('a', FULL_SHARE_PPM, '2020-01-01'),
        link('b', FULL_SHARE_PPM, '2021-01-01', '2021-01-01'),
      ]).ok,
    ).toBe(true)
  })

  it('per right: usufruct 1 + bare 1 is a whole lot; full excludes the dismembered rights for its part', () => {
    const ok = (...l: UnitOwnership[]) => checkOwnershipTimeline(l).ok
    expect(
      ok(
        link('u', FULL_SHARE_PPM, '2020-01-01', null, 'usufruct'),
        link('n', FULL_SHARE_PPM, '2020-01-01', null, 'bare'),
      ),
    ).toBe(true)
    // Two heirs in bare ownership (indivision), one usufructuary.
    expect(
      ok(
        link('u', FULL_SHARE_PPM, '2020-01-01', null, 'usufruct'),
        link('n1', 500_000, '2020-01-01', null, 'bare'),
        link('n2', 500_000, '2020-01-01', null, 'bare'),
      ),
    ).toBe(true)
    // Half in full ownership, the other half dismembered.
    expect(
      ok(
        link('f', 500_000, '2020-01-01'),
        link('u', 500_000, '2020-01-01', null, 'usufruct'),
        link('n', 500_000, '2020-01-01', null, 'bare'),
      ),
    ).toBe(true)
    expect(ok(link('f', 500_000, '2020-01-01'), link('u', 500_001, '2020-01-01', null, 'usufruct'))).toBe(
      false,
    )
    expect(
      ok(
        link('u1', 600_000, '2020-01-01', null, 'usufruct'),
        link('u2', 400_001, '2020-01-01', null, 'usufruct'),
      ),
    ).toBe(false)
  })

  const datedLink = fc
    .record({
      owner: fc.integer({ min: 0, max: 4 }),
      ppm: fc.oneof(
        fc.integer({ min: 1, max: FULL_SHARE_PPM }),
        fc.constantFrom(250_000, 500_000, FULL_SHARE_PPM),
      ),
      right: fc.constantFrom(...RIGHT_TYPES),
      start: fc.integer({ min: 0, max: DAYS.length - 1 }),
      length: fc.option(fc.integer({ min: 0, max: DAYS.length }), { nil: null }),
    })
    .map(
      (r): DatedLink => ({
        ownerId: `o${r.owner}`,
        sharePpm: r.ppm,
        rightType: r.right,
        startDate: DAYS[r.start] as string,
        endDate: r.length === null ? null : (DAYS[Math.min(r.start + r.length, DAYS.length - 1)] as string),
      }),
    )

  it('agrees with a day-by-day oracle on random dated links (property)', () => {
    fc.assert(
      fc.property(fc.array(datedLink, { maxLength: 6 }), (links) => {
        expect(checkOwnershipTimeline(links).ok).toBe(validOnEveryDay(links, DAYS))
      }),
      { numRuns: 2000 },
    )
  })
})

describe('dated plans keep every date consistent (property)', () => {
  const day = fc.integer({ min: 0, max: DAYS.length - 1 }).map((i) => DAYS[i] as string)
  const share = fc.oneof(
    fc.integer({ min: 1, max: FULL_SHARE_PPM }),
    fc.constantFrom(250_000, 500_000, FULL_SHARE_PPM),
  )
  const op = fc.oneof(
    fc.record({
      kind: fc.constant('add' as const),
      owner: fc.integer({ min: 0, max: 4 }),
      ppm: share,
      right: fc.constantFrom(...RIGHT_TYPES),
      start: day,
      primary: fc.boolean(),
    }),
    fc.record({ kind: fc.constant('end' as const), owner: fc.integer({ min: 0, max: 4 }), end: day }),
    fc.record({ kind: fc.constant('assign' as const), owner: fc.integer({ min: 0, max: 4 }), today: day }),
    fc.record({
      kind: fc.constant('transfer' as const),
      deed: day,
      buyers: fc.array(
        fc.record({
          owner: fc.integer({ min: 0, max: 4 }),
          ppm: share,
          right: fc.constantFrom(...RIGHT_TYPES),
        }),
        {
          minLength: 1,
          maxLength: 2,
        },
      ),
    }),
  )

  function apply(all: UnitOwnership[], changes: OwnershipChanges): UnitOwnership[] {
    const byId = new Map(all.map((l) => [l.id, l]))
    for (const u of changes.updated) {
      expect(u.version).toBe((byId.get(u.id)?.version ?? 0) + 1)
      byId.set(u.id, u)
    }
    for (const l of changes.inserted) byId.set(l.id, l)
    return [...byId.values()]
  }

  it('after any accepted sequence: Σ per right ≤ 1 on every day, one primary among open links', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 25 }), (ops) => {
        let all: UnitOwnership[] = []
        const today = '2020-01-06'
        for (const o of ops) {
          const planned =
            o.kind === 'add'
              ? planAddOwnership(
                  all,
                  link(`o${o.owner}`, o.ppm, o.start, null, o.right, o.primary),
                  today,
                  NOW,
                )
              : o.kind === 'end'
                ? planEndOwnership(all, `o${o.owner}`, o.end, today, NOW)
                : o.kind === 'assign'
                  ? planAssignSoleOwner(all, link(`o${o.owner}`, 1, o.today), o.today, NOW)
                  : planTransfer(
                      all,
                      o.deed,
                      null,
                      o.buyers.map((b) => link(`o${b.owner}`, b.ppm, o.deed, null, b.right)),
                      today,
                      NOW,
                    )
          if (!planned.ok) continue
          all = apply(all, planned.value)
          expect(validOnEveryDay(all, DAYS)).toBe(true)
          const open = all.filter((l) => l.endDate === null)
          expect(open.filter((l) => l.isPrimaryContact)).toHaveLength(open.length > 0 ? 1 : 0)
          expect(all.every((l) => l.endDate === null || l.endDate >= l.startDate)).toBe(true)
          expect(planned.value.primaryOwnerId).toBe(ownerIdOn(all, o.kind === 'assign' ? o.today : today))
        }
      }),
      { numRuns: 500 },
    )
  })
})

describe('planTransfer', () => {
  it('ends the sellers on the deed date and starts the buyers; a future deed leaves the seller owner today', () => {
    const a = link('a', FULL_SHARE_PPM, '2020-01-01', null, 'full', true)
    const b = link('b', FULL_SHARE_PPM, '2099-01-01')
    const r = planTransfer([a], '2027-02-15', null, [b], '2026-03-15', NOW)
    if (!r.ok) throw new Error(r.error.message)
    expect(r.value.ended).toMatchObject([{ ownerId: 'a', endDate: '2027-02-15', version: 2 }])
    expect(r.value.inserted).toMatchObject([
      { ownerId: 'b', startDate: '2027-02-15', isPrimaryContact: true },
    ])
    expect(r.value.primaryOwnerId).toBe('a')
    const after = [...r.value.updated, ...r.value.inserted]
    expect(ownerIdOn(after, '2027-02-14')).toBe('a')
    expect(ownerIdOn(after, '2027-02-15')).toBe('b')
  })

  it('refuses a seller who does not hold the lot on the deed date, and buyers over the whole lot', () => {
    const a = link('a', 500_000, '2020-01-01')
    const c = link('c', 500_000, '2020-01-01')
    expect(
      planTransfer([a, c], '2026-01-01', ['x'], [link('b', 1, '2026-01-01')], '2026-03-15', NOW),
    ).toMatchObject({
      ok: false,
      error: { kind: 'validation', issues: [{ path: 'sellers[0]' }] },
    })
    expect(
      planTransfer([a, c], '2026-01-01', ['a'], [link('b', 500_001, '2026-01-01')], '2026-03-15', NOW),
    ).toMatchObject({ ok: false, error: { code: 'ownership_share_exceeded' } })
    // A co-owner buying the other half is seller and buyer: old link ends, new one starts at 1.
    const merged = planTransfer(
      [a, c],
      '2026-01-01',
      ['a', 'c'],
      [link('a', FULL_SHARE_PPM, '2026-01-01')],
      '2026-03-15',
      NOW,
    )
    expect(merged.ok).toBe(true)
  })
})

describe('rolesOn: who votes and who receives the calls for funds', () => {
  const rep = (startDate: string, voter: string | null, calls: string | null): UnitRepresentation => ({
    id: `r-${startDate}`,
    organizationId: 'org',
    unitId: 'u',
    startDate,
    voterOwnerId: voter,
    callsOwnerId: calls,
    version: 1,
    createdAt: NOW,
    updatedAt: NOW,
  })

  it('defaults: the usufructuary of a dismembered lot, otherwise every full owner', () => {
    const u = link('u', FULL_SHARE_PPM, '2020-01-01', null, 'usufruct')
    const n = link('n', FULL_SHARE_PPM, '2020-01-01', null, 'bare')
    const roles = rolesOn([u, n], [], '2024-01-01')
    expect(roles.get(u.id)).toEqual({ votes: true, receivesCalls: true })
    expect(roles.get(n.id)).toEqual({ votes: false, receivesCalls: false })
    const f1 = link('f1', 500_000, '2020-01-01')
    const f2 = link('f2', 500_000, '2020-01-01')
    expect([...rolesOn([f1, f2], [], '2024-01-01').values()]).toEqual([
      { votes: true, receivesCalls: true },
      { votes: true, receivesCalls: true },
    ])
    // Half in full ownership, half dismembered: the full owner and the usufructuary, not the bare owner.
    const f = link('f', 500_000, '2020-01-01')
    const u2 = link('u2', 500_000, '2020-01-01', null, 'usufruct')
    const n2 = link('n2', 500_000, '2020-01-01', null, 'bare')
    const mixed = rolesOn([f, u2, n2], [], '2024-01-01')
    expect([mixed.get(f.id)?.votes, mixed.get(u2.id)?.votes, mixed.get(n2.id)?.votes]).toEqual([
      true,
      true,
      false,
    ])
    // Bare ownership alone (usufruct not recorded yet): the bare owner is the only holder.
    expect(rolesOn([n], [], '2024-01-01').get(n.id)).toEqual({ votes: true, receivesCalls: true })
  })

  it('a dated designation overrides the default from its start date; a designee who left falls back', () => {
    const u = link('u', FULL_SHARE_PPM, '2020-01-01', '2025-01-01', 'usufruct')
    const n = link('n', FULL_SHARE_PPM, '2020-01-01', null, 'bare')
    const designations = [rep('2023-01-01', 'n', null)]
    expect(rolesOn([u, n], designations, '2022-12-31').get(n.id)).toEqual({
      votes: false,
      receivesCalls: false,
    })
    expect(rolesOn([u, n], designations, '2023-01-01').get(n.id)).toEqual({
      votes: true,
      receivesCalls: false,
    })
    expect(rolesOn([u, n], designations, '2023-01-01').get(u.id)).toEqual({
      votes: false,
      receivesCalls: true,
    })
    // Usufruct ended (e.g. death of the usufructuary): the bare owner is alone and holds both roles.
    expect(rolesOn([u, n], [rep('2023-01-01', 'u', 'u')], '2025-06-01').get(n.id)).toEqual({
      votes: true,
      receivesCalls: true,
    })
  })
})
