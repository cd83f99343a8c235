import { err, ok, type Result } from '../../shared/result.ts'
import { type Majority, requiredMajority, strictest } from './majority.ts'
import {
  BALLOT_CHOICES,
  type BallotChoice,
  type CapturedSignature,
  type MeetingAct,
  SIGNATORY_ROLES,
  type SignatoryRole,
} from './meeting-log.ts'
import { proxyRefusal } from './proxies.ts'
import { computeQuorum, type QuorumResult } from './quorum.ts'
import { type RefusalCode, type RefusalParams, refusalText } from './refusals.ts'
import type { AssemblyVoter, AssemblyVoterUnit, MeetingSetup } from './register.ts'
import { type TallyBallot, type TallyParticipant, tallyVotes, type VoteReduction } from './tally.ts'

/*
 * Replaying a meeting's log into its state, refusing the acts the law refuses (issue #14, ADR 0029).
 * The replay does not check hashes: verify the chain first (meeting-log.ts verifyChain); it checks
 * the law and the meeting's own order (one vote at a time, nothing after the closing…).
 * `createMeetingReplay` applies acts one by one (the server and the browser keep one per meeting and
 * feed it new acts); `replayMeeting` replays a whole log. Each act costs O(1) except the opening
 * (quorum) and a vote's closing (tally), which walk the register once.
 */

export type AttendanceStatus = 'present' | 'represented' | 'absent'

export type AttendanceLine = {
  readonly ownerId: string
  readonly name: string
  readonly votes: number
  readonly units: readonly AssemblyVoterUnit[]
  readonly status: AttendanceStatus
  /** Last arrival and departure (votes count only those present at the vote). */
  readonly arrivedAt: string | null
  readonly leftAt: string | null
  /** Who carries this owner's vote while represented. */
  readonly representedBy: { readonly ownerId: string | null; readonly name: string } | null
  readonly signature: CapturedSignature | null
}

export type ProxyLine = {
  readonly grantorOwnerId: string
  readonly holderOwnerId: string | null
  readonly holderName: string | null
  /** 'online': given in the portal before the meeting; 'room': recorded at the desk. */
  readonly source: 'online' | 'room'
  /** Whether the holder is in the room, so the proxy counts now. */
  readonly effective: boolean
}

export type ResolutionStatus = 'pending' | 'open' | 'adopted' | 'rejected'

export type ResolutionResult = {
  readonly resolutionId: string
  readonly status: ResolutionStatus
  readonly majority: Majority
  readonly for: number
  readonly against: number
  readonly abstain: number
  readonly blank: number
  readonly invalid: number
  readonly cast: number
  readonly reductions: readonly VoteReduction[]
  readonly excludedOwnerIds: readonly string[]
  /** Each ballot (the minutes name those who voted against or abstained). */
  readonly ballots: readonly { readonly ownerId: string; readonly choice: BallotChoice }[]
  readonly explanation: string
}

export type MeetingPhase = 'before' | 'open' | 'closed'

export type MeetingState = {
  readonly phase: MeetingPhase
  readonly openedAt: string | null
  readonly closedAt: string | null
  readonly attendance: readonly AttendanceLine[]
  readonly proxies: readonly ProxyLine[]
  /** Frozen at the opening (art. 3.87 §5: only the start counts); live before it. */
  readonly quorum: QuorumResult
  readonly currentResolutionId: string | null
  readonly resolutions: readonly ResolutionResult[]
  readonly signatures: readonly {
    readonly role: SignatoryRole
    readonly name: string
    readonly ownerId: string | null
    readonly at: string
  }[]
  readonly lastSeq: number
  readonly lastHash: string
}

export type ActRefusalCode = RefusalCode

/** Why an act cannot be recorded: its seq (0 for an online proxy of the register), a code, its values, a sentence. */
export type ActRefusal = {
  readonly seq: number
  readonly code: ActRefusalCode
  readonly params: RefusalParams
  readonly message: string
}

type Proxy = {
  grantorOwnerId: string
  holderOwnerId: string | null
  holderName: string | null
  source: 'online' | 'room'
  /** A proxy to a named outsider counts once the desk has recorded it (the holder is in the room). */
  confirmed: boolean
}

