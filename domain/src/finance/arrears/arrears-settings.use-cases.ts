import type { UseCaseCall } from '../../context.ts'
import { can } from '../../identity/index.ts'
import { DomainErrors } from '../../shared/domain-error.ts'
import { err, ok, type Result } from '../../shared/result.ts'
import { recordEvent } from '../../shared/unit-of-work.ts'
import { checkVersion } from '../../shared/versioning.ts'
import { buildingReadScope, buildingWriteScope } from '../budget/building-access.ts'
import type { FinanceContext } from '../finance.ports.ts'
import {
  ARREARS_BASES,
  ARREARS_LIMITS,
  type ArrearsBasis,
  type ArrearsSettings,
  DEFAULT_REGULARISATION_TERM_DAYS,
  DEFAULT_REMINDER_STEPS,
  REMINDER_KINDS,
  type ReminderStep,
  RUN_REMINDERS_JOB,
} from './arrears.entity.ts'

export function defaultArrearsSettings(organizationId: string, buildingId: string): ArrearsSettings {
  return {
    organizationId,
    buildingId,
    steps: DEFAULT_REMINDER_STEPS,
    reminderFeeCents: 0,
    feeBasis: null,
    feeBasisRef: null,
    interestEnabled: false,
    interestBasis: null,
    interestBasisRef: null,
    dailyRun: false,
    regularisationTermDays: DEFAULT_REGULARISATION_TERM_DAYS,
    version: 0,
  }
}

/** GET /buildings/{id}/arrears-settings: the stored row or the defaults (version 0). Syndic and accountant. */
export async function getArrearsSettings({
  ctx,
  input: { buildingId },
}: UseCaseCall<FinanceContext, { readonly buildingId: string }>): Promise<Result<ArrearsSettings>> {
  if (!can(ctx.actor, 'finance:write')) return err(DomainErrors.forbidden())
  const scope = await buildingReadScope(ctx, buildingId)
  if (!scope.ok) return scope
  const found = await ctx.repos.finance.arrears.findSettings(scope.value, buildingId)
  return ok(found ?? defaultArrearsSettings(scope.value.organizationId, buildingId))
}

export type ArrearsSettingsInput = {
  readonly buildingId: string
  readonly steps: readonly ReminderStep[]
  readonly reminderFeeCents: number
  readonly feeBasis?: ArrearsBasis | null | undefined
  readonly feeBasisRef?: string | null | undefined
  readonly interestEnabled: boolean
  readonly interestBasis?: ArrearsBasis | null | undefined
  readonly interestBasisRef?: string | null | undefined
  readonly dailyRun?: boolean | undefined
  /** Days after a closed year's statement before its regularisation is due (absent: unchanged). */
  readonly regularisationTermDays?: number | undefined
  readonly expectedVersion?: number | undefined
}

/** The rules a ladder must keep; null when it does. */
export function ladderIssue(steps: readonly ReminderStep[]): string | null {
  if (steps.length === 0 || steps.length > ARREARS_LIMITS.steps) {
    return `must have 1 to ${ARREARS_LIMITS.steps} steps`
  }
  for (const [i, s] of steps.entries()) {
    if (!(REMINDER_KINDS as readonly string[]).includes(s.kind)) return `step ${i + 1}: unknown kind`
    if (
      !Number.isSafeInteger(s.daysAfterDue) ||
      s.daysAfterDue < 1 ||
      s.daysAfterDue > ARREARS_LIMITS.max_days
    ) {
      return `step ${i + 1}: days after the due date must be 1 to ${ARREARS_LIMITS.max_days}`
    }
    const previous = steps[i - 1]
    if (previous && s.daysAfterDue <= previous.daysAfterDue) {
      return `step ${i + 1}: days after the due date must increase from step to step`
    }
  }
  return null
}

/**
 * PUT /buildings/{id}/arrears-settings (the syndic, `finance:manage`). Interest and a reminder fee
 * are charged to an owner only when the statutes or an assembly resolution allow it, so enabling
 * either requires its basis and reference (e.g. "statutes art. 24" or "AG 2026-03-10, point 9").
 */
