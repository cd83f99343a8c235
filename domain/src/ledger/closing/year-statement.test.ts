import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { buildEntry } from '../entry.ts'
import { CLOSING_POSTINGS } from '../postings/closing.ts'
import { reversalOf, type YearExpense, yearStatements } from './year-statement.ts'

const owner = fc.constantFrom('o1', 'o2', 'o3', 'o4')
const part = fc.record({
  ownerId: owner,
  unitId: fc.constantFrom('u1', 'u2'),
  amountCents: fc.integer({ min: -50_000, max: 500_000 }),
})
const expense = fc.record({
  id: fc.uuid(),
  date: fc.constant('2025-03-01'),
  category: fc.constantFrom('Insurance', 'Maintenance', 'Works', 'Cleaning'),
  keyId: fc.constantFrom(null, 'k1', 'k2'),
  keyName: fc.constant(null),
  amountCents: fc.integer({ min: 1, max: 2_000_000 }),
  parts: fc.option(fc.array(part, { maxLength: 6 }), { nil: null }),
}) as fc.Arbitrary<YearExpense>

describe('year-end statements (ADR 0040)', () => {
  it('regularisation = charges − provisions per owner, and the totals add up exactly', () => {
    fc.assert(
      fc.property(
        fc.array(expense, { maxLength: 12 }),
        fc.array(
          fc.record({
            ownerId: owner,
            unitId: fc.constant('u1'),
            amountCents: fc.integer({ min: 1, max: 400_000 }),
          }),
          {
            maxLength: 10,
          },
        ),
        (expenses, provisions) => {
          const y = yearStatements(expenses, provisions)
          for (const o of y.owners) {
            expect(o.regularisationCents).toBe(o.chargesCents - o.provisionsCents)
            expect(o.chargesByKey.reduce((s, k) => s + k.amountCents, 0)).toBe(o.chargesCents)
          }
          const ordinary = expenses.filter((e) => e.category !== 'Works')
          const distributed = ordinary.flatMap((e) => e.parts ?? []).reduce((s, p) => s + p.amountCents, 0)
          expect(y.ordinaryChargesCents).toBe(ordinary.reduce((s, e) => s + e.amountCents, 0))
          expect(y.undistributedCents).toBe(y.ordinaryChargesCents - distributed)
          expect(y.regularisationNetCents).toBe(
            distributed - provisions.reduce((s, p) => s + p.amountCents, 0),
          )
          expect(y.chargesByKey.reduce((s, k) => s + k.amountCents, 0)).toBe(y.ordinaryChargesCents)
        },
      ),
    )
  })

  it('works are shown, never regularised', () => {
    const y = yearStatements(
      [
        {
          id: 'w',
          date: '2025-06-01',
          category: 'Works',
          keyId: null,
          keyName: null,
          amountCents: 50_000,
          parts: [{ ownerId: 'o1', unitId: 'u1', amountCents: 50_000 }],
        },
      ],
      [{ ownerId: 'o1', unitId: 'u1', amountCents: 10_000 }],
    )
    expect(y.owners).toEqual([
      {
        ownerId: 'o1',
        chargesByKey: [],
        chargesCents: 0,
        provisionsCents: 10_000,
        regularisationCents: -10_000,
        extraordinaryCents: 50_000,
      },
    ])
  })

  it('the regularisation entries balance, 410 per owner against 140, in chunks of at most 1 000 lines', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -1_000_000, max: 1_000_000 }), { minLength: 1, maxLength: 2_500 }),
        (amounts) => {
          const regularisations = amounts.map((amountCents, i) => ({ ownerId: `o${i}`, amountCents }))
          const instructions = CLOSING_POSTINGS.FiscalYearClosed({
            type: 'FiscalYearClosed',
            organizationId: 'org',
            entityId: 'closing',
            details: { buildingId: 'b', fiscalYear: 2025, regularisationDate: '2026-01-01', regularisations },
          })
          let net = 0
          for (const i of instructions) {
            if (i.kind !== 'post') throw new Error('post expected')
            expect(i.entry.date).toBe('2026-01-01')
            const built = buildEntry({ ...i.entry, fiscalYear: 2026 })
            expect(built.ok, JSON.stringify(built)).toBe(true)
            for (const l of i.entry.lines) if (l.account === '410') net += l.debitCents - l.creditCents
          }
          expect(net).toBe(amounts.reduce((s, a) => s + a, 0))
        },
      ),
      { numRuns: 30 },
    )
  })
})

describe('an expense of a closed year cancelled later (ADR 0042)', () => {
  const lift: YearExpense = {
    id: 'e1',
    date: '2025-02-10',
    category: 'Maintenance',
    keyId: 'lift',
    keyName: 'Lift',
    amountCents: 30_001,
    parts: [
      { ownerId: 'anne', unitId: 'A', amountCents: 20_001 },
      { ownerId: 'bruno', unitId: 'B', amountCents: 10_000 },
    ],
  }

  it('is a negative charge of the next year for the owners who bore it, by the frozen split', () => {
    const next = yearStatements([reversalOf({ ...lift, date: '2026-12-02' })], [])
    expect(next.owners.map((o) => [o.ownerId, o.chargesCents, o.regularisationCents])).toEqual([
      ['anne', -20_001, -20_001],
      ['bruno', -10_000, -10_000],
    ])
    expect(next.chargesByKey).toEqual([{ keyId: 'lift', keyName: 'Lift', amountCents: -30_001 }])
    expect(next.ordinaryChargesCents).toBe(-30_001)
    expect(next.undistributedCents).toBe(0)
  })

  it('over the two years, each owner bears exactly the expenses that were not cancelled', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(expense, fc.boolean()), { maxLength: 10 }), (rows) => {
        const closed = yearStatements(
          rows.map(([e]) => e),
          [],
        )
        const next = yearStatements(
          rows.filter(([, cancelled]) => cancelled).map(([e]) => reversalOf(e)),
          [],
        )
        const kept = yearStatements(
          rows.filter(([, cancelled]) => !cancelled).map(([e]) => e),
          [],
        )
        const charges = (y: ReturnType<typeof yearStatements>, id: string) =>
          y.owners.find((o) => o.ownerId === id)?.chargesCents ?? 0
        for (const id of ['o1', 'o2', 'o3', 'o4'])
          expect(charges(closed, id) + charges(next, id)).toBe(charges(kept, id))
        expect(closed.ordinaryChargesCents + next.ordinaryChargesCents).toBe(kept.ordinaryChargesCents)
        expect(closed.undistributedCents + next.undistributedCents).toBe(kept.undistributedCents)
      }),
    )
  })
})
