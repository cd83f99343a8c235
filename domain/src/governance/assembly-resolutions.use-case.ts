import type { UseCaseCall } from '../context.ts'
import { DomainErrors } from '../shared/domain-error.ts'
import { err, ok, type Result } from '../shared/result.ts'
import { collectIssues, optionalText, requiredText } from '../shared/text.ts'
import { recordEvent } from '../shared/unit-of-work.ts'
import { checkVersion } from '../shared/versioning.ts'
import {
  type DecisionType,
  isAtLeast,
  type Majority,
  requiredMajority,
  type StatutoryMajorities,
} from './assembly/index.ts'
import type { Resolution } from './assembly.ports.ts'
import { meetingWriteScope, readableMeeting } from './assembly-access.ts'
import { settingsOf } from './convocation/settings.use-case.ts'
import type { GovernanceContext, GovernanceRepos } from './governance.ports.ts'
import { requireScheduled } from './meeting.entity.ts'

export const RESOLUTION_TITLE_MAX = 200
export const RESOLUTION_DECISION_MAX = 5000

export type ResolutionFields = {
  readonly title: string
  readonly proposedDecision?: string | null | undefined
  readonly decisionType: DecisionType
  /** Omitted: the majority the law requires for the decision type. */
  readonly majority?: Majority | undefined
  readonly position?: number | undefined
}

/**
 * Art. 3.88: the majority is at least the one the decision type requires — the law's, raised by the
 * building's statutes when they ask more (settings' statutory majorities); omitted, it is that one.
 */
function validate(fields: ResolutionFields, statutes?: StatutoryMajorities): Result<{ majority: Majority }> {
  const legal = requiredMajority(fields.decisionType)
  const required = requiredMajority(fields.decisionType, statutes)
  const majority = fields.majority ?? required
  const issues = collectIssues(
    requiredText('title', fields.title, RESOLUTION_TITLE_MAX),
    optionalText('proposed_decision', fields.proposedDecision, RESOLUTION_DECISION_MAX),
    isAtLeast(majority, legal)
      ? isAtLeast(majority, required)
        ? undefined
        : {
            path: 'majority',
            message: `is below the ${required} majority the building’s statutes require for this decision type`,
          }
      : {
          path: 'majority',
          message: `is below the ${legal} majority the law requires for this decision type`,
        },
  )
  if (issues.length > 0) return err(DomainErrors.validation('Invalid resolution', issues))
  return ok({ majority })
}

/** GET /meetings/{id}/resolutions: the agenda items, for whoever may read the meeting. */
export async function listResolutions({
  ctx,
  input: { meetingId },
}: UseCaseCall<GovernanceContext, { readonly meetingId: string }>): Promise<Result<readonly Resolution[]>> {
  const found = await readableMeeting(ctx, meetingId)
  if (!found.ok) return found
  return ok(await ctx.repos.governance.assembly.resolutions.listForMeeting(found.value.scope, meetingId))
}

/** The agenda is fixed once the meeting's log has started (votes refer to its items). */
async function editableMeeting(repos: GovernanceRepos, scope: { organizationId: string }, meetingId: string) {
  const meeting = await repos.governance.meetings.findById(scope, meetingId)
  if (!meeting) return err(DomainErrors.notFound('Meeting'))
  const scheduled = requireScheduled(meeting)
  if (!scheduled.ok) return scheduled
  if ((await repos.governance.assembly.registers.findFrozen(scope, meetingId)) !== null) {
    return err(
      DomainErrors.conflict(
        'meeting_log_started',
        'The meeting’s log has started: the agenda and online proxies are fixed',
      ),
    )
  }
  return ok(meeting)
}

