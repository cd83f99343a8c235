import { describe, expect, it } from 'vitest'
import { addUnitOwner } from './add-unit-owner.use-case.ts'
import { assignOwner } from './assign-owner.use-case.ts'
import { createUnit } from './create-unit.use-case.ts'
import { deleteUnit } from './delete-unit.use-case.ts'
import { endUnitOwner } from './end-unit-owner.use-case.ts'
import { getUnit } from './get-unit.use-case.ts'
import { linkOwnerUser } from './link-owner-user.use-case.ts'
import { listBuildingUnits, listUnits } from './list-units.use-case.ts'
import {
  firstPage,
  ORG_A,
  propertyWorld,
  seedBuilding,
  seedOwner,
  seedUnit,
  unitInput,
  unwrap,
} from './testing/property-fixtures.ts'
import { updateUnit } from './update-unit.use-case.ts'

describe('createUnit', () => {
  it('creates a unit without owner, leaving the quota check to the store (no lock), and audits it', async () => {
    const { store, syndic } = propertyWorld()
    const b = await seedBuilding(syndic)
    store.locks = []
    const u = unwrap(await createUnit({ ctx: syndic, input: unitInput(b.id, { unitNumber: ' B2 ' }) }))
    expect(u).toMatchObject({
      organizationId: ORG_A,
      buildingId: b.id,
      unitNumber: 'B2',
      ownerId: null,
      version: 1,
    })
    // The store checks the room with the insert (ADR 0047): no lock-then-sum round trips.
    expect(store.locks).toEqual([])
    expect(store.state.audit.at(-1)).toMatchObject({ action: 'unit.create', entity: 'unit', entityId: u.id })
  })

  it('fills the building up to exactly total_tantiemes and refuses one more tantième', async () => {
    const { store, syndic } = propertyWorld()
    const b = await seedBuilding(syndic, { totalTantiemes: 1000 })
    await seedUnit(syndic, b.id, { unitNumber: 'A', quota: 600 })
    await seedUnit(syndic, b.id, { unitNumber: 'B', quota: 399 })
    const before = store.snapshot()
    expect(
      await createUnit({ ctx: syndic, input: unitInput(b.id, { unitNumber: 'C', quota: 2 }) }),
    ).toMatchObject({
      ok: false,
      error: { kind: 'conflict', code: 'quota_exceeds_total' },
    })
    expect(store.state).toEqual(before)
    unwrap(await createUnit({ ctx: syndic, input: unitInput(b.id, { unitNumber: 'C', quota: 1 }) }))
  })

  it('refuses a duplicate unit number in the same building only', async () => {
    const { syndic } = propertyWorld()
    const b1 = await seedBuilding(syndic)
    const b2 = await seedBuilding(syndic)
    await seedUnit(syndic, b1.id, { unitNumber: 'A1' })
    expect(await createUnit({ ctx: syndic, input: unitInput(b1.id, { unitNumber: 'A1' }) })).toMatchObject({
      ok: false,
      error: { kind: 'conflict', code: 'unit_number_taken' },
    })
    unwrap(await createUnit({ ctx: syndic, input: unitInput(b2.id, { unitNumber: 'A1' }) }))
  })

  it('hides a missing or foreign building, forbids non-writers, lets a superadmin write in the building tenant', async () => {
    const { as, syndic, syndicB } = propertyWorld()
    const b = await seedBuilding(syndic)
    expect(await createUnit({ ctx: syndicB, input: unitInput(b.id) })).toMatchObject({
      ok: false,
      error: { kind: 'not_found', entity: 'Building' },
    })
    expect(await createUnit({ ctx: syndic, input: unitInput('missing') })).toMatchObject({
      ok: false,
      error: { kind: 'not_found' },
    })
    expect(await createUnit({ ctx: as('accountant'), input: unitInput(b.id) })).toMatchObject({
      ok: false,
      error: { kind: 'forbidden' },
    })
    expect(await createUnit({ ctx: as('owner'), input: unitInput(b.id) })).toMatchObject({
      ok: false,
      error: { kind: 'forbidden' },
    })
    expect(unwrap(await createUnit({ ctx: as('superadmin'), input: unitInput(b.id) })).organizationId).toBe(
      ORG_A,
    )
  })

  it('validates with wire paths before touching the store', async () => {
    const { syndic } = propertyWorld()
    expect(
      await createUnit({ ctx: syndic, input: unitInput('missing', { surfaceArea: 1.234, quota: -1 }) }),
    ).toMatchObject({
      ok: false,
      error: { kind: 'validation', issues: [{ path: 'surface_area' }, { path: 'quota' }] },
    })
  })
})

