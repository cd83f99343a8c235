import { type CalendarDate, parseCalendarDate } from '../../property/index.ts'
import { DomainErrors, type FieldIssue } from '../../shared/domain-error.ts'
import type { Cents } from '../../shared/money.value-object.ts'
import { err, ok, type Result } from '../../shared/result.ts'
import { EXPENSE_CATEGORIES, type ExpenseCategory } from '../expense.entity.ts'
import type { ReserveWaiver } from './reserve-fund.ts'

/*
 * The budget of one fiscal year of a building (art. 3.89 §5, 18° Civil Code: the syndic submits
 * each year to the assembly a budget of the foreseeable expenses for the ordinary common charges
 * and for the reserve fund). Lines by category and distribution key: the category list is the
 * expenses' one, which maps onto the class-6 charge accounts of the RD 12 July 2012 chart (the
 * ledger owns that mapping). The ordinary lines are the working-capital provisions (fonds de
 * roulement) called periodically; the reserve-fund contribution is a separate figure, checked
 * against the 5 % minimum (reserve-fund.ts). Draft → approved by an assembly resolution; an
 * approved budget is never edited (a new draft is prepared for an amendment).
 */

export const BUDGET_STATUSES = ['draft', 'approved'] as const
export type BudgetStatus = (typeof BUDGET_STATUSES)[number]

export const PROVISION_PERIODICITIES = ['monthly', 'quarterly'] as const
export type ProvisionPeriodicity = (typeof PROVISION_PERIODICITIES)[number]

export const BUDGET_LIMITS = {
  lines: 200,
  label: 255,
  resolution_reference: 500,
  min_fiscal_year: 2000,
  max_fiscal_year: 2100,
} as const

export type BudgetLine = {
  readonly category: ExpenseCategory
  readonly label: string
  /** null: the general key (the building's quote-parts). */
  readonly distributionKeyId: string | null
  readonly amountCents: Cents
}

export type BudgetApproval = {
  readonly resolutionId: string | null
  readonly resolutionReference: string | null
  readonly approvedOn: CalendarDate
}

export type Budget = {
  readonly id: string
  readonly organizationId: string
  readonly buildingId: string
  readonly fiscalYear: number
  readonly status: BudgetStatus
  readonly provisionPeriodicity: ProvisionPeriodicity
  readonly lines: readonly BudgetLine[]
  readonly reserveContributionCents: Cents
  /** The basis of the 5 % rule, fixed when the budget is approved (null while a draft). */
  readonly previousYearOrdinaryChargesCents: Cents | null
  readonly reserveWaiver: ReserveWaiver | null
  readonly approval: BudgetApproval | null
  readonly version: number
  readonly createdAt: Date
  readonly updatedAt: Date
}

/** Σ of the ordinary lines: the working-capital provisions of the year. */
export function workingCapitalCents(budget: Pick<Budget, 'lines'>): Cents {
  return budget.lines.reduce((s, l) => s + l.amountCents, 0) as Cents
}

export type BudgetFields = {
  readonly fiscalYear: number
  readonly provisionPeriodicity?: ProvisionPeriodicity | undefined
  readonly lines: readonly {
    readonly category: string
    readonly label?: string | null | undefined
    readonly distributionKeyId?: string | null | undefined
    readonly amountCents: number
  }[]
  readonly reserveContributionCents?: number | undefined
  readonly reserveWaiver?:
    | {
        readonly resolutionId?: string | null | undefined
        readonly resolutionReference?: string | null | undefined
        readonly decidedOn: string
      }
    | null
    | undefined
}

export type ValidBudgetFields = Pick<
  Budget,
  'fiscalYear' | 'provisionPeriodicity' | 'lines' | 'reserveContributionCents' | 'reserveWaiver'
>

