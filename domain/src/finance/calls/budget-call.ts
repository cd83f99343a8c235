import type { ChargeBasis } from '../../property/index.ts'
import { DomainErrors } from '../../shared/domain-error.ts'
import { err, ok, type Result } from '../../shared/result.ts'
import type { ApprovedBudget } from '../budget/budgets.use-cases.ts'
import { keyBasis } from '../budget/distribution-key.ts'
import { periodPart } from './call-split.ts'

/** Provision periods per year: the budget's periodicity, decided by the assembly (art. 3.86 §3). */
export const BUDGET_PERIODS = { monthly: 12, quarterly: 4 } as const

/** One amount of a call: a budget line's part for the period, spread over its key's weights. */
export type BudgetCallComponent = {
  readonly amountCents: number
  /** The key's weight per lot; omitted = the building's quote-parts (general key). */
  readonly weights?: ReadonlyMap<string, number> | undefined
}

export type BudgetCallPlan = {
  readonly budgetRef: string
  readonly periods: number
  /** 0-based. */
  readonly periodIndex: number
  readonly components: readonly BudgetCallComponent[]
}

/**
 * What a call reads from the approved budget for `period` (1-based) of its fiscal year. A
 * provision call takes the period's part of every line (equal parts, odd cents on the first
 * periods: `periodPart`), each over its key as `keyBasis` resolves it on the due date; a reserve
 * call takes the period's part of the reserve contribution over the quote-parts. The components
 * sum exactly to the budget's period share; splitting each with the largest-remainder routine
 * keeps that sum to the cent.
 */
export function budgetCallPlan(
  budget: ApprovedBudget,
  kind: 'provision' | 'reserve',
  period: number,
  basis: ChargeBasis,
): Result<BudgetCallPlan> {
  const periods = BUDGET_PERIODS[budget.provisionPeriodicity]
  if (!Number.isInteger(period) || period < 1 || period > periods) {
    return err(
      DomainErrors.validation('Invalid call for funds', [
        { path: 'period', message: `must be an integer between 1 and ${periods}` },
      ]),
    )
  }
  const periodIndex = period - 1
  const components: BudgetCallComponent[] = []
  if (kind === 'reserve') {
    if (budget.reserveContributionCents <= 0) {
      return err(
        DomainErrors.conflict(
          'budget_without_reserve',
          `The approved budget of ${budget.fiscalYear} has no reserve-fund contribution`,
          { fiscal_year: budget.fiscalYear },
        ),
      )
    }
    components.push({ amountCents: periodPart(budget.reserveContributionCents, periods, periodIndex) })
  } else {
    for (const line of budget.lines) {
      const amountCents = periodPart(line.amountCents, periods, periodIndex)
      if (line.key === null || line.key.kind === 'general') {
        components.push({ amountCents })
        continue
      }
      const keyed = keyBasis(line.key, basis)
      if (!keyed.ok) return keyed
      components.push({ amountCents, weights: new Map(keyed.value.units.map((u) => [u.unitId, u.quota])) })
    }
  }
  return ok({ budgetRef: budget.budgetId, periods, periodIndex, components })
}
