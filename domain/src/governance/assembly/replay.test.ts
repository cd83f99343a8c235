import { describe, expect, it } from 'vitest'
import { appendAct, type MeetingAct, replayMeeting, verifyChain } from './index.ts'
import type { MeetingSetup } from './register.ts'

const voter = (ownerId: string, votes: number) => ({
  ownerId,
  name: ownerId.toUpperCase(),
  votes,
  units: [{ unitId: `u-${ownerId}`, unitNumber: ownerId, quota: votes }],
})

const setup: MeetingSetup = {
  register: {
    meetingId: 'm',
    buildingId: 'b',
    totalVotes: 1000,
    voters: [voter('a', 400), voter('b', 300), voter('c', 200), voter('d', 100)],
    proxies: [],
  },
  resolutions: [{ id: 'r1', position: 1, title: 'Accounts', decisionType: 'ordinary', majority: 'absolute' }],
  secondAssembly: false,
  syndicOwnerIds: [],
}

function log(...steps: [MeetingAct['kind'], Record<string, unknown>][]): MeetingAct[] {
  const acts: MeetingAct[] = []
  let t = Date.parse('2026-03-01T18:00:00Z')
  for (const [kind, payload] of steps) {
    acts.push(appendAct(acts, kind, payload as never, new Date((t += 60_000)).toISOString()))
  }
  return acts
}

describe('replayMeeting (smoke)', () => {
  it('records a meeting, adopts by absolute majority and verifies the chain', () => {
    const acts = log(
      ['checked_in', { ownerId: 'a' }],
      ['checked_in', { ownerId: 'b' }],
      ['checked_in', { ownerId: 'c' }],
      ['opened', {}],
      ['vote_opened', { resolutionId: 'r1', excludedOwnerIds: [] }],
      ['ballot', { resolutionId: 'r1', ownerId: 'a', choice: 'for' }],
      ['ballot', { resolutionId: 'r1', ownerId: 'b', choice: 'against' }],
      ['ballot', { resolutionId: 'r1', ownerId: 'c', choice: 'abstain' }],
      ['vote_closed', { resolutionId: 'r1' }],
      ['closed', {}],
    )
    expect(verifyChain(acts).ok).toBe(true)
    const state = replayMeeting(setup, acts)
    if (!state.ok) throw new Error(state.error.message)
    expect(state.value.quorum.reached).toBe(true)
    expect(state.value.resolutions[0]).toMatchObject({
      status: 'adopted',
      for: 400,
      against: 300,
      abstain: 200,
      cast: 700,
    })
  })
})