export function validateBudget(fields: BudgetFields): Result<ValidBudgetFields> {
  const issues: FieldIssue[] = []
  const year = fields.fiscalYear
  if (
    !Number.isInteger(year) ||
    year < BUDGET_LIMITS.min_fiscal_year ||
    year > BUDGET_LIMITS.max_fiscal_year
  ) {
    issues.push({
      path: 'fiscal_year',
      message: `must be a year in ${BUDGET_LIMITS.min_fiscal_year}..${BUDGET_LIMITS.max_fiscal_year}`,
    })
  }
  const periodicity = fields.provisionPeriodicity ?? 'quarterly'
  if (!(PROVISION_PERIODICITIES as readonly string[]).includes(periodicity)) {
    issues.push({
      path: 'provision_periodicity',
      message: `must be one of ${PROVISION_PERIODICITIES.join(', ')}`,
    })
  }
  if (fields.lines.length > BUDGET_LIMITS.lines) {
    issues.push({ path: 'lines', message: `must have at most ${BUDGET_LIMITS.lines} lines` })
  }
  const lines: BudgetLine[] = []
  fields.lines.forEach((line, i) => {
    if (!(EXPENSE_CATEGORIES as readonly string[]).includes(line.category)) {
      issues.push({
        path: `lines[${i}].category`,
        message: `must be one of ${EXPENSE_CATEGORIES.join(', ')}`,
      })
    }
    const label = line.label?.trim() ?? ''
    if (label.length > BUDGET_LIMITS.label) {
      issues.push({ path: `lines[${i}].label`, message: `must be at most ${BUDGET_LIMITS.label} characters` })
    }
    if (!Number.isSafeInteger(line.amountCents) || line.amountCents <= 0) {
      issues.push({
        path: `lines[${i}].amount_cents`,
        message: 'must be an integer number of cents greater than 0',
      })
    }
    lines.push({
      category: line.category as ExpenseCategory,
      label,
      distributionKeyId: line.distributionKeyId ?? null,
      amountCents: line.amountCents as Cents,
    })
  })
  const reserve = fields.reserveContributionCents ?? 0
  if (!Number.isSafeInteger(reserve) || reserve < 0) {
    issues.push({
      path: 'reserve_contribution_cents',
      message: 'must be a non-negative integer number of cents',
    })
  }
  let reserveWaiver: ReserveWaiver | null = null
  if (fields.reserveWaiver) {
    const w = fields.reserveWaiver
    const decided = parseCalendarDate(w.decidedOn, 'reserve_waiver.decided_on')
    if (!decided.ok) issues.push({ path: 'reserve_waiver.decided_on', message: 'must be a date YYYY-MM-DD' })
    const reference = w.resolutionReference?.trim() || null
    if (!w.resolutionId && !reference) {
      issues.push({
        path: 'reserve_waiver',
        message:
          'must name the resolution (resolution_id or resolution_reference) of the four-fifths decision',
      })
    }
    if (reference && reference.length > BUDGET_LIMITS.resolution_reference) {
      issues.push({
        path: 'reserve_waiver.resolution_reference',
        message: `must be at most ${BUDGET_LIMITS.resolution_reference} characters`,
      })
    }
    if (decided.ok) {
      reserveWaiver = {
        resolutionId: w.resolutionId ?? null,
        resolutionReference: reference,
        decidedOn: decided.value,
      }
    }
  }
  if (issues.length > 0) return err(DomainErrors.validation('Invalid budget', issues))
  return ok({
    fiscalYear: year,
    provisionPeriodicity: periodicity,
    lines,
    reserveContributionCents: reserve as Cents,
    reserveWaiver,
  })
}

export type ApprovalFields = {
  readonly resolutionId?: string | null | undefined
  readonly resolutionReference?: string | null | undefined
  readonly approvedOn: string
}

/** The assembly decision approving a budget: a resolution id or a free reference, and its date. */
export function validateApproval(fields: ApprovalFields): Result<BudgetApproval> {
  const issues: FieldIssue[] = []
  const date = parseCalendarDate(fields.approvedOn, 'approved_on')
  if (!date.ok) issues.push({ path: 'approved_on', message: 'must be a date YYYY-MM-DD' })
  const reference = fields.resolutionReference?.trim() || null
  if (!fields.resolutionId && !reference) {
    issues.push({ path: 'resolution_reference', message: 'is required when no resolution_id is given' })
  }
  if (reference && reference.length > BUDGET_LIMITS.resolution_reference) {
    issues.push({
      path: 'resolution_reference',
      message: `must be at most ${BUDGET_LIMITS.resolution_reference} characters`,
    })
  }
  if (issues.length > 0 || !date.ok) return err(DomainErrors.validation('Invalid approval', issues))
  return ok({
    resolutionId: fields.resolutionId ?? null,
    resolutionReference: reference,
    approvedOn: date.value,
  })
}

/** Only a draft may be edited, approved or deleted. */
export function requireDraft(budget: Budget): Result<Budget> {
  return budget.status === 'draft'
    ? ok(budget)
    : err(
        DomainErrors.conflict(
          'budget_already_approved',
          `The budget ${budget.fiscalYear} is approved by the assembly and can no longer change; prepare a new draft`,
          { fiscal_year: budget.fiscalYear },
        ),
      )
}
