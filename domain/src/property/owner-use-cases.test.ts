import { describe, expect, it } from 'vitest'
import { createOwner } from './create-owner.use-case.ts'
import { getMyOwner } from './get-my-owner.use-case.ts'
import { getOwner } from './get-owner.use-case.ts'
import { linkOwnerUser } from './link-owner-user.use-case.ts'
import { listOwners } from './list-owners.use-case.ts'
import {
  firstPage,
  ORG_A,
  ORG_B,
  ownerInput,
  propertyWorld,
  seedOwner,
  unwrap,
} from './testing/property-fixtures.ts'
import { updateOwner } from './update-owner.use-case.ts'

describe('createOwner', () => {
  it('stores a lower-cased e-mail, no user link, and audits', async () => {
    const { store, syndic } = propertyWorld()
    const o = unwrap(
      await createOwner({ ctx: syndic, input: ownerInput({ email: 'Jean.PEETERS@Example.be' }) }),
    )
    expect(o).toMatchObject({
      organizationId: ORG_A,
      email: 'jean.peeters@example.be',
      userId: null,
      version: 1,
    })
    expect(store.state.audit).toMatchObject([{ action: 'owner.create', entity: 'owner', entityId: o.id }])
  })

  it('keeps e-mails unique per organization, case-insensitively', async () => {
    const { syndic, syndicB } = propertyWorld()
    await seedOwner(syndic, { email: 'same@example.be' })
    expect(await createOwner({ ctx: syndic, input: ownerInput({ email: 'SAME@example.be' }) })).toMatchObject(
      {
        ok: false,
        error: { kind: 'conflict', code: 'email_taken' },
      },
    )
    unwrap(await createOwner({ ctx: syndicB, input: ownerInput({ email: 'same@example.be' }) }))
  })

  it('forbids accountants and owners; a superadmin names the organization', async () => {
    const { as } = propertyWorld()
    expect(await createOwner({ ctx: as('accountant'), input: ownerInput() })).toMatchObject({
      ok: false,
      error: { kind: 'forbidden' },
    })
    expect(await createOwner({ ctx: as('owner'), input: ownerInput() })).toMatchObject({
      ok: false,
      error: { kind: 'forbidden' },
    })
    expect(await createOwner({ ctx: as('superadmin'), input: ownerInput() })).toMatchObject({
      ok: false,
      error: { kind: 'validation', issues: [{ path: 'organization_id' }] },
    })
    expect(
      unwrap(await createOwner({ ctx: as('superadmin'), input: { ...ownerInput(), organizationId: ORG_B } }))
        .organizationId,
    ).toBe(ORG_B)
  })
})

describe('updateOwner', () => {
  it('applies partial changes and checks e-mail uniqueness and version', async () => {
    const { syndic, syndicB } = propertyWorld()
    const a = await seedOwner(syndic, { email: 'a@example.be' })
    await seedOwner(syndic, { email: 'b@example.be' })
    expect(
      unwrap(
        await updateOwner({
          ctx: syndic,
          input: { id: a.id, changes: { phone: null, city: 'Gent' }, expectedVersion: 1 },
        }),
      ),
    ).toMatchObject({
      phone: null,
      city: 'Gent',
      email: 'a@example.be',
      version: 2,
    })
    expect(
      await updateOwner({
        ctx: syndic,
        input: { id: a.id, changes: { email: 'B@example.be' }, expectedVersion: undefined },
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'email_taken' },
    })
    expect(
      unwrap(
        await updateOwner({
          ctx: syndic,
          input: { id: a.id, changes: { email: 'A@EXAMPLE.BE' }, expectedVersion: undefined },
        }),
      ).email,
    ).toBe('a@example.be')
    expect(
      await updateOwner({ ctx: syndic, input: { id: a.id, changes: { city: 'X' }, expectedVersion: 1 } }),
    ).toMatchObject({
      ok: false,
      error: { kind: 'version_conflict' },
    })
    expect(
      await updateOwner({
        ctx: syndicB,
        input: { id: a.id, changes: { city: 'X' }, expectedVersion: undefined },
      }),
    ).toMatchObject({
      ok: false,
      error: { kind: 'not_found' },
    })
  })
})

