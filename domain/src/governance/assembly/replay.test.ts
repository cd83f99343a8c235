import { describe, expect, it } from 'vitest'
import {
  type ActKind,
  type ActPayloads,
  appendAct,
  type MeetingAct,
  replayMeeting,
  requiredMajority,
  statutoryMajorityIssues,
  verifyChain,
} from './index.ts'
import type { MeetingSetup } from './register.ts'

const voter = (ownerId: string, votes: number) => ({
  ownerId,
  name: ownerId.toUpperCase(),
  votes,
  units: [{ unitId: `u-${ownerId}`, unitNumber: ownerId, quota: votes }],
})

/** 1000 votes: a 400, b 300, c 200, d 40, e 30, f 20, g 10. */
const setup: MeetingSetup = {
  register: {
    meetingId: 'm',
    buildingId: 'b',
    totalVotes: 1000,
    voters: [
      voter('a', 400),
      voter('b', 300),
      voter('c', 200),
      voter('d', 40),
      voter('e', 30),
      voter('f', 20),
      voter('g', 10),
    ],
    proxies: [],
  },
  resolutions: [
    { id: 'r1', position: 1, title: 'Accounts', decisionType: 'ordinary', majority: 'absolute' },
    { id: 'r2', position: 2, title: 'Syndic mandate', decisionType: 'ordinary', majority: 'absolute' },
  ],
  secondAssembly: false,
  syndicOwnerIds: ['g'],
}

function log() {
  const acts: MeetingAct[] = []
  let t = Date.parse('2027-03-01T18:00:00Z')
  const self = {
    acts,
    add<K extends ActKind>(kind: K, payload: ActPayloads[K]) {
      t += 60_000
      acts.push(appendAct(acts, kind, payload, new Date(t).toISOString()))
      return self
    },
  }
  return self
}

const present = (...ids: string[]) => {
  const l = log()
  for (const id of ids) l.add('checked_in', { ownerId: id })
  return l
}

const refusal = (acts: MeetingAct[]) => {
  const r = replayMeeting(setup, acts)
  if (r.ok) throw new Error('expected a refusal')
  return r.error
}

