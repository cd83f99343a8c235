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
 * seller and buyer (the figures of the settlement statement a notary asks the syndic for). The
 * building is checked first, so another tenant's building is a 404 whatever the query says.
 */
export async function previewSaleSplit({
  ctx,
  input,
}: UseCaseCall<
  FinanceContext,
  {
    readonly buildingId: string
    readonly amountCents?: number | undefined
    readonly periodStart?: string | undefined
    readonly periodEnd?: string | undefined
    readonly deedDate?: string | undefined
    readonly invoiceDate?: string | undefined
    readonly dueDate?: string | undefined
  }
>): Promise<Result<{ readonly rule: SaleSplitRule; readonly split: SaleSplit }>> {
  const settings = await getFinanceSettings({ ctx, input: { buildingId: input.buildingId } })
  if (!settings.ok) return settings
  const required = (path: string, v: string | undefined) =>
    v === undefined ? err(DomainErrors.invalidField(path, 'is required')) : parseCalendarDate(v, path)
  const optional = (path: string, v: string | undefined) =>
    v === undefined ? ok(undefined) : parseCalendarDate(v, path)
  const dates = {
    periodStart: required('period_start', input.periodStart),
    periodEnd: required('period_end', input.periodEnd),
    deedDate: required('deed_date', input.deedDate),
    invoiceDate: optional('invoice_date', input.invoiceDate),
    dueDate: optional('due_date', input.dueDate),
  }
  const issues = Object.values(dates).flatMap((d) =>
    !d.ok && d.error.kind === 'validation' ? d.error.issues : [],
  )
  if (input.amountCents === undefined) issues.push({ path: 'amount_cents', message: 'is required' })
  if (issues.length > 0) return err(DomainErrors.validation('Invalid sale split', issues))
  const value = <T>(r: Result<T>) => (r.ok ? r.value : undefined) as T
  const rule = settings.value.saleSplitRule
  const split = splitSaleCharge({
    amountCents: input.amountCents ?? 0,
    periodStart: value(dates.periodStart),
    periodEnd: value(dates.periodEnd),
    deedDate: value(dates.deedDate),
    invoiceDate: value(dates.invoiceDate),
    dueDate: value(dates.dueDate),
    rule,
  })
  return split.ok ? ok({ rule, split: split.value }) : split
}
