import type { ActorContext } from '../context.ts'
import type { PropertyQueries } from '../property/index.ts'
import type { SharedPorts } from '../shared/shared-ports.ts'
import type { ExpenseStatsReader } from './expense-stats.use-case.ts'
import type { DirectorySearchReader } from './search-directory.use-case.ts'

/** The counters of GET /stats/dashboard (wire: snake_case of each member). */
export type DashboardStats = {
  readonly totalOrganizations: number
  readonly totalUsers: number
  readonly totalBuildings: number
  readonly activeSubscriptions: number
  readonly totalOwners: number
  readonly totalUnits: number
  readonly totalExpenses: number
  readonly totalMeetings: number
}

/** null: the whole platform (superadmin only); otherwise one organization. */
export type StatsScope = { readonly organizationId: string | null }

export interface StatsRepository {
  /**
   * Counts rows in scope. With an organization every count is filtered by it, the organizations
   * count included: it yields 1, and activeSubscriptions 1 when that organization is active, else 0.
   */
  count(scope: StatsScope): Promise<DashboardStats>
}

/** The stats context's own port (its bundle): counts across the other contexts' tables, read-only. */
export type StatsPorts = {
  readonly stats: StatsRepository
  /** Sums of expenses per category or month, for the dashboards' charts. */
  readonly expenseTotals: ExpenseStatsReader
  /** The header's search over buildings, lots and owners. */
  readonly directory: DirectorySearchReader
}
export type StatsRepos = SharedPorts & { readonly stats: StatsPorts }
export type StatsContext = ActorContext<StatsRepos>
/** The charts also check that a named building exists in the caller's tenant (property's queries). */
export type ExpenseStatsContext = ActorContext<StatsRepos & { readonly property: PropertyQueries }>
