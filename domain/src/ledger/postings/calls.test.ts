import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { DomainEvent } from '../../shared/domain-events.ts'
import { buildEntry } from '../entry.ts'
import { CALLS_POSTINGS } from './calls.ts'

const issued = (lines: { ownerId: string; unitId: string; amountCents: number }[], kind = 'provision') =>
  ({
    type: 'CallForFundsIssued',
    organizationId: 'org',
    entityId: 'call-1',
    details: {
      buildingId: 'b',
      kind,
      number: 1,
      label: 'T1',
      issueDate: '2027-01-01',
      totalCents: lines.reduce((s, l) => s + l.amountCents, 0),
      lines,
    },
  }) as Extract<DomainEvent, { type: 'CallForFundsIssued' }>

describe('calls postings', () => {
  it('a call debits each owner 410 and credits the income of its kind; every entry balances, even past 1000 lines', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 10_000_000 }), { minLength: 1, maxLength: 2_500 }),
        fc.constantFrom('provision', 'reserve', 'extraordinary'),
        (amounts, kind) => {
          const lines = amounts.map((a, i) => ({ ownerId: `o${i}`, unitId: `u${i}`, amountCents: a }))
          const posts = CALLS_POSTINGS.CallForFundsIssued(issued(lines, kind))
          let owners = 0
          for (const p of posts) {
            if (p.kind !== 'post') throw new Error('post expected')
            const built = buildEntry({ ...p.entry, fiscalYear: 2027 })
            expect(built.ok).toBe(true)
            const income = p.entry.lines.filter((l) => l.account !== '410')
            expect(income.map((l) => l.account)).toEqual([
              { provision: '700', reserve: '701', extraordinary: '702' }[kind],
            ])
            owners += p.entry.lines.filter((l) => l.account === '410').reduce((s, l) => s + l.debitCents, 0)
          }
          expect(owners).toBe(amounts.reduce((s, a) => s + a, 0))
        },
      ),
      { numRuns: 30 },
    )
  })

  it('a payment debits the bank it reached and credits the owner', () => {
    const [p] = CALLS_POSTINGS.OwnerPaymentRecorded({
      type: 'OwnerPaymentRecorded',
      organizationId: 'org',
      entityId: 'pay-1',
      details: {
        buildingId: 'b',
        ownerId: 'o1',
        amountCents: 12_345,
        paymentDate: '2027-01-05',
        account: 'reserve',
      },
    } as Extract<DomainEvent, { type: 'OwnerPaymentRecorded' }>)
    if (p?.kind !== 'post') throw new Error('post expected')
    expect(p.entry.lines).toEqual([
      { account: '551', debitCents: 12_345, creditCents: 0 },
      { account: '410', debitCents: 0, creditCents: 12_345, ownerId: 'o1' },
    ])
  })
})