describe('updateUnit', () => {
  it('re-checks the quota sum without counting the unit itself', async () => {
    const { store, syndic } = propertyWorld()
    const b = await seedBuilding(syndic, { totalTantiemes: 1000 })
    const a = await seedUnit(syndic, b.id, { unitNumber: 'A', quota: 500 })
    await seedUnit(syndic, b.id, { unitNumber: 'B', quota: 400 })
    store.locks = []
    expect(
      unwrap(
        await updateUnit({ ctx: syndic, input: { id: a.id, changes: { quota: 600 }, expectedVersion: 1 } }),
      ),
    ).toMatchObject({
      quota: 600,
      version: 2,
    })
    expect(store.locks).toEqual([`building:${b.id}`])
    const before = store.snapshot()
    expect(
      await updateUnit({ ctx: syndic, input: { id: a.id, changes: { quota: 601 }, expectedVersion: 2 } }),
    ).toMatchObject({
      ok: false,
      error: { kind: 'conflict', code: 'quota_exceeds_total' },
    })
    expect(store.state).toEqual(before)
  })

  it('refuses a taken unit number, a stale version, another tenant and non-writers', async () => {
    const { as, syndic, syndicB } = propertyWorld()
    const b = await seedBuilding(syndic)
    const a = await seedUnit(syndic, b.id, { unitNumber: 'A' })
    await seedUnit(syndic, b.id, { unitNumber: 'B' })
    expect(
      await updateUnit({
        ctx: syndic,
        input: { id: a.id, changes: { unitNumber: 'B' }, expectedVersion: undefined },
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'unit_number_taken' },
    })
    expect(
      unwrap(
        await updateUnit({
          ctx: syndic,
          input: { id: a.id, changes: { unitNumber: 'A', floor: null }, expectedVersion: undefined },
        }),
      ).floor,
    ).toBeNull()
    expect(
      await updateUnit({ ctx: syndic, input: { id: a.id, changes: { floor: 3 }, expectedVersion: 1 } }),
    ).toMatchObject({
      ok: false,
      error: { kind: 'version_conflict' },
    })
    expect(
      await updateUnit({
        ctx: syndicB,
        input: { id: a.id, changes: { floor: 3 }, expectedVersion: undefined },
      }),
    ).toMatchObject({
      ok: false,
      error: { kind: 'not_found' },
    })
    expect(
      await updateUnit({
        ctx: as('accountant'),
        input: { id: a.id, changes: { floor: 3 }, expectedVersion: undefined },
      }),
    ).toMatchObject({
      ok: false,
      error: { kind: 'forbidden' },
    })
  })
})

describe('deleteUnit', () => {
  it('deletes a unit that never had owners', async () => {
    const { store, syndic } = propertyWorld()
    const b = await seedBuilding(syndic)
    const u = await seedUnit(syndic, b.id)
    expect(await deleteUnit({ ctx: syndic, input: { id: u.id, expectedVersion: 1 } })).toEqual({
      ok: true,
      value: null,
    })
    expect(store.state.units.size).toBe(0)
    expect(store.state.audit.at(-1)).toMatchObject({ action: 'unit.delete', entityId: u.id })
  })

  it('refuses a unit with ownership history, even when every link has ended', async () => {
    const { syndic, syndicB } = propertyWorld()
    const b = await seedBuilding(syndic)
    const u = await seedUnit(syndic, b.id)
    const o = await seedOwner(syndic)
    unwrap(
      await addUnitOwner({
        ctx: syndic,
        input: { unitId: u.id, fields: { ownerId: o.id, ownershipShare: 1 } },
      }),
    )
    unwrap(await endUnitOwner({ ctx: syndic, input: { unitId: u.id, ownerId: o.id } }))
    expect(await deleteUnit({ ctx: syndic, input: { id: u.id, expectedVersion: undefined } })).toMatchObject({
      ok: false,
      error: { kind: 'conflict', code: 'unit_has_ownership_history' },
    })
    expect(await deleteUnit({ ctx: syndicB, input: { id: u.id, expectedVersion: undefined } })).toMatchObject(
      {
        ok: false,
        error: { kind: 'not_found' },
      },
    )
  })
})

