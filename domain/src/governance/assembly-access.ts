import { writeScopeFor } from '../access/index.ts'
import type { TenantScope } from '../property/index.ts'
import { DomainErrors } from '../shared/domain-error.ts'
import { err, ok, type Result } from '../shared/result.ts'
import type { AssemblyResolution, MeetingSetup, StatutoryMajorities } from './assembly/index.ts'
import type { FrozenRegister, Resolution } from './assembly.ports.ts'
import { buildAssemblyRegister, meetingDay } from './assembly-register.ts'
import { settingsOf } from './convocation/settings.use-case.ts'
import type { GovernanceContext, GovernanceRepos } from './governance.ports.ts'
import type { Meeting } from './meeting.entity.ts'
import { getMeeting } from './read-meetings.use-case.ts'

/** A meeting the caller may read (syndic, accountant, superadmin, owner of a lot in its building), with its tenant. */
export async function readableMeeting(
  ctx: GovernanceContext,
  id: string,
): Promise<Result<{ readonly meeting: Meeting; readonly scope: TenantScope }>> {
  const found = await getMeeting({ ctx, input: { id } })
  if (!found.ok) return found
  return ok({ meeting: found.value, scope: { organizationId: found.value.organizationId } })
}

/** The tenant in which a syndic or superadmin runs meeting `id` (403 for other roles, 404 when unseen). */
export function meetingWriteScope(ctx: GovernanceContext, id: string): Promise<Result<TenantScope>> {
  return writeScopeFor(
    ctx,
    'governance:write',
    (mid) => ctx.repos.governance.meetings.organizationOf(mid),
    id,
    'Meeting',
  )
}

/** The meeting's register: frozen at its first act; until then built from today's property register for its day. */
export async function registerOf(
  repos: GovernanceRepos,
  scope: TenantScope,
  meeting: Meeting,
): Promise<Result<FrozenRegister & { readonly frozen: boolean }>> {
  const frozen = await repos.governance.assembly.registers.findFrozen(scope, meeting.id)
  // Until the log starts (or for a register frozen before statutory majorities existed), the
  // building's current settings; once frozen, those the meeting started with.
  if (frozen)
    return ok({
      ...frozen,
      statutoryMajorities: frozen.statutoryMajorities ?? (await statutoryMajoritiesOf(repos, scope, meeting)),
      frozen: true,
    })
  const holdings = await repos.governance.assembly.registers.loadHoldings(scope, meeting.buildingId)
  if (!holdings) return err(DomainErrors.notFound('Building'))
  const proxies = await repos.governance.assembly.proxies.listForMeeting(scope, meeting.id)
  const built = buildAssemblyRegister({
    meetingId: meeting.id,
    buildingId: meeting.buildingId,
    day: meetingDay(meeting.scheduledDate),
    holdings,
    proxies: proxies.map((p) => ({
      grantorOwnerId: p.grantorOwnerId,
      holderOwnerId: p.holderOwnerId,
      holderName: p.holderName,
    })),
  })
  return ok({
    ...built,
    statutoryMajorities: await statutoryMajoritiesOf(repos, scope, meeting),
    frozen: false,
  })
}

export const toAssemblyResolution = (r: Resolution): AssemblyResolution => ({
  id: r.id,
  position: r.position,
  title: r.title,
  decisionType: r.decisionType,
  majority: r.majority,
})

/** What the replay needs: the register, the agenda, whether it is a second assembly (see isSecondAssembly). */
export function setupOf(
  frozen: FrozenRegister,
  resolutions: readonly Resolution[],
  secondAssembly: boolean,
): MeetingSetup {
  return {
    register: frozen.register,
    resolutions: resolutions.map(toAssemblyResolution),
    secondAssembly,
    syndicOwnerIds: frozen.syndicOwnerIds,
    statutoryMajorities: frozen.statutoryMajorities ?? {},
  }
}

/** The majorities the meeting's building's statutes raise (the replay applies them, art. 3.88). */
export async function statutoryMajoritiesOf(
  repos: GovernanceRepos,
  scope: TenantScope,
  meeting: Meeting,
): Promise<StatutoryMajorities> {
  return (await settingsOf(repos, scope, meeting.buildingId)).statutoryMajorities
}

/**
 * Whether a meeting is a second assembly (art. 3.87 §5: convened after a first one lacked the
 * quorum, it deliberates whatever the attendance): it is one exactly when POST
 * /meetings/{first}/second-assembly linked it to its first meeting (the convocation's record).
 */
export async function isSecondAssembly(
  repos: GovernanceRepos,
  scope: TenantScope,
  meetingId: string,
): Promise<boolean> {
  return (await repos.governance.convocation.secondAssemblies.firstOf(scope, meetingId)) !== null
}
