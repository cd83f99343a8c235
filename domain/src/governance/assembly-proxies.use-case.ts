import { ownerRecordOf } from '../access/index.ts'
import type { UseCaseCall } from '../context.ts'
import { can } from '../identity/index.ts'
import { DomainErrors } from '../shared/domain-error.ts'
import { err, ok, type Result } from '../shared/result.ts'
import { optionalText } from '../shared/text.ts'
import { recordEvent } from '../shared/unit-of-work.ts'
import { createMeetingReplay } from './assembly/index.ts'
import type { OnlineProxyRecord } from './assembly.ports.ts'
import { isSecondAssembly, readableMeeting, registerOf, setupOf } from './assembly-access.ts'
import type { GovernanceContext } from './governance.ports.ts'
import { requireScheduled } from './meeting.entity.ts'

/*
 * Proxies given online before the meeting (issue #14 item 10; art. 3.87 §7). The owner signed in
 * is the grantor (never a body field); the same rules as in the room apply (at most three proxies
 * unless within 10 % of the votes, never the syndic or its staff), checked by the same replay.
 */

export const PROXY_HOLDER_NAME_MAX = 200

export type GiveProxyInput = {
  readonly holderOwnerId?: string | null | undefined
  readonly holderName?: string | null | undefined
}

export async function giveProxyOnline({
  ctx,
  input: { meetingId, holder },
}: UseCaseCall<GovernanceContext, { readonly meetingId: string; readonly holder: GiveProxyInput }>): Promise<
  Result<OnlineProxyRecord>
> {
  if (ctx.actor.role !== 'owner') return err(DomainErrors.forbidden())
  const name = optionalText('holder_name', holder.holderName, PROXY_HOLDER_NAME_MAX)
  if (name) return err(DomainErrors.validation('Invalid proxy', [name]))
  const found = await readableMeeting(ctx, meetingId)
  if (!found.ok) return found
  const { scope } = found.value
  const owner = await ownerRecordOf(ctx.repos, scope, ctx.actor)
  if (!owner) return err(DomainErrors.notFound('Meeting'))
  return ctx.transaction(async (repos) => {
    const meeting = await repos.governance.meetings.findById(scope, meetingId)
    if (!meeting) return err(DomainErrors.notFound('Meeting'))
    const scheduled = requireScheduled(meeting)
    if (!scheduled.ok) return scheduled
    const store = repos.governance.assembly
    await store.acts.lockLog(scope, meetingId)
    if ((await store.registers.findFrozen(scope, meetingId)) !== null) {
      return err(
        DomainErrors.conflict(
          'meeting_log_started',
          'The meeting’s log has started: the agenda and online proxies are fixed',
        ),
      )
    }
    const register = await registerOf(repos, scope, meeting)
    if (!register.ok) return register
    const proxy: OnlineProxyRecord = {
      id: ctx.ids.next(),
      organizationId: scope.organizationId,
      meetingId,
      grantorOwnerId: owner.id,
      holderOwnerId: holder.holderOwnerId ?? null,
      holderName: holder.holderOwnerId ? null : (holder.holderName?.trim() ?? null),
      createdAt: ctx.clock.now(),
    }
    const withNew = {
      ...register.value,
      register: {
        ...register.value.register,
        proxies: [
          ...register.value.register.proxies,
          {
            grantorOwnerId: proxy.grantorOwnerId,
            holderOwnerId: proxy.holderOwnerId,
            holderName: proxy.holderName,
          },
        ],
      },
    }
    const checked = createMeetingReplay(setupOf(withNew, [], await isSecondAssembly(repos, scope, meetingId)))
    if (!checked.ok)
      return err(DomainErrors.conflict(checked.error.code, checked.error.message, checked.error.params))
    await store.proxies.insert(scope, proxy)
    await recordEvent(ctx, repos, 'ProxyGivenOnline', scope, meetingId, {
      proxy_id: proxy.id,
      grantor_owner_id: proxy.grantorOwnerId,
      holder_owner_id: proxy.holderOwnerId,
      holder_name: proxy.holderName,
    })
    return ok(proxy)
  })
}

/**
 * DELETE /meetings/{id}/proxies/{proxyId}: a proxy given online is revoked by its grantor (the owner
 * signed in) or by the syndic, while the meeting's log has not started. A mandate is revocable at
 * will by its principal (old Civil Code art. 2004, still the law of mandate), so the grantor needs no
 * reason; once the log has started the online proxies are part of the frozen register and a
 * revocation is recorded in the room as a `proxy_revoked` act (409 proxy_revoke_too_late).
 * Another owner's proxy, or another tenant's, is a 404.
 */
export async function revokeProxyOnline({
  ctx,
  input: { meetingId, proxyId },
}: UseCaseCall<GovernanceContext, { readonly meetingId: string; readonly proxyId: string }>): Promise<
  Result<OnlineProxyRecord>
> {
  const staff = can(ctx.actor, 'governance:write')
  if (!staff && ctx.actor.role !== 'owner') return err(DomainErrors.forbidden())
  const found = await readableMeeting(ctx, meetingId)
  if (!found.ok) return found
  const { scope } = found.value
  const owner = staff ? null : await ownerRecordOf(ctx.repos, scope, ctx.actor)
  if (!staff && !owner) return err(DomainErrors.notFound('Proxy'))
  return ctx.transaction(async (repos) => {
    const store = repos.governance.assembly
    const proxy = await store.proxies.findById(scope, proxyId)
    if (!proxy || proxy.meetingId !== meetingId || (owner && proxy.grantorOwnerId !== owner.id)) {
      return err(DomainErrors.notFound('Proxy'))
    }
    // The same lock as the room's sync: a revocation and the log's first act never cross.
    await store.acts.lockLog(scope, meetingId)
    if ((await store.registers.findFrozen(scope, meetingId)) !== null) {
      return err(
        DomainErrors.conflict(
          'proxy_revoke_too_late',
          'The meeting’s log has started: a proxy is now revoked in the room (the desk records its revocation)',
        ),
      )
    }
    if (!(await store.proxies.delete(scope, proxyId))) return err(DomainErrors.notFound('Proxy'))
    await recordEvent(ctx, repos, 'ProxyRevokedOnline', scope, meetingId, {
      proxy_id: proxy.id,
      grantor_owner_id: proxy.grantorOwnerId,
      holder_owner_id: proxy.holderOwnerId,
      holder_name: proxy.holderName,
      by: staff ? 'syndic' : 'grantor',
    })
    return ok(proxy)
  })
}

/** GET /meetings/{id}/proxies: staff see all; an owner sees those they gave or hold. */
export async function listMeetingProxies({
  ctx,
  input: { meetingId },
}: UseCaseCall<GovernanceContext, { readonly meetingId: string }>): Promise<
  Result<readonly OnlineProxyRecord[]>
> {
  const found = await readableMeeting(ctx, meetingId)
  if (!found.ok) return found
  const all = await ctx.repos.governance.assembly.proxies.listForMeeting(found.value.scope, meetingId)
  if (ctx.actor.role !== 'owner') return ok(all)
  const owner = await ownerRecordOf(ctx.repos, found.value.scope, ctx.actor)
  if (!owner) return ok([])
  return ok(all.filter((p) => p.grantorOwnerId === owner.id || p.holderOwnerId === owner.id))
}
