import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { ChargeBasis } from '../../property/index.ts'
import type { ApprovedBudget } from '../budget/budgets.use-cases.ts'
import type { DistributionKey } from '../budget/distribution-key.ts'
import { BUDGET_PERIODS, budgetCallPlan } from './budget-call.ts'
import { type CallLot, mergeCallLines, periodPart, splitCallAmount } from './call-split.ts'

const basisOf = (quotas: number[]): ChargeBasis => ({
  totalTantiemes: quotas.reduce((s, q) => s + q, 0),
  units: quotas.map((quota, i) => ({
    unitId: `u${i}`,
    unitNumber: String(i).padStart(3, '0'),
    quota,
    owners: [{ ownerId: `o${i}`, sharePpm: 1_000_000 }],
  })),
})

const keyOf = (members: { unitId: string; weight: number }[]) =>
  ({ id: 'k', kind: 'custom', name: 'K', members }) as unknown as DistributionKey

const budgetOf = (
  periodicity: 'monthly' | 'quarterly',
  lines: { amountCents: number; key: DistributionKey | null }[],
  reserveCents = 0,
): ApprovedBudget =>
  ({
    budgetId: 'b1',
    buildingId: 'B',
    fiscalYear: 2027,
    provisionPeriodicity: periodicity,
    lines: lines.map((l) => ({
      category: 'Insurance',
      label: 'x',
      distributionKeyId: l.key ? 'k' : null,
      ...l,
    })),
    workingCapitalCents: lines.reduce((s, l) => s + l.amountCents, 0),
    reserveContributionCents: reserveCents,
    approval: { resolutionId: null, resolutionReference: 'AG', approvedOn: '2026-11-20' },
  }) as unknown as ApprovedBudget

/** The call's lines as issue-call builds them: each component split over its key, then merged. */
function callLines(
  basis: ChargeBasis,
  components: { amountCents: number; weights?: ReadonlyMap<string, number> }[],
) {
  const lots: CallLot[] = basis.units.map((u) => ({
    unitId: u.unitId,
    unitNumber: u.unitNumber,
    weight: u.quota,
    recipients: u.owners,
  }))
  return mergeCallLines(
    components.map((c) => {
      const r = splitCallAmount(
        c.amountCents,
        c.weights ? lots.map((l) => ({ ...l, weight: c.weights?.get(l.unitId) ?? 0 })) : lots,
      )
      if (!r.ok) throw new Error(r.error.message)
      return r.value
    }),
  )
}

describe('budgetCallPlan (issue #15 item 6: provisions from the approved budget)', () => {
  it('each line over its key: the lift line never reaches the lots outside its key', () => {
    const basis = basisOf([200, 300, 500])
    const plan = budgetCallPlan(
      budgetOf('quarterly', [
        { amountCents: 400_001, key: null },
        { amountCents: 40_000, key: keyOf([{ unitId: 'u2', weight: 1 }]) },
      ]),
      'provision',
      1,
      basis,
    )
    if (!plan.ok) throw new Error(plan.error.message)
    expect(plan.value).toMatchObject({ budgetRef: 'b1', periods: 4, periodIndex: 0 })
    const lines = callLines(basis, [...plan.value.components])
    expect(lines.map((l) => l.amountCents)).toEqual([20_000, 30_000, 50_001 + 10_000])
  })

  it('refuses a period outside the year and a reserve call without contribution', () => {
    const basis = basisOf([1])
    const b = budgetOf('monthly', [{ amountCents: 100, key: null }])
    expect(budgetCallPlan(b, 'provision', 13, basis).ok).toBe(false)
    expect(budgetCallPlan(b, 'provision', 0, basis).ok).toBe(false)
    const r = budgetCallPlan(b, 'reserve', 1, basis)
    expect(!r.ok && r.error.kind === 'conflict' && r.error.code).toBe('budget_without_reserve')
  })

  it('property: a period’s lines sum exactly to the budget’s period share, and the periods to the year', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('monthly' as const, 'quarterly' as const),
        fc.array(fc.integer({ min: 1, max: 10_000 }), { minLength: 1, maxLength: 12 }),
        fc.array(
          fc.record({
            amountCents: fc.integer({ min: 0, max: 100_000_000 }),
            keyed: fc.array(fc.tuple(fc.nat(11), fc.integer({ min: 1, max: 50 })), {
              minLength: 1,
              maxLength: 5,
            }),
            general: fc.boolean(),
          }),
          { minLength: 1, maxLength: 8 },
        ),
        fc.integer({ min: 0, max: 10_000_000 }),
        (periodicity, quotas, rawLines, reserve) => {
          const basis = basisOf(quotas)
          const lines = rawLines.map((l) => ({
            amountCents: l.amountCents,
            key: l.general
              ? null
              : keyOf(
                  [...new Map(l.keyed.map(([i, w]) => [`u${i % quotas.length}`, w])).entries()].map(
                    ([unitId, weight]) => ({ unitId, weight }),
                  ),
                ),
          }))
          const budget = budgetOf(periodicity, lines, reserve)
          const periods = BUDGET_PERIODS[periodicity]
          let year = 0
          for (let p = 1; p <= periods; p++) {
            const plan = budgetCallPlan(budget, 'provision', p, basis)
            if (!plan.ok) throw new Error(plan.error.message)
            const share = lines.reduce((s, l) => s + periodPart(l.amountCents, periods, p - 1), 0)
            const called = callLines(basis, [...plan.value.components]).reduce((s, l) => s + l.amountCents, 0)
            expect(called).toBe(share)
            year += called
          }
          expect(year).toBe(lines.reduce((s, l) => s + l.amountCents, 0))
        },
      ),
      { numRuns: 200 },
    )
  })
})
