import type { UseCaseCall } from '../../context.ts'
import { parseCalendarDate } from '../../property/index.ts'
import { DomainErrors } from '../../shared/domain-error.ts'
import { err, ok, type Result } from '../../shared/result.ts'
import { recordEvent } from '../../shared/unit-of-work.ts'
import { checkVersion } from '../../shared/versioning.ts'
import type { FinanceContext } from '../finance.ports.ts'
import type { BuildingFinanceSettings } from './budget.ports.ts'
import { buildingReadScope, buildingWriteScope } from './building-access.ts'
import {
  DEFAULT_SALE_SPLIT_RULE,
  SALE_SPLIT_RULES,
  type SaleSplit,
  type SaleSplitRule,
  splitSaleCharge,
} from './sale-pro-rata.ts'

/** GET /buildings/{id}/finance-settings: the stored row or the defaults (version 0). */
export async function getFinanceSettings({
  ctx,
  input: { buildingId },
}: UseCaseCall<FinanceContext, { readonly buildingId: string }>): Promise<Result<BuildingFinanceSettings>> {
  const scope = await buildingReadScope(ctx, buildingId)
  if (!scope.ok) return scope
  const found = await ctx.repos.finance.budget.financeSettings.find(scope.value, buildingId)
  return ok(found ?? defaults(scope.value.organizationId, buildingId))
}

export async function updateFinanceSettings({
  ctx,
  input,
}: UseCaseCall<
  FinanceContext,
  {
    readonly buildingId: string
    readonly saleSplitRule: SaleSplitRule
    readonly expectedVersion?: number | undefined
  }
>): Promise<Result<BuildingFinanceSettings>> {
  if (!(SALE_SPLIT_RULES as readonly string[]).includes(input.saleSplitRule)) {
    return err(DomainErrors.invalidField('sale_split_rule', `must be one of ${SALE_SPLIT_RULES.join(', ')}`))
  }
  return ctx.transaction(async (repos) => {
    const scope = await buildingWriteScope(ctx, repos, input.buildingId)
    if (!scope.ok) return scope
    const store = repos.finance.budget.financeSettings
    const current =
      (await store.find(scope.value, input.buildingId)) ??
      defaults(scope.value.organizationId, input.buildingId)
    const fresh = checkVersion('FinanceSettings', current.version, input.expectedVersion)
    if (!fresh.ok) return fresh
    const next: BuildingFinanceSettings = {
      ...current,
      saleSplitRule: input.saleSplitRule,
      version: current.version + 1,
    }
    if (!(await store.save(scope.value, next)))
      return err(DomainErrors.versionConflict('FinanceSettings', current.version))
    await recordEvent(ctx, repos, 'BuildingFinanceSettingsUpdated', next, input.buildingId, {
      saleSplitRule: next.saleSplitRule,
      previous: current.saleSplitRule,
    })
    return ok(next)
  })
}

function defaults(organizationId: string, buildingId: string): BuildingFinanceSettings {
  return { organizationId, buildingId, saleSplitRule: DEFAULT_SALE_SPLIT_RULE, version: 0 }
}

/**
 * GET /buildings/{id}/sale-split: how the building's rule splits one amount of a period between
 * seller and buyer (the figures of the settlement statement a notary asks the syndic for).
 */
export async function previewSaleSplit({
  ctx,
  input,
}: UseCaseCall<
  FinanceContext,
  {
    readonly buildingId: string
    readonly amountCents: number
    readonly periodStart: string
    readonly periodEnd: string
    readonly deedDate: string
    readonly invoiceDate?: string | undefined
    readonly dueDate?: string | undefined
  }
>): Promise<Result<{ readonly rule: SaleSplitRule; readonly split: SaleSplit }>> {
  const dates = {
    period_start: parseCalendarDate(input.periodStart, 'period_start'),
    period_end: parseCalendarDate(input.periodEnd, 'period_end'),
    deed_date: parseCalendarDate(input.deedDate, 'deed_date'),
    invoice_date:
      input.invoiceDate === undefined ? ok(undefined) : parseCalendarDate(input.invoiceDate, 'invoice_date'),
    due_date: input.dueDate === undefined ? ok(undefined) : parseCalendarDate(input.dueDate, 'due_date'),
  }
  const issues = Object.values(dates).flatMap((d) =>
    !d.ok && d.error.kind === 'validation' ? d.error.issues : [],
  )
  if (issues.length > 0) return err(DomainErrors.validation('Invalid sale split', issues))
  const value = <T>(r: Result<T>) => (r.ok ? r.value : undefined) as T
  const settings = await getFinanceSettings({ ctx, input: { buildingId: input.buildingId } })
  if (!settings.ok) return settings
  const rule = settings.value.saleSplitRule
  const split = splitSaleCharge({
    amountCents: input.amountCents,
    periodStart: value(dates.period_start),
    periodEnd: value(dates.period_end),
    deedDate: value(dates.deed_date),
    invoiceDate: value(dates.invoice_date),
    dueDate: value(dates.due_date),
    rule,
  })
  return split.ok ? ok({ rule, split: split.value }) : split
}
