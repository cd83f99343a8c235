import type { Repositories } from '../context.ts'
import { DomainErrors } from '../shared/domain-error.ts'
import { err, ok, type Result } from '../shared/result.ts'
import type { TenantScope } from './property.ports.ts'
import type { Unit } from './unit.entity.ts'
import type { OwnershipChanges } from './unit-ownership.entity.ts'

/**
 * Persists a planned ownership change and keeps the unit's denormalized ownerId in sync. Run it
 * inside the transaction that holds the unit's lock. Updates go before the insert so that partial
 * unique indexes (one active link per owner and unit, one active primary per unit) hold at every
 * statement, not only at commit.
 */
export async function applyOwnershipChanges(
  repos: Repositories,
  scope: TenantScope,
  unit: Unit,
  changes: OwnershipChanges,
  now: Date,
): Promise<Result<Unit>> {
  for (const link of changes.updated) {
    if (!(await repos.unitOwnerships.update(scope, link))) {
      return err(DomainErrors.versionConflict('UnitOwnership', link.version))
    }
  }
  if (changes.inserted) await repos.unitOwnerships.insert(scope, changes.inserted)
  if (unit.ownerId === changes.primaryOwnerId) return ok(unit)
  const next: Unit = { ...unit, ownerId: changes.primaryOwnerId, version: unit.version + 1, updatedAt: now }
  if (!(await repos.units.update(scope, next))) return err(DomainErrors.versionConflict('Unit', next.version))
  return ok(next)
}