describe('reading owners', () => {
  it('lets organization readers list and filter; an owner lists only their own records', async () => {
    const { as, syndic, store } = propertyWorld()
    const janssens = await seedOwner(syndic, { lastName: 'Janssens', email: 'j@example.be' })
    await seedOwner(syndic, { lastName: 'Peeters' })
    const acc = as('accountant')
    expect(
      unwrap(await listOwners({ ctx: acc, input: { filter: {}, page: firstPage('last_name') } })).total,
    ).toBe(2)
    expect(
      unwrap(
        await listOwners({
          ctx: acc,
          input: { filter: { email: 'J@Example.be' }, page: firstPage('last_name') },
        }),
      ).items,
    ).toHaveLength(1)
    expect(
      unwrap(
        await listOwners({ ctx: acc, input: { filter: { lastName: 'peet' }, page: firstPage('last_name') } }),
      ).items[0]?.lastName,
    ).toBe('Peeters')
    // An owner-role caller: only the records linked to their account (issue #20, item 14).
    expect(
      unwrap(await listOwners({ ctx: as('owner'), input: { filter: {}, page: firstPage('last_name') } })),
    ).toEqual({ items: [], total: 0 })
    store.addUser('jan', 'owner', ORG_A)
    unwrap(await linkOwnerUser({ ctx: syndic, input: { ownerId: janssens.id, userId: 'jan' } }))
    const own = unwrap(
      await listOwners({
        ctx: as('owner', ORG_A, 'jan'),
        input: { filter: {}, page: firstPage('last_name') },
      }),
    )
    expect(own.items.map((o) => o.id)).toEqual([janssens.id])
    expect(
      unwrap(
        await listOwners({ ctx: as('syndic', ORG_B), input: { filter: {}, page: firstPage('last_name') } }),
      ).total,
    ).toBe(0)
  })

  it('lets an owner read only their own record, others see it as missing', async () => {
    const { as, store, syndic, syndicB } = propertyWorld()
    const mine = await seedOwner(syndic)
    const other = await seedOwner(syndic)
    store.addUser('owner-user', 'owner', ORG_A)
    unwrap(await linkOwnerUser({ ctx: syndic, input: { ownerId: mine.id, userId: 'owner-user' } }))
    const me = as('owner', ORG_A, 'owner-user')
    expect(unwrap(await getOwner({ ctx: me, input: { id: mine.id } })).id).toBe(mine.id)
    expect(await getOwner({ ctx: me, input: { id: other.id } })).toMatchObject({
      ok: false,
      error: { kind: 'not_found', entity: 'Owner' },
    })
    expect(unwrap(await getOwner({ ctx: as('accountant'), input: { id: other.id } })).id).toBe(other.id)
    expect(await getOwner({ ctx: syndicB, input: { id: mine.id } })).toMatchObject({
      ok: false,
      error: { kind: 'not_found' },
    })
    expect(unwrap(await getOwner({ ctx: as('superadmin'), input: { id: mine.id } })).id).toBe(mine.id)
  })
})

describe('linkOwnerUser and getMyOwner', () => {
  it('links a same-organization owner user, audits, and getMyOwner finds it', async () => {
    const { as, store, syndic } = propertyWorld()
    const o = await seedOwner(syndic)
    store.addUser('u-owner', 'owner', ORG_A)
    const linked = unwrap(
      await linkOwnerUser({ ctx: syndic, input: { ownerId: o.id, userId: 'u-owner', expectedVersion: 1 } }),
    )
    expect(linked).toMatchObject({ userId: 'u-owner', version: 2 })
    expect(store.state.audit.at(-1)).toMatchObject({
      action: 'owner.link_user',
      details: { user_id: 'u-owner' },
    })
    expect(unwrap(await getMyOwner({ ctx: as('owner', ORG_A, 'u-owner') })).id).toBe(o.id)
    expect(await getMyOwner({ ctx: as('owner', ORG_A, 'someone-else') })).toMatchObject({
      ok: false,
      error: { kind: 'not_found' },
    })
    expect(await getMyOwner({ ctx: as('superadmin') })).toMatchObject({
      ok: false,
      error: { kind: 'not_found' },
    })
    // Unlinking with null.
    expect(
      unwrap(await linkOwnerUser({ ctx: syndic, input: { ownerId: o.id, userId: null } })).userId,
    ).toBeNull()
  })

  it('refuses unknown or foreign users, non-owner roles and a user linked elsewhere', async () => {
    const { as, store, syndic, syndicB } = propertyWorld()
    const o = await seedOwner(syndic)
    const o2 = await seedOwner(syndic)
    store.addUser('u-foreign', 'owner', ORG_B)
    store.addUser('u-syndic', 'syndic', ORG_A)
    store.addUser('u-owner', 'owner', ORG_A)
    expect(await linkOwnerUser({ ctx: syndic, input: { ownerId: o.id, userId: 'nobody' } })).toMatchObject({
      ok: false,
      error: { kind: 'not_found', entity: 'User' },
    })
    expect(await linkOwnerUser({ ctx: syndic, input: { ownerId: o.id, userId: 'u-foreign' } })).toMatchObject(
      {
        ok: false,
        error: { kind: 'not_found', entity: 'User' },
      },
    )
    expect(await linkOwnerUser({ ctx: syndic, input: { ownerId: o.id, userId: 'u-syndic' } })).toMatchObject({
      ok: false,
      error: { kind: 'validation', issues: [{ path: 'user_id' }] },
    })
    unwrap(await linkOwnerUser({ ctx: syndic, input: { ownerId: o.id, userId: 'u-owner' } }))
    expect(await linkOwnerUser({ ctx: syndic, input: { ownerId: o2.id, userId: 'u-owner' } })).toMatchObject({
      ok: false,
      error: { kind: 'conflict', code: 'user_already_linked' },
    })
    expect(
      await linkOwnerUser({ ctx: syndicB, input: { ownerId: o.id, userId: 'u-foreign' } }),
    ).toMatchObject({
      ok: false,
      error: { kind: 'not_found', entity: 'Owner' },
    })
    expect(
      await linkOwnerUser({ ctx: as('accountant'), input: { ownerId: o.id, userId: 'u-owner' } }),
    ).toMatchObject({
      ok: false,
      error: { kind: 'forbidden' },
    })
  })
})
