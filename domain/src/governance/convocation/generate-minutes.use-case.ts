import { findReadableRow, writeScopeFor } from '../../access/index.ts'
import type { ActorContext, UseCaseCall } from '../../context.ts'
import { type Document, type GeneratedDocumentsPorts, storageKeyFor } from '../../documents/index.ts'
import { can, type IdentityQueries } from '../../identity/index.ts'
import { BUILDING_TIME_ZONE, calendarDateIn } from '../../property/index.ts'
import type { DocumentRenderer } from '../../shared/document-renderer.ts'
import { DomainErrors } from '../../shared/domain-error.ts'
import { err, ok, type Result } from '../../shared/result.ts'
import { recordEvent } from '../../shared/unit-of-work.ts'
import { getMeetingSession } from '../assembly-session.use-case.ts'
import type { MinutesRecord } from '../convocation.ports.ts'
import type { GovernanceRepos } from '../governance.ports.ts'
import { type DeadlineStatus, deadlineStatus, minutesDeadline } from './minutes-deadline.rule.ts'
import { minutesDocument } from './minutes-document.ts'
import { listDeliveries } from './send-convocation.use-case.ts'
import { settingsOf } from './settings.use-case.ts'

export type MinutesRepos = GovernanceRepos & {
  readonly documents: GovernanceRepos['documents'] & GeneratedDocumentsPorts
  readonly identity: IdentityQueries
}

export type MinutesView = MinutesRecord & { readonly status: DeadlineStatus; readonly emailed: number }

/** The outbox kind of the job that e-mails the minutes to one owner (art. 3.87 §12). */
export const MINUTES_MAIL_JOB = 'mail.minutes'
export type MinutesMailPayload = { readonly deliveryId: string }

/**
 * POST /meetings/{id}/minutes: the minutes as a PDF per minutes language of the building (its
 * statutes' settings), generated from the recorded log only (assembly-core's replay), stored as
 * MeetingMinutes documents of the meeting, with the log's root hash and the 30-day sending deadline
 * (art. 3.87 §12). Regenerating replaces the record (new documents; the old ones stay as history).
 * Rendered in the request: a minutes file is a few pages and the syndic waits for it in the room.
 */
