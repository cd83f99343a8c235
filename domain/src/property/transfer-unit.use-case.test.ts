import { describe, expect, it } from 'vitest'
import { addUnitOwner } from './add-unit-owner.use-case.ts'
import { endUnitOwner } from './end-unit-owner.use-case.ts'
import { getUnit } from './get-unit.use-case.ts'
import { listUnitOwners } from './list-unit-owners.use-case.ts'
import { setUnitRepresentation } from './set-unit-representation.use-case.ts'
import { propertyWorld, seedBuilding, seedOwner, seedUnit, unwrap } from './testing/property-fixtures.ts'
import { transferUnit } from './transfer-unit.use-case.ts'

async function unitWithOwners(count: number) {
  const world = propertyWorld()
  const b = await seedBuilding(world.syndic)
  const unit = await seedUnit(world.syndic, b.id)
  const owners: string[] = []
  for (let i = 0; i < count; i++) owners.push((await seedOwner(world.syndic)).id)
  return { ...world, unit, owners }
}

describe('transferUnit', () => {
  it('locks the unit, ends and starts the links in one go, bumps the unit version and audits once', async () => {
    const { store, syndic, unit, owners } = await unitWithOwners(3)
    const [a, b, c] = owners as [string, string, string]
    unwrap(
      await addUnitOwner({
        ctx: syndic,
        input: { unitId: unit.id, fields: { ownerId: a, ownershipShare: 1, startDate: '2020-01-01' } },
      }),
    )
    const version = store.state.units.get(unit.id)?.version as number
    store.locks = []
    const auditBefore = store.state.audit.length
    const done = unwrap(
      await transferUnit({
        ctx: syndic,
        input: {
          unitId: unit.id,
          fields: {
            deedDate: '2025-06-30',
            buyers: [
              { ownerId: b, ownershipShare: '0.5' },
              { ownerId: c, ownershipShare: '0.5', isPrimaryContact: true },
            ],
          },
          expectedVersion: version,
        },
      }),
    )
    expect(store.locks).toEqual([`unit:${unit.id}`])
    expect(done.unit).toMatchObject({ ownerId: c, version: version + 1 })
    expect(done.ended).toMatchObject([{ ownerId: a, endDate: '2025-06-30' }])
    expect(done.started.map((l) => [l.ownerId, l.startDate, l.rightType])).toEqual([
      [b, '2025-06-30', 'full'],
      [c, '2025-06-30', 'full'],
    ])
    expect(store.state.audit.length).toBe(auditBefore + 1)
    expect(store.state.audit.at(-1)).toMatchObject({
      action: 'unit.transfer',
      entity: 'unit',
      entityId: unit.id,
    })
    // The version moved: the same If-Match again is a version conflict.
    const stale = await transferUnit({
      ctx: syndic,
      input: {
        unitId: unit.id,
        fields: { deedDate: '2026-01-01', buyers: [{ ownerId: a, ownershipShare: 1 }] },
        expectedVersion: version,
      },
    })
    expect(stale).toMatchObject({ ok: false, error: { kind: 'version_conflict' } })
  })

  it('a refused transfer leaves every row as it was (rollback), and validates its input', async () => {
    const { store, syndic, unit, owners } = await unitWithOwners(3)
    const [a, b, c] = owners as [string, string, string]
    unwrap(
      await addUnitOwner({
        ctx: syndic,
        input: { unitId: unit.id, fields: { ownerId: a, ownershipShare: 1, startDate: '2020-01-01' } },
      }),
    )
    unwrap(
      await endUnitOwner({
        ctx: syndic,
        input: { unitId: unit.id, ownerId: a, options: { endDate: '2030-01-01' } },
      }),
    )
    const before = JSON.stringify([...store.state.ownerships.values()])
    // B buys at 2024 while A's link (already ending 2030) is a seller: fine; C at 2024 too: over 1.
    const over = await transferUnit({
      ctx: syndic,
      input: {
        unitId: unit.id,
        fields: {
          deedDate: '2024-01-01',
          buyers: [
            { ownerId: b, ownershipShare: 1 },
            { ownerId: c, ownershipShare: 0.1 },
          ],
        },
        expectedVersion: undefined,
      },
    })
    expect(over).toMatchObject({ ok: false, error: { code: 'ownership_share_exceeded' } })
    expect(JSON.stringify([...store.state.ownerships.values()])).toBe(before)
    const invalid = await transferUnit({
      ctx: syndic,
      input: {
        unitId: unit.id,
        fields: {
          deedDate: '2024-02-30',
          buyers: [],
        },
        expectedVersion: undefined,
      },
    })
    expect(invalid).toMatchObject({ ok: false, error: { kind: 'validation' } })
    const twice = await transferUnit({
      ctx: syndic,
      input: {
        unitId: unit.id,
        fields: {
          deedDate: '2024-01-01',
          buyers: [
            { ownerId: b, ownershipShare: 0.5 },
            { ownerId: b, ownershipShare: 0.5 },
          ],
        },
        expectedVersion: undefined,
      },
    })
    expect(twice).toMatchObject({
      ok: false,
      error: { kind: 'validation', issues: [{ path: 'buyers[1].owner_id' }] },
    })
  })

  it('the seller of a future deed stays the owner until then, on every view', async () => {
    const { syndic, unit, owners } = await unitWithOwners(2)
    const [a, b] = owners as [string, string]
    unwrap(
      await addUnitOwner({
        ctx: syndic,
        input: { unitId: unit.id, fields: { ownerId: a, ownershipShare: 1, startDate: '2020-01-01' } },
      }),
    )
    unwrap(
      await transferUnit({
        ctx: syndic,
        input: {
          unitId: unit.id,
          fields: { deedDate: '2027-02-15', buyers: [{ ownerId: b, ownershipShare: 1 }] },
          expectedVersion: undefined,
        },
      }),
    )
    // The store's clock is 2026-03-15.
    expect(unwrap(await getUnit({ ctx: syndic, input: { id: unit.id } })).ownerId).toBe(a)
    expect(
      unwrap(await getUnit({ ctx: syndic, input: { id: unit.id, options: { date: '2027-02-15' } } })).ownerId,
    ).toBe(b)
    expect(
      unwrap(await listUnitOwners({ ctx: syndic, input: { unitId: unit.id } })).map((l) => l.ownerId),
    ).toEqual([a])
    expect(
      unwrap(
        await listUnitOwners({ ctx: syndic, input: { unitId: unit.id, options: { date: '2027-02-14' } } }),
      ).map((l) => l.ownerId),
    ).toEqual([a])
    expect(
      unwrap(
        await listUnitOwners({ ctx: syndic, input: { unitId: unit.id, options: { date: '2027-02-15' } } }),
      ).map((l) => l.ownerId),
    ).toEqual([b])
  })
})

