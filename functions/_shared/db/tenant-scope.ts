import { type SQL, sql } from 'drizzle-orm'

/**
 * Tenant defence in depth at run time (ADR 0009). Every SQL statement the app sends goes through
 * `assertTenantScoped` before it reaches the driver: a statement that reads or writes a
 * tenant-owned table without naming `organization_id` (in its WHERE for SELECT/UPDATE/DELETE, in
 * its column list for INSERT) is refused, so a forgotten filter fails closed (a 500 and a log
 * line) instead of reaching another tenant's row. Statements that cross tenants on purpose
 * (a superadmin's lookups, platform counters) carry `crossTenant()`, which is visible in review.
 */
export const TENANT_TABLES = [
  'buildings',
  'units',
  'owners',
  'unit_ownerships',
  'unit_representatives',
  'expenses',
  'meetings',
  'documents',
  'owner_charges',
  'charge_distributions',
  'meeting_resolutions',
  'meeting_acts',
  'meeting_registers',
  'meeting_online_proxies',
  // Issue #14, assembly convocation side (schema/convocation.ts).
  ...(['building_assembly_settings', 'assembly_requests', 'board_mandates'] as const),
  ...(['second_assemblies', 'assembly_deliveries', 'meeting_minutes'] as const),
  'building_bank_accounts',
  'calls_for_funds',
  'call_lines',
  'owner_payments',
  'payment_allocations',
  'ledger_settings',
  'ledger_entries',
  'ledger_lines',
  'distribution_keys',
  'distribution_key_members',
  'budgets',
  'budget_lines',
  'building_finance_settings',
  ...(['fiscal_year_closings', 'owner_statements', 'building_auditors'] as const),
  ...(['bank_statements', 'bank_movements', 'owner_payer_ibans'] as const),
  // Issue #16 item 4, arrears (schema/arrears.ts).
  ...(['arrears_settings', 'reminders', 'reminder_lines', 'legal_interest_rates'] as const),
  'etat_date_requests',
  'suppliers',
  'einvoice_imports',
  // ADR 0046: written by triggers, read by the owner charges page (always by organization).
  'expense_owner_parts',
  // ADR 0048: written by triggers, read by the owner account (always by organization).
  'owner_account_totals',
] as const

const MARKER = '/* cross-tenant */'
/**
 * Starts the one statement of a batched unit of work (write-batch.ts): data-modifying CTEs, each
 * of which was checked on its own by `assertTenantScoped` when it was deferred.
 */
export const BATCH_MARKER = '/* checked write batch */'
const touchesTenantTable = new RegExp(
  `\\b(?:from|join|into|update)\\s+"?(?:${TENANT_TABLES.join('|')})"?(?:\\s|$|\\))`,
  'i',
)
const namesOrganization = /\borganization_id\b/

/**
 * A condition that is always true and marks its statement as deliberately cross-tenant.
 * `reason` is for the reader; only the marker reaches the SQL.
 */
export function crossTenant(_reason: string): SQL {
  return sql.raw(`${MARKER} true`)
}

/** The statement itself when it touches a tenant table without naming `organization_id`, else null. */
export function unscopedStatement(statement: string): string | null {
  if (!touchesTenantTable.test(statement) || statement.includes(MARKER)) return null
  if (statement.startsWith(BATCH_MARKER)) return null
  const s = statement.replace(/\s+/g, ' ')
  const lower = s.toLowerCase()
  if (lower.startsWith('insert')) return namesOrganization.test(s) ? null : s
  const where = lower.indexOf(' where ')
  if (where < 0) return s
  return namesOrganization.test(s.slice(where)) ? null : s
}

export class TenantScopeViolation extends Error {
  override readonly name = 'TenantScopeViolation'
  readonly statement: string
  constructor(statement: string) {
    // The text has no parameter values (drizzle binds them), so it is safe to log.
    super(`refused: a statement on a tenant table without organization_id: ${statement.slice(0, 300)}`)
    this.statement = statement.slice(0, 500)
  }
}

// Statements repeat (drizzle renders the same text for the same query shape), so each distinct
// text is checked once. The cap keeps texts with variable IN lists from growing the map forever.
const verdicts = new Map<string, boolean>()
const MAX_VERDICTS = 2000

/** Throws `TenantScopeViolation` for an unscoped statement on a tenant table. */
export function assertTenantScoped(statement: string): void {
  let ok = verdicts.get(statement)
  if (ok === undefined) {
    ok = unscopedStatement(statement) === null
    if (verdicts.size < MAX_VERDICTS) verdicts.set(statement, ok)
  }
  if (!ok) throw new TenantScopeViolation(statement)
}
