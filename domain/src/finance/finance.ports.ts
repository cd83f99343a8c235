import type { ActorContext } from '../context.ts'
import type { CalendarDate, PropertyQueries, TenantScope } from '../property/index.ts'
import type { Page, PageRequest } from '../shared/ports.ts'
import type { SharedPorts } from '../shared/shared-ports.ts'
import type { ArrearsRepository } from './arrears/arrears.ports.ts'
import type { BudgetPorts } from './budget/budget.ports.ts'
import type { OwnerAccountReader } from './calls/owner-account.reader.ts'
import type { CallsRepository, OwnerLedgerBalance } from './calls.ports.ts'
import type { EInvoiceImportRepository } from './einvoice/einvoice-identity.ts'
import type { EtatDateRepository } from './etat-date/etat-date.ts'
import type { Expense, ExpenseCategory, PaymentStatus } from './expense.entity.ts'
import type { BuildingBasisHistory } from './owner-part.calculator.ts'
import type { SupplierRepository } from './suppliers/supplier.ports.ts'

/** Sort keys the HTTP layer may pass through as `sort_by` (wire spelling, whitelisted). */
export const EXPENSE_SORT_FIELDS = [
  'expense_date',
  'amount',
  'created_at',
  'category',
  'payment_status',
] as const
export type ExpenseSortField = (typeof EXPENSE_SORT_FIELDS)[number]

/**
 * A slice of one building's expenses an owner-role actor may see: expense_date in
 * [dateFrom, dateToExclusive), a null bound being open. Windows are OR-ed.
 */
export type ExpenseWindow = {
  readonly buildingId: string
  readonly dateFrom: CalendarDate | null
  readonly dateToExclusive: CalendarDate | null
}

/** Every member optional and AND-ed; bounds are inclusive. */
export type ExpenseFilter = {
  readonly buildingId?: string | undefined
  readonly category?: ExpenseCategory | undefined
  readonly status?: PaymentStatus | undefined
  /** true: Paid only; false: everything not Paid (Pending, Overdue, Cancelled). */
  readonly paid?: boolean | undefined
  readonly dateFrom?: CalendarDate | undefined
  readonly dateTo?: CalendarDate | undefined
  readonly minAmountCents?: number | undefined
  readonly maxAmountCents?: number | undefined
  /** When present, only rows inside one of these windows (an empty array matches nothing). */
  readonly visibleWindows?: readonly ExpenseWindow[] | undefined
}

export interface ExpenseRepository {
  /** The expense, or null when missing or of another tenant. */
  findById(scope: TenantScope, id: string): Promise<Expense | null>
  /** Inserts a new row (version 1); expense.organizationId equals scope.organizationId. */
  insert(scope: TenantScope, expense: Expense): Promise<void>
  /** Writes only when the stored version equals `expense.version - 1`; false otherwise (or missing). */
  update(scope: TenantScope, expense: Expense): Promise<boolean>
  /** One page of the tenant's expenses matching `filter`, sorted by page.sortBy then id. */
  list(scope: TenantScope, filter: ExpenseFilter, page: PageRequest<ExpenseSortField>): Promise<Page<Expense>>
  /** Cross-tenant, superadmin only: every tenant's expenses, grouped by organization, newest first (see BuildingRepository). */
  listAcrossTenants(filter: ExpenseFilter, page: PageRequest<ExpenseSortField>): Promise<Page<Expense>>
  /** Every non-Cancelled, non-draft expense of these buildings with expense_date in the inclusive bounds, unpaginated, by expense_date then id. */
  listChargeable(
    scope: TenantScope,
    buildingIds: readonly string[],
    period: { readonly dateFrom?: CalendarDate | undefined; readonly dateTo?: CalendarDate | undefined },
  ): Promise<readonly Expense[]>
  /** Cross-tenant, superadmin only: the organization owning this expense, or null if none has it. */
  organizationOf(id: string): Promise<string | null>
}

/**
 * One line of an owner's charges: a non-cancelled expense and one unit of its building where the
 * owner had a link active on the expense date (startDate ≤ date < endDate).
 */
export type OwnerChargeRow = {
  readonly expense: Pick<
    Expense,
    'id' | 'buildingId' | 'category' | 'description' | 'expenseDate' | 'paymentStatus' | 'amountCents'
  >
  readonly unitId: string
  /** The owner's part in the distribution frozen at approval (ADR 0031/0037); see FrozenPart. */
  readonly frozen: FrozenPart
}

/**
 * What the frozen distribution says of one owner through one unit: `none` when the expense has
 * no frozen distribution (a v1 row approved before the books, or one the basis could not split —
 * its part is computed on its date), else the part in cents, or null when the frozen split does
 * not name this owner on this unit (then the owner has no line).
 */
export type FrozenPart = 'none' | number | null

/** Lines that have the same part (same unit, day and amount), paid or not, counted together. */
export type OwnerChargeGroup = {
  readonly buildingId: string
  readonly unitId: string
  readonly expenseDate: CalendarDate
  readonly amountCents: number
  readonly paid: boolean
  readonly lines: number
  readonly frozen: FrozenPart
}

export type OwnerChargesRead = {
  /** The requested page, by expense_date, expense id, unit number (code-point order), unit id. */
  readonly page: readonly OwnerChargeRow[]
  /** Lines of the period not counted in frozenTotals, grouped: the rest of the totals and count. */
  readonly groups: readonly OwnerChargeGroup[]
  /**
   * Lines of the period whose part was frozen at approval, summed by the store (ADR 0046): their
   * count, Σ parts and Σ parts of paid expenses. A store may instead return them in `groups`
   * (then zeros here); never both.
   */
  readonly frozenTotals: { readonly lines: number; readonly totalCents: number; readonly paidCents: number }
  /** The basis histories of the buildings of the lines (page and groups). */
  readonly histories: readonly BuildingBasisHistory[]
}

/** Read model of GET /owners/{id}/charges: a bounded number of queries whatever the owner holds. */
export interface OwnerChargesReader {
  read(
    scope: TenantScope,
    ownerId: string,
    period: {
      readonly dateFrom?: CalendarDate | undefined
      readonly dateTo?: CalendarDate | undefined
      /** Only expenses of these buildings (an account auditor's grants); absent: every building. */
      readonly buildingIds?: readonly string[] | undefined
    },
    page: { readonly page: number; readonly perPage: number },
  ): Promise<OwnerChargesRead>
}

/** The finance context's own repositories (its ports bundle). */
export type FinancePorts = {
  readonly expenses: ExpenseRepository
  readonly ownerCharges: OwnerChargesReader
  readonly budget: BudgetPorts
  readonly calls: CallsRepository
  /** Read model of the owner account's pages (ADR 0048). */
  readonly ownerAccount: OwnerAccountReader
  readonly arrears: ArrearsRepository
  readonly etatDates: EtatDateRepository
  readonly suppliers: SupplierRepository
  readonly einvoiceImports: EInvoiceImportRepository
}

/** What other contexts may read of finance, through finance/index.ts (a document's expense). */
export type FinanceQueries = {
  readonly expenses: Pick<ExpenseRepository, 'findById'>
}

/** What the finance use cases see in a transaction: their bundle and property's queries. */
export type FinanceRepos = SharedPorts & {
  readonly ledger: { readonly entries: OwnerLedgerBalance }
  readonly finance: FinancePorts
  readonly property: PropertyQueries
}
export type FinanceContext = ActorContext<FinanceRepos>
