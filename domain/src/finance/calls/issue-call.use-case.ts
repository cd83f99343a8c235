import { scopeForRow } from '../../access/index.ts'
import type { UseCaseCall } from '../../context.ts'
import { can } from '../../identity/index.ts'
import {
  type CalendarDate,
  type ChargeBasis,
  mayReceiveDocumentsByEmail,
  parseCalendarDate,
  representationOn,
  type TenantScope,
  todayOf,
  type UnitRepresentation,
} from '../../property/index.ts'
import { DomainErrors, type FieldIssue } from '../../shared/domain-error.ts'
import { err, ok, type Result } from '../../shared/result.ts'
import { recordEvent } from '../../shared/unit-of-work.ts'
import { approvedBudget } from '../budget/budgets.use-cases.ts'
import type { FinanceContext, FinanceRepos } from '../finance.ports.ts'
import { budgetCallPlan } from './budget-call.ts'
import {
  accountOfKind,
  type BankAccountPurpose,
  CALL_LIMITS,
  type CallForFunds,
  type CallKind,
  type CallLine,
  ISSUABLE_CALL_KINDS,
} from './call-for-funds.entity.ts'
import { prorateForSales } from './call-sale-rule.ts'
import { type CallLot, mergeCallLines, splitCallAmount } from './call-split.ts'
import { callLineCommunication } from './structured-communication.ts'

/** The outbox kind of the job that renders a call's letters and e-mails them (functions/calls). */
export const RENDER_CALL_LETTERS = 'calls.render-letters'

/** One amount to spread: a budget line's part for the period, over its key (default: quote-parts). */
export type CallComponent = {
  readonly amountCents: number
  /** The key's weight per lot; omitted = the building's quote-parts (general key). */
  readonly weights?: ReadonlyMap<string, number> | undefined
}

export type IssueCallInput = {
  readonly buildingId: string
  readonly kind: CallKind
  readonly label: string
  readonly dueDate: string
  readonly issueDate?: string | undefined
  /** A single amount over the quote-parts (an extraordinary call, or a reserve call outside the budget). */
  readonly amountCents?: number | undefined
  /**
   * From the approved budget (always for a provision, for a reserve call without amount): the
   * period (1-based; month or quarter per the budget's periodicity) of the fiscal year (default:
   * the due date's year). The server reads the lines, keys and reserve contribution itself.
   */
  readonly period?: number | undefined
  readonly fiscalYear?: number | undefined
  readonly resolutionRef?: string | null | undefined
  readonly account?: BankAccountPurpose | undefined
}

export type IssuedCall = {
  readonly call: CallForFunds
  readonly lines: readonly CallLine[]
  readonly jobId: string
}

/**
 * POST /buildings/{id}/calls: issues a call for funds. One line per owner per lot, addressed to
 * whoever receives the lot's calls on the due date (the register's designation, otherwise the
 * holders bearing its charges), each with its own structured communication; the amount is split
 * exactly (largest remainder at every level). In the same transaction: the call and its lines,
 * the job that renders and e-mails the letters, and the `CallForFundsIssued` event (audit, and
 * the ledger's posting: 410 owners debited, 700/701 credited). Finance writers only.
 */
