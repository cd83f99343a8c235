import { findReadableRow, writeScopeFor } from '../../access/index.ts'
import type { UseCaseCall } from '../../context.ts'
import { storageKeyFor } from '../../documents/index.ts'
import { can } from '../../identity/index.ts'
import {
  BUILDING_TIME_ZONE,
  calendarDateIn,
  ownerDisplayName,
  type TenantScope,
} from '../../property/index.ts'
import { DomainErrors } from '../../shared/domain-error.ts'
import { err, ok, type Result } from '../../shared/result.ts'
import { recordEvent } from '../../shared/unit-of-work.ts'
import type { Delivery, DeliveryKind } from '../convocation.ports.ts'
import type { GovernanceContext, GovernanceRepos } from '../governance.ports.ts'
import { requireScheduled } from '../meeting.entity.ts'
import { checkNotice } from './notice.rule.ts'
import { settingsOf } from './settings.use-case.ts'

/** The outbox kind of the job that renders one owner's convocation and e-mails it. */
export const CONVOCATION_MAIL_JOB = 'mail.convocation'
/** `requestedBy`: the syndic who convened, recorded as who filed the letter (absent on older jobs). */
export type ConvocationMailPayload = { readonly deliveryId: string; readonly requestedBy?: string }

/** The outbox kind of the job that renders the printable letters of the owners reached by post. */
export const POSTAL_CONVOCATION_JOB = 'convocation.render-postal'
export type PostalConvocationPayload = { readonly meetingId: string; readonly requestedBy: string }

export type ConvocationSummary = {
  readonly deliveries: readonly Delivery[]
  /** Deliveries created by this call (0 when everything was already sent: a safe re-send). */
  readonly created: number
}

/**
 * POST /meetings/{id}/convocation: convenes the co-owners holding a lot today (Civil Code art. 3.87
 * §3). Refused when the meeting is closer than the building's notice. One delivery per owner: by
 * e-mail when the owner consented in writing to receive documents so and gave an address (the
 * job renders the PDF in the owner's language and mails it), otherwise listed for the post.
 * Re-sending creates deliveries only for owners not yet reached: no duplicate e-mail.
 */
export async function sendConvocation({
  ctx,
  input: { meetingId },
}: UseCaseCall<GovernanceContext, { readonly meetingId: string }>): Promise<Result<ConvocationSummary>> {
  if (!can(ctx.actor, 'governance:write')) return err(DomainErrors.forbidden())
  const scope = await writeScopeFor(
    ctx,
    'governance:write',
    (id) => ctx.repos.governance.meetings.organizationOf(id),
    meetingId,
    'Meeting',
  )
  if (!scope.ok) return scope
  return ctx.transaction(async (repos) => {
    const meeting = await repos.governance.meetings.findById(scope.value, meetingId)
    if (!meeting) return err(DomainErrors.notFound('Meeting'))
    const scheduled = requireScheduled(meeting)
    if (!scheduled.ok) return scheduled
    const now = ctx.clock.now()
    const settings = await settingsOf(repos, scope.value, meeting.buildingId)
    const notice = checkNotice(meeting.scheduledDate, now, settings.noticeDays)
    if (!notice.ok) return notice
    const ownerIds = await ownersHoldingToday(repos, scope.value, meeting.buildingId, now)
    let created = 0
    let postal = 0
    for (const ownerId of ownerIds) {
      const owner = await repos.property.owners.findById(scope.value, ownerId)
      if (!owner) continue
      const byEmail = owner.emailConsent && !!owner.email
      const delivery: Delivery = {
        id: ctx.ids.next(),
        organizationId: meeting.organizationId,
        meetingId,
        kind: 'convocation',
        ownerId,
        channel: byEmail ? 'email' : 'post',
        status: byEmail ? 'pending' : 'to_post',
        language: owner.preferredLanguage,
        documentId: null,
        sentAt: null,
        error: null,
        createdAt: now,
      }
      if (!(await repos.governance.convocation.deliveries.insertIfAbsent(scope.value, delivery))) continue
      created++
      if (!byEmail) postal++
      if (byEmail) {
        const payload: ConvocationMailPayload = { deliveryId: delivery.id, requestedBy: ctx.actor.userId }
        await repos.outbox.enqueue({
          kind: CONVOCATION_MAIL_JOB,
          organizationId: meeting.organizationId,
          payload,
        })
      }
    }
    // The printable letters of the owners reached by post: rendered after commit, in one job.
    if (postal > 0) {
      const payload: PostalConvocationPayload = { meetingId, requestedBy: ctx.actor.userId }
      await repos.outbox.enqueue({
        kind: POSTAL_CONVOCATION_JOB,
        organizationId: meeting.organizationId,
        payload,
      })
    }
    const deliveries = await repos.governance.convocation.deliveries.list(
      scope.value,
      meetingId,
      'convocation',
    )
    await recordEvent(ctx, repos, 'ConvocationSent', meeting, meetingId, {
      created,
      email: deliveries.filter((d) => d.channel === 'email').length,
      post: deliveries.filter((d) => d.channel === 'post').length,
    })
    return ok({ deliveries, created })
  })
}