describe('setUnitRepresentation', () => {
  it('records a dated designation of holders only, audited, and replaces the same start date', async () => {
    const { store, syndic, unit, owners } = await unitWithOwners(3)
    const [u, n, stranger] = owners as [string, string, string]
    unwrap(
      await addUnitOwner({
        ctx: syndic,
        input: {
          unitId: unit.id,
          fields: {
            ownerId: u,
            ownershipShare: 1,
            rightType: 'usufruct',
            startDate: '2020-01-01',
          },
        },
      }),
    )
    unwrap(
      await addUnitOwner({
        ctx: syndic,
        input: {
          unitId: unit.id,
          fields: {
            ownerId: n,
            ownershipShare: 1,
            rightType: 'bare',
            startDate: '2020-01-01',
          },
        },
      }),
    )
    const first = unwrap(
      await setUnitRepresentation({
        ctx: syndic,
        input: {
          unitId: unit.id,
          fields: {
            startDate: '2024-01-01',
            voterOwnerId: n,
            callsOwnerId: null,
          },
        },
      }),
    )
    expect(store.state.audit.at(-1)).toMatchObject({ action: 'unit.representatives', entityId: unit.id })
    const replaced = unwrap(
      await setUnitRepresentation({
        ctx: syndic,
        input: {
          unitId: unit.id,
          fields: {
            startDate: '2024-01-01',
            voterOwnerId: u,
            callsOwnerId: n,
          },
        },
      }),
    )
    expect(replaced).toMatchObject({ id: first.id, version: 2, voterOwnerId: u, callsOwnerId: n })
    expect(
      await setUnitRepresentation({
        ctx: syndic,
        input: {
          unitId: unit.id,
          fields: {
            startDate: '2024-01-01',
            voterOwnerId: stranger,
            callsOwnerId: null,
          },
        },
      }),
    ).toMatchObject({ ok: false, error: { kind: 'validation', issues: [{ path: 'voter_owner_id' }] } })
    const roles = unwrap(
      await listUnitOwners({ ctx: syndic, input: { unitId: unit.id, options: { date: '2024-06-01' } } }),
    )
    expect(roles.map((l) => [l.ownerId, l.votes, l.receivesCalls]).sort()).toEqual(
      [
        [u, true, false],
        [n, false, true],
      ].sort(),
    )
  })
})
