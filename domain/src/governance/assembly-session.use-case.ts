import type { UseCaseCall } from '../context.ts'
import { DomainErrors } from '../shared/domain-error.ts'
import { err, ok, type Result } from '../shared/result.ts'
import { recordEvent } from '../shared/unit-of-work.ts'
import {
  type ActRefusal,
  type ChainBreak,
  createMeetingReplay,
  type MeetingAct,
  type MeetingState,
  replayMeeting,
  verifyChain,
} from './assembly/index.ts'
import type { FrozenRegister, Resolution } from './assembly.ports.ts'
import {
  isSecondAssembly,
  meetingWriteScope,
  readableMeeting,
  registerOf,
  setupOf,
  statutoryMajoritiesOf,
} from './assembly-access.ts'
import type { GovernanceContext } from './governance.ports.ts'
import { requireScheduled } from './meeting.entity.ts'

/*
 * The meeting in the room (issue #14 items 3, 6, 9): its register, its log and the state the log
 * replays to. The server never trusts a client's tally: it verifies each synced act's hash chain
 * from the last stored act, replays the whole log under the law (assembly/replay.ts) and stores
 * only what passes, so what the minutes print is what the server recomputed.
 */

/** GET /meetings/{id}/register: who votes, with how many votes (frozen once the log started). */
export async function getAssemblyRegister({
  ctx,
  input: { meetingId },
}: UseCaseCall<GovernanceContext, { readonly meetingId: string }>): Promise<
  Result<FrozenRegister & { readonly frozen: boolean }>
> {
  const found = await readableMeeting(ctx, meetingId)
  if (!found.ok) return found
  return registerOf(ctx.repos, found.value.scope, found.value.meeting)
}

export type MeetingSession = {
  readonly register: FrozenRegister & { readonly frozen: boolean }
  readonly resolutions: readonly Resolution[]
  readonly acts: readonly MeetingAct[]
  /** Convened after a first assembly without quorum (art. 3.87 §5): no quorum is needed. */
  readonly secondAssembly: boolean
  /** Null only if the stored log no longer replays (then `refusal` says why). */
  readonly state: MeetingState | null
  readonly refusal: ActRefusal | null
}

/** GET /meetings/{id}/session: everything the room's screens start from. */
export async function getMeetingSession({
  ctx,
  input: { meetingId },
}: UseCaseCall<GovernanceContext, { readonly meetingId: string }>): Promise<Result<MeetingSession>> {
  const found = await readableMeeting(ctx, meetingId)
  if (!found.ok) return found
  const { meeting, scope } = found.value
  const register = await registerOf(ctx.repos, scope, meeting)
  if (!register.ok) return register
  const resolutions = await ctx.repos.governance.assembly.resolutions.listForMeeting(scope, meetingId)
  const acts = await ctx.repos.governance.assembly.acts.list(scope, meetingId)
  const secondAssembly = await isSecondAssembly(ctx.repos, scope, meetingId)
  const replayed = replayMeeting(setupOf(register.value, resolutions, secondAssembly), acts)
  return ok({
    register: register.value,
    resolutions,
    acts,
    secondAssembly,
    state: replayed.ok ? replayed.value : null,
    refusal: replayed.ok ? null : replayed.error,
  })
}

export type RecordedActs = {
  /** How many acts of the batch were new (the others were already stored, identical). */
  readonly recorded: number
  readonly lastSeq: number
  readonly lastHash: string
  /** The replayed state, when asked for (a room device computes its own; the screens use GET …/session). */
  readonly state: MeetingState | null
}

const refused = (r: ActRefusal) => err(DomainErrors.unprocessable(r.code, r.message, r.params))
const broken = (b: ChainBreak) => err(DomainErrors.unprocessable(b.code, b.message, { seq: b.seq }))

/**
 * POST /meetings/{id}/acts: appends a batch synced from the room. Exactly once: an act already
 * stored with the same hash is skipped; a different act at a stored seq is a 409 naming the stored
 * log's end; a broken chain or an act the law refuses is a 422 naming its seq, and nothing of the
 * batch is stored. The register is frozen with the first act (the attendance list of the day).
 * The whole log is replayed, from a cached replay when it is exactly at the stored log's end.
 */
