import { describe, expect, it } from 'vitest'
import { ACTORS, ORG_A, ORG_B, TestWorld } from '../governance/testing/test-world.ts'
import type { Actor } from '../identity/index.ts'
import { AUDIT_ACTIONS, auditEntry } from '../shared/audit.ts'
import {
  actorMayReadBuilding,
  auditedBuildingsOf,
  booksReadScope,
  findReadableRow,
  holdsLotIn,
  listScopeFor,
  mayReadBuilding,
  readAccessOf,
  scopeForRow,
  writeScopeFor,
} from './access-policy.ts'

/*
 * The one access policy (ADR 0022): the answers the four former modules (property, governance,
 * finance, documents) each gave on their own, now given once.
 */
describe('access policy', () => {
  it('answers "owner holds a lot in building X" with one query, for every context', async () => {
    const world = new TestWorld()
    const held = world.addBuilding(ORG_A, [ACTORS.ownerA.userId])
    const other = world.addBuilding(ORG_A)
    const repos = world.repositories()
    const scope = { organizationId: ORG_A }
    expect(await holdsLotIn(repos, scope, ACTORS.ownerA.userId, held.id)).toBe(true)
    expect(await holdsLotIn(repos, scope, ACTORS.ownerA.userId, other.id)).toBe(false)
    // An organization reader sees every building; an owner only theirs (property's rule too).
    expect(await actorMayReadBuilding(repos, scope, ACTORS.syndicA, other.id)).toBe(true)
    expect(await actorMayReadBuilding(repos, scope, ACTORS.ownerA, other.id)).toBe(false)
    expect(await actorMayReadBuilding(repos, scope, ACTORS.ownerA, held.id)).toBe(true)
  })

  it('finds the tenant of an existing row: the token’s for a member, the row’s own for a superadmin', async () => {
    const lookup = async (id: string) => (id === 'row-b' ? ORG_B : null)
    expect(await scopeForRow(ACTORS.syndicA, 'Thing', () => lookup('row-b'))).toEqual({
      ok: true,
      value: { organizationId: ORG_A },
    })
    expect(await scopeForRow(ACTORS.superadmin, 'Thing', () => lookup('row-b'))).toEqual({
      ok: true,
      value: { organizationId: ORG_B },
    })
    expect(await scopeForRow(ACTORS.superadmin, 'Thing', () => lookup('missing'))).toMatchObject({
      ok: false,
      error: { kind: 'not_found' },
    })
    expect(listScopeFor(ACTORS.superadmin)).toEqual({ ok: true, value: null })
    expect(
      await writeScopeFor({ actor: ACTORS.ownerA }, 'governance:write', lookup, 'row-b', 'Meeting'),
    ).toMatchObject({
      ok: false,
      error: { kind: 'forbidden' },
    })
  })

  it('reads a building-bound row only where the reader may: another tenant’s or a non-held building’s is a 404', async () => {
    const world = new TestWorld()
    const held = world.addBuilding(ORG_A, [ACTORS.ownerA.userId])
    const other = world.addBuilding(ORG_A)
    const rows = new Map([
      ['in-held', { organizationId: ORG_A, buildingId: held.id }],
      ['in-other', { organizationId: ORG_A, buildingId: other.id }],
      ['in-b', { organizationId: ORG_B, buildingId: 'b-building' }],
    ])
    const port = {
      organizationOf: async (id: string) => rows.get(id)?.organizationId ?? null,
      findById: async (scope: { organizationId: string }, id: string) => {
        const row = rows.get(id)
        return row && row.organizationId === scope.organizationId ? row : null
      },
    }
    const read = (actor: (typeof ACTORS)[keyof typeof ACTORS], id: string) =>
      findReadableRow(world.ctx(actor), 'Row', id, port)
    expect((await read(ACTORS.ownerA, 'in-held')).ok).toBe(true)
    expect(await read(ACTORS.ownerA, 'in-other')).toMatchObject({ ok: false, error: { kind: 'not_found' } })
    expect((await read(ACTORS.syndicA, 'in-other')).ok).toBe(true)
    expect(await read(ACTORS.syndicA, 'in-b')).toMatchObject({ ok: false, error: { kind: 'not_found' } })
    expect((await read(ACTORS.superadmin, 'in-b')).ok).toBe(true)
    expect(readAccessOf({ actor: { ...ACTORS.ownerA, organizationId: null } })).toEqual({ kind: 'none' })
  })
})