describe('reading units', () => {
  async function ownerSetup() {
    const world = propertyWorld()
    const { store, syndic, as } = world
    const b1 = await seedBuilding(syndic, { name: 'One' })
    const b2 = await seedBuilding(syndic, { name: 'Two' })
    const mine = await seedUnit(syndic, b1.id, { unitNumber: 'A', unitType: 'Apartment' })
    const notMine = await seedUnit(syndic, b1.id, { unitNumber: 'P1', unitType: 'Parking', quota: 10 })
    const elsewhere = await seedUnit(syndic, b2.id, { unitNumber: 'Z' })
    const owner = await seedOwner(syndic)
    store.addUser('owner-user', 'owner', ORG_A)
    unwrap(await linkOwnerUser({ ctx: syndic, input: { ownerId: owner.id, userId: 'owner-user' } }))
    unwrap(
      await addUnitOwner({
        ctx: syndic,
        input: { unitId: mine.id, fields: { ownerId: owner.id, ownershipShare: '0.5' } },
      }),
    )
    return { ...world, b1, b2, mine, notMine, elsewhere, owner, ownerCtx: as('owner', ORG_A, 'owner-user') }
  }

  it('lets organization readers get and filter every unit', async () => {
    const { as, b1, mine, notMine } = await ownerSetup()
    const acc = as('accountant')
    expect(unwrap(await getUnit({ ctx: acc, input: { id: notMine.id } })).id).toBe(notMine.id)
    expect(
      unwrap(await listUnits({ ctx: acc, input: { filter: {}, page: firstPage('unit_number') } })).total,
    ).toBe(3)
    expect(
      unwrap(
        await listUnits({
          ctx: acc,
          input: { filter: { unitType: 'Parking' }, page: firstPage('unit_number') },
        }),
      ).items,
    ).toEqual([notMine])
    const owned = unwrap(
      await listUnits({ ctx: acc, input: { filter: { hasOwner: true }, page: firstPage('unit_number') } }),
    ).items
    expect(owned.map((u) => u.id)).toEqual([mine.id])
    expect(
      unwrap(
        await listBuildingUnits({
          ctx: acc,
          input: { buildingId: b1.id, filter: {}, page: firstPage('unit_number') },
        }),
      ).total,
    ).toBe(2)
  })

  it('shows an owner only their own active units', async () => {
    const { ownerCtx, b1, b2, mine, notMine } = await ownerSetup()
    expect(unwrap(await getUnit({ ctx: ownerCtx, input: { id: mine.id } })).ownerId).not.toBeNull()
    expect(await getUnit({ ctx: ownerCtx, input: { id: notMine.id } })).toMatchObject({
      ok: false,
      error: { kind: 'not_found' },
    })
    expect(
      unwrap(
        await listUnits({ ctx: ownerCtx, input: { filter: {}, page: firstPage('unit_number') } }),
      ).items.map((u) => u.id),
    ).toEqual([mine.id])
    expect(
      unwrap(
        await listBuildingUnits({
          ctx: ownerCtx,
          input: { buildingId: b1.id, filter: {}, page: firstPage('unit_number') },
        }),
      ).items.map((u) => u.id),
    ).toEqual([mine.id])
    expect(
      await listBuildingUnits({
        ctx: ownerCtx,
        input: { buildingId: b2.id, filter: {}, page: firstPage('unit_number') },
      }),
    ).toMatchObject({
      ok: false,
      error: { kind: 'not_found', entity: 'Building' },
    })
  })

  it('answers 404 for a missing or foreign building and a foreign unit', async () => {
    const { as, b1, mine, syndicB } = await ownerSetup()
    expect(
      await listBuildingUnits({
        ctx: as('syndic'),
        input: { buildingId: 'missing', filter: {}, page: firstPage('unit_number') },
      }),
    ).toMatchObject({
      ok: false,
      error: { kind: 'not_found' },
    })
    expect(
      await listBuildingUnits({
        ctx: syndicB,
        input: { buildingId: b1.id, filter: {}, page: firstPage('unit_number') },
      }),
    ).toMatchObject({
      ok: false,
      error: { kind: 'not_found' },
    })
    expect(await getUnit({ ctx: syndicB, input: { id: mine.id } })).toMatchObject({
      ok: false,
      error: { kind: 'not_found', entity: 'Unit' },
    })
    expect(
      unwrap(await listUnits({ ctx: syndicB, input: { filter: {}, page: firstPage('unit_number') } })).total,
    ).toBe(0)
    expect(
      unwrap(
        await listBuildingUnits({
          ctx: as('superadmin'),
          input: { buildingId: b1.id, filter: {}, page: firstPage('unit_number') },
        }),
      ).total,
    ).toBe(2)
    expect(unwrap(await getUnit({ ctx: as('superadmin'), input: { id: mine.id } })).id).toBe(mine.id)
  })
})

