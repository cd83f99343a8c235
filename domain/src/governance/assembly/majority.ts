/*
 * Decision types and the majority the law requires for each (Belgian Civil Code, book 3).
 *  - art. 3.87 §8: unless the law requires a qualified majority, a decision is taken by the absolute
 *    majority of the votes of the owners present or represented at the time of the vote;
 *  - art. 3.88 §1, 1°: two thirds of the votes; 2°: four fifths of the votes;
 *  - art. 3.88 §3: unanimity of the votes of ALL the owners; demolition or total rebuilding for
 *    health, safety or excessive cost of compliance is 4/5 (art. 3.88 §1, 2°, h)).
 * Sources checked and what stayed unverified: docs/general-assembly.md § Sources.
 * A building's statutes may require more, never less: the syndic may choose a stricter majority for
 * an item (`isAtLeast(chosen, required)`), and the API refuses a weaker one.
 */

export const MAJORITIES = ['absolute', 'two_thirds', 'four_fifths', 'unanimity'] as const
export type Majority = (typeof MAJORITIES)[number]

/** The law's categories. `article` is the provision each one comes from, printed in docs and minutes. */
export const DECISION_TYPES = {
  /** Art. 3.87 §8: every decision the law does not reserve to a qualified majority (accounts, budget, syndic…). */
  ordinary: { majority: 'absolute', article: 'art. 3.87 §8' },
  /** Art. 3.88 §1, 1°, a): statutes' clauses on the enjoyment, use or administration of the common parts. */
  statutes_enjoyment: { majority: 'two_thirds', article: 'art. 3.88 §1, 1°, a)' },
  /** Art. 3.88 §1, 1°, b): works on the common parts, except those the syndic may decide (conservatory acts). */
  common_works: { majority: 'two_thirds', article: 'art. 3.88 §1, 1°, b)' },
  /** Art. 3.88 §1, 1°, c): creating a board of co-owners in a building of fewer than 20 lots. */
  board_creation: { majority: 'two_thirds', article: 'art. 3.88 §1, 1°, c)' },
  /** Art. 3.88 §1, 1°, d): the amount of contracts above which competitive tendering is compulsory. */
  tender_threshold: { majority: 'two_thirds', article: 'art. 3.88 §1, 1°, d)' },
  /** Art. 3.88 §1, 1°, e): works on private parts carried out by the association for economic or technical reasons. */
  private_parts_works: { majority: 'two_thirds', article: 'art. 3.88 §1, 1°, e)' },
  /** Art. 3.88 §1, 2°, a): any other change to the statutes, including the distribution of charges. */
  statutes_other: { majority: 'four_fifths', article: 'art. 3.88 §1, 2°, a)' },
  /** Art. 3.88 §1, 2°, b): changing the destination of the building or of a part of it. */
  destination_change: { majority: 'four_fifths', article: 'art. 3.88 §1, 2°, b)' },
  /** Art. 3.88 §1, 2°, c): rebuilding, or repairing the damaged part after a partial destruction. */
  partial_rebuilding: { majority: 'four_fifths', article: 'art. 3.88 §1, 2°, c)' },
  /** Art. 3.88 §1, 2°, d): acquiring new immovable property meant to become common. */
  common_acquisition: { majority: 'four_fifths', article: 'art. 3.88 §1, 2°, d)' },
  /** Art. 3.88 §1, 2°, e): acts of disposal of common immovable property. */
  common_disposal: { majority: 'four_fifths', article: 'art. 3.88 §1, 2°, e)' },
  /** Art. 3.86 §3: not constituting the (compulsory) reserve fund, decided by four fifths of the votes. */
  reserve_fund_waiver: { majority: 'four_fifths', article: 'art. 3.86 §3' },
  /** Art. 3.88 §1, 2°, h): demolition or total rebuilding for health or safety reasons, or when bringing it up to standard costs too much. */
  demolition_for_safety: { majority: 'four_fifths', article: 'art. 3.88 §1, 2°, h)' },
  /** Art. 3.88 §3: any change of the distribution of the quote-parts of co-ownership. */
  quote_parts_change: { majority: 'unanimity', article: 'art. 3.88 §3' },
  /** Art. 3.88 §3: the total rebuilding of the building (outside the §1, 2°, h) case). */
  total_rebuilding: { majority: 'unanimity', article: 'art. 3.88 §3' },
} as const satisfies Record<string, { readonly majority: Majority; readonly article: string }>

export type DecisionType = keyof typeof DECISION_TYPES
export const DECISION_TYPE_KEYS = Object.keys(DECISION_TYPES) as readonly DecisionType[]

export function isDecisionType(value: unknown): value is DecisionType {
  return typeof value === 'string' && Object.hasOwn(DECISION_TYPES, value)
}

/**
 * The majorities a building's statutes require for given decision types, above the law's. The
 * law's majorities are minimums the statutes may raise, never lower (the former art. 577-7 §1 said
 * so expressly: "sauf dispositions plus strictes du règlement de copropriété"; art. 3.88 keeps the
 * same majorities as mandatory law): a statutory majority below the legal one is refused when the
 * settings are saved, and ignored if met anyway.
 */
export type StatutoryMajorities = Readonly<Partial<Record<DecisionType, Majority>>>

/**
 * The majority a decision type requires (art. 3.87 §8, art. 3.88): the law's, or the building's
 * statutory one when it is stricter. The server (resolutions, sync, minutes) and the room's
 * browser (offline replay) both derive it here, so they cannot disagree.
 */
export function requiredMajority(type: DecisionType, statutes?: StatutoryMajorities): Majority {
  const legal: Majority = DECISION_TYPES[type].majority
  const statutory = statutes?.[type]
  return statutory && isAtLeast(statutory, legal) ? statutory : legal
}

/** Whether `chosen` is at least as strict as `required` (statutes may require more, never less). */
export function isAtLeast(chosen: Majority, required: Majority): boolean {
  return MAJORITIES.indexOf(chosen) >= MAJORITIES.indexOf(required)
}

/** The stricter of two majorities. */
export function strictest(a: Majority, b: Majority): Majority {
  return isAtLeast(a, b) ? a : b
}

/**
 * Checks statutory majorities as stored in the settings: known decision types and majorities, none
 * below the law's. Returns the issues (path `statutory_majorities.<type>`), empty when valid.
 */
export function statutoryMajorityIssues(
  value: Readonly<Record<string, unknown>>,
): readonly { readonly path: string; readonly message: string }[] {
  const issues: { path: string; message: string }[] = []
  for (const [type, majority] of Object.entries(value)) {
    const path = `statutory_majorities.${type}`
    if (!isDecisionType(type)) issues.push({ path, message: 'is not a decision type' })
    else if (typeof majority !== 'string' || !(MAJORITIES as readonly string[]).includes(majority))
      issues.push({ path, message: `must be one of ${MAJORITIES.join(', ')}` })
    else if (!isAtLeast(majority as Majority, DECISION_TYPES[type].majority))
      issues.push({
        path,
        message: `is below the ${DECISION_TYPES[type].majority} majority the law requires (${DECISION_TYPES[type].article}); statutes may only raise it`,
      })
  }
  return issues
}

/** The fraction of the cast votes the "for" side must exceed or reach, as a rational. */
export const MAJORITY_FRACTION: {
  readonly [M in Exclude<Majority, 'unanimity'>]: readonly [number, number]
} = {
  absolute: [1, 2],
  two_thirds: [2, 3],
  four_fifths: [4, 5],
}