describe('account auditor (issue #16 item 5, ADR 0040)', () => {
  it('reads the buildings granted to them only, as a 404 elsewhere, and writes nothing (403)', async () => {
    const world = new TestWorld()
    const audited = world.addBuilding(ORG_A)
    const other = world.addBuilding(ORG_A)
    const auditor: Actor = {
      userId: 'user-auditor-a',
      email: 'auditor@a.test',
      role: 'auditor',
      organizationId: ORG_A,
      auditedBuildingIds: [audited.id],
    }
    const repos = world.repositories()
    const scope = { organizationId: ORG_A }
    expect(auditedBuildingsOf(auditor)).toEqual([audited.id])
    // Fail closed: an auditor whose grants were not loaded reads nothing; other roles: not auditors.
    expect(auditedBuildingsOf({ ...auditor, auditedBuildingIds: undefined })).toEqual([])
    expect(auditedBuildingsOf(ACTORS.syndicA)).toBeNull()
    expect(auditedBuildingsOf({ ...ACTORS.ownerA, auditedBuildingIds: [audited.id] })).toBeNull()

    expect(readAccessOf({ actor: auditor })).toEqual({ kind: 'auditor', scope, buildingIds: [audited.id] })
    expect(await actorMayReadBuilding(repos, scope, auditor, audited.id)).toBe(true)
    expect(await actorMayReadBuilding(repos, scope, auditor, other.id)).toBe(false)
    const ctx = world.ctx(auditor)
    expect(await mayReadBuilding(ctx, readAccessOf(ctx), audited.id)).toEqual({ ok: true, value: scope })
    expect(await mayReadBuilding(ctx, readAccessOf(ctx), other.id)).toMatchObject({
      ok: false,
      error: { kind: 'not_found' },
    })
    expect(await booksReadScope(ctx, audited.id)).toEqual({ ok: true, value: scope })
    expect(await booksReadScope(ctx, other.id)).toMatchObject({ ok: false, error: { kind: 'not_found' } })
    // An owner is refused the books outright; a syndic reads any building of the firm.
    expect(await booksReadScope(world.ctx(ACTORS.ownerA), audited.id)).toMatchObject({
      ok: false,
      error: { kind: 'forbidden' },
    })
    expect((await booksReadScope(world.ctx(ACTORS.syndicA), other.id)).ok).toBe(true)

    const rows = new Map([
      ['in-audited', { organizationId: ORG_A, buildingId: audited.id }],
      ['in-other', { organizationId: ORG_A, buildingId: other.id }],
      ['in-b', { organizationId: ORG_B, buildingId: audited.id }],
    ])
    const port = {
      organizationOf: async (id: string) => rows.get(id)?.organizationId ?? null,
      findById: async (s: { organizationId: string }, id: string) => {
        const row = rows.get(id)
        return row && row.organizationId === s.organizationId ? row : null
      },
    }
    expect((await findReadableRow(ctx, 'Row', 'in-audited', port)).ok).toBe(true)
    for (const id of ['in-other', 'in-b'])
      expect(await findReadableRow(ctx, 'Row', id, port)).toMatchObject({
        ok: false,
        error: { kind: 'not_found' },
      })
    // No permission at all: every write is a 403, even on the audited building's rows.
    for (const permission of [
      'property:write',
      'finance:write',
      'documents:write',
      'governance:write',
    ] as const)
      expect(await writeScopeFor(ctx, permission, port.organizationOf, 'in-audited', 'Row')).toMatchObject({
        ok: false,
        error: { kind: 'forbidden' },
      })
  })
})

describe('audit helper', () => {
  it('keeps the action strings stored since the first audit rows (a closed, typed list)', () => {
    expect(AUDIT_ACTIONS).toEqual(
      expect.arrayContaining([
        'building.create',
        'unit.transfer',
        'unit_ownership.end',
        'expense.create',
        'expense.mark_paid',
        'meeting.agenda_add',
        'document.upload',
        'document.link_meeting',
        'user.bootstrap_superadmin',
        'auth.refresh_reuse_detected',
        'seed.clear',
      ]),
    )
    expect(new Set(AUDIT_ACTIONS).size).toBe(AUDIT_ACTIONS.length)
  })

  it('attributes a row to the caller or to an explicit user, in the row’s tenant', () => {
    expect(
      auditEntry(
        { requestId: 'r1', actor: { userId: 'u1' } },
        { organizationId: ORG_A },
        'unit.create',
        'unit',
        'x',
        { a: 1 },
      ),
    ).toEqual({
      organizationId: ORG_A,
      actorUserId: 'u1',
      action: 'unit.create',
      entity: 'unit',
      entityId: 'x',
      requestId: 'r1',
      details: { a: 1 },
    })
    expect(
      auditEntry(
        { requestId: 'r2', actorUserId: null },
        { organizationId: null },
        'user.bootstrap_superadmin',
        'user',
        'y',
      ),
    ).toEqual({
      organizationId: null,
      actorUserId: null,
      action: 'user.bootstrap_superadmin',
      entity: 'user',
      entityId: 'y',
      requestId: 'r2',
    })
    const by = { requestId: 'r3', actorUserId: null }
    // @ts-expect-error a free-text action no longer type-checks
    auditEntry(by, { organizationId: null }, 'unit.created_somehow', 'unit', 'z')
  })
})
