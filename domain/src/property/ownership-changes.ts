import { DomainErrors } from '../shared/domain-error.ts'
import { err, ok, type Result } from '../shared/result.ts'
import type { PropertyRepos, TenantScope } from './property.ports.ts'
import type { Unit } from './unit.entity.ts'
import type { OwnershipChanges } from './unit-ownership.entity.ts'

/**
 * Persists a planned ownership change and keeps the unit's denormalized ownerId (its owner today,
 * for v1 readers of the column; API views recompute it for the asked date) in sync. Run it
 * inside the transaction that holds the unit's lock. Updates go before the insert so that partial
 * unique indexes (one active link per owner and unit, one active primary per unit) hold at every
 * statement, not only at commit.
 */
export async function applyOwnershipChanges(
  repos: PropertyRepos,
  scope: TenantScope,
  unit: Unit,
  changes: OwnershipChanges,
  now: Date,
  options: { readonly bumpUnit?: boolean } = {},
): Promise<Result<Unit>> {
  for (const link of changes.updated) {
    if (!(await repos.property.unitOwnerships.update(scope, link))) {
      return err(DomainErrors.versionConflict('UnitOwnership', link.version))
    }
  }
  for (const link of changes.inserted) await repos.property.unitOwnerships.insert(scope, link)
  // A transfer always moves the unit's version, so a second sale sent with the same If-Match fails.
  if (unit.ownerId === changes.primaryOwnerId && !options.bumpUnit) return ok(unit)
  const next: Unit = { ...unit, ownerId: changes.primaryOwnerId, version: unit.version + 1, updatedAt: now }
  if (!(await repos.property.units.update(scope, next)))
    return err(DomainErrors.versionConflict('Unit', next.version))
  return ok(next)
}
