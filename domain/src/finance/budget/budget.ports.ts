import type { CalendarDate, TenantScope } from '../../property/index.ts'
import type { Budget } from './budget.entity.ts'
import type { DistributionKey } from './distribution-key.ts'
import type { SaleSplitRule } from './sale-pro-rata.ts'

export interface DistributionKeyRepository {
  /** The building's keys by name then id. */
  listForBuilding(scope: TenantScope, buildingId: string): Promise<readonly DistributionKey[]>
  /** The key, or null when missing or of another tenant. */
  findById(scope: TenantScope, id: string): Promise<DistributionKey | null>
  insert(scope: TenantScope, key: DistributionKey): Promise<void>
  /** Writes only when the stored version equals `key.version - 1`; false otherwise. */
  update(scope: TenantScope, key: DistributionKey): Promise<boolean>
  delete(scope: TenantScope, id: string): Promise<boolean>
  /** Whether an expense or a budget line uses the key (then it may not be deleted). */
  isUsed(scope: TenantScope, id: string): Promise<boolean>
  /** Cross-tenant, superadmin only. */
  organizationOf(id: string): Promise<string | null>
}

export interface BudgetRepository {
  /** The building's budgets, newest fiscal year first. */
  listForBuilding(scope: TenantScope, buildingId: string): Promise<readonly Budget[]>
  findById(scope: TenantScope, id: string): Promise<Budget | null>
  /** The approved budget of the year, if any (at most one: unique index). */
  findApproved(scope: TenantScope, buildingId: string, fiscalYear: number): Promise<Budget | null>
  insert(scope: TenantScope, budget: Budget): Promise<void>
  /** Versioned write of the budget and its lines (lines replaced). */
  update(scope: TenantScope, budget: Budget): Promise<boolean>
  delete(scope: TenantScope, id: string): Promise<boolean>
  organizationOf(id: string): Promise<string | null>
  /**
   * The ordinary common charges booked for the building between two days (inclusive): its
   * non-cancelled expenses except the 'Works' category (extraordinary, paid from the reserve or
   * by an extraordinary call). When the ledger is merged this reads the class-6 accounts instead.
   */
  ordinaryChargesCents(
    scope: TenantScope,
    buildingId: string,
    from: CalendarDate,
    to: CalendarDate,
  ): Promise<number>
}

/** Per-building finance rules where practice differs. */
export type BuildingFinanceSettings = {
  readonly buildingId: string
  readonly organizationId: string
  readonly saleSplitRule: SaleSplitRule
  readonly version: number
}

export interface BuildingFinanceSettingsRepository {
  /** null: the building has no row yet (defaults apply). */
  find(scope: TenantScope, buildingId: string): Promise<BuildingFinanceSettings | null>
  /** Insert (version 1) or versioned update; false on a version mismatch. */
  save(scope: TenantScope, settings: BuildingFinanceSettings): Promise<boolean>
}

/** Distribution keys, budgets and finance settings: one line in FinancePorts. */
export type BudgetPorts = {
  readonly distributionKeys: DistributionKeyRepository
  readonly budgets: BudgetRepository
  readonly financeSettings: BuildingFinanceSettingsRepository
}
