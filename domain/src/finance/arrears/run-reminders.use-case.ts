import type { UseCaseCall } from '../../context.ts'
import { can } from '../../identity/index.ts'
import { type CalendarDate, parseCalendarDate, todayOf } from '../../property/index.ts'
import { DomainErrors } from '../../shared/domain-error.ts'
import { err, ok, type Result } from '../../shared/result.ts'
import { recordEvent } from '../../shared/unit-of-work.ts'
import { buildingWriteScope } from '../budget/building-access.ts'
import { callLabelIn } from '../calls/regularisation-label.ts'
import type { CallLineWithPaid } from '../calls.ports.ts'
import type { FinanceContext } from '../finance.ports.ts'
import type { ArrearsSettings, ReminderDelivery, ReminderLine, ReminderWithLines } from './arrears.entity.ts'
import { defaultArrearsSettings } from './arrears-settings.use-cases.ts'
import { effectiveRateTable, type LegalRateTable } from './legal-interest.ts'
import { interestToCharge, type LinePayment } from './line-interest.ts'
import { type DueStep, dueReminderSteps } from './reminder-ladder.ts'

/** The outbox kind of the job that renders (and e-mails) a run's reminder letters. */
export const RENDER_REMINDER_LETTERS = 'arrears.render-reminders'

export type RemindersRun = {
  readonly asOf: CalendarDate
  readonly reminders: readonly ReminderWithLines[]
  readonly jobId: string | null
  /** Set when interest stopped before a year whose legal rate is not known yet. */
  readonly interestMissingYear: number | null
}

/**
 * The interest a run charges on one line when the building's statutes or assembly allow it (null
 * otherwise): accrued from its due date, weighted by the value date of each payment allocated to
 * it, minus what earlier runs charged (interestToCharge). Pure: the run and the tests use it.
 */
export function lineInterest(
  settings: Pick<ArrearsSettings, 'interestEnabled'>,
  line: { readonly dueDate: CalendarDate; readonly amountCents: number },
  payments: readonly LinePayment[],
  charged: { readonly cents: number; readonly through: CalendarDate | null },
  asOf: CalendarDate,
  rates: LegalRateTable,
): { cents: number; from: CalendarDate; through: CalendarDate; missingYear: number | null } | null {
  if (!settings.interestEnabled) return null
  return interestToCharge(line, payments, charged, asOf, rates)
}

/**
 * POST /buildings/{id}/reminders/run (the syndic; the daily job runs it for every building too):
 * on `asOf` (default today, never a future day), every overdue call line whose next ladder step is
 * due (dueReminderSteps) gets it; the lines of one owner at one step make ONE reminder (one
 * letter). With it, in the same transaction: the late interest since the last charge (when
 * allowed) and the reminder fee (from the second step on, when allowed), posted to the owner's
 * 410 (ArrearsCharged); the letters are rendered and e-mailed by a job. The unique (line, step)
 * index makes a concurrent second run fail rather than send a step twice.
 */
export async function runReminders({
  ctx,
  input,
}: UseCaseCall<FinanceContext, { readonly buildingId: string; readonly asOf?: string | undefined }>): Promise<
  Result<RemindersRun>