/** Distinct owners holding (full ownership or usufruct) a lot of the building today. */
async function ownersHoldingToday(
  repos: GovernanceRepos,
  scope: TenantScope,
  buildingId: string,
  now: Date,
): Promise<string[]> {
  const basis = await repos.property.quoteParts.loadBuildingBasis(
    scope,
    buildingId,
    calendarDateIn(now, BUILDING_TIME_ZONE),
  )
  return [...new Set((basis?.units ?? []).flatMap((u) => u.owners.map((o) => o.ownerId)))]
}

/** GET /meetings/{id}/convocation (and …/minutes deliveries): who was reached, how, when. */
export async function listDeliveries({
  ctx,
  input: { meetingId, kind },
}: UseCaseCall<GovernanceContext, { readonly meetingId: string; readonly kind: DeliveryKind }>): Promise<
  Result<readonly Delivery[]>
> {
  if (!can(ctx.actor, 'governance:write') && ctx.actor.role !== 'accountant')
    return err(DomainErrors.forbidden())
  const meeting = await findReadableRow(ctx, 'Meeting', meetingId, {
    organizationOf: (id) => ctx.repos.governance.meetings.organizationOf(id),
    findById: (s, id) => ctx.repos.governance.meetings.findById(s, id),
  })
  if (!meeting.ok) return meeting
  return ok(
    await ctx.repos.governance.convocation.deliveries.list(
      { organizationId: meeting.value.organizationId },
      meetingId,
      kind,
    ),
  )
}

export type PostalLine = {
  readonly ownerId: string
  readonly name: string
  /** The correspondence address when the owner gave one, else the owner's address. */
  readonly address: string
  readonly language: string
}

/**
 * GET /meetings/{id}/convocation/postal-list: the owners the convocation must reach by (registered)
 * post — no written consent to e-mail, or no address —, with where to send it.
 */
export async function convocationPostalList({
  ctx,
  input: { meetingId },
}: UseCaseCall<GovernanceContext, { readonly meetingId: string }>): Promise<Result<readonly PostalLine[]>> {
  const deliveries = await listDeliveries({ ctx, input: { meetingId, kind: 'convocation' } })
  if (!deliveries.ok) return deliveries
  const lines: PostalLine[] = []
  for (const d of deliveries.value) {
    if (d.channel !== 'post') continue
    const owner = await ctx.repos.property.owners.findById({ organizationId: d.organizationId }, d.ownerId)
    if (!owner) continue
    lines.push({
      ownerId: owner.id,
      name: ownerDisplayName(owner),
      address:
        owner.correspondenceAddress ??
        `${owner.address}, ${owner.postalCode} ${owner.city}, ${owner.country}`,
      language: owner.preferredLanguage,
    })
  }
  return ok(lines)
}

export type PostalLetters = {
  /** The stored letters of the owners reached by post, in the postal list's order. */
  readonly letters: readonly { readonly ownerId: string; readonly storageKey: string }[]
  /** Postal deliveries whose letter the job has not filed yet. */
  readonly pending: number
}

/**
 * GET /meetings/{id}/convocation/postal-letters: every printable convocation of the owners reached
 * by post, for the syndic to print in one go (the route joins them into one PDF). Staff only, like
 * the postal list: the combined file holds every such owner's letter. Refused while the job has not
 * filed them all (409 postal_letters_pending), so a printed batch is never silently short.
 */
export async function postalConvocationLetters({
  ctx,
  input: { meetingId },
}: UseCaseCall<GovernanceContext, { readonly meetingId: string }>): Promise<Result<PostalLetters>> {
  const deliveries = await listDeliveries({ ctx, input: { meetingId, kind: 'convocation' } })
  if (!deliveries.ok) return deliveries
  const postal = deliveries.value.filter((d) => d.channel === 'post')
  const letters: { ownerId: string; storageKey: string }[] = []
  let pending = 0
  for (const d of postal) {
    // The letter's document id is the delivery's and its key derives from it (convocation-postal.job).
    if (d.documentId)
      letters.push({ ownerId: d.ownerId, storageKey: storageKeyFor(d.organizationId, d.documentId) })
    else pending++
  }
  if (postal.length === 0) {
    return err(DomainErrors.conflict('no_postal_letters', 'No owner of this meeting is convened by post'))
  }
  if (pending > 0) {
    return err(
      DomainErrors.conflict(
        'postal_letters_pending',
        `${pending} of the ${postal.length} postal convocations are still being prepared; try again shortly`,
        { pending, total: postal.length },
      ),
    )
  }
  return ok({ letters, pending })
}