export async function recordMeetingActs({
  ctx,
  input: { meetingId, acts, withState = false },
}: UseCaseCall<
  GovernanceContext,
  { readonly meetingId: string; readonly acts: readonly MeetingAct[]; readonly withState?: boolean }
>): Promise<Result<RecordedActs>> {
  const scope = await meetingWriteScope(ctx, meetingId)
  if (!scope.ok) return scope
  const { organizationId } = scope.value
  return ctx.transaction(async (repos) => {
    const meeting = await repos.governance.meetings.findById(scope.value, meetingId)
    if (!meeting) return err(DomainErrors.notFound('Meeting'))
    const scheduled = requireScheduled(meeting)
    if (!scheduled.ok) return scheduled
    const store = repos.governance.assembly
    await store.acts.lockLog(scope.value, meetingId)
    const last = await store.acts.last(scope.value, meetingId)
    const incoming = [...acts].sort((a, b) => a.seq - b.seq)
    const firstSeq = incoming[0]?.seq ?? 1
    // Only the stored acts the batch overlaps are read, to tell a re-sent act from a conflicting one.
    const overlap =
      last && firstSeq <= last.seq ? await store.acts.list(scope.value, meetingId, firstSeq) : []
    const storedHash = new Map(overlap.map((a) => [a.seq, a.hash]))
    const fresh: MeetingAct[] = []
    for (const act of incoming) {
      const known = storedHash.get(act.seq)
      if (last === null || act.seq > last.seq) fresh.push(act)
      else if (known !== act.hash) {
        return err(
          DomainErrors.conflict(
            'meeting_act_conflict',
            `Act ${act.seq} differs from the act already recorded with that number (the log ends at act ${last.seq}, hash ${last.hash})`,
            { seq: act.seq, last_seq: last.seq, last_hash: last.hash },
          ),
        )
      }
    }
    const chained = verifyChain(fresh, last)
    if (!chained.ok) return broken(chained.error)

    let replay = store.replays.get(organizationId, meetingId)
    if (!replay || last === null || replay.lastSeq !== last.seq || replay.lastHash !== last.hash) {
      let register = await store.registers.findFrozen(scope.value, meetingId)
      if (register && !register.statutoryMajorities) {
        // Frozen before the statutes' majorities were recorded with it: the building's current ones.
        register = {
          ...register,
          statutoryMajorities: await statutoryMajoritiesOf(repos, scope.value, meeting),
        }
      }
      if (!register) {
        const built = await registerOf(repos, scope.value, meeting)
        if (!built.ok) return built
        register = {
          register: built.value.register,
          syndicOwnerIds: built.value.syndicOwnerIds,
          statutoryMajorities: built.value.statutoryMajorities,
        }
      }
      const resolutions = await store.resolutions.listForMeeting(scope.value, meetingId)
      const second = await isSecondAssembly(repos, scope.value, meetingId)
      const created = createMeetingReplay(setupOf(register, resolutions, second))
      if (!created.ok) return refused(created.error)
      replay = created.value
      for (const act of last ? await store.acts.list(scope.value, meetingId) : []) {
        const applied = replay.apply(act)
        if (!applied.ok) return refused(applied.error)
      }
      if (last === null) await store.registers.freeze(scope.value, meetingId, register)
      store.replays.set(organizationId, meetingId, replay)
    }
    for (const act of fresh) {
      const applied = replay.apply(act)
      if (!applied.ok) {
        // The cached replay holds part of a refused batch: drop it (the stored log is unchanged).
        store.replays.delete(organizationId, meetingId)
        return refused(applied.error)
      }
    }
    if (fresh.length > 0) {
      await store.acts.append(scope.value, meetingId, fresh)
      await recordEvent(ctx, repos, 'MeetingActsRecorded', scope.value, meetingId, {
        from_seq: fresh[0]?.seq,
        to_seq: chained.value.lastSeq,
        last_hash: chained.value.lastHash,
        kinds: [...new Set(fresh.map((a) => a.kind))],
      })
    }
    return ok({
      recorded: fresh.length,
      lastSeq: replay.lastSeq,
      lastHash: replay.lastHash,
      state: withState ? replay.state() : null,
    })
  })
}

export type LogVerification = {
  readonly valid: boolean
  readonly count: number
  /** The last act's hash: the root the minutes print. */
  readonly rootHash: string
  readonly firstBadSeq: number | null
  readonly reason: string | null
}

/** GET /meetings/{id}/log/verify: recomputes every stored hash; a row altered in the database shows here. */
export async function verifyMeetingLog({
  ctx,
  input: { meetingId },
}: UseCaseCall<GovernanceContext, { readonly meetingId: string }>): Promise<Result<LogVerification>> {
  const found = await readableMeeting(ctx, meetingId)
  if (!found.ok) return found
  const acts = await ctx.repos.governance.assembly.acts.list(found.value.scope, meetingId)
  const checked = verifyChain(acts)
  return ok(
    checked.ok
      ? { valid: true, count: acts.length, rootHash: checked.value.lastHash, firstBadSeq: null, reason: null }
      : {
          valid: false,
          count: acts.length,
          rootHash: acts.at(-1)?.hash ?? '',
          firstBadSeq: checked.error.seq,
          reason: checked.error.message,
        },
  )
}
