import { DomainErrors } from '../../shared/domain-error.ts'
import { err, ok, type Result } from '../../shared/result.ts'
import { centsText } from './sale-pro-rata.ts'

/*
 * The reserve fund (fonds de réserve, art. 3.86 §3 of the Civil Code, former art. 577-5 §3): the
 * association constitutes, at the latest five years after the provisional acceptance of the
 * common parts, a reserve fund whose annual contribution may not be lower than 5 % of the total
 * ordinary common charges of the previous financial year; the assembly may decide by a four-fifths
 * majority of the votes not to constitute it. The working capital (fonds de roulement) has no such
 * derogation. Both are kept on separate bank accounts (RD 12 July 2012's chart: 550 / 551).
 */

export const RESERVE_MINIMUM_PERCENT = 5

/** A recorded 4/5 decision not to constitute (or to lower) the reserve fund this year. */
export type ReserveWaiver = {
  readonly resolutionId: string | null
  readonly resolutionReference: string | null
  readonly decidedOn: string
}

/** The minimum annual contribution: 5 % of last year's ordinary charges, rounded UP to the cent. */
export function minimumReserveContribution(previousYearOrdinaryChargesCents: number): number {
  return Math.ceil((previousYearOrdinaryChargesCents * RESERVE_MINIMUM_PERCENT) / 100)
}

/**
 * Accepts a contribution of at least the minimum, or any contribution with a recorded 4/5
 * waiver; otherwise a conflict whose message gives the arithmetic.
 */
export function checkReserveContribution(input: {
  readonly contributionCents: number
  readonly previousYearOrdinaryChargesCents: number
  readonly waiver: ReserveWaiver | null
}): Result<{ readonly minimumCents: number; readonly waived: boolean }> {
  const minimumCents = minimumReserveContribution(input.previousYearOrdinaryChargesCents)
  if (input.contributionCents >= minimumCents) return ok({ minimumCents, waived: false })
  if (input.waiver) return ok({ minimumCents, waived: true })
  const previous = centsText(input.previousYearOrdinaryChargesCents)
  const minimum = centsText(minimumCents)
  const given = centsText(input.contributionCents)
  return err(
    DomainErrors.conflict(
      'reserve_contribution_too_low',
      `The reserve-fund contribution ${given} is below ${RESERVE_MINIMUM_PERCENT} % of last year's ordinary charges: ${RESERVE_MINIMUM_PERCENT} % × ${previous} = ${minimum} (art. 3.86 §3 Civil Code). Raise it to at least ${minimum} or record the assembly's four-fifths waiver.`,
      { contribution: given, previous, minimum, percent: RESERVE_MINIMUM_PERCENT },
    ),
  )
}
