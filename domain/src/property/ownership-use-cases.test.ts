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
      await addUnitOwner(syndic, unit.id, {
        ownerId: o.id,
        ownershipShare: '0,25',
        startDate: '2024-05-01T00:00:00Z',
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
    const first = unwrap(await addUnitOwner(syndic, unit.id, { ownerId: a.id, ownershipShare: 0.5 }))
    unwrap(
      await addUnitOwner(syndic, unit.id, { ownerId: b.id, ownershipShare: 0.5, isPrimaryContact: true }),
    )
    expect(store.state.ownerships.get(first.id)).toMatchObject({ isPrimaryContact: false, version: 2 })
    expect(store.state.units.get(unit.id)?.ownerId).toBe(b.id)
  })

  it('refuses going over the whole unit and a second active link, leaving state unchanged', async () => {
    const { store, syndic, unit, owners } = await unitWithOwners(2)
    const [a, b] = owners
    if (!a || !b) throw new Error('setup')
    unwrap(await addUnitOwner(syndic, unit.id, { ownerId: a.id, ownershipShare: 0.7 }))
    const before = store.snapshot()
    expect(await addUnitOwner(syndic, unit.id, { ownerId: b.id, ownershipShare: 0.300001 })).toMatchObject({
      ok: false,
      error: { kind: 'conflict', code: 'ownership_share_exceeded' },
    })
    expect(await addUnitOwner(syndic, unit.id, { ownerId: a.id, ownershipShare: 0.1 })).toMatchObject({
      ok: false,
      error: { kind: 'conflict', code: 'owner_already_linked' },
    })
    expect(store.state).toEqual(before)
    unwrap(await addUnitOwner(syndic, unit.id, { ownerId: b.id, ownershipShare: 0.3 }))
  })

  it('validates share and date with wire paths', async () => {
    const { syndic, unit, owners } = await unitWithOwners(1)
    const ownerId = owners[0]?.id ?? ''
    expect(await addUnitOwner(syndic, unit.id, { ownerId, ownershipShare: 1.5 })).toMatchObject({
      ok: false,
      error: { issues: [{ path: 'ownership_share' }] },
    })
    expect(
      await addUnitOwner(syndic, unit.id, { ownerId, ownershipShare: 1, startDate: '2026-02-30' }),
    ).toMatchObject({
      ok: false,
      error: { issues: [{ path: 'start_date' }] },
    })
  })

  it('hides foreign units and owners, and forbids non-writers', async () => {
    const { as, syndic, syndicB, unit, owners } = await unitWithOwners(1)
    const ownerId = owners[0]?.id ?? ''
    const foreign = await seedOwner(syndicB)
    expect(await addUnitOwner(syndicB, unit.id, { ownerId: foreign.id, ownershipShare: 1 })).toMatchObject({
      ok: false,
      error: { kind: 'not_found', entity: 'Unit' },
    })
    expect(await addUnitOwner(syndic, unit.id, { ownerId: foreign.id, ownershipShare: 1 })).toMatchObject({
      ok: false,
      error: { kind: 'not_found', entity: 'Owner' },
    })
    for (const role of ['accountant', 'owner'] as const) {
      expect(await addUnitOwner(as(role), unit.id, { ownerId, ownershipShare: 1 })).toMatchObject({
        ok: false,
        error: { kind: 'forbidden' },
      })
    }
    expect(
      unwrap(await addUnitOwner(as('superadmin'), unit.id, { ownerId, ownershipShare: 1 })).organizationId,
    ).toBe(ORG_A)
  })
})

