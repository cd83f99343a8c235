import type { UseCaseCall } from '../../context.ts'
import { DomainErrors } from '../../shared/domain-error.ts'
import { err, ok, type Result } from '../../shared/result.ts'
import { recordEvent } from '../../shared/unit-of-work.ts'
import { checkVersion } from '../../shared/versioning.ts'
import type { FinanceContext } from '../finance.ports.ts'
import type { BuildingFinanceSettings } from './budget.ports.ts'
import { buildingReadScope, buildingWriteScope } from './building-access.ts'
import { DEFAULT_SALE_SPLIT_RULE, SALE_SPLIT_RULES, type SaleSplitRule } from './sale-pro-rata.ts'

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
