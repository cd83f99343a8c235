import { describe, expect, it } from 'vitest'
import { addUnitOwner } from './add-unit-owner.use-case.ts'
import { endUnitOwner } from './end-unit-owner.use-case.ts'
import { linkOwnerUser } from './link-owner-user.use-case.ts'
import { listOwnerUnits } from './list-owner-units.use-case.ts'
import { listUnitOwners } from './list-unit-owners.use-case.ts'
import {
  ORG_A,
  propertyWorld,
  seedBuilding,
  seedOwner,
  seedUnit,
  unwrap,
} from './testing/property-fixtures.ts'

async function unitWithOwners(count: number) {
  const world = propertyWorld()
  const b = await seedBuilding(world.syndic)
  const unit = await seedUnit(world.syndic, b.id)
  const owners = []
  for (let i = 0; i < count; i++) owners.push(await seedOwner(world.syndic))
  return { ...world, unit, owners }
}

describe('addUnitOwner', () => {
  it('adds the first owner as primary contact, syncs unit.owner_id and audits once', async () => {
    const { store, syndic, unit, owners } = await unitWithOwners(1)
    const [o] = owners
    if (!o) throw new Error('setup')
    store.locks = []
    const auditBefore = store.state.audit.length
    const link = unwrap(
      await addUnitOwner({
        ctx: syndic,
        input: {
          unitId: unit.id,
          fields: {
            ownerId: o.id,
            ownershipShare: '0,25',
            startDate: '2024-05-01T00:00:00Z',
          },
        },
      }),
    )
    expect(link).toMatchObject({
      sharePpm: 250_000,
      isPrimaryContact: true,
      startDate: '2024-05-01',
      endDate: null,
    })
    expect(store.locks).toEqual([`unit:${unit.id}`])
    expect(store.state.units.get(unit.id)).toMatchObject({ ownerId: o.id, version: 2 })
    expect(store.state.audit.length).toBe(auditBefore + 1)
    expect(store.state.audit.at(-1)).toMatchObject({
      action: 'unit_ownership.create',
      entity: 'unit_ownership',
      entityId: link.id,
      organizationId: ORG_A,
    })
  })

  it('demotes the previous primary when a new primary is added', async () => {
    const { store, syndic, unit, owners } = await unitWithOwners(2)
    const [a, b] = owners
    if (!a || !b) throw new Error('setup')
    const first = unwrap(
      await addUnitOwner({
        ctx: syndic,
        input: { unitId: unit.id, fields: { ownerId: a.id, ownershipShare: 0.5 } },
      }),
    )
    unwrap(
      await addUnitOwner({
        ctx: syndic,
        input: { unitId: unit.id, fields: { ownerId: b.id, ownershipShare: 0.5, isPrimaryContact: true } },
      }),
    )
    expect(store.state.ownerships.get(first.id)).toMatchObject({ isPrimaryContact: false, version: 2 })
    expect(store.state.units.get(unit.id)?.ownerId).toBe(b.id)
  })

  it('refuses going over the whole unit and a second active link, leaving state unchanged', async () => {
    const { store, syndic, unit, owners } = await unitWithOwners(2)
    const [a, b] = owners
    if (!a || !b) throw new Error('setup')
    unwrap(
      await addUnitOwner({
        ctx: syndic,
        input: { unitId: unit.id, fields: { ownerId: a.id, ownershipShare: 0.7 } },
      }),
    )
    const before = store.snapshot()
    expect(
      await addUnitOwner({
        ctx: syndic,
        input: { unitId: unit.id, fields: { ownerId: b.id, ownershipShare: 0.300001 } },
      }),
    ).toMatchObject({
      ok: false,
      error: { kind: 'conflict', code: 'ownership_share_exceeded' },
    })
    expect(
      await addUnitOwner({
        ctx: syndic,
        input: { unitId: unit.id, fields: { ownerId: a.id, ownershipShare: 0.1 } },
      }),
    ).toMatchObject({
      ok: false,
      error: { kind: 'conflict', code: 'owner_already_linked' },
    })
    expect(store.state).toEqual(before)
    unwrap(
      await addUnitOwner({
        ctx: syndic,
        input: { unitId: unit.id, fields: { ownerId: b.id, ownershipShare: 0.3 } },
      }),
    )
  })

  it('validates share and date with wire paths', async () => {
    const { syndic, unit, owners } = await unitWithOwners(1)
    const ownerId = owners[0]?.id ?? ''
    expect(
      await addUnitOwner({
        ctx: syndic,
        input: { unitId: unit.id, fields: { ownerId, ownershipShare: 1.5 } },
      }),
    ).toMatchObject({
      ok: false,
      error: { issues: [{ path: 'ownership_share' }] },
    })
    expect(
      await addUnitOwner({
        ctx: syndic,
        input: { unitId: unit.id, fields: { ownerId, ownershipShare: 1, startDate: '2026-02-30' } },
      }),
    ).toMatchObject({
      ok: false,
      error: { issues: [{ path: 'start_date' }] },
    })
  })

  it('hides foreign units and owners, and forbids non-writers', async () => {
    const { as, syndic, syndicB, unit, owners } = await unitWithOwners(1)
    const ownerId = owners[0]?.id ?? ''
    const foreign = await seedOwner(syndicB)
    expect(
      await addUnitOwner({
        ctx: syndicB,
        input: { unitId: unit.id, fields: { ownerId: foreign.id, ownershipShare: 1 } },
      }),
    ).toMatchObject({
      ok: false,
      error: { kind: 'not_found', entity: 'Unit' },
    })
    expect(
      await addUnitOwner({
        ctx: syndic,
        input: { unitId: unit.id, fields: { ownerId: foreign.id, ownershipShare: 1 } },
      }),
    ).toMatchObject({
      ok: false,
      error: { kind: 'not_found', entity: 'Owner' },
    })
    for (const role of ['accountant', 'owner'] as const) {
      expect(
        await addUnitOwner({
          ctx: as(role),
          input: { unitId: unit.id, fields: { ownerId, ownershipShare: 1 } },
        }),
      ).toMatchObject({
        ok: false,
        error: { kind: 'forbidden' },
      })
    }
    expect(
      unwrap(
        await addUnitOwner({
          ctx: as('superadmin'),
          input: { unitId: unit.id, fields: { ownerId, ownershipShare: 1 } },
        }),
      ).organizationId,
    ).toBe(ORG_A)
  })
})