export async function updateArrearsSettings({
  ctx,
  input,
}: UseCaseCall<FinanceContext, ArrearsSettingsInput>): Promise<Result<ArrearsSettings>> {
  const issue = ladderIssue(input.steps)
  if (issue) return err(DomainErrors.invalidField('steps', issue))
  const fee = input.reminderFeeCents
  if (!Number.isSafeInteger(fee) || fee < 0 || fee > ARREARS_LIMITS.max_fee_cents) {
    return err(
      DomainErrors.invalidField('reminder_fee_cents', `must be 0 to ${ARREARS_LIMITS.max_fee_cents} cents`),
    )
  }
  const basis = (
    field: string,
    on: boolean,
    kind: ArrearsBasis | null | undefined,
    ref: string | null | undefined,
  ): Result<{ kind: ArrearsBasis | null; ref: string | null }> => {
    if (!on) return ok({ kind: null, ref: null })
    const text = ref?.trim() ?? ''
    if (!kind || !(ARREARS_BASES as readonly string[]).includes(kind) || text.length === 0) {
      return err(
        DomainErrors.invalidField(
          `${field}_basis`,
          'is required (statutes or assembly, with its reference): charging an owner needs the statutes or a resolution',
        ),
      )
    }
    if (text.length > ARREARS_LIMITS.basis_ref)
      return err(DomainErrors.invalidField(`${field}_basis_ref`, 'is too long'))
    return ok({ kind, ref: text })
  }
  const term = input.regularisationTermDays
  if (
    term !== undefined &&
    (!Number.isSafeInteger(term) || term < 0 || term > ARREARS_LIMITS.max_regularisation_term_days)
  ) {
    return err(
      DomainErrors.invalidField(
        'regularisation_term_days',
        `must be 0 to ${ARREARS_LIMITS.max_regularisation_term_days} days`,
      ),
    )
  }
  const feeBasis = basis('fee', fee > 0, input.feeBasis, input.feeBasisRef)
  if (!feeBasis.ok) return feeBasis
  const interestBasis = basis('interest', input.interestEnabled, input.interestBasis, input.interestBasisRef)
  if (!interestBasis.ok) return interestBasis
  return ctx.transaction(async (repos) => {
    const scope = await buildingWriteScope(ctx, repos, input.buildingId)
    if (!scope.ok) return scope
    const store = repos.finance.arrears
    const current =
      (await store.findSettings(scope.value, input.buildingId)) ??
      defaultArrearsSettings(scope.value.organizationId, input.buildingId)
    const fresh = checkVersion('ArrearsSettings', current.version, input.expectedVersion)
    if (!fresh.ok) return fresh
    const next: ArrearsSettings = {
      ...current,
      steps: input.steps.map((s) => ({ kind: s.kind, daysAfterDue: s.daysAfterDue })),
      reminderFeeCents: fee,
      feeBasis: feeBasis.value.kind,
      feeBasisRef: feeBasis.value.ref,
      interestEnabled: input.interestEnabled,
      interestBasis: interestBasis.value.kind,
      interestBasisRef: interestBasis.value.ref,
      dailyRun: input.dailyRun ?? current.dailyRun,
      regularisationTermDays: term ?? current.regularisationTermDays,
      version: current.version + 1,
    }
    if (!(await store.saveSettings(scope.value, next))) {
      return err(DomainErrors.versionConflict('ArrearsSettings', current.version))
    }
    // Turning the daily run on starts its chain of jobs: the first one now, run as this syndic.
    if (next.dailyRun && !current.dailyRun) {
      await repos.outbox.enqueue({
        kind: RUN_REMINDERS_JOB,
        organizationId: scope.value.organizationId,
        payload: { buildingId: input.buildingId, userId: ctx.actor.userId },
      })
    }
    await recordEvent(ctx, repos, 'ArrearsSettingsUpdated', next, input.buildingId, {
      dailyRun: next.dailyRun,
      steps: next.steps,
      reminderFeeCents: next.reminderFeeCents,
      interestEnabled: next.interestEnabled,
      interestBasis: next.interestBasis,
      interestBasisRef: next.interestBasisRef,
      regularisationTermDays: next.regularisationTermDays,
      previous: {
        steps: current.steps,
        reminderFeeCents: current.reminderFeeCents,
        interestEnabled: current.interestEnabled,
      },
    })
    return ok(next)
  })
}
