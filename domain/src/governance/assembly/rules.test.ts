import { describe, expect, it } from 'vitest'
import {
  computeQuorum,
  DECISION_TYPES,
  isAtLeast,
  MAJORITIES,
  proxyRefusal,
  requiredMajority,
  type TallyBallot,
  type TallyParticipant,
  tallyVotes,
} from './index.ts'

/* The rules of the general assembly, each test naming the article it encodes (Civil Code, book 3). */

describe('art. 3.88: the majority each decision type requires', () => {
  it('art. 3.87 §8: absolute majority unless the law requires more', () => {
    expect(requiredMajority('ordinary')).toBe('absolute')
  })
  it('art. 3.88 §1, 1°: two thirds for works on the common parts and enjoyment clauses', () => {
    expect(requiredMajority('common_works')).toBe('two_thirds')
    expect(requiredMajority('statutes_enjoyment')).toBe('two_thirds')
  })
  it('art. 3.88 §1, 2°: four fifths for the reserve-fund waiver, other statute changes, disposal of common parts', () => {
    expect(requiredMajority('reserve_fund_waiver')).toBe('four_fifths')
    expect(requiredMajority('statutes_other')).toBe('four_fifths')
    expect(requiredMajority('common_disposal')).toBe('four_fifths')
  })
  it('art. 3.88 §3: unanimity of all the votes to change the quote-parts', () => {
    expect(requiredMajority('quote_parts_change')).toBe('unanimity')
  })
  it('every decision type cites its article', () => {
    for (const d of Object.values(DECISION_TYPES)) expect(d.article).toMatch(/^art\. 3\.8[678]/)
  })
  it('the syndic may choose a stricter majority, never a lower one', () => {
    expect(isAtLeast('four_fifths', 'two_thirds')).toBe(true)
    expect(isAtLeast('two_thirds', 'four_fifths')).toBe(false)
    for (const m of MAJORITIES) expect(isAtLeast(m, m)).toBe(true)
  })
})

describe('art. 3.87 §5: quorum at the opening', () => {
  const q = (ownersPresent: number, ownersTotal: number, votesPresent: number, secondAssembly = false) =>
    computeQuorum({ ownersPresent, ownersTotal, votesPresent, votesTotal: 1000, secondAssembly })

  it('more than half of the owners AND at least half of the quote-parts', () => {
    expect(q(3, 5, 500)).toMatchObject({ reached: true, rule: 'double_quorum' })
    expect(q(3, 6, 600)).toMatchObject({ reached: false, rule: 'not_reached' })
    expect(q(3, 5, 499).reached).toBe(false)
  })
  it('or more than three quarters of the quote-parts, whatever the number of owners', () => {
    expect(q(2, 10, 751)).toMatchObject({ reached: true, rule: 'three_quarters' })
    expect(q(2, 10, 750).reached).toBe(false)
  })
  it('a second assembly deliberates whatever the attendance', () => {
    expect(q(1, 10, 10, true)).toMatchObject({ reached: true, rule: 'second_assembly' })
  })
  it('explains a failure with the numbers', () => {
    expect(q(2, 10, 300).explanation).toContain('2 of 10 owners')
  })
})

describe('art. 3.87 §7: proxies', () => {
  const base = {
    grantorOwnerId: 'g',
    holderOwnerId: 'h',
    holderName: null,
    holderOwnVotes: 20,
    grantorVotes: 20,
    totalVotes: 1000,
    syndicOwnerIds: [],
  }
  it('at most three proxies per holder…', () => {
    expect(proxyRefusal({ ...base, heldGrantorVotes: [20, 20] })).toBeNull()
    expect(proxyRefusal({ ...base, heldGrantorVotes: [200, 20, 20] })).toMatchObject({
      code: 'proxy_limit',
      params: { count: 4, held: 280, total: 1000 },
    })
  })
  it('…unless the holder’s own and represented votes stay within 10 % of all votes', () => {
    expect(proxyRefusal({ ...base, heldGrantorVotes: [20, 20, 20] })).toBeNull() // 20 + 80 = 100 = 10 %
    expect(proxyRefusal({ ...base, holderOwnVotes: 21, heldGrantorVotes: [20, 20, 20] })?.code).toBe(
      'proxy_limit',
    )
  })
  it('the syndic and its staff may not hold a proxy', () => {
    expect(proxyRefusal({ ...base, heldGrantorVotes: [], syndicOwnerIds: ['h'] })?.code).toBe(
      'proxy_holder_is_syndic',
    )
  })
  it('a proxy names its holder, who is not the grantor', () => {
    expect(proxyRefusal({ ...base, holderOwnerId: null, heldGrantorVotes: [] })?.code).toBe(
      'proxy_holder_missing',
    )
    expect(proxyRefusal({ ...base, holderOwnerId: 'g', heldGrantorVotes: [] })?.code).toBe('proxy_to_self')
  })
})