describe('assignOwner', () => {
  it('makes the owner the sole primary owner from today and ends the other links', async () => {
    const { store, syndic } = propertyWorld()
    const b = await seedBuilding(syndic)
    const u = await seedUnit(syndic, b.id)
    const seller1 = await seedOwner(syndic)
    const seller2 = await seedOwner(syndic)
    const buyer = await seedOwner(syndic)
    unwrap(
      await addUnitOwner({
        ctx: syndic,
        input: {
          unitId: u.id,
          fields: { ownerId: seller1.id, ownershipShare: 0.5, startDate: '2020-01-01' },
        },
      }),
    )
    unwrap(
      await addUnitOwner({
        ctx: syndic,
        input: {
          unitId: u.id,
          fields: { ownerId: seller2.id, ownershipShare: 0.5, startDate: '2020-01-01' },
        },
      }),
    )
    const auditBefore = store.state.audit.length
    const unit = unwrap(await assignOwner({ ctx: syndic, input: { unitId: u.id, ownerId: buyer.id } }))
    expect(unit.ownerId).toBe(buyer.id)
    const links = [...store.state.ownerships.values()]
    expect(links.filter((l) => l.endDate === null)).toMatchObject([
      { ownerId: buyer.id, sharePpm: 1_000_000, isPrimaryContact: true, startDate: '2026-03-15' },
    ])
    expect(links.filter((l) => l.endDate !== null).map((l) => l.endDate)).toEqual([
      '2026-03-15',
      '2026-03-15',
    ])
    expect(store.state.audit.length).toBe(auditBefore + 1)
    expect(store.state.audit.at(-1)).toMatchObject({ action: 'unit.assign_owner', entityId: u.id })
    // Assigning again changes nothing but is still answered with the unit.
    expect(
      unwrap(await assignOwner({ ctx: syndic, input: { unitId: u.id, ownerId: buyer.id } })).version,
    ).toBe(unit.version)
    expect(store.state.ownerships.size).toBe(3)
  })

  it('refuses an owner of another tenant, another tenant unit and non-writers', async () => {
    const { as, syndic, syndicB } = propertyWorld()
    const b = await seedBuilding(syndic)
    const u = await seedUnit(syndic, b.id)
    const o = await seedOwner(syndic)
    const foreign = await seedOwner(syndicB)
    expect(await assignOwner({ ctx: syndic, input: { unitId: u.id, ownerId: foreign.id } })).toMatchObject({
      ok: false,
      error: { kind: 'not_found', entity: 'Owner' },
    })
    expect(await assignOwner({ ctx: syndicB, input: { unitId: u.id, ownerId: foreign.id } })).toMatchObject({
      ok: false,
      error: { kind: 'not_found', entity: 'Unit' },
    })
    expect(
      await assignOwner({ ctx: as('accountant'), input: { unitId: u.id, ownerId: o.id } }),
    ).toMatchObject({
      ok: false,
      error: { kind: 'forbidden' },
    })
    expect(
      unwrap(await assignOwner({ ctx: as('superadmin'), input: { unitId: u.id, ownerId: o.id } })).ownerId,
    ).toBe(o.id)
  })
})
