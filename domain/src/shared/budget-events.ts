/*
 * The events (and so the audit actions) of distribution keys, budgets and building finance
 * settings; spread into DOMAIN_EVENTS / AUDIT_ACTIONS with one line each.
 */
export const BUDGET_EVENTS = {
  DistributionKeyCreated: ['distribution_key.create', 'distribution_key'],
  DistributionKeyUpdated: ['distribution_key.update', 'distribution_key'],
  DistributionKeyDeleted: ['distribution_key.delete', 'distribution_key'],
  BudgetCreated: ['budget.create', 'budget'],
  BudgetUpdated: ['budget.update', 'budget'],
  BudgetApproved: ['budget.approve', 'budget'],
  BudgetDeleted: ['budget.delete', 'budget'],
  BuildingFinanceSettingsUpdated: ['building.finance_settings', 'building'],
} as const

export const BUDGET_AUDIT_ACTIONS = [
  'budget.approve',
  'budget.create',
  'budget.delete',
  'budget.update',
  'building.finance_settings',
  'distribution_key.create',
  'distribution_key.delete',
  'distribution_key.update',
] as const

export type BudgetAuditEntity = 'budget' | 'distribution_key'