const person = (key: string, votes: number): TallyParticipant => ({
  key,
  ownerId: key,
  holderName: null,
  votes,
})
const ballot = (
  ownerId: string,
  votes: number,
  choice: TallyBallot['choice'],
  participantKey = ownerId,
): TallyBallot => ({
  ownerId,
  participantKey,
  votes,
  choice,
})

describe('art. 3.87 §8 and art. 3.88: counting the votes cast', () => {
  it('abstentions, blank and invalid votes are not votes cast', () => {
    const t = tallyVotes({
      majority: 'absolute',
      totalVotes: 1000,
      participants: [person('a', 400), person('b', 300), person('c', 200), person('d', 100)],
      ballots: [
        ballot('a', 400, 'for'),
        ballot('b', 300, 'against'),
        ballot('c', 200, 'abstain'),
        ballot('d', 100, 'blank'),
      ],
    })
    expect(t).toMatchObject({ adopted: true, for: 400, against: 300, abstain: 200, blank: 100, cast: 700 })
    expect(t.explanation).toContain('57.14 %')
  })
  it('absolute majority is MORE than half: a tie is rejected', () => {
    const t = tallyVotes({
      majority: 'absolute',
      totalVotes: 1000,
      participants: [person('a', 300), person('b', 300)],
      ballots: [ballot('a', 300, 'for'), ballot('b', 300, 'against')],
    })
    expect(t.adopted).toBe(false)
  })
  it('two thirds and four fifths are reached exactly at the fraction (art. 3.88 §1)', () => {
    const two = (f: number, a: number) =>
      tallyVotes({
        majority: 'two_thirds',
        totalVotes: 1000,
        // C is present and does not vote: nobody is above the others, no reduction.
        participants: [person('a', f), person('b', a), person('c', 1000)],
        ballots: [ballot('a', f, 'for'), ballot('b', a, 'against')],
      }).adopted
    expect(two(200, 100)).toBe(true)
    expect(two(199, 100)).toBe(false)
    const four = (f: number, a: number) =>
      tallyVotes({
        majority: 'four_fifths',
        totalVotes: 1000,
        participants: [person('a', f), person('b', a), person('c', 1000)],
        ballots: [ballot('a', f, 'for'), ballot('b', a, 'against')],
      }).adopted
    expect(four(400, 100)).toBe(true)
    expect(four(399, 100)).toBe(false)
  })
  it('unanimity counts all the votes of the building: a lot absent makes it fail (art. 3.88 §3)', () => {
    const participants = [person('a', 600), person('b', 300)]
    const t = tallyVotes({
      majority: 'unanimity',
      totalVotes: 1000,
      participants,
      ballots: [ballot('a', 600, 'for'), ballot('b', 300, 'for')],
    })
    expect(t).toMatchObject({ adopted: false, for: 900, reductions: [] })
    expect(t.explanation).toContain("For 900 of the building's 1000 votes")
  })
})

describe('art. 3.87 §7: vote reduction', () => {
  it('brings the one person above all the others down to their total, and says so', () => {
    // A 600 present, B 250, C 150: A votes against, B and C for.
    const t = tallyVotes({
      majority: 'absolute',
      totalVotes: 1000,
      participants: [person('a', 600), person('b', 250), person('c', 150)],
      ballots: [ballot('a', 600, 'against'), ballot('b', 250, 'for'), ballot('c', 150, 'for')],
    })
    expect(t.reductions).toEqual([{ ownerId: 'a', holderName: null, from: 600, to: 400 }])
    expect(t).toMatchObject({ for: 400, against: 400, adopted: false })
    expect(t.explanation).toContain('counted for 400')
  })
  it('a proxy holder above the others is reduced on every ballot alike: here the item passes only after reduction', () => {
    // H holds 500 of their own (against) and carries G's 200 (for, on G's instruction); B 250 for.
    const participants: TallyParticipant[] = [person('h', 700), person('b', 250)]
    const ballots = [ballot('h', 500, 'against'), ballot('g', 200, 'for', 'h'), ballot('b', 250, 'for')]
    const t = tallyVotes({ majority: 'absolute', totalVotes: 1000, participants, ballots })
    expect(t.reductions).toEqual([{ ownerId: 'h', holderName: null, from: 700, to: 250 }])
    // H's 700 count as 250: against 500 × 250/700 ≈ 178.57, for 200 × 250/700 ≈ 71.43 (+ B's 250).
    expect(t.against).toBeCloseTo(178.571, 2)
    expect(t.for).toBeCloseTo(321.429, 2)
    expect(t.adopted).toBe(true)
    const unreduced = ballots.reduce((s, b) => s + (b.choice === 'for' ? b.votes : 0), 0)
    expect(unreduced).toBeLessThan(500) // 450 for vs 500 against without the reduction: rejected
  })
})