describe('replayMeeting', () => {
  it('records a meeting and adopts by absolute majority, with a verifiable chain', () => {
    const l = present('a', 'b', 'c')
      .add('opened', {})
      .add('vote_opened', { resolutionId: 'r1', excludedOwnerIds: [] })
      .add('ballot', { resolutionId: 'r1', ownerId: 'a', choice: 'for' })
      .add('ballot', { resolutionId: 'r1', ownerId: 'b', choice: 'against' })
      .add('ballot', { resolutionId: 'r1', ownerId: 'c', choice: 'abstain' })
      .add('vote_closed', { resolutionId: 'r1' })
      .add('signed', { role: 'chair', name: 'A' })
      .add('closed', {})
    expect(verifyChain(l.acts).ok).toBe(true)
    const state = replayMeeting(setup, l.acts)
    if (!state.ok) throw new Error(state.error.message)
    expect(state.value.phase).toBe('closed')
    expect(state.value.quorum).toMatchObject({ reached: true, rule: 'three_quarters' })
    expect(state.value.resolutions[0]).toMatchObject({
      status: 'adopted',
      for: 400,
      against: 300,
      abstain: 200,
      cast: 700,
    })
    expect(state.value.resolutions[1]?.status).toBe('pending')
  })

  it('statutes raising a majority (art. 3.88 minimums): adopted under the law, rejected under the statutes', () => {
    // a 400 for, b 300 against: 57.14 % of the votes cast — more than half, less than two thirds.
    const l = present('a', 'b', 'c')
      .add('opened', {})
      .add('vote_opened', { resolutionId: 'r1', excludedOwnerIds: [] })
      .add('ballot', { resolutionId: 'r1', ownerId: 'a', choice: 'for' })
      .add('ballot', { resolutionId: 'r1', ownerId: 'b', choice: 'against' })
      .add('vote_closed', { resolutionId: 'r1' })
    const legal = replayMeeting(setup, l.acts)
    const statutory = replayMeeting({ ...setup, statutoryMajorities: { ordinary: 'two_thirds' } }, l.acts)
    if (!legal.ok || !statutory.ok) throw new Error('replay refused')
    expect(legal.value.resolutions[0]).toMatchObject({ status: 'adopted', majority: 'absolute' })
    expect(statutory.value.resolutions[0]).toMatchObject({ status: 'rejected', majority: 'two_thirds' })
    expect(statutory.value.resolutions[0]?.explanation).toContain('two-thirds majority')
    // Not yet voted: the item already shows the statutory majority.
    expect(statutory.value.resolutions[1]?.majority).toBe('two_thirds')
    // A statutory majority below the law's is never applied (and refused when saved).
    const lowered = replayMeeting(
      {
        ...setup,
        resolutions: [
          { id: 'r1', position: 1, title: 'Works', decisionType: 'common_works', majority: 'two_thirds' },
        ],
        statutoryMajorities: { common_works: 'absolute' },
      },
      l.acts,
    )
    if (!lowered.ok) throw new Error('replay refused')
    expect(lowered.value.resolutions[0]).toMatchObject({ status: 'rejected', majority: 'two_thirds' })
  })

  it('requiredMajority takes the stricter of the law and the statutes; statutes below the law are refused', () => {
    expect(requiredMajority('ordinary')).toBe('absolute')
    expect(requiredMajority('ordinary', { ordinary: 'four_fifths' })).toBe('four_fifths')
    expect(requiredMajority('reserve_fund_waiver', { reserve_fund_waiver: 'two_thirds' })).toBe('four_fifths')
    expect(statutoryMajorityIssues({ ordinary: 'two_thirds', common_works: 'unanimity' })).toEqual([])
    expect(statutoryMajorityIssues({ reserve_fund_waiver: 'two_thirds', nope: 'absolute' })).toEqual([
      {
        path: 'statutory_majorities.reserve_fund_waiver',
        message:
          'is below the four_fifths majority the law requires (art. 3.86 §3); statutes may only raise it',
      },
      { path: 'statutory_majorities.nope', message: 'is not a decision type' },
    ])
  })

  it('verifyChain names the first altered act', () => {
    const l = present('a', 'b', 'c')
    const tampered = l.acts.map((a) =>
      a.seq === 2 ? ({ ...a, payload: { ownerId: 'd' } } as MeetingAct) : a,
    )
    expect(verifyChain(tampered)).toMatchObject({ ok: false, error: { seq: 2, code: 'log_hash_mismatch' } })
    const dropped = l.acts.filter((a) => a.seq !== 2)
    expect(verifyChain(dropped)).toMatchObject({ ok: false, error: { seq: 3, code: 'log_seq_gap' } })
  })

  it('art. 3.87 §5: no vote without the quorum at the opening', () => {
    const l = present('a', 'd')
      .add('opened', {})
      .add('vote_opened', { resolutionId: 'r1', excludedOwnerIds: [] })
    expect(refusal(l.acts)).toMatchObject({ seq: 4, code: 'quorum_not_reached' })
  })

  it('votes count only for those present at the vote: an owner who left cannot vote', () => {
    const l = present('a', 'b', 'c')
      .add('opened', {})
      .add('checked_out', { ownerId: 'b' })
      .add('vote_opened', { resolutionId: 'r1', excludedOwnerIds: [] })
      .add('ballot', { resolutionId: 'r1', ownerId: 'b', choice: 'against' })
    expect(refusal(l.acts)).toMatchObject({ seq: 7, code: 'owner_absent' })
  })

  it('art. 3.87 §7: a fourth proxy above 10 % of the votes is refused, with the reason and the seq', () => {
    const l = present('a', 'b', 'c')
      .add('proxy_given', { grantorOwnerId: 'd', holderOwnerId: 'c' })
      .add('proxy_given', { grantorOwnerId: 'e', holderOwnerId: 'c' })
      .add('proxy_given', { grantorOwnerId: 'f', holderOwnerId: 'c' })
      .add('proxy_given', { grantorOwnerId: 'g', holderOwnerId: 'c' })
    const r = refusal(l.acts)
    expect(r).toMatchObject({ seq: 7, code: 'proxy_limit', params: { count: 4, held: 300, total: 1000 } })
    expect(r.message).toContain('proxy no. 4')
  })

  it('art. 3.87 §7: up to 10 % of the votes a holder may carry more than three proxies', () => {
    const l = present('a', 'b', 'c')
      .add('proxy_given', { grantorOwnerId: 'd', holderName: 'Jean Voisin' })
      .add('proxy_given', { grantorOwnerId: 'e', holderName: 'Jean Voisin' })
      .add('proxy_given', { grantorOwnerId: 'f', holderName: 'Jean Voisin' })
      .add('proxy_given', { grantorOwnerId: 'g', holderName: 'Jean Voisin' })
    const state = replayMeeting(setup, l.acts)
    expect(state.ok).toBe(true)
    if (state.ok) expect(state.value.attendance.filter((a) => a.status === 'represented')).toHaveLength(4)
  })

  it('art. 3.87 §7: the syndic (an owner of its staff) may not hold a proxy', () => {
    const l = present('g').add('proxy_given', { grantorOwnerId: 'd', holderOwnerId: 'g' })
    expect(refusal(l.acts)).toMatchObject({ seq: 2, code: 'proxy_holder_is_syndic' })
  })

  it('a proxy holder votes for the grantor while present; the grantor counts as represented', () => {
    const l = present('a', 'b', 'c')
      .add('proxy_given', { grantorOwnerId: 'd', holderOwnerId: 'c' })
      .add('opened', {})
      .add('vote_opened', { resolutionId: 'r1', excludedOwnerIds: [] })
      .add('ballot', { resolutionId: 'r1', ownerId: 'd', choice: 'for' })
      .add('checked_out', { ownerId: 'c' })
      .add('ballot', { resolutionId: 'r1', ownerId: 'c', choice: 'for' })
    // C left: neither C nor C's grantor may vote any more.
    expect(refusal(l.acts)).toMatchObject({ seq: 9, code: 'owner_absent' })
  })

  it('art. 3.87 §9: an owner mandated by the association for an item is excluded from its vote', () => {
    const l = present('a', 'b', 'c')
      .add('opened', {})
      .add('vote_opened', { resolutionId: 'r2', excludedOwnerIds: ['b'] })
      .add('ballot', { resolutionId: 'r2', ownerId: 'b', choice: 'for' })
    expect(refusal(l.acts)).toMatchObject({ seq: 6, code: 'owner_excluded' })
  })

  it('one vote at a time; a closed item is not voted again; nothing after the closing', () => {
    const base = () =>
      present('a', 'b', 'c')
        .add('opened', {})
        .add('vote_opened', { resolutionId: 'r1', excludedOwnerIds: [] })
    expect(
      refusal(base().add('vote_opened', { resolutionId: 'r2', excludedOwnerIds: [] }).acts),
    ).toMatchObject({
      seq: 6,
      code: 'vote_already_open',
    })
    const closed = base().add('vote_closed', { resolutionId: 'r1' })
    expect(
      refusal(closed.add('vote_opened', { resolutionId: 'r1', excludedOwnerIds: [] }).acts),
    ).toMatchObject({
      code: 'resolution_already_voted',
    })
    const ended = base()
      .add('vote_closed', { resolutionId: 'r1' })
      .add('closed', {})
      .add('checked_in', { ownerId: 'd' })
    expect(refusal(ended.acts)).toMatchObject({ seq: 8, code: 'meeting_closed' })
  })
})
