/*
 * Quorum at the opening of the assembly (Civil Code art. 3.87 §5):
 *  - the assembly deliberates validly if, at its start, MORE than half of the owners are present or
 *    represented AND they hold AT LEAST half of the quote-parts in the common parts ("double quorum");
 *  - it also deliberates validly if those present or represented hold MORE than three quarters of
 *    the quote-parts;
 *  - otherwise a second assembly is convened at least 15 days later, which deliberates whatever the
 *    number of owners present or represented and the quote-parts they hold.
 * Only the start counts: owners leaving later do not undo the quorum.
 */

export type QuorumRule = 'double_quorum' | 'three_quarters' | 'second_assembly' | 'not_reached'

export type QuorumResult = {
  readonly reached: boolean
  readonly ownersPresent: number
  readonly ownersTotal: number
  readonly votesPresent: number
  readonly votesTotal: number
  /** Which paragraph made it valid, or 'not_reached'. */
  readonly rule: QuorumRule
  readonly explanation: string
}

export type QuorumInput = {
  /** Owners present or represented (each owner once, whatever the number of lots). */
  readonly ownersPresent: number
  /** Owners with a vote in the register. */
  readonly ownersTotal: number
  /** Quote-parts held by the owners present or represented. */
  readonly votesPresent: number
  /** The building's total quote-parts. */
  readonly votesTotal: number
  readonly secondAssembly: boolean
}

const pct = (part: number, whole: number) => (whole === 0 ? '0.00' : ((part * 100) / whole).toFixed(2))

/** Art. 3.87 §5: whether the assembly may deliberate, with the arithmetic. */
export function computeQuorum(input: QuorumInput): QuorumResult {
  const { ownersPresent, ownersTotal, votesPresent, votesTotal, secondAssembly } = input
  const owners = `${ownersPresent} of ${ownersTotal} owners`
  const votes = `${votesPresent} of ${votesTotal} quote-parts (${pct(votesPresent, votesTotal)} %)`
  const base = { ownersPresent, ownersTotal, votesPresent, votesTotal }
  // Integer comparisons (no division): more than half of the owners, at least half of the quote-parts.
  const moreThanHalfOwners = ownersPresent * 2 > ownersTotal
  const halfVotes = votesPresent * 2 >= votesTotal
  if (moreThanHalfOwners && halfVotes) {
    return {
      ...base,
      reached: true,
      rule: 'double_quorum',
      explanation: `Quorum reached (art. 3.87 §5): ${owners} (more than half) holding ${votes} (at least half) present or represented.`,
    }
  }
  if (votesPresent * 4 > votesTotal * 3) {
    return {
      ...base,
      reached: true,
      rule: 'three_quarters',
      explanation: `Quorum reached (art. 3.87 §5, second paragraph): ${votes} present or represented, more than three quarters.`,
    }
  }
  if (secondAssembly) {
    return {
      ...base,
      reached: true,
      rule: 'second_assembly',
      explanation: `Second assembly (art. 3.87 §5, third paragraph): it deliberates whatever the attendance (${owners}, ${votes}).`,
    }
  }
  const missing = [
    moreThanHalfOwners ? null : `${owners} is not more than half`,
    halfVotes ? null : `${votes} is less than half`,
  ].filter((m) => m !== null)
  return {
    ...base,
    reached: false,
    rule: 'not_reached',
    explanation: `Quorum not reached (art. 3.87 §5): ${missing.join(' and ')}, and ${pct(votesPresent, votesTotal)} % is not more than three quarters of the quote-parts. A second assembly must be convened at least 15 days later.`,
  }
}