export async function issueCall({
  ctx,
  input,
}: UseCaseCall<FinanceContext, IssueCallInput>): Promise<Result<IssuedCall>> {
  if (!can(ctx.actor, 'finance:write')) return err(DomainErrors.forbidden())
  const scope = await scopeForRow(ctx.actor, 'Building', () =>
    ctx.repos.property.buildings.organizationOf(input.buildingId),
  )
  if (!scope.ok) return scope
  // Another tenant's building is a 404 whatever the body says (the tenant matrix relies on it).
  if (!(await ctx.repos.property.buildings.findById(scope.value, input.buildingId))) {
    return err(DomainErrors.notFound('Building'))
  }
  const checked = checkInput(input, todayOf(ctx.clock))
  if (!checked.ok) return checked
  const { dueDate, issueDate, fromBudget } = checked.value
  return ctx.transaction(async (repos) => {
    const building = await repos.property.buildings.findById(scope.value, input.buildingId)
    if (!building) return err(DomainErrors.notFound('Building'))
    const accountPurpose = input.account ?? accountOfKind(input.kind)
    const account = (await repos.finance.calls.listBankAccounts(scope.value, building.id)).find(
      (a) => a.purpose === accountPurpose,
    )
    if (!account) {
      return err(
        DomainErrors.conflict('bank_account_missing', `The building has no ${accountPurpose} bank account`, {
          account: accountPurpose,
        }),
      )
    }
    const lots = await lotsOn(repos, scope.value, building.id, dueDate)
    if (!lots.ok) return lots
    let components: readonly CallComponent[] = [{ amountCents: input.amountCents ?? 0 }]
    let plan: { budgetRef: string; periods: number; periodIndex: number; fiscalYear: number } | null = null
    if (fromBudget && (input.kind === 'provision' || input.kind === 'reserve')) {
      const fiscalYear = input.fiscalYear ?? Number(dueDate.slice(0, 4))
      const budget = await approvedBudget(repos, scope.value, building.id, fiscalYear)
      if (!budget) {
        return err(
          DomainErrors.conflict(
            'budget_not_approved',
            `No approved budget for ${fiscalYear}: provisions are called from the budget the assembly approved`,
            { fiscal_year: fiscalYear },
          ),
        )
      }
      const planned = budgetCallPlan(budget, input.kind, input.period ?? 0, lots.value.basis)
      if (!planned.ok) return planned
      components = planned.value.components
      plan = { ...planned.value, fiscalYear }
    }
    const parts = []
    for (const c of components) {
      const weighted = c.weights
        ? lots.value.lots.map((l) => ({ ...l, weight: c.weights?.get(l.unitId) ?? 0 }))
        : lots.value.lots
      const split = splitCallAmount(c.amountCents, weighted)
      if (!split.ok) return split
      parts.push(split.value)
    }
    let amounts = mergeCallLines(parts)
    if (plan) {
      // A call covering a period follows the building's sale rule for a lot sold inside it.
      const prorated = await prorateForSales(repos, scope.value, building.id, amounts, {
        fiscalYear: plan.fiscalYear,
        periods: plan.periods,
        periodIndex: plan.periodIndex,
        issueDate,
        dueDate,
      })
      if (!prorated.ok) return prorated
      amounts = prorated.value
    }
    if (amounts.length === 0)
      return err(
        DomainErrors.invalidField('amount_cents', 'must be an integer number of cents greater than 0'),
      )
    const number = await repos.finance.calls.nextCallNumber(scope.value, building.id)
    if (number > 9_999)
      return err(DomainErrors.conflict('call_numbers_exhausted', 'This building has 9999 calls'))
    const owners = new Map(
      (await repos.finance.calls.ownersByIds(scope.value, [...new Set(amounts.map((a) => a.ownerId))])).map(
        (o) => [o.id, o],
      ),
    )
    const now = ctx.clock.now()
    const call: CallForFunds = {
      id: ctx.ids.next(),
      organizationId: scope.value.organizationId,
      buildingId: building.id,
      number,
      kind: input.kind,
      label: input.label.trim(),
      issueDate,
      dueDate,
      totalCents: amounts.reduce((s, a) => s + a.amountCents, 0),
      budgetRef: plan?.budgetRef ?? null,
      periodIndex: plan?.periodIndex ?? null,
      periods: plan?.periods ?? null,
      resolutionRef: input.resolutionRef?.trim() || null,
      account: accountPurpose,
      iban: account.iban,
      bic: account.bic,
      holderName: account.holderName,
      issuedBy: ctx.actor.userId,
      version: 1,
      createdAt: now,
    }
    const lines: CallLine[] = amounts.map((a, i) => {
      const owner = owners.get(a.ownerId)
      return {
        id: ctx.ids.next(),
        organizationId: call.organizationId,
        buildingId: building.id,
        callId: call.id,
        lineNumber: i + 1,
        unitId: a.unitId,
        unitNumber: a.unitNumber,
        ownerId: a.ownerId,
        amountCents: a.amountCents,
        communication: callLineCommunication(number, i + 1),
        dueDate,
        delivery: owner && mayReceiveDocumentsByEmail(owner) ? 'email' : 'post',
        documentId: null,
        emailedAt: null,
        createdAt: now,
      }
    })
    await repos.finance.calls.insertCall(scope.value, call, lines)
    const jobId = await repos.outbox.enqueue({
      kind: RENDER_CALL_LETTERS,
      organizationId: call.organizationId,
      payload: { callId: call.id, requestedBy: ctx.actor.userId },
    })
    await recordEvent(ctx, repos, 'CallForFundsIssued', call, call.id, {
      buildingId: call.buildingId,
      number: call.number,
      kind: call.kind,
      account: call.account,
      issueDate: call.issueDate,
      dueDate: call.dueDate,
      label: call.label,
      totalCents: call.totalCents,
      jobId,
      // The ledger's posting (ledger/postings/calls.ts) debits each owner's 410 with these.
      lines: lines.map((l) => ({ ownerId: l.ownerId, unitId: l.unitId, amountCents: l.amountCents })),
    })
    return ok({ call, lines, jobId })
  })
}

