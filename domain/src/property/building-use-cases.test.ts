import { describe, expect, it } from 'vitest'
import { addUnitOwner } from './add-unit-owner.use-case.ts'
import { createBuilding } from './create-building.use-case.ts'
import { deleteBuilding } from './delete-building.use-case.ts'
import { endUnitOwner } from './end-unit-owner.use-case.ts'
import { getBuilding } from './get-building.use-case.ts'
import { linkOwnerUser } from './link-owner-user.use-case.ts'
import { listBuildings } from './list-buildings.use-case.ts'
import {
  buildingInput,
  firstPage,
  ORG_A,
  ORG_B,
  propertyWorld,
  seedBuilding,
  seedOwner,
  seedUnit,
  unwrap,
} from './testing/property-fixtures.ts'
import { updateBuilding } from './update-building.use-case.ts'

describe('createBuilding', () => {
  it('creates a building in the actor organization and audits it in the transaction', async () => {
    const { store, as } = propertyWorld()
    const ctx = as('syndic', ORG_A, 'syn-1')
    const b = unwrap(await createBuilding({ ctx, input: { ...buildingInput(), organizationId: ORG_B } }))
    expect(b).toMatchObject({
      organizationId: ORG_A,
      version: 1,
      totalTantiemes: 1000,
      name: 'Résidence Les Tilleuls',
    })
    expect(store.state.buildings.get(b.id)).toEqual(b)
    expect(store.state.audit).toEqual([
      {
        organizationId: ORG_A,
        actorUserId: 'syn-1',
        action: 'building.create',
        entity: 'building',
        entityId: b.id,
        requestId: 'req-test',
      },
    ])
  })

  it('answers validation issues with wire paths', async () => {
    const { syndic } = propertyWorld()
    const r = await createBuilding({
      ctx: syndic,
      input: buildingInput({ postalCode: '', totalTantiemes: 0 }),
    })
    expect(r).toMatchObject({
      ok: false,
      error: { kind: 'validation', issues: [{ path: 'postal_code' }, { path: 'total_tantiemes' }] },
    })
  })

  it('lets only syndics and superadmins write', async () => {
    const { store, as } = propertyWorld()
    for (const role of ['accountant', 'owner'] as const) {
      expect(await createBuilding({ ctx: as(role), input: buildingInput() })).toMatchObject({
        ok: false,
        error: { kind: 'forbidden' },
      })
    }
    expect(store.state.buildings.size).toBe(0)
    expect(store.state.audit).toHaveLength(0)
  })

  it('makes a superadmin name an existing organization', async () => {
    const { as } = propertyWorld()
    const admin = as('superadmin')
    expect(await createBuilding({ ctx: admin, input: buildingInput() })).toMatchObject({
      ok: false,
      error: {
        kind: 'validation',
        issues: [{ path: 'organization_id', message: 'is required for a superadmin' }],
      },
    })
    expect(
      await createBuilding({ ctx: admin, input: { ...buildingInput(), organizationId: 'nope' } }),
    ).toMatchObject({
      ok: false,
      error: { kind: 'not_found', entity: 'Organization' },
    })
    expect(
      unwrap(await createBuilding({ ctx: admin, input: { ...buildingInput(), organizationId: ORG_B } }))
        .organizationId,
    ).toBe(ORG_B)
  })
})

