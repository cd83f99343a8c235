import type { UseCaseCall } from '../../context.ts'
import { type TenantScope, todayOf } from '../../property/index.ts'
import { DomainErrors, type FieldIssue } from '../../shared/domain-error.ts'
import type { Cents } from '../../shared/money.value-object.ts'
import { err, ok, type Result } from '../../shared/result.ts'
import { recordEvent } from '../../shared/unit-of-work.ts'
import { checkVersion } from '../../shared/versioning.ts'
import type { FinanceContext, FinanceRepos } from '../finance.ports.ts'
import {
  type ApprovalFields,
  type Budget,
  type BudgetFields,
  type BudgetLine,
  type ProvisionPeriodicity,
  requireDraft,
  type ValidBudgetFields,
  validateApproval,
  validateBudget,
  workingCapitalCents,
} from './budget.entity.ts'
import { buildingReadScope, buildingWriteScope } from './building-access.ts'
import type { DistributionKey } from './distribution-key.ts'
import { checkReserveContribution } from './reserve-fund.ts'

export async function listBudgets({
  ctx,
  input: { buildingId },
}: UseCaseCall<FinanceContext, { readonly buildingId: string }>): Promise<Result<readonly Budget[]>> {
  const scope = await buildingReadScope(ctx, buildingId)
  if (!scope.ok) return scope
  return ok(await ctx.repos.finance.budget.budgets.listForBuilding(scope.value, buildingId))
}

export async function getBudget({
  ctx,
  input: { buildingId, id },
}: UseCaseCall<FinanceContext, { readonly buildingId: string; readonly id: string }>): Promise<
  Result<Budget>
> {
  const scope = await buildingReadScope(ctx, buildingId)
  if (!scope.ok) return scope
  const budget = await ctx.repos.finance.budget.budgets.findById(scope.value, id)
  return budget && budget.buildingId === buildingId ? ok(budget) : err(DomainErrors.notFound('Budget'))
}

/** A new draft for a fiscal year (several drafts may compete; one approved per year). */
export async function createBudget({
  ctx,
  input,
}: UseCaseCall<FinanceContext, BudgetFields & { readonly buildingId: string }>): Promise<Result<Budget>> {
  const fields = validateBudget(input)
  if (!fields.ok) return fields
  return ctx.transaction(async (repos) => {
    const scope = await buildingWriteScope(ctx, repos, input.buildingId)
    if (!scope.ok) return scope
    const keys = await checkLineKeys(repos, scope.value, input.buildingId, fields.value.lines)
    if (!keys.ok) return keys
    const now = ctx.clock.now()
    const budget: Budget = {
      id: ctx.ids.next(),
      organizationId: scope.value.organizationId,
      buildingId: input.buildingId,
      ...fields.value,
      status: 'draft',
      previousYearOrdinaryChargesCents: null,
      approval: null,
      version: 1,
      createdAt: now,
      updatedAt: now,
    }
    await repos.finance.budget.budgets.insert(scope.value, budget)
    await recordEvent(ctx, repos, 'BudgetCreated', budget, budget.id, summary(budget))
    return ok(budget)
  })
}

/** PUT: replaces a draft's figures and lines. An approved budget is final (409). */
export async function updateBudget({
  ctx,
  input,
}: UseCaseCall<
  FinanceContext,
  BudgetFields & {
    readonly buildingId: string
    readonly id: string
    readonly expectedVersion?: number | undefined
  }
>): Promise<Result<Budget>> {
  const fields = validateBudget(input)
  if (!fields.ok) return fields
  return ctx.transaction(async (repos) => {
    const current = await loadForWrite(ctx, repos, input.buildingId, input.id, input.expectedVersion)
    if (!current.ok) return current
    const { scope, budget } = current.value
    const keys = await checkLineKeys(repos, scope, input.buildingId, fields.value.lines)
    if (!keys.ok) return keys
    const updated: Budget = {
      ...budget,
      ...fields.value,
      version: budget.version + 1,
      updatedAt: ctx.clock.now(),
    }
    if (!(await repos.finance.budget.budgets.update(scope, updated))) {
      return err(DomainErrors.versionConflict('Budget', budget.version))
    }
    await recordEvent(ctx, repos, 'BudgetUpdated', updated, updated.id, summary(updated))
    return ok(updated)
  })
}