> {
  if (!can(ctx.actor, 'finance:manage')) return err(DomainErrors.forbidden())
  const today = todayOf(ctx.clock)
  let asOf: CalendarDate = today
  if (input.asOf !== undefined) {
    const parsed = parseCalendarDate(input.asOf, 'as_of')
    if (!parsed.ok) return parsed
    if (parsed.value > today) return err(DomainErrors.invalidField('as_of', 'must not be in the future'))
    asOf = parsed.value
  }
  return ctx.transaction(async (repos): Promise<Result<RemindersRun>> => {
    const scope = await buildingWriteScope(ctx, repos, input.buildingId)
    if (!scope.ok) return scope
    const store = repos.finance.arrears
    const [stored, lines, sent, storedRates, allocations] = await Promise.all([
      store.findSettings(scope.value, input.buildingId),
      store.buildingLines(scope.value, input.buildingId),
      store.sentSteps(scope.value, input.buildingId),
      store.legalRates(scope.value),
      store.lineAllocations(scope.value, input.buildingId),
    ])
    const settings = stored ?? defaultArrearsSettings(scope.value.organizationId, input.buildingId)
    const rates = effectiveRateTable(storedRates)
    const byId = new Map(lines.map((l) => [l.id, l]))
    const due = dueReminderSteps(
      asOf,
      settings.steps,
      lines.map((l) => ({
        lineId: l.id,
        ownerId: l.ownerId,
        dueDate: l.dueDate,
        outstandingCents: l.amountCents - l.paidCents,
      })),
      sent,
    )
    // What earlier runs charged per line (cents, and the last day counted): never charged twice.
    const charged = new Map<string, { cents: number; through: CalendarDate | null }>()
    for (const s of sent) {
      const known = charged.get(s.lineId) ?? { cents: 0, through: null }
      charged.set(s.lineId, {
        cents: known.cents + s.interestCents,
        through:
          s.interestTo && (!known.through || s.interestTo > known.through) ? s.interestTo : known.through,
      })
    }
    const paymentsOf = new Map<string, LinePayment[]>()
    for (const a of allocations) {
      paymentsOf.set(a.lineId, [
        ...(paymentsOf.get(a.lineId) ?? []),
        { date: a.date, amountCents: a.amountCents },
      ])
    }
    // One reminder per owner and step.
    const groups = new Map<string, DueStep[]>()
    for (const d of due) {
      const key = `${d.ownerId}:${d.step}`
      groups.set(key, [...(groups.get(key) ?? []), d])
    }
    const owners = new Map(
      (await repos.finance.calls.ownersByIds(scope.value, [...new Set(due.map((d) => d.ownerId))])).map(
        (o) => [o.id, o],
      ),
    )
    const missing: { year: number | null } = { year: null }
    const made: ReminderWithLines[] = []
    for (const group of groups.values()) {
      const first = group[0] as DueStep
      const owner = owners.get(first.ownerId)
      const reminderId = ctx.ids.next()
      const reminderLines: ReminderLine[] = group.map((d) => {
        const line = byId.get(d.lineId) as CallLineWithPaid
        const outstandingCents = line.amountCents - line.paidCents
        const interest = lineInterest(
          settings,
          line,
          paymentsOf.get(line.id) ?? [],
          charged.get(line.id) ?? { cents: 0, through: null },
          asOf,
          rates,
        )
        if (interest?.missingYear) missing.year = interest.missingYear
        return {
          id: ctx.ids.next(),
          organizationId: scope.value.organizationId,
          reminderId,
          lineId: line.id,
          step: d.step,
          unitNumber: line.unitNumber,
          // Addressed to the owner: a regularisation's label in their language (the letter's).
          label: callLabelIn(line, owner?.preferredLanguage ?? 'fr'),
          communication: line.communication,
          dueDate: line.dueDate,
          amountCents: line.amountCents,
          outstandingCents,
          interestCents: interest?.cents ?? 0,
          interestFrom: interest ? interest.from : null,
          interestTo: interest ? interest.through : null,
        }
      })
      const delivery: ReminderDelivery =
        first.kind === 'formal_notice' ? 'registered' : owner?.email && owner.emailConsent ? 'email' : 'post'
      made.push({
        id: reminderId,
        organizationId: scope.value.organizationId,
        buildingId: input.buildingId,
        ownerId: first.ownerId,
        step: first.step,
        kind: first.kind,
        reminderDate: asOf,
        outstandingCents: reminderLines.reduce((s, l) => s + l.outstandingCents, 0),
        interestCents: reminderLines.reduce((s, l) => s + l.interestCents, 0),
        // A first reminder is free (and the fee needs the statutes or the assembly).
        feeCents: first.step > 0 ? settings.reminderFeeCents : 0,
        delivery,
        documentId: null,
        emailedAt: null,
        createdBy: ctx.actor.userId,
        createdAt: ctx.clock.now(),
        lines: reminderLines,
      })
    }
    made.sort((a, b) => a.ownerId.localeCompare(b.ownerId) || a.step - b.step)
    if (made.length === 0) {
      return ok({ asOf, reminders: [], jobId: null, interestMissingYear: missing.year })
    }
    await store.insertReminders(scope.value, made)
    for (const r of made) {
      await recordEvent(ctx, repos, 'ReminderIssued', r, r.id, {
        buildingId: r.buildingId,
        ownerId: r.ownerId,
        kind: r.kind,
        step: r.step,
        outstandingCents: r.outstandingCents,
        lineIds: r.lines.map((l) => l.lineId),
      })
      if (r.interestCents + r.feeCents > 0) {
        await recordEvent(ctx, repos, 'ArrearsCharged', r, r.id, {
          buildingId: r.buildingId,
          ownerId: r.ownerId,
          date: r.reminderDate,
          kind: r.kind,
          interestCents: r.interestCents,
          feeCents: r.feeCents,
        })
      }
    }
    const jobId = await repos.outbox.enqueue({
      kind: RENDER_REMINDER_LETTERS,
      organizationId: scope.value.organizationId,
      payload: { reminderIds: made.map((r) => r.id), requestedBy: ctx.actor.userId },
    })
    await recordEvent(ctx, repos, 'RemindersRun', scope.value, input.buildingId, {
      asOf,
      reminders: made.length,
      jobId,
    })
    return ok({ asOf, reminders: made, jobId, interestMissingYear: missing.year })
  })
}