describe('updateBuilding', () => {
  it('applies a partial change, bumps the version and audits the fields', async () => {
    const { store, syndic } = propertyWorld()
    const b = await seedBuilding(syndic)
    const next = unwrap(
      await updateBuilding({
        ctx: syndic,
        input: { id: b.id, changes: { city: 'Liège', constructionYear: null }, expectedVersion: 1 },
      }),
    )
    expect(next).toMatchObject({ city: 'Liège', constructionYear: null, name: b.name, version: 2 })
    expect(store.state.audit.at(-1)).toMatchObject({
      action: 'building.update',
      details: { fields: ['city', 'constructionYear'] },
    })
    expect(store.locks).toContain(`building:${b.id}`)
  })

  it('answers a stale version with version_conflict', async () => {
    const { syndic } = propertyWorld()
    const b = await seedBuilding(syndic)
    unwrap(
      await updateBuilding({ ctx: syndic, input: { id: b.id, changes: { name: 'X' }, expectedVersion: 1 } }),
    )
    expect(
      await updateBuilding({ ctx: syndic, input: { id: b.id, changes: { name: 'Y' }, expectedVersion: 1 } }),
    ).toMatchObject({
      ok: false,
      error: { kind: 'version_conflict', currentVersion: 2 },
    })
  })

  it('refuses lowering total_tantiemes below the registered quotas, down to exactly the sum', async () => {
    const { store, syndic } = propertyWorld()
    const b = await seedBuilding(syndic)
    await seedUnit(syndic, b.id, { unitNumber: 'A', quota: 300 })
    await seedUnit(syndic, b.id, { unitNumber: 'B', quota: 200 })
    const before = store.snapshot()
    expect(
      await updateBuilding({
        ctx: syndic,
        input: { id: b.id, changes: { totalTantiemes: 499 }, expectedVersion: undefined },
      }),
    ).toMatchObject({
      ok: false,
      error: { kind: 'conflict', code: 'total_tantiemes_below_quotas' },
    })
    expect(store.state).toEqual(before)
    expect(
      unwrap(
        await updateBuilding({
          ctx: syndic,
          input: { id: b.id, changes: { totalTantiemes: 500 }, expectedVersion: undefined },
        }),
      ).totalTantiemes,
    ).toBe(500)
  })

  it('forbids accountants and owners, and hides another tenant', async () => {
    const { as, syndic, syndicB } = propertyWorld()
    const b = await seedBuilding(syndic)
    expect(
      await updateBuilding({
        ctx: as('accountant'),
        input: { id: b.id, changes: { name: 'X' }, expectedVersion: undefined },
      }),
    ).toMatchObject({
      ok: false,
      error: { kind: 'forbidden' },
    })
    expect(
      await updateBuilding({
        ctx: syndicB,
        input: { id: b.id, changes: { name: 'X' }, expectedVersion: undefined },
      }),
    ).toMatchObject({
      ok: false,
      error: { kind: 'not_found', entity: 'Building' },
    })
    expect(
      unwrap(
        await updateBuilding({
          ctx: as('superadmin'),
          input: { id: b.id, changes: { name: 'By admin' }, expectedVersion: undefined },
        }),
      ).name,
    ).toBe('By admin')
  })
})

describe('deleteBuilding', () => {
  it('deletes an empty building and audits it', async () => {
    const { store, syndic } = propertyWorld()
    const b = await seedBuilding(syndic)
    expect(await deleteBuilding({ ctx: syndic, input: { id: b.id, expectedVersion: 1 } })).toEqual({
      ok: true,
      value: null,
    })
    expect(store.state.buildings.size).toBe(0)
    expect(store.state.audit.at(-1)).toMatchObject({ action: 'building.delete', entityId: b.id })
  })

  it('refuses a building that expenses, meetings or documents refer to, and changes nothing', async () => {
    const { store, syndic } = propertyWorld()
    const b = await seedBuilding(syndic)
    store.linkedBuildings.add(b.id)
    const audits = store.state.audit.length
    expect(
      await deleteBuilding({ ctx: syndic, input: { id: b.id, expectedVersion: undefined } }),
    ).toMatchObject({
      ok: false,
      error: { kind: 'conflict', code: 'building_has_records' },
    })
    expect(store.state.buildings.size).toBe(1)
    expect(store.state.audit).toHaveLength(audits)
  })

  it('refuses a building with units, a stale version, another tenant and non-writers', async () => {
    const { as, store, syndic, syndicB } = propertyWorld()
    const b = await seedBuilding(syndic)
    const empty = await seedBuilding(syndic, { name: 'Empty' })
    await seedUnit(syndic, b.id)
    expect(
      await deleteBuilding({ ctx: syndic, input: { id: b.id, expectedVersion: undefined } }),
    ).toMatchObject({
      ok: false,
      error: { kind: 'conflict', code: 'building_has_units' },
    })
    expect(await deleteBuilding({ ctx: syndic, input: { id: empty.id, expectedVersion: 7 } })).toMatchObject({
      ok: false,
      error: { kind: 'version_conflict' },
    })
    expect(
      await deleteBuilding({ ctx: syndicB, input: { id: empty.id, expectedVersion: undefined } }),
    ).toMatchObject({
      ok: false,
      error: { kind: 'not_found' },
    })
    expect(
      await deleteBuilding({ ctx: as('owner'), input: { id: empty.id, expectedVersion: undefined } }),
    ).toMatchObject({
      ok: false,
      error: { kind: 'forbidden' },
    })
    expect(store.state.buildings.size).toBe(2)
  })
})

