import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  appendAct,
  type BallotChoice,
  computeQuorum,
  type MeetingAct,
  type MeetingSetup,
  reductionOf,
  replayMeeting,
  tallyVotes,
} from './index.ts'

/* Property-based checks of the assembly's rules (issue #14 "Done when"). */

const CHOICES: BallotChoice[] = ['for', 'against', 'abstain', 'blank', 'invalid']

/** A building: owners with quotas, who is present, and each present owner's choice. */
const building = fc
  .array(
    fc.record({
      quota: fc.integer({ min: 1, max: 500 }),
      present: fc.boolean(),
      choice: fc.constantFrom(...CHOICES),
    }),
    { minLength: 2, maxLength: 9 },
  )
  .map((owners) => owners.map((o, i) => ({ ...o, ownerId: `o${i}` })))

type Owner = { ownerId: string; quota: number; present: boolean; choice: BallotChoice }

function setupOf(
  owners: readonly Owner[],
  majority: MeetingSetup['resolutions'][number]['majority'],
): MeetingSetup {
  const total = owners.reduce((s, o) => s + o.quota, 0)
  return {
    register: {
      meetingId: 'm',
      buildingId: 'b',
      totalVotes: total,
      voters: owners.map((o) => ({
        ownerId: o.ownerId,
        name: o.ownerId,
        votes: o.quota,
        units: [{ unitId: `u${o.ownerId}`, unitNumber: o.ownerId, quota: o.quota }],
      })),
      proxies: [],
    },
    resolutions: [{ id: 'r', position: 1, title: 'R', decisionType: 'ordinary', majority }],
    // A second assembly deliberates whatever the attendance: the vote always takes place.
    secondAssembly: true,
    syndicOwnerIds: [],
  }
}

function logOf(owners: readonly Owner[]): MeetingAct[] {
  const acts: MeetingAct[] = []
  let t = Date.parse('2027-01-01T18:00:00Z')
  const add = (kind: MeetingAct['kind'], payload: unknown) => {
    t += 1000
    acts.push(appendAct(acts, kind, payload as never, new Date(t).toISOString()))
  }
  for (const o of owners) if (o.present) add('checked_in', { ownerId: o.ownerId })
  add('opened', {})
  add('vote_opened', { resolutionId: 'r', excludedOwnerIds: [] })
  for (const o of owners)
    if (o.present) add('ballot', { resolutionId: 'r', ownerId: o.ownerId, choice: o.choice })
  add('vote_closed', { resolutionId: 'r' })
  return acts
}

function resultOf(
  owners: readonly Owner[],
  registerOrder: readonly Owner[],
  majority: MeetingSetup['resolutions'][number]['majority'],
) {
  const replayed = replayMeeting(setupOf(registerOrder, majority), logOf(owners))
  if (!replayed.ok) throw new Error(replayed.error.message)
  const r = replayed.value.resolutions[0]
  return r && { status: r.status, for: r.for, against: r.against, cast: r.cast, reductions: r.reductions }
}

