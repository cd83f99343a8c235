import { describe, expect, it } from 'vitest'
import { ACTORS, ORG_A, TestWorld } from '../governance/testing/test-world.ts'
import { DomainErrors } from './domain-error.ts'
import { DOMAIN_EVENTS } from './domain-events.ts'
import { err, ok } from './result.ts'
import { DELETE_ORPHAN_FILE, recordEvent } from './unit-of-work.ts'

/* The unit of work (ADR 0020): events recorded in a transaction drive its audit row and outbox messages. */
describe('recordEvent', () => {
  it('derives the audit row from the event and writes the after-commit work to the outbox, in the transaction', async () => {
    const world = new TestWorld()
    const ctx = world.ctx(ACTORS.syndicA)
    const result = await ctx.transaction(async (repos) => {
      await recordEvent(ctx, repos, 'DocumentDeleted', { organizationId: ORG_A }, 'doc-1', {
        storage_key: 'k/1',
      })
      await recordEvent(ctx, repos, 'OwnershipTransferred', { organizationId: ORG_A }, 'unit-1')
      return ok(null)
    })
    expect(result.ok).toBe(true)
    expect(world.audit).toEqual([
      {
        organizationId: ORG_A,
        actorUserId: ACTORS.syndicA.userId,
        action: 'document.delete',
        entity: 'document',
        entityId: 'doc-1',
        requestId: 'req-test',
        details: { storage_key: 'k/1' },
      },
      {
        organizationId: ORG_A,
        actorUserId: ACTORS.syndicA.userId,
        action: 'unit.transfer',
        entity: 'unit',
        entityId: 'unit-1',
        requestId: 'req-test',
      },
    ])
    expect(world.outbox).toEqual([
      { kind: DELETE_ORPHAN_FILE, organizationId: ORG_A, payload: { storageKey: 'k/1' } },
    ])
  })

  it('leaves neither audit row nor outbox message when the use case fails after recording', async () => {
    const world = new TestWorld()
    const ctx = world.ctx(ACTORS.syndicA)
    const result = await ctx.transaction(async (repos) => {
      await recordEvent(ctx, repos, 'DocumentDeleted', { organizationId: ORG_A }, 'doc-1', {
        storage_key: 'k/1',
      })
      return err(DomainErrors.versionConflict('Document', 2))
    })
    expect(result.ok).toBe(false)
    expect(world.audit).toEqual([])
    expect(world.outbox).toEqual([])
  })

  it('names every event in the past tense and maps it to one audit action', () => {
    const actions = Object.values(DOMAIN_EVENTS).map(([action]) => action)
    expect(new Set(actions).size).toBe(actions.length)
    expect(DOMAIN_EVENTS.OwnershipTransferred).toEqual(['unit.transfer', 'unit'])
    expect(DOMAIN_EVENTS.ExpenseRecorded).toEqual(['expense.create', 'expense'])
    expect(DOMAIN_EVENTS.UnitCreated).toEqual(['unit.create', 'unit'])
  })
})