describe('endUnitOwner', () => {
  it('ends the link, keeps the row and promotes the largest remaining share (ties by owner id)', async () => {
    const { store, syndic, unit, owners } = await unitWithOwners(3)
    const [a, b, c] = owners
    if (!a || !b || !c) throw new Error('setup')
    unwrap(
      await addUnitOwner(syndic, unit.id, { ownerId: a.id, ownershipShare: 0.4, startDate: '2020-01-01' }),
    )
    unwrap(await addUnitOwner(syndic, unit.id, { ownerId: c.id, ownershipShare: 0.3 }))
    unwrap(await addUnitOwner(syndic, unit.id, { ownerId: b.id, ownershipShare: 0.3 }))
    const ended = unwrap(await endUnitOwner(syndic, unit.id, a.id, { endDate: '2025-12-31' }))
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
    unwrap(await addUnitOwner(syndic, unit.id, { ownerId: a.id, ownershipShare: 1, startDate: '2024-01-01' }))
    expect(await endUnitOwner(syndic, unit.id, a.id, { endDate: '2023-12-31' })).toMatchObject({
      ok: false,
      error: { kind: 'validation', issues: [{ path: 'end_date' }] },
    })
    unwrap(await endUnitOwner(syndic, unit.id, a.id))
    expect(store.state.units.get(unit.id)?.ownerId).toBeNull()
    expect(await endUnitOwner(syndic, unit.id, a.id)).toMatchObject({
      ok: false,
      error: { kind: 'not_found', entity: 'UnitOwnership' },
    })
  })

  it('forbids non-writers and hides another tenant', async () => {
    const { as, syndic, syndicB, unit, owners } = await unitWithOwners(1)
    const ownerId = owners[0]?.id ?? ''
    unwrap(await addUnitOwner(syndic, unit.id, { ownerId, ownershipShare: 1 }))
    expect(await endUnitOwner(as('accountant'), unit.id, ownerId)).toMatchObject({
      ok: false,
      error: { kind: 'forbidden' },
    })
    expect(await endUnitOwner(syndicB, unit.id, ownerId)).toMatchObject({
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
      await addUnitOwner(syndic, unit.id, { ownerId: seller.id, ownershipShare: 1, startDate: '2010-06-01' }),
    )
    unwrap(await endUnitOwner(syndic, unit.id, seller.id, { endDate: '2025-01-31' }))
    unwrap(
      await addUnitOwner(syndic, unit.id, { ownerId: buyer.id, ownershipShare: 1, startDate: '2025-02-01' }),
    )
    store.addUser('buyer-user', 'owner', ORG_A)
    store.addUser('seller-user', 'owner', ORG_A)
    unwrap(await linkOwnerUser(syndic, buyer.id, 'buyer-user'))
    unwrap(await linkOwnerUser(syndic, seller.id, 'seller-user'))
    return { ...world, seller, buyer }
  }

  it('lists active links by default and the history on request', async () => {
    const { as, unit, buyer, seller } = await history()
    const acc = as('accountant')
    expect(unwrap(await listUnitOwners(acc, unit.id)).map((l) => l.ownerId)).toEqual([buyer.id])
    expect(
      unwrap(await listUnitOwners(acc, unit.id, { includeHistory: true })).map((l) => l.ownerId),
    ).toEqual([seller.id, buyer.id])
    expect(unwrap(await listOwnerUnits(acc, seller.id))).toEqual([])
    expect(unwrap(await listOwnerUnits(acc, seller.id, { includeHistory: true }))).toHaveLength(1)
  })

  it('lets an owner read the ownership of their current units and their own record only', async () => {
    const { as, unit, buyer, seller } = await history()
    const buyerCtx = as('owner', ORG_A, 'buyer-user')
    const sellerCtx = as('owner', ORG_A, 'seller-user')
    expect(unwrap(await listUnitOwners(buyerCtx, unit.id, { includeHistory: true }))).toHaveLength(2)
    expect(await listUnitOwners(sellerCtx, unit.id)).toMatchObject({
      ok: false,
      error: { kind: 'not_found' },
    })
    expect(unwrap(await listOwnerUnits(buyerCtx, buyer.id))).toHaveLength(1)
    expect(await listOwnerUnits(buyerCtx, seller.id)).toMatchObject({
      ok: false,
      error: { kind: 'not_found' },
    })
  })

  it('treats another tenant unit or owner as missing', async () => {
    const { as, syndicB, unit, buyer } = await history()
    expect(await listUnitOwners(syndicB, unit.id)).toMatchObject({
      ok: false,
      error: { kind: 'not_found', entity: 'Unit' },
    })
    expect(await listOwnerUnits(syndicB, buyer.id)).toMatchObject({
      ok: false,
      error: { kind: 'not_found', entity: 'Owner' },
    })
    expect(await listUnitOwners(as('syndic'), 'missing')).toMatchObject({
      ok: false,
      error: { kind: 'not_found' },
    })
    expect(unwrap(await listUnitOwners(as('superadmin'), unit.id))).toHaveLength(1)
  })
})