describe('endUnitOwner', () => {
  it('ends the link, keeps the row and promotes the largest remaining share (ties by owner id)', async () => {
    const { store, syndic, unit, owners } = await unitWithOwners(3)
    const [a, b, c] = owners
    if (!a || !b || !c) throw new Error('setup')
    unwrap(
      await addUnitOwner({
        ctx: syndic,
        input: { unitId: unit.id, fields: { ownerId: a.id, ownershipShare: 0.4, startDate: '2020-01-01' } },
      }),
    )
    unwrap(
      await addUnitOwner({
        ctx: syndic,
        input: { unitId: unit.id, fields: { ownerId: c.id, ownershipShare: 0.3 } },
      }),
    )
    unwrap(
      await addUnitOwner({
        ctx: syndic,
        input: { unitId: unit.id, fields: { ownerId: b.id, ownershipShare: 0.3 } },
      }),
    )
    const ended = unwrap(
      await endUnitOwner({
        ctx: syndic,
        input: { unitId: unit.id, ownerId: a.id, options: { endDate: '2025-12-31' } },
      }),
    )
    expect(ended).toMatchObject({ ownerId: a.id, endDate: '2025-12-31' })
    const successor = [b, c].map((o) => o.id).sort()[0]
    expect(store.state.units.get(unit.id)?.ownerId).toBe(successor)
    expect(store.state.ownerships.size).toBe(3)
    expect(store.state.audit.at(-1)).toMatchObject({ action: 'unit_ownership.end', entityId: ended.id })
  })

  it('clears unit.owner_id when the last owner leaves, and refuses inactive links or early end dates', async () => {
    const { store, syndic, unit, owners } = await unitWithOwners(1)
    const [a] = owners
    if (!a) throw new Error('setup')
    unwrap(
      await addUnitOwner({
        ctx: syndic,
        input: { unitId: unit.id, fields: { ownerId: a.id, ownershipShare: 1, startDate: '2024-01-01' } },
      }),
    )
    expect(
      await endUnitOwner({
        ctx: syndic,
        input: { unitId: unit.id, ownerId: a.id, options: { endDate: '2023-12-31' } },
      }),
    ).toMatchObject({
      ok: false,
      error: { kind: 'validation', issues: [{ path: 'end_date' }] },
    })
    unwrap(await endUnitOwner({ ctx: syndic, input: { unitId: unit.id, ownerId: a.id } }))
    expect(store.state.units.get(unit.id)?.ownerId).toBeNull()
    expect(await endUnitOwner({ ctx: syndic, input: { unitId: unit.id, ownerId: a.id } })).toMatchObject({
      ok: false,
      error: { kind: 'not_found', entity: 'UnitOwnership' },
    })
  })

  it('forbids non-writers and hides another tenant', async () => {
    const { as, syndic, syndicB, unit, owners } = await unitWithOwners(1)
    const ownerId = owners[0]?.id ?? ''
    unwrap(
      await addUnitOwner({ ctx: syndic, input: { unitId: unit.id, fields: { ownerId, ownershipShare: 1 } } }),
    )
    expect(await endUnitOwner({ ctx: as('accountant'), input: { unitId: unit.id, ownerId } })).toMatchObject({
      ok: false,
      error: { kind: 'forbidden' },
    })
    expect(await endUnitOwner({ ctx: syndicB, input: { unitId: unit.id, ownerId } })).toMatchObject({
      ok: false,
      error: { kind: 'not_found' },
    })
  })
})