/** The lots of the building on the date, each with who receives its calls. */
async function lotsOn(
  repos: FinanceRepos,
  scope: TenantScope,
  buildingId: string,
  date: CalendarDate,
): Promise<Result<{ lots: CallLot[]; basis: ChargeBasis }>> {
  const basis = await repos.property.quoteParts.loadBuildingBasis(scope, buildingId, date)
  if (!basis) return err(DomainErrors.notFound('Building'))
  const designations = new Map<string, UnitRepresentation[]>()
  for (const d of await repos.finance.calls.representations(scope, buildingId)) {
    designations.set(d.unitId, [...(designations.get(d.unitId) ?? []), d])
  }
  return ok({
    basis,
    lots: basis.units.map((u) => {
      // The designated recipient takes the whole lot when they hold it that day (art. 3.87 §1);
      // otherwise the holders who bear the lot's charges share it by their shares.
      const designated = representationOn(designations.get(u.unitId) ?? [], date)?.callsOwnerId
      const recipients =
        designated && u.owners.some((o) => o.ownerId === designated)
          ? [{ ownerId: designated, sharePpm: 1_000_000 }]
          : u.owners
      return { unitId: u.unitId, unitNumber: u.unitNumber, weight: u.quota, recipients }
    }),
  })
}

function checkInput(
  input: IssueCallInput,
  today: CalendarDate,
): Result<{ dueDate: CalendarDate; issueDate: CalendarDate; fromBudget: boolean }> {
  const issues: FieldIssue[] = []
  if (!(ISSUABLE_CALL_KINDS as readonly string[]).includes(input.kind))
    issues.push({ path: 'kind', message: `must be one of ${ISSUABLE_CALL_KINDS.join(', ')}` })
  const label = input.label.trim()
  if (label.length === 0 || label.length > CALL_LIMITS.label) {
    issues.push({ path: 'label', message: `must have 1 to ${CALL_LIMITS.label} characters` })
  }
  const due = parseCalendarDate(input.dueDate, 'due_date')
  if (!due.ok) issues.push({ path: 'due_date', message: 'is not a valid calendar date' })
  const issue = input.issueDate === undefined ? ok(today) : parseCalendarDate(input.issueDate, 'issue_date')
  if (!issue.ok) issues.push({ path: 'issue_date', message: 'is not a valid calendar date' })
  if (input.kind === 'extraordinary' && !input.resolutionRef?.trim()) {
    issues.push({
      path: 'resolution_ref',
      message: 'is required: extraordinary works are voted by the assembly',
    })
  }
  // A provision is always the approved budget's; a reserve call is the budget's unless an amount
  // is given; an extraordinary call is the amount the assembly voted.
  const fromBudget =
    input.kind === 'provision' || (input.kind === 'reserve' && input.amountCents === undefined)
  if (fromBudget) {
    if (input.amountCents !== undefined) {
      issues.push({ path: 'amount_cents', message: 'is read from the approved budget: give period instead' })
    }
    if (input.period === undefined) issues.push({ path: 'period', message: 'is required' })
  } else if (input.amountCents === undefined) {
    issues.push({ path: 'amount_cents', message: 'is required without a budget' })
  } else if (!Number.isSafeInteger(input.amountCents) || input.amountCents <= 0) {
    issues.push({ path: 'amount_cents', message: 'must be an integer number of cents greater than 0' })
  }
  if (issues.length > 0 || !due.ok || !issue.ok)
    return err(DomainErrors.validation('Invalid call for funds', issues))
  if (due.value < issue.value) {
    return err(
      DomainErrors.validation('Invalid call for funds', [
        { path: 'due_date', message: 'is before the issue date' },
      ]),
    )
  }
  return ok({ dueDate: due.value, issueDate: issue.value, fromBudget })
}