export async function generateMinutes({
  ctx,
  input: { meetingId, renderer },
}: UseCaseCall<
  ActorContext<MinutesRepos>,
  { readonly meetingId: string; readonly renderer: DocumentRenderer }
>): Promise<Result<MinutesView>> {
  if (!can(ctx.actor, 'governance:write')) return err(DomainErrors.forbidden())
  const scope = await writeScopeFor(
    ctx,
    'governance:write',
    (id) => ctx.repos.governance.meetings.organizationOf(id),
    meetingId,
    'Meeting',
  )
  if (!scope.ok) return scope
  const session = await getMeetingSession({ ctx, input: { meetingId } })
  if (!session.ok) return session
  const { state, acts, resolutions } = session.value
  if (!state || acts.length === 0)
    return err(
      DomainErrors.conflict(
        'minutes_without_log',
        'Minutes are generated from the recorded log; nothing was recorded',
      ),
    )
  const repos = ctx.repos
  const meeting = await repos.governance.meetings.findById(scope.value, meetingId)
  if (!meeting) return err(DomainErrors.notFound('Meeting'))
  const building = await repos.property.buildings.findById(scope.value, meeting.buildingId)
  const organization = await repos.identity.organizations.findById(scope.value.organizationId)
  if (!building || !organization) return err(DomainErrors.notFound('Building'))
  const settings = await settingsOf(repos, scope.value, building.id)
  const now = ctx.clock.now()
  const documents: Document[] = []
  for (const language of settings.minutesLanguages) {
    const model = minutesDocument({
      language,
      meeting,
      building,
      organization,
      resolutions,
      state,
      actCount: acts.length,
    })
    const bytes = await renderer.render(model)
    const id = ctx.ids.next()
    const storageKey = storageKeyFor(scope.value.organizationId, id)
    await ctx.files.put(storageKey, bytes, { contentType: 'application/pdf', size: bytes.length })
    documents.push({
      id,
      organizationId: scope.value.organizationId,
      buildingId: building.id,
      documentType: 'MeetingMinutes',
      title: model.title.slice(0, 200),
      description: null,
      fileSize: bytes.length,
      mimeType: 'application/pdf',
      originalFilename: `minutes-${meeting.scheduledDate.toISOString().slice(0, 10)}-${language}.pdf`,
      storageKey,
      uploadedBy: ctx.actor.userId,
      relatedMeetingId: meeting.id,
      relatedExpenseId: null,
      addresseeOwnerId: null,
      version: 1,
      createdAt: now,
      updatedAt: now,
    })
  }
  const record: MinutesRecord = {
    meetingId,
    organizationId: scope.value.organizationId,
    documentIds: documents.map((d) => d.id),
    rootHash: state.lastHash,
    generatedAt: now,
    deadline: minutesDeadline(meeting.scheduledDate),
    sentAt: null,
  }
  return ctx.transaction(async (tx) => {
    for (const d of documents) await tx.documents.documents.insert(scope.value, d)
    await tx.governance.convocation.minutes.upsert(scope.value, record)
    // Sent to the owners through the outbox (art. 3.87 §12), each once: by e-mail with consent,
    // the others listed for the post (GET …/convocation lists both kinds' channels).
    let emailed = 0
    const basis = await tx.property.quoteParts.loadBuildingBasis(
      scope.value,
      building.id,
      calendarDateIn(now, BUILDING_TIME_ZONE),
    )
    const ownerIds = [...new Set((basis?.units ?? []).flatMap((u) => u.owners.map((o) => o.ownerId)))]
    for (const ownerId of ownerIds) {
      const owner = await tx.property.owners.findById(scope.value, ownerId)
      if (!owner) continue
      const byEmail = owner.emailConsent && !!owner.email
      const delivery = {
        id: ctx.ids.next(),
        organizationId: scope.value.organizationId,
        meetingId,
        kind: 'minutes' as const,
        ownerId,
        channel: byEmail ? ('email' as const) : ('post' as const),
        status: byEmail ? ('pending' as const) : ('to_post' as const),
        language: owner.preferredLanguage,
        documentId: null,
        sentAt: null,
        error: null,
        createdAt: now,
      }
      if (!(await tx.governance.convocation.deliveries.insertIfAbsent(scope.value, delivery)) || !byEmail)
        continue
      const payload: MinutesMailPayload = { deliveryId: delivery.id }
      await tx.outbox.enqueue({ kind: MINUTES_MAIL_JOB, organizationId: scope.value.organizationId, payload })
      emailed++
    }
    await recordEvent(ctx, tx, 'MinutesGenerated', meeting, meetingId, {
      root_hash: record.rootHash,
      documents: record.documentIds.join(','),
    })
    return ok({ ...record, status: deadlineStatus(record.deadline, now, null), emailed })
  })
}

export type MinutesStatusView = {
  readonly deadline: Date
  /** 'done' once the minutes exist and every e-mail copy went out (the post copies are listed). */
  readonly status: DeadlineStatus
  readonly record: MinutesRecord | null
}

/**
 * GET /meetings/{id}/minutes: the 30-day sending deadline (art. 3.87 §12) and where it stands, so
 * the syndic is warned ('due_soon' 5 days before, 'overdue' after) even before generating them.
 */
export async function getMinutesStatus({
  ctx,
  input: { meetingId },
}: UseCaseCall<ActorContext<MinutesRepos>, { readonly meetingId: string }>): Promise<
  Result<MinutesStatusView>
> {
  const deliveries = await listDeliveries({ ctx, input: { meetingId, kind: 'minutes' } })
  if (!deliveries.ok) return deliveries
  const meeting = await findReadableRow(ctx, 'Meeting', meetingId, {
    organizationOf: (id) => ctx.repos.governance.meetings.organizationOf(id),
    findById: (s, id) => ctx.repos.governance.meetings.findById(s, id),
  })
  if (!meeting.ok) return meeting
  const scope = { organizationId: meeting.value.organizationId }
  const record = await ctx.repos.governance.convocation.minutes.find(scope, meetingId)
  const deadline = minutesDeadline(meeting.value.scheduledDate)
  const emails = deliveries.value.filter((d) => d.channel === 'email')
  const done =
    record && emails.every((d) => d.status === 'sent')
      ? (emails.map((d) => d.sentAt).sort((a, b) => (b?.getTime() ?? 0) - (a?.getTime() ?? 0))[0] ??
        record.generatedAt)
      : null
  return ok({ deadline, status: deadlineStatus(deadline, ctx.clock.now(), done), record })
}