export async function addResolution({
  ctx,
  input: { meetingId, fields },
}: UseCaseCall<
  GovernanceContext,
  { readonly meetingId: string; readonly fields: ResolutionFields }
>): Promise<Result<Resolution>> {
  const scope = await meetingWriteScope(ctx, meetingId)
  if (!scope.ok) return scope
  const basic = validate(fields)
  if (!basic.ok) return basic
  return ctx.transaction(async (repos) => {
    const meeting = await editableMeeting(repos, scope.value, meetingId)
    if (!meeting.ok) return meeting
    const settings = await settingsOf(repos, scope.value, meeting.value.buildingId)
    const valid = validate(fields, settings.statutoryMajorities)
    if (!valid.ok) return valid
    const existing = await repos.governance.assembly.resolutions.listForMeeting(scope.value, meetingId)
    const now = ctx.clock.now()
    const resolution: Resolution = {
      id: ctx.ids.next(),
      organizationId: scope.value.organizationId,
      meetingId,
      position: fields.position ?? Math.max(0, ...existing.map((r) => r.position)) + 1,
      title: fields.title.trim(),
      proposedDecision: fields.proposedDecision ?? null,
      decisionType: fields.decisionType,
      majority: valid.value.majority,
      version: 1,
      createdAt: now,
      updatedAt: now,
    }
    await repos.governance.assembly.resolutions.insert(scope.value, resolution)
    await recordEvent(ctx, repos, 'ResolutionAdded', scope.value, meetingId, {
      resolution_id: resolution.id,
      decision_type: resolution.decisionType,
      majority: resolution.majority,
    })
    return ok(resolution)
  })
}

export async function updateResolution({
  ctx,
  input: { meetingId, resolutionId, fields, expectedVersion },
}: UseCaseCall<
  GovernanceContext,
  {
    readonly meetingId: string
    readonly resolutionId: string
    readonly fields: Partial<ResolutionFields>
    readonly expectedVersion: number | undefined
  }
>): Promise<Result<Resolution>> {
  const scope = await meetingWriteScope(ctx, meetingId)
  if (!scope.ok) return scope
  return ctx.transaction(async (repos) => {
    const meeting = await editableMeeting(repos, scope.value, meetingId)
    if (!meeting.ok) return meeting
    const current = await repos.governance.assembly.resolutions.findById(scope.value, resolutionId)
    if (!current || current.meetingId !== meetingId) return err(DomainErrors.notFound('Resolution'))
    const fresh = checkVersion('Resolution', current.version, expectedVersion)
    if (!fresh.ok) return fresh
    const decisionType = fields.decisionType ?? current.decisionType
    const merged: ResolutionFields = {
      title: fields.title ?? current.title,
      proposedDecision:
        fields.proposedDecision === undefined ? current.proposedDecision : fields.proposedDecision,
      decisionType,
      // A new decision type without a majority takes the law's; otherwise the stored one is re-checked.
      majority: fields.majority ?? (fields.decisionType ? undefined : current.majority),
    }
    const settings = await settingsOf(repos, scope.value, meeting.value.buildingId)
    const valid = validate(merged, settings.statutoryMajorities)
    if (!valid.ok) return valid
    const next: Resolution = {
      ...current,
      title: merged.title.trim(),
      proposedDecision: merged.proposedDecision ?? null,
      decisionType,
      majority: valid.value.majority,
      position: fields.position ?? current.position,
      version: current.version + 1,
      updatedAt: ctx.clock.now(),
    }
    if (!(await repos.governance.assembly.resolutions.update(scope.value, next)))
      return err(DomainErrors.versionConflict('Resolution', current.version + 1))
    await recordEvent(ctx, repos, 'ResolutionUpdated', scope.value, meetingId, {
      resolution_id: next.id,
      decision_type: next.decisionType,
      majority: next.majority,
    })
    return ok(next)
  })
}

export async function deleteResolution({
  ctx,
  input: { meetingId, resolutionId, expectedVersion },
}: UseCaseCall<
  GovernanceContext,
  { readonly meetingId: string; readonly resolutionId: string; readonly expectedVersion: number | undefined }
>): Promise<Result<null>> {
  const scope = await meetingWriteScope(ctx, meetingId)
  if (!scope.ok) return scope
  return ctx.transaction(async (repos) => {
    const meeting = await editableMeeting(repos, scope.value, meetingId)
    if (!meeting.ok) return meeting
    const current = await repos.governance.assembly.resolutions.findById(scope.value, resolutionId)
    if (!current || current.meetingId !== meetingId) return err(DomainErrors.notFound('Resolution'))
    const fresh = checkVersion('Resolution', current.version, expectedVersion)
    if (!fresh.ok) return fresh
    if (!(await repos.governance.assembly.resolutions.delete(scope.value, resolutionId, current.version)))
      return err(DomainErrors.versionConflict('Resolution', current.version + 1))
    await recordEvent(ctx, repos, 'ResolutionDeleted', scope.value, meetingId, {
      resolution_id: resolutionId,
    })
    return ok(null)
  })
}