export async function deleteBudget({
  ctx,
  input,
}: UseCaseCall<FinanceContext, { readonly buildingId: string; readonly id: string }>): Promise<Result<null>> {
  return ctx.transaction(async (repos) => {
    const current = await loadForWrite(ctx, repos, input.buildingId, input.id, undefined)
    if (!current.ok) return current
    await repos.finance.budget.budgets.delete(current.value.scope, input.id)
    await recordEvent(
      ctx,
      repos,
      'BudgetDeleted',
      current.value.budget,
      input.id,
      summary(current.value.budget),
    )
    return ok(null)
  })
}

/**
 * POST …/approve: the assembly approved the draft. Records the resolution (id or free reference +
 * date; checked against the assembly's resolutions once they are stored, see docs/finance.md),
 * fixes last year's ordinary charges and refuses a reserve contribution below 5 % of them without
 * a recorded four-fifths waiver (art. 3.86 §3). One approved budget per building and year.
 */
export async function approveBudget({
  ctx,
  input,
}: UseCaseCall<
  FinanceContext,
  ApprovalFields & {
    readonly buildingId: string
    readonly id: string
    readonly expectedVersion?: number | undefined
  }
>): Promise<Result<Budget>> {
  return ctx.transaction(async (repos) => {
    // Access first: another tenant's budget is a 404 whatever the body says.
    const current = await loadForWrite(ctx, repos, input.buildingId, input.id, input.expectedVersion)
    if (!current.ok) return current
    const approval = validateApproval(input)
    if (!approval.ok) return approval
    const { scope, budget } = current.value
    const budgets = repos.finance.budget.budgets
    if (await budgets.findApproved(scope, budget.buildingId, budget.fiscalYear)) {
      return err(
        DomainErrors.conflict(
          'budget_year_already_approved',
          `A budget of ${budget.fiscalYear} is already approved for this building`,
          { fiscal_year: budget.fiscalYear },
        ),
      )
    }
    const previousYear = budget.fiscalYear - 1
    const previous = await budgets.ordinaryChargesCents(
      scope,
      budget.buildingId,
      `${previousYear}-01-01`,
      `${previousYear}-12-31`,
    )
    const reserve = checkReserveContribution({
      contributionCents: budget.reserveContributionCents,
      previousYearOrdinaryChargesCents: previous,
      waiver: budget.reserveWaiver,
    })
    if (!reserve.ok) return reserve
    const approved: Budget = {
      ...budget,
      status: 'approved',
      approval: approval.value,
      previousYearOrdinaryChargesCents: previous as Cents,
      version: budget.version + 1,
      updatedAt: ctx.clock.now(),
    }
    if (!(await budgets.update(scope, approved)))
      return err(DomainErrors.versionConflict('Budget', budget.version))
    await recordEvent(ctx, repos, 'BudgetApproved', approved, approved.id, {
      ...summary(approved),
      approval: approval.value,
      previousYearOrdinaryChargesCents: previous,
      reserveMinimumCents: reserve.value.minimumCents,
      reserveWaived: reserve.value.waived,
    })
    return ok(approved)
  })
}

/** What calls for funds reads: the approved budget of a year with each line's key resolved. */
export type ApprovedBudget = {
  readonly budgetId: string
  readonly buildingId: string
  readonly fiscalYear: number
  readonly provisionPeriodicity: ProvisionPeriodicity
  /** Each line with its key; `key: null` is the general key (the building's quote-parts). */
  readonly lines: readonly (BudgetLine & { readonly key: DistributionKey | null })[]
  /** Σ lines: the year's working-capital provisions (fonds de roulement). */
  readonly workingCapitalCents: Cents
  /** The year's reserve-fund contribution, spread by the general key. */
  readonly reserveContributionCents: Cents
  readonly approval: NonNullable<Budget['approval']>
}

