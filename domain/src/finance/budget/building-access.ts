import { mayReadBuilding, readAccessOf, scopeForRow } from '../../access/index.ts'
import { can } from '../../identity/index.ts'
import { type TenantScope, todayOf } from '../../property/index.ts'
import { DomainErrors } from '../../shared/domain-error.ts'
import { err, ok, type Result } from '../../shared/result.ts'
import type { FinanceContext, FinanceRepos } from '../finance.ports.ts'
import type { DistributionKey } from './distribution-key.ts'

/**
 * Keys, budgets and settings are assembly decisions the syndic records: `finance:manage` (syndic,
 * superadmin) writes; whoever reads the building reads them (accountant; an owner of a lot, as the
 * budget is voted by all owners). A building of another tenant is a 404, like a missing one.
 */
export async function buildingWriteScope(
  ctx: FinanceContext,
  repos: FinanceRepos,
  buildingId: string,
): Promise<Result<TenantScope>> {
  if (!can(ctx.actor, 'finance:manage')) return err(DomainErrors.forbidden())
  const scoped = await scopeForRow(ctx.actor, 'Building', () =>
    repos.property.buildings.organizationOf(buildingId),
  )
  if (!scoped.ok) return scoped
  const building = await repos.property.buildings.findById(scoped.value, buildingId)
  return building ? scoped : err(DomainErrors.notFound('Building'))
}

export function buildingReadScope(ctx: FinanceContext, buildingId: string): Promise<Result<TenantScope>> {
  return mayReadBuilding(ctx, readAccessOf(ctx), buildingId)
}

/** The building's unit ids (any date: a key may name a lot sold or not yet owned). */
export async function buildingUnitIds(
  ctx: FinanceContext,
  repos: FinanceRepos,
  scope: TenantScope,
  buildingId: string,
): Promise<ReadonlySet<string>> {
  const basis = await repos.property.quoteParts.loadBuildingBasis(scope, buildingId, todayOf(ctx.clock))
  return new Set(basis?.units.map((u) => u.unitId) ?? [])
}

/**
 * The key `keyId` if it belongs to the building, else a validation issue at `path` (another
 * tenant's or another building's key is "unknown", revealing nothing). null → the general key.
 */
export async function keyOfBuilding(
  repos: FinanceRepos,
  scope: TenantScope,
  buildingId: string,
  keyId: string | null,
  path: string,
): Promise<Result<DistributionKey | null>> {
  if (keyId === null) return ok(null)
  const key = await repos.finance.budget.distributionKeys.findById(scope, keyId)
  if (!key || key.buildingId !== buildingId) {
    return err(DomainErrors.invalidField(path, 'is not a distribution key of this building'))
  }
  return ok(key)
}