type OpenVote = {
  resolutionId: string
  excluded: Set<string>
  /** Owner → the participant carrying their vote when the vote opened (eligible owners only). */
  attendingAtOpen: Map<string, string>
  ballots: Map<string, TallyBallot>
}

type Closed = { result: ResolutionResult }

export type MeetingReplay = {
  /** Applies one act (already chain-verified); on refusal the state is unchanged. */
  apply(act: MeetingAct): Result<void, ActRefusal>
  state(): MeetingState
  readonly lastSeq: number
  readonly lastHash: string
}

const holderKeyOf = (p: Pick<Proxy, 'holderOwnerId' | 'holderName'>) =>
  p.holderOwnerId ?? `name:${(p.holderName ?? '').trim()}`

function refusalAt(seq: number, code: ActRefusalCode, params: RefusalParams = {}): ActRefusal {
  const all = { seq, ...params }
  return { seq, code, params: all, message: refusalText(code, all) }
}

/** A replay positioned before the first act, with the register's online proxies in force. */
export function createMeetingReplay(setup: MeetingSetup): Result<MeetingReplay, ActRefusal> {
  const { register } = setup
  const voters = new Map<string, AssemblyVoter>(register.voters.map((v) => [v.ownerId, v]))
  // Each item's majority: the one chosen for it, raised to what the statutes require for its type
  // (settings changed after the item was added still apply). Same code on the server and offline.
  const resolutions = new Map(
    setup.resolutions.map((r) => [
      r.id,
      { ...r, majority: strictest(r.majority, requiredMajority(r.decisionType, setup.statutoryMajorities)) },
    ]),
  )
  const presence = new Map<
    string,
    { present: boolean; arrivedAt: string | null; leftAt: string | null; signature: CapturedSignature | null }
  >()
  const proxies = new Map<string, Proxy>()
  /** Holder key → grantors, for the art. 3.87 §7 limits. */
  const held = new Map<string, Set<string>>()
  const closedVotes = new Map<string, Closed>()
  const signatures: { role: SignatoryRole; name: string; ownerId: string | null; at: string }[] = []
  let phase: MeetingPhase = 'before'
  let openedAt: string | null = null
  let closedAt: string | null = null
  let frozenQuorum: QuorumResult | null = null
  let openVote: OpenVote | null = null
  let lastSeq = 0
  let lastHash = ''
  let lastAt = ''

  const isPresent = (ownerId: string) => presence.get(ownerId)?.present === true
  /** The participant carrying an owner's vote now, or null when the owner is absent. */
  const carrierOf = (ownerId: string): string | null => {
    if (isPresent(ownerId)) return ownerId
    const p = proxies.get(ownerId)
    if (!p) return null
    if (p.holderOwnerId !== null) return isPresent(p.holderOwnerId) ? p.holderOwnerId : null
    return p.confirmed ? holderKeyOf(p) : null
  }

  const addProxy = (seq: number, p: Proxy): ActRefusal | null => {
    if (!voters.has(p.grantorOwnerId)) return refusalAt(seq, 'proxy_grantor_unknown')
    if (p.holderOwnerId !== null && !voters.has(p.holderOwnerId))
      return refusalAt(seq, 'proxy_holder_unknown')
    const existing = proxies.get(p.grantorOwnerId)
    if (existing) {
      // The desk confirming an online proxy to a named outsider: the same holder, now in the room.
      if (p.source === 'room' && holderKeyOf(existing) === holderKeyOf(p)) {
        existing.confirmed = true
        return null
      }
      return refusalAt(seq, 'proxy_already_given')
    }
    if (isPresent(p.grantorOwnerId)) return refusalAt(seq, 'proxy_grantor_present')
    const key = holderKeyOf(p)
    const grantors = held.get(key) ?? new Set<string>()
    const refusal = proxyRefusal({
      grantorOwnerId: p.grantorOwnerId,
      holderOwnerId: p.holderOwnerId,
      holderName: p.holderName,
      holderOwnVotes: p.holderOwnerId ? (voters.get(p.holderOwnerId)?.votes ?? 0) : 0,
      heldGrantorVotes: [...grantors].map((g) => voters.get(g)?.votes ?? 0),
      grantorVotes: voters.get(p.grantorOwnerId)?.votes ?? 0,
      totalVotes: register.totalVotes,
      syndicOwnerIds: setup.syndicOwnerIds,
    })
    if (refusal) return refusalAt(seq, refusal.code, refusal.params)
    proxies.set(p.grantorOwnerId, p)
    grantors.add(p.grantorOwnerId)
    held.set(key, grantors)
    return null
  }

  for (const online of register.proxies) {
    const refusal = addProxy(0, { ...online, source: 'online', confirmed: false })
    if (refusal) return err(refusal)
  }

  const attendingNow = () => {
    let owners = 0
    let votes = 0
    for (const v of register.voters) {
      if (carrierOf(v.ownerId) !== null) {
        owners++
        votes += v.votes
      }
    }
    return { owners, votes }
  }
  const quorumNow = (): QuorumResult => {
    const { owners, votes } = attendingNow()
    return computeQuorum({
      ownersPresent: owners,
      ownersTotal: register.voters.length,
      votesPresent: votes,
      votesTotal: register.totalVotes,
      secondAssembly: setup.secondAssembly,
    })
  }

  const tallyOf = (vote: OpenVote) => {
    const resolution = resolutions.get(vote.resolutionId)
    const weights = new Map<string, TallyParticipant>()
    const count = (ownerId: string, key: string) => {
      const votes = voters.get(ownerId)?.votes ?? 0
      const current = weights.get(key)
      if (current) {
        weights.set(key, { ...current, votes: current.votes + votes })
      } else {
        const isOwner = voters.has(key)
        weights.set(key, {
          key,
          ownerId: isOwner ? key : null,
          holderName: isOwner ? null : key.slice('name:'.length),
          votes,
        })
      }
    }
    // Those present or represented when the vote opened, plus anyone who voted after arriving.
    for (const [ownerId, key] of vote.attendingAtOpen) if (!vote.ballots.has(ownerId)) count(ownerId, key)
    for (const b of vote.ballots.values()) count(b.ownerId, b.participantKey)
    return tallyVotes({
      majority: resolution?.majority ?? 'absolute',
      totalVotes: register.totalVotes,
      participants: [...weights.values()],
      ballots: [...vote.ballots.values()],
    })
  }

  const resultOf = (vote: OpenVote, status: ResolutionStatus): ResolutionResult => {
    const t = tallyOf(vote)
    return {
      resolutionId: vote.resolutionId,
      status: status === 'open' ? 'open' : t.adopted ? 'adopted' : 'rejected',
      majority: resolutions.get(vote.resolutionId)?.majority ?? 'absolute',
      for: t.for,
      against: t.against,
      abstain: t.abstain,
      blank: t.blank,
      invalid: t.invalid,
      cast: t.cast,
      reductions: t.reductions,
      excludedOwnerIds: [...vote.excluded],
      ballots: [...vote.ballots.values()].map((b) => ({ ownerId: b.ownerId, choice: b.choice })),
      explanation: status === 'open' ? `Vote in progress. ${t.explanation}` : t.explanation,
    }
  }

  const refuse = (act: MeetingAct, code: ActRefusalCode, params: RefusalParams = {}) =>
    err<ActRefusal>(refusalAt(act.seq, code, params))
  const needVoter = (act: MeetingAct, ownerId: unknown) =>
    typeof ownerId === 'string' && voters.has(ownerId) ? null : refuse(act, 'unknown_owner')

  function apply(act: MeetingAct): Result<void, ActRefusal> {
    if (act.seq !== lastSeq + 1) return refuse(act, 'act_out_of_order', { last: lastSeq })
    if (
      typeof act.at !== 'string' ||
      Number.isNaN(Date.parse(act.at)) ||
      (lastAt !== '' && Date.parse(act.at) < Date.parse(lastAt))
    ) {
      return refuse(act, 'act_time_invalid')
    }
    if (phase === 'closed') return refuse(act, 'meeting_closed')
    const payload = (act.payload ?? {}) as Record<string, unknown>
    const done = () => {
      lastSeq = act.seq
      lastHash = act.hash
      lastAt = act.at
      return ok(undefined)
    }
    switch (act.kind) {
      case 'opened': {
        if (phase !== 'before') return refuse(act, 'meeting_already_opened')
        phase = 'open'
        openedAt = act.at
        frozenQuorum = quorumNow()
        return done()
      }
      case 'checked_in': {
        const unknown = needVoter(act, payload.ownerId)
        if (unknown) return unknown
        const ownerId = payload.ownerId as string
        if (isPresent(ownerId)) return refuse(act, 'already_present')
        const previous = presence.get(ownerId)
        const signature = (payload.signature as CapturedSignature | undefined) ?? previous?.signature ?? null
        presence.set(ownerId, { present: true, arrivedAt: act.at, leftAt: null, signature })
        return done()
      }
      case 'checked_out': {
        const unknown = needVoter(act, payload.ownerId)
        if (unknown) return unknown
        const ownerId = payload.ownerId as string
        const p = presence.get(ownerId)
        if (!p?.present) return refuse(act, 'not_present')
        presence.set(ownerId, { ...p, present: false, leftAt: act.at })
        return done()
      }
      case 'proxy_given': {
        const holderOwnerId = typeof payload.holderOwnerId === 'string' ? payload.holderOwnerId : null
        const holderName =
          typeof payload.holderName === 'string' && holderOwnerId === null ? payload.holderName : null
        const refusal = addProxy(act.seq, {
          grantorOwnerId: String(payload.grantorOwnerId ?? ''),
          holderOwnerId,
          holderName,
          source: 'room',
          confirmed: true,
        })
        return refusal ? err(refusal) : done()
      }
      case 'proxy_revoked': {
        const grantor = String(payload.grantorOwnerId ?? '')
        const p = proxies.get(grantor)
        if (!p) return refuse(act, 'no_proxy')
        proxies.delete(grantor)
        held.get(holderKeyOf(p))?.delete(grantor)
        return done()
      }
      case 'vote_opened': {
        if (phase !== 'open') return refuse(act, 'meeting_not_opened')
        if (frozenQuorum && !frozenQuorum.reached) {
          return refuse(act, 'quorum_not_reached')
        }
        if (openVote) return refuse(act, 'vote_already_open')
        const resolutionId = String(payload.resolutionId ?? '')
        if (!resolutions.has(resolutionId)) return refuse(act, 'unknown_resolution')
        if (closedVotes.has(resolutionId)) return refuse(act, 'resolution_already_voted')
        const excludedIds = Array.isArray(payload.excludedOwnerIds) ? payload.excludedOwnerIds : []
        for (const id of excludedIds) {
          const unknown = needVoter(act, id)
          if (unknown) return unknown
        }
        const excluded = new Set(excludedIds as string[])
        const attendingAtOpen = new Map<string, string>()
        for (const v of register.voters) {
          const key = carrierOf(v.ownerId)
          if (key !== null && !excluded.has(v.ownerId) && !excluded.has(key))
            attendingAtOpen.set(v.ownerId, key)
        }
        openVote = { resolutionId, excluded, attendingAtOpen, ballots: new Map() }
        return done()
      }
      case 'ballot': {
        const vote = openVote
        if (!vote || vote.resolutionId !== payload.resolutionId) {
          return refuse(act, 'vote_not_open')
        }
        const unknown = needVoter(act, payload.ownerId)
        if (unknown) return unknown
        const ownerId = payload.ownerId as string
        if (!BALLOT_CHOICES.includes(payload.choice as BallotChoice)) return refuse(act, 'invalid_payload')
        if (vote.excluded.has(ownerId)) {
          return refuse(act, 'owner_excluded')
        }
        const key = carrierOf(ownerId)
        if (key === null) return refuse(act, 'owner_absent')
        if (vote.excluded.has(key)) {
          return refuse(act, 'owner_excluded')
        }
        if (vote.ballots.has(ownerId)) return refuse(act, 'already_voted')
        vote.ballots.set(ownerId, {
          ownerId,
          participantKey: key,
          votes: voters.get(ownerId)?.votes ?? 0,
          choice: payload.choice as BallotChoice,
        })
        return done()
      }
      case 'vote_closed': {
        if (!openVote || openVote.resolutionId !== payload.resolutionId) {
          return refuse(act, 'vote_not_open')
        }
        closedVotes.set(openVote.resolutionId, { result: resultOf(openVote, 'adopted') })
        openVote = null
        return done()
      }
      case 'signed': {
        if (
          !SIGNATORY_ROLES.includes(payload.role as SignatoryRole) ||
          typeof payload.name !== 'string' ||
          payload.name.trim() === ''
        ) {
          return refuse(act, 'invalid_payload')
        }
        if (payload.ownerId !== undefined) {
          const unknown = needVoter(act, payload.ownerId)
          if (unknown) return unknown
        }
        signatures.push({
          role: payload.role as SignatoryRole,
          name: payload.name,
          ownerId: typeof payload.ownerId === 'string' ? payload.ownerId : null,
          at: act.at,
        })
        return done()
      }
      case 'closed': {
        if (openVote) return refuse(act, 'vote_still_open')
        phase = 'closed'
        closedAt = act.at
        return done()
      }
      default:
        return refuse(act, 'invalid_payload')
    }
  }

  function state(): MeetingState {
    const attendance = register.voters.map((v): AttendanceLine => {
      const p = presence.get(v.ownerId)
      const carrier = carrierOf(v.ownerId)
      const proxy = proxies.get(v.ownerId)
      const status: AttendanceStatus = p?.present ? 'present' : carrier !== null ? 'represented' : 'absent'
      return {
        ownerId: v.ownerId,
        name: v.name,
        votes: v.votes,
        units: v.units,
        status,
        arrivedAt: p?.arrivedAt ?? null,
        leftAt: p?.leftAt ?? null,
        representedBy:
          status === 'represented' && proxy
            ? {
                ownerId: proxy.holderOwnerId,
                name: proxy.holderOwnerId
                  ? (voters.get(proxy.holderOwnerId)?.name ?? '')
                  : (proxy.holderName ?? ''),
              }
            : null,
        signature: p?.signature ?? null,
      }
    })
    return {
      phase,
      openedAt,
      closedAt,
      attendance,
      proxies: [...proxies.values()].map((p) => ({
        grantorOwnerId: p.grantorOwnerId,
        holderOwnerId: p.holderOwnerId,
        holderName: p.holderName,
        source: p.source,
        effective: !isPresent(p.grantorOwnerId) && carrierOf(p.grantorOwnerId) !== null,
      })),
      quorum: frozenQuorum ?? quorumNow(),
      currentResolutionId: openVote?.resolutionId ?? null,
      resolutions: [...resolutions.values()]
        .sort((a, b) => a.position - b.position)
        .map((r): ResolutionResult => {
          const closed = closedVotes.get(r.id)
          if (closed) return closed.result
          if (openVote?.resolutionId === r.id) return resultOf(openVote, 'open')
          return {
            resolutionId: r.id,
            status: 'pending',
            majority: r.majority,
            for: 0,
            against: 0,
            abstain: 0,
            blank: 0,
            invalid: 0,
            cast: 0,
            reductions: [],
            excludedOwnerIds: [],
            ballots: [],
            explanation: 'Not voted yet.',
          }
        }),
      signatures: [...signatures],
      lastSeq,
      lastHash,
    }
  }

  return ok({
    apply,
    state,
    get lastSeq() {
      return lastSeq
    },
    get lastHash() {
      return lastHash
    },
  })
}

/** Replays a whole (chain-verified) log: the state, or the first act the law refuses with its seq and reason. */
export function replayMeeting(
  setup: MeetingSetup,
  acts: readonly MeetingAct[],
): Result<MeetingState, ActRefusal> {
  const replay = createMeetingReplay(setup)
  if (!replay.ok) return replay
  for (const act of acts) {
    const applied = replay.value.apply(act)
    if (!applied.ok) return applied
  }
  return ok(replay.value.state())
}