/**
 * `approvedBudget(building, fiscalYear)` for another use case running in a transaction (calls for
 * funds): null when the year has no approved budget. The caller has checked access to the building.
 */
export async function approvedBudget(
  repos: Pick<FinanceRepos, 'finance'>,
  scope: TenantScope,
  buildingId: string,
  fiscalYear: number,
): Promise<ApprovedBudget | null> {
  const budget = await repos.finance.budget.budgets.findApproved(scope, buildingId, fiscalYear)
  if (!budget?.approval) return null
  const keys = new Map<string, DistributionKey>()
  for (const line of budget.lines) {
    if (line.distributionKeyId === null || keys.has(line.distributionKeyId)) continue
    const key = await repos.finance.budget.distributionKeys.findById(scope, line.distributionKeyId)
    if (key) keys.set(key.id, key)
  }
  return {
    budgetId: budget.id,
    buildingId,
    fiscalYear,
    provisionPeriodicity: budget.provisionPeriodicity,
    lines: budget.lines.map((l) => ({
      ...l,
      key: l.distributionKeyId === null ? null : (keys.get(l.distributionKeyId) ?? null),
    })),
    workingCapitalCents: workingCapitalCents(budget),
    reserveContributionCents: budget.reserveContributionCents,
    approval: budget.approval,
  }
}

/** GET /buildings/{id}/budgets/approved?fiscal_year=: 404 when none is approved. */
export async function getApprovedBudget({
  ctx,
  input: { buildingId, fiscalYear },
}: UseCaseCall<
  FinanceContext,
  { readonly buildingId: string; readonly fiscalYear?: number | undefined }
>): Promise<Result<ApprovedBudget>> {
  const scope = await buildingReadScope(ctx, buildingId)
  if (!scope.ok) return scope
  const year = fiscalYear ?? Number(todayOf(ctx.clock).slice(0, 4))
  const found = await approvedBudget(ctx.repos, scope.value, buildingId, year)
  return found ? ok(found) : err(DomainErrors.notFound('Budget'))
}

async function loadForWrite(
  ctx: FinanceContext,
  repos: FinanceRepos,
  buildingId: string,
  id: string,
  expectedVersion: number | undefined,
): Promise<Result<{ readonly scope: TenantScope; readonly budget: Budget }>> {
  const scope = await buildingWriteScope(ctx, repos, buildingId)
  if (!scope.ok) return scope
  const budget = await repos.finance.budget.budgets.findById(scope.value, id)
  if (!budget || budget.buildingId !== buildingId) return err(DomainErrors.notFound('Budget'))
  const fresh = checkVersion('Budget', budget.version, expectedVersion)
  if (!fresh.ok) return fresh
  const draft = requireDraft(budget)
  if (!draft.ok) return draft
  return ok({ scope: scope.value, budget })
}

async function checkLineKeys(
  repos: FinanceRepos,
  scope: TenantScope,
  buildingId: string,
  lines: ValidBudgetFields['lines'],
): Promise<Result<null>> {
  const issues: FieldIssue[] = []
  for (const [i, line] of lines.entries()) {
    if (line.distributionKeyId === null) continue
    const key = await repos.finance.budget.distributionKeys.findById(scope, line.distributionKeyId)
    if (!key || key.buildingId !== buildingId) {
      issues.push({
        path: `lines[${i}].distribution_key_id`,
        message: 'is not a distribution key of this building',
      })
    }
  }
  return issues.length > 0 ? err(DomainErrors.validation('Invalid budget', issues)) : ok(null)
}

function summary(budget: Budget): Record<string, unknown> {
  return {
    buildingId: budget.buildingId,
    fiscalYear: budget.fiscalYear,
    status: budget.status,
    workingCapitalCents: workingCapitalCents(budget),
    reserveContributionCents: budget.reserveContributionCents,
    lines: budget.lines.length,
  }
}
