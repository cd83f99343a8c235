import type { Budget } from '../budget/budget.entity.ts'
import type { BudgetPorts, BuildingFinanceSettings } from '../budget/budget.ports.ts'
import type { DistributionKey } from '../budget/distribution-key.ts'

/** Arrays behind the budget ports for domain tests (tenant-filtered like the SQL adapters). */
export class InMemoryBudgetPorts {
  readonly keys: DistributionKey[] = []
  readonly budgetRows: Budget[] = []
  readonly settings: BuildingFinanceSettings[] = []
  /** Stand-in for last year's ordinary charges per building id. */
  readonly ordinary = new Map<string, number>()

  ports(): BudgetPorts {
    const inScope = <T extends { organizationId: string }>(o: string, row: T | undefined) =>
      row && row.organizationId === o ? row : null
    const replace = <T extends { id: string; version: number; organizationId: string }>(
      rows: T[],
      o: string,
      row: T,
    ) => {
      const i = rows.findIndex(
        (r) => r.id === row.id && r.organizationId === o && r.version === row.version - 1,
      )
      if (i < 0) return false
      rows[i] = row
      return true
    }
    const remove = <T extends { id: string; organizationId: string }>(rows: T[], o: string, id: string) => {
      const i = rows.findIndex((r) => r.id === id && r.organizationId === o)
      if (i >= 0) rows.splice(i, 1)
      return i >= 0
    }
    return {
      distributionKeys: {
        listForBuilding: async (s, b) =>
          this.keys.filter((k) => k.organizationId === s.organizationId && k.buildingId === b),
        findById: async (s, id) =>
          inScope(
            s.organizationId,
            this.keys.find((k) => k.id === id),
          ),
        insert: async (_s, k) => void this.keys.push(k),
        update: async (s, k) => replace(this.keys, s.organizationId, k),
        delete: async (s, id) => remove(this.keys, s.organizationId, id),
        isUsed: async (_s, id) =>
          this.budgetRows.some((b) => b.lines.some((l) => l.distributionKeyId === id)),
        organizationOf: async (id) => this.keys.find((k) => k.id === id)?.organizationId ?? null,
      },
      budgets: {
        listForBuilding: async (s, b) =>
          this.budgetRows.filter((r) => r.organizationId === s.organizationId && r.buildingId === b),
        findById: async (s, id) =>
          inScope(
            s.organizationId,
            this.budgetRows.find((r) => r.id === id),
          ),
        findApproved: async (s, b, y) =>
          this.budgetRows.find(
            (r) =>
              r.organizationId === s.organizationId &&
              r.buildingId === b &&
              r.fiscalYear === y &&
              r.status === 'approved',
          ) ?? null,
        insert: async (_s, r) => void this.budgetRows.push(r),
        update: async (s, r) => replace(this.budgetRows, s.organizationId, r),
        delete: async (s, id) => remove(this.budgetRows, s.organizationId, id),
        organizationOf: async (id) => this.budgetRows.find((r) => r.id === id)?.organizationId ?? null,
        ordinaryChargesCents: async (_s, b) => this.ordinary.get(b) ?? 0,
      },
      financeSettings: {
        find: async (s, b) =>
          this.settings.find((r) => r.organizationId === s.organizationId && r.buildingId === b) ?? null,
        save: async (_s, r) => {
          const i = this.settings.findIndex((x) => x.buildingId === r.buildingId)
          if (i < 0) {
            if (r.version !== 1) return false
            this.settings.push(r)
            return true
          }
          if (this.settings[i]?.version !== r.version - 1) return false
          this.settings[i] = r
          return true
        },
      },
    }
  }
}