describe('assembly rules, for any building', () => {
  it('a result never changes when the owners are listed, arrive or vote in another order', () => {
    fc.assert(
      fc.property(
        building,
        fc.constantFrom('absolute', 'two_thirds', 'four_fifths', 'unanimity' as const),
        fc.infiniteStream(fc.nat()),
        (owners, majority, stream) => {
          const shuffled = [...owners]
          for (let i = shuffled.length - 1; i > 0; i--) {
            const j = (stream.next().value as number) % (i + 1)
            ;[shuffled[i], shuffled[j]] = [shuffled[j] as Owner, shuffled[i] as Owner]
          }
          const reversed = [...owners].reverse()
          const a = resultOf(owners, owners, majority)
          expect(resultOf(shuffled, reversed, majority)).toEqual(a)
          expect(resultOf(reversed, shuffled, majority)).toEqual(a)
        },
      ),
    )
  })

  it('vote reduction never leaves anyone above the total of all the others (art. 3.87 §7)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 10_000 }), { minLength: 1, maxLength: 12 }), (votes) => {
        const participants = votes.map((v, i) => ({
          key: `p${i}`,
          ownerId: `p${i}`,
          holderName: null,
          votes: v,
        }))
        const reduction = reductionOf(participants)
        const effective = participants.map((p) => (reduction?.key === p.key ? reduction.to : p.votes))
        const total = effective.reduce((s, v) => s + v, 0)
        // Whenever someone else holds votes: nobody above the others. Alone: not reduced (see below).
        for (const e of effective) if (total - e > 0) expect(e).toBeLessThanOrEqual(total - e)
        if (votes.filter((v) => v > 0).length <= 1) expect(reduction).toBeNull()
        // And the tally counts exactly those weights when everyone votes for.
        const t = tallyVotes({
          majority: 'absolute',
          totalVotes: 1,
          participants,
          ballots: participants.map((p) => ({
            ownerId: p.key,
            participantKey: p.key,
            votes: p.votes,
            choice: 'for' as const,
          })),
        })
        expect(t.for).toBeCloseTo(total, 6)
      }),
    )
  })

  it('a participant alone in the vote is not reduced to zero: he decides alone (art. 3.87 §7, our reading)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000 }),
        fc.array(fc.constant(0), { maxLength: 4 }),
        fc.constantFrom('absolute', 'two_thirds', 'four_fifths') as fc.Arbitrary<
          'absolute' | 'two_thirds' | 'four_fifths'
        >,
        fc.constantFrom('for', 'against') as fc.Arbitrary<'for' | 'against'>,
        (alone, zeros, majority, choice) => {
          const participants = [alone, ...zeros].map((v, i) => ({
            key: `p${i}`,
            ownerId: `p${i}`,
            holderName: null,
            votes: v,
          }))
          expect(reductionOf(participants)).toBeNull()
          const t = tallyVotes({
            majority,
            totalVotes: alone * 2,
            participants,
            ballots: [{ ownerId: 'p0', participantKey: 'p0', votes: alone, choice }],
          })
          expect(t.reductions).toEqual([])
          expect(t.cast).toBe(alone)
          expect(t.adopted).toBe(choice === 'for')
        },
      ),
    )
  })

  it('unanimity fails as soon as one lot is absent, and passes when every lot votes for (art. 3.88 §3)', () => {
    fc.assert(
      fc.property(building, fc.nat(), (owners, pick) => {
        const allFor = owners.map((o) => ({ ...o, present: true, choice: 'for' as const }))
        expect(resultOf(allFor, allFor, 'unanimity')?.status).toBe('adopted')
        const absent = pick % allFor.length
        const oneAbsent = allFor.map((o, i) => (i === absent ? { ...o, present: false } : o))
        expect(resultOf(oneAbsent, oneAbsent, 'unanimity')?.status).toBe('rejected')
      }),
    )
  })

  it('the quorum is monotone in attendance: more owners or quote-parts never lose it (art. 3.87 §5)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 300 }),
        fc.integer({ min: 1, max: 100_000 }),
        fc.nat(),
        fc.nat(),
        fc.nat(),
        fc.nat(),
        (ownersTotal, votesTotal, a, b, extraOwners, extraVotes) => {
          const ownersPresent = a % (ownersTotal + 1)
          const votesPresent = b % (votesTotal + 1)
          const more = {
            ownersPresent: Math.min(ownersTotal, ownersPresent + (extraOwners % (ownersTotal + 1))),
            votesPresent: Math.min(votesTotal, votesPresent + (extraVotes % (votesTotal + 1))),
          }
          const before = computeQuorum({
            ownersPresent,
            ownersTotal,
            votesPresent,
            votesTotal,
            secondAssembly: false,
          })
          const after = computeQuorum({ ...more, ownersTotal, votesTotal, secondAssembly: false })
          if (before.reached) expect(after.reached).toBe(true)
        },
      ),
    )
  })
})
