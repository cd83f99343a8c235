import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { DomainEvent } from '../../shared/domain-events.ts'
import { buildEntry } from '../entry.ts'
import { ARREARS_POSTINGS } from './arrears.ts'

const charged = (interestCents: number, feeCents: number) =>
  ({
    type: 'ArrearsCharged',
    organizationId: 'org',
    entityId: 'rem-1',
    details: { buildingId: 'b', ownerId: 'o1', date: '2026-03-02', kind: 'firm', interestCents, feeCents },
  }) as Extract<DomainEvent, { type: 'ArrearsCharged' }>

describe('arrears postings', () => {
  it('debits the owner 410 and credits 750 interest and 740 fee; always balanced', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e9 }), fc.integer({ min: 0, max: 10_000 }), (i, f) => {
        if (i + f === 0) return
        const [p] = ARREARS_POSTINGS.ArrearsCharged(charged(i, f))
        if (p?.kind !== 'post') throw new Error('post expected')
        expect(buildEntry({ ...p.entry, fiscalYear: 2026 }).ok).toBe(true)
        expect(p.entry.lines[0]).toEqual({ account: '410', debitCents: i + f, creditCents: 0, ownerId: 'o1' })
        expect(p.entry.lines.find((l) => l.account === '750')?.creditCents ?? 0).toBe(i)
        expect(p.entry.lines.find((l) => l.account === '740')?.creditCents ?? 0).toBe(f)
      }),
      { numRuns: 200 },
    )
  })

  it('refuses a charge of nothing', () => {
    expect(() => ARREARS_POSTINGS.ArrearsCharged(charged(0, 0))).toThrow()
  })
})
