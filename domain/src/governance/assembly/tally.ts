import { MAJORITY_FRACTION, type Majority } from './majority.ts'
import type { BallotChoice } from './meeting-log.ts'

/*
 * Counting one resolution's votes (Civil Code art. 3.87 §6, §7, §8; art. 3.88):
 *  - votes weigh by quote-parts (art. 3.87 §6);
 *  - abstentions, blank and invalid votes are not votes cast: the majority is counted on for +
 *    against only (art. 3.87 §8, second sentence: abstentions, blank and invalid votes are not "voix émises");
 *  - absolute majority: more than half of the votes cast; 2/3 and 4/5: at least that share of the
 *    votes cast (art. 3.88 §1);
 *  - unanimity: the votes of ALL the owners of the building (art. 3.88 §3): a lot absent, an
 *    abstention or a vote against makes it fail;
 *  - vote reduction (art. 3.87 §7, fourth paragraph): nobody takes part in a vote, even as a proxy holder, with more
 *    votes than all the other owners present or represented together. Only one person can exceed
 *    the others (they would hold more than half); that person's votes are brought down to the others'
 *    total, each of their ballots scaled by the same factor.
 * Arithmetic is exact: every weight is multiplied by the reduced person's total (the common
 * denominator), so comparisons are on integers when quote-parts are integers.
 */

/** One person taking part in the vote: an owner present, or the holder carrying represented owners. */
export type TallyParticipant = {
  /** The owner in the room, or `name:<holder name>` for a proxy holder who is not an owner. */
  readonly key: string
  readonly ownerId: string | null
  readonly holderName: string | null
  /** Votes of the owners this person carries on this item (own + represented, excluded owners left out). */
  readonly votes: number
}

export type TallyBallot = {
  readonly ownerId: string
  /** The participant who cast it (the owner, or their proxy holder). */
  readonly participantKey: string
  readonly votes: number
  readonly choice: BallotChoice
}

export type VoteReduction = {
  readonly ownerId: string | null
  readonly holderName: string | null
  readonly from: number
  readonly to: number
}

export type TallyInput = {
  readonly majority: Majority
  /** The building's total quote-parts: the base of unanimity. */
  readonly totalVotes: number
  readonly participants: readonly TallyParticipant[]
  readonly ballots: readonly TallyBallot[]
}

export type Tally = {
  readonly adopted: boolean
  readonly for: number
  readonly against: number
  readonly abstain: number
  readonly blank: number
  readonly invalid: number
  /** for + against: the votes the majority is counted on. */
  readonly cast: number
  readonly reductions: readonly VoteReduction[]
  readonly explanation: string
}

const MAJORITY_WORDS: Record<Majority, string> = {
  absolute: 'absolute majority (more than 1/2 of the votes cast, art. 3.87 §8)',
  two_thirds: 'two-thirds majority (at least 2/3 of the votes cast, art. 3.88 §1, 1°)',
  four_fifths: 'four-fifths majority (at least 4/5 of the votes cast, art. 3.88 §1, 2°)',
  unanimity: 'unanimity of the votes of all the owners (art. 3.88 §3)',
}

/** A rational shown with at most 2 decimals (a reduced weight may be fractional). */
function show(scaled: number, denominator: number): string {
  const value = scaled / denominator
  return Number.isInteger(value) ? String(value) : value.toFixed(2)
}

/**
 * Art. 3.87 §7 al. 4: the one participant above all the others together, and the others' total.
 *
 * A participant ALONE (nobody else present or represented takes part in the vote, or the others
 * hold no votes) is not reduced. Read literally, "no more votes than the sum of the votes of the
 * other co-owners present or represented" would bring a lone participant to 0 and make every
 * decision of a validly held assembly impossible — a second assembly "deliberates whatever the
 * attendance" (§5), and a first one may be held by one owner above three quarters of the
 * quote-parts (§5). The rule caps the weight of one participant against the OTHERS in the room
 * (the minority present); with no others there is nobody to protect from him, and absent owners
 * keep the annulment action (art. 3.92 §3). We read it, as the practice does, as applying only
 * when at least one other participant holds votes (docs/general-assembly.md § Vote reduction).
 */
export function reductionOf(
  participants: readonly Pick<TallyParticipant, 'key' | 'votes'>[],
): { readonly key: string; readonly from: number; readonly to: number } | null {
  const total = participants.reduce((sum, p) => sum + p.votes, 0)
  for (const p of participants) {
    const others = total - p.votes
    if (p.votes > others && others > 0) return { key: p.key, from: p.votes, to: others }
  }
  return null
}

/** Counts one resolution: adopted or rejected, with the arithmetic. */
export function tallyVotes(input: TallyInput): Tally {
  // Unanimity counts every vote of the building unreduced: a reduction cannot change its outcome.
  const reduction = input.majority === 'unanimity' ? null : reductionOf(input.participants)
  // Common denominator D: the reduced person's weights are multiplied by `to`, everyone else's by `from`.
  const denominator = reduction && reduction.from > 0 ? reduction.from : 1
  const weight = (b: TallyBallot) =>
    reduction && b.participantKey === reduction.key ? b.votes * reduction.to : b.votes * denominator
  const sums: Record<BallotChoice, number> = { for: 0, against: 0, abstain: 0, blank: 0, invalid: 0 }
  let unreducedFor = 0
  for (const b of input.ballots) {
    sums[b.choice] += weight(b)
    if (b.choice === 'for') unreducedFor += b.votes
  }
  const cast = sums.for + sums.against
  const d = denominator
  const reductions: VoteReduction[] = []
  const notes: string[] = []
  if (reduction) {
    const who = input.participants.find((p) => p.key === reduction.key)
    reductions.push({
      ownerId: who?.ownerId ?? null,
      holderName: who?.holderName ?? null,
      from: reduction.from,
      to: reduction.to,
    })
    notes.push(
      `Vote reduction (art. 3.87 §7): ${who?.ownerId ? 'one owner' : 'one proxy holder'} takes part with ${reduction.from} votes, more than the ${reduction.to} of all the others present or represented; counted for ${reduction.to}.`,
    )
  }
  const notCast = `Abstentions ${show(sums.abstain, d)}, blank ${show(sums.blank, d)}, invalid ${show(sums.invalid, d)}: not votes cast.`
  let adopted: boolean
  let rule: string
  if (input.majority === 'unanimity') {
    adopted = input.totalVotes > 0 && unreducedFor === input.totalVotes
    rule = `For ${unreducedFor} of the building's ${input.totalVotes} votes; ${MAJORITY_WORDS.unanimity} needs all ${input.totalVotes}.`
  } else {
    const [num, den] = MAJORITY_FRACTION[input.majority]
    adopted =
      cast > 0 && (input.majority === 'absolute' ? sums.for * den > cast * num : sums.for * den >= cast * num)
    const share = cast === 0 ? '—' : `${((sums.for * 100) / cast).toFixed(2)} %`
    rule =
      cast === 0
        ? `No vote cast; ${MAJORITY_WORDS[input.majority]} cannot be reached.`
        : `For ${show(sums.for, d)}, against ${show(sums.against, d)}: ${share} of ${show(cast, d)} votes cast; ${MAJORITY_WORDS[input.majority]}.`
  }
  return {
    adopted,
    for: sums.for / d,
    against: sums.against / d,
    abstain: sums.abstain / d,
    blank: sums.blank / d,
    invalid: sums.invalid / d,
    cast: cast / d,
    reductions,
    explanation: [...notes, rule, notCast, adopted ? 'Adopted.' : 'Rejected.'].join(' '),
  }
}