describe('reading buildings', () => {
  async function ownerSetup() {
    const world = propertyWorld()
    const { store, syndic, as } = world
    const mine = await seedBuilding(syndic, { name: 'Mine', city: 'Namur' })
    const other = await seedBuilding(syndic, { name: 'Other', city: 'Gent' })
    const unit = await seedUnit(syndic, mine.id)
    const owner = await seedOwner(syndic)
    store.addUser('owner-user', 'owner', ORG_A)
    unwrap(await linkOwnerUser({ ctx: syndic, input: { ownerId: owner.id, userId: 'owner-user' } }))
    unwrap(
      await addUnitOwner({
        ctx: syndic,
        input: { unitId: unit.id, fields: { ownerId: owner.id, ownershipShare: 1 } },
      }),
    )
    return { ...world, mine, other, unit, owner, ownerCtx: as('owner', ORG_A, 'owner-user') }
  }

  it('lets organization readers get and list every building, with filters', async () => {
    const { as, mine, other } = await ownerSetup()
    for (const role of ['syndic', 'accountant'] as const) {
      expect(unwrap(await getBuilding({ ctx: as(role), input: { id: other.id } })).id).toBe(other.id)
      const page = unwrap(
        await listBuildings({ ctx: as(role), input: { filter: {}, page: firstPage('name') } }),
      )
      expect(page.items.map((b) => b.name)).toEqual(['Mine', 'Other'])
    }
    const namur = unwrap(
      await listBuildings({
        ctx: as('accountant'),
        input: { filter: { city: 'namur' }, page: firstPage('name') },
      }),
    )
    // Its one lot is counted (totalUnits is derived from the lots, ADR 0018).
    expect(namur).toEqual({ items: [{ ...mine, totalUnits: 1 }], total: 1 })
  })

  it('shows an owner only the buildings of their active units', async () => {
    const { ownerCtx, mine, other, unit, owner, syndic, as } = await ownerSetup()
    expect(unwrap(await getBuilding({ ctx: ownerCtx, input: { id: mine.id } })).id).toBe(mine.id)
    expect(await getBuilding({ ctx: ownerCtx, input: { id: other.id } })).toMatchObject({
      ok: false,
      error: { kind: 'not_found' },
    })
    expect(
      unwrap(
        await listBuildings({ ctx: ownerCtx, input: { filter: {}, page: firstPage('name') } }),
      ).items.map((b) => b.id),
    ).toEqual([mine.id])
    // An owner user without an owner record sees nothing.
    const stranger = as('owner', ORG_A, 'stranger')
    expect(await getBuilding({ ctx: stranger, input: { id: mine.id } })).toMatchObject({
      ok: false,
      error: { kind: 'not_found' },
    })
    expect(
      unwrap(await listBuildings({ ctx: stranger, input: { filter: {}, page: firstPage('name') } })).total,
    ).toBe(0)
    // After the sale, the building is no longer theirs.
    unwrap(await endUnitOwner({ ctx: syndic, input: { unitId: unit.id, ownerId: owner.id } }))
    expect(await getBuilding({ ctx: ownerCtx, input: { id: mine.id } })).toMatchObject({
      ok: false,
      error: { kind: 'not_found' },
    })
  })

  it('treats another tenant row as missing and lets a superadmin read across tenants', async () => {
    const { as, mine, syndicB } = await ownerSetup()
    expect(await getBuilding({ ctx: syndicB, input: { id: mine.id } })).toEqual({
      ok: false,
      error: { kind: 'not_found', entity: 'Building', message: 'Building not found' },
    })
    expect(await getBuilding({ ctx: syndicB, input: { id: 'missing' } })).toEqual(
      await getBuilding({ ctx: syndicB, input: { id: mine.id } }),
    )
    expect(
      unwrap(await listBuildings({ ctx: syndicB, input: { filter: {}, page: firstPage('name') } })).total,
    ).toBe(0)
    expect(unwrap(await getBuilding({ ctx: as('superadmin'), input: { id: mine.id } })).id).toBe(mine.id)
    expect(await getBuilding({ ctx: as('superadmin'), input: { id: 'missing' } })).toMatchObject({
      ok: false,
      error: { kind: 'not_found' },
    })
    expect(
      unwrap(
        await listBuildings({
          ctx: as('superadmin'),
          input: { filter: {}, page: firstPage('name'), options: { organizationId: ORG_A } },
        }),
      ).total,
    ).toBe(2)
    // Without the filter a superadmin lists every organization's buildings (issue #20, item 11),
    // grouped by organization.
    unwrap(await createBuilding({ ctx: syndicB, input: buildingInput() }))
    const all = unwrap(
      await listBuildings({ ctx: as('superadmin'), input: { filter: {}, page: firstPage('name') } }),
    )
    expect(all.total).toBe(3)
    expect(new Set(all.items.map((b) => b.organizationId))).toEqual(new Set([ORG_A, ORG_B]))
    const orgs = all.items.map((b) => b.organizationId)
    expect(orgs).toEqual([...orgs].sort().reverse())
  })
})