describe('listing ownerships', () => {
  async function history() {
    const world = await unitWithOwners(2)
    const { store, syndic, unit, owners } = world
    const [seller, buyer] = owners
    if (!seller || !buyer) throw new Error('setup')
    unwrap(
      await addUnitOwner({
        ctx: syndic,
        input: {
          unitId: unit.id,
          fields: { ownerId: seller.id, ownershipShare: 1, startDate: '2010-06-01' },
        },
      }),
    )
    unwrap(
      await endUnitOwner({
        ctx: syndic,
        input: { unitId: unit.id, ownerId: seller.id, options: { endDate: '2025-01-31' } },
      }),
    )
    unwrap(
      await addUnitOwner({
        ctx: syndic,
        input: { unitId: unit.id, fields: { ownerId: buyer.id, ownershipShare: 1, startDate: '2025-02-01' } },
      }),
    )
    store.addUser('buyer-user', 'owner', ORG_A)
    store.addUser('seller-user', 'owner', ORG_A)
    unwrap(await linkOwnerUser({ ctx: syndic, input: { ownerId: buyer.id, userId: 'buyer-user' } }))
    unwrap(await linkOwnerUser({ ctx: syndic, input: { ownerId: seller.id, userId: 'seller-user' } }))
    return { ...world, seller, buyer }
  }

  it('lists active links by default and the history on request', async () => {
    const { as, unit, buyer, seller } = await history()
    const acc = as('accountant')
    expect(
      unwrap(await listUnitOwners({ ctx: acc, input: { unitId: unit.id } })).map((l) => l.ownerId),
    ).toEqual([buyer.id])
    expect(
      unwrap(
        await listUnitOwners({ ctx: acc, input: { unitId: unit.id, options: { includeHistory: true } } }),
      ).map((l) => l.ownerId),
    ).toEqual([seller.id, buyer.id])
    expect(unwrap(await listOwnerUnits({ ctx: acc, input: { ownerId: seller.id } }))).toEqual([])
    expect(
      unwrap(
        await listOwnerUnits({ ctx: acc, input: { ownerId: seller.id, options: { includeHistory: true } } }),
      ),
    ).toHaveLength(1)
  })

  it('lets an owner read the ownership of their current units and their own record only', async () => {
    const { as, unit, buyer, seller } = await history()
    const buyerCtx = as('owner', ORG_A, 'buyer-user')
    const sellerCtx = as('owner', ORG_A, 'seller-user')
    expect(
      unwrap(
        await listUnitOwners({
          ctx: buyerCtx,
          input: { unitId: unit.id, options: { includeHistory: true } },
        }),
      ),
    ).toHaveLength(2)
    expect(await listUnitOwners({ ctx: sellerCtx, input: { unitId: unit.id } })).toMatchObject({
      ok: false,
      error: { kind: 'not_found' },
    })
    expect(unwrap(await listOwnerUnits({ ctx: buyerCtx, input: { ownerId: buyer.id } }))).toHaveLength(1)
    expect(await listOwnerUnits({ ctx: buyerCtx, input: { ownerId: seller.id } })).toMatchObject({
      ok: false,
      error: { kind: 'not_found' },
    })
  })

  it('treats another tenant unit or owner as missing', async () => {
    const { as, syndicB, unit, buyer } = await history()
    expect(await listUnitOwners({ ctx: syndicB, input: { unitId: unit.id } })).toMatchObject({
      ok: false,
      error: { kind: 'not_found', entity: 'Unit' },
    })
    expect(await listOwnerUnits({ ctx: syndicB, input: { ownerId: buyer.id } })).toMatchObject({
      ok: false,
      error: { kind: 'not_found', entity: 'Owner' },
    })
    expect(await listUnitOwners({ ctx: as('syndic'), input: { unitId: 'missing' } })).toMatchObject({
      ok: false,
      error: { kind: 'not_found' },
    })
    expect(unwrap(await listUnitOwners({ ctx: as('superadmin'), input: { unitId: unit.id } }))).toHaveLength(
      1,
    )
  })
})
