import type { TenantScope } from '../../property/property.ports.ts'
import type { Page, PageRequest } from '../../shared/ports.ts'
import type { Expense } from '../expense.entity.ts'
import { inWindows } from '../expense-visibility.ts'
import type { ExpenseFilter, ExpenseRepository, ExpenseSortField } from '../finance.ports.ts'

/** The reference semantics of ExpenseRepository for tests (and for the SQL adapter's authors). */
export class InMemoryExpenseRepository implements ExpenseRepository {
  readonly rows = new Map<string, Expense>()

  async findById(scope: TenantScope, id: string): Promise<Expense | null> {
    const row = this.rows.get(id)
    return row && row.organizationId === scope.organizationId ? row : null
  }

  async insert(scope: TenantScope, expense: Expense): Promise<void> {
    if (expense.organizationId !== scope.organizationId) throw new Error('insert outside scope')
    this.rows.set(expense.id, expense)
  }

  async update(scope: TenantScope, expense: Expense): Promise<boolean> {
    const stored = await this.findById(scope, expense.id)
    if (!stored || stored.version !== expense.version - 1) return false
    this.rows.set(expense.id, expense)
    return true
  }

  async list(
    scope: TenantScope,
    filter: ExpenseFilter,
    page: PageRequest<ExpenseSortField>,
  ): Promise<Page<Expense>> {
    const matching = [...this.rows.values()]
      .filter((e) => e.organizationId === scope.organizationId && matches(e, filter))
      .sort((a, b) => {
        const c = compareBy(a, b, page.sortBy)
        return (page.order === 'asc' ? c : -c) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
      })
    const start = (page.page - 1) * page.perPage
    return { items: matching.slice(start, start + page.perPage), total: matching.length }
  }

  async listAcrossTenants(
    filter: ExpenseFilter,
    page: PageRequest<ExpenseSortField>,
  ): Promise<Page<Expense>> {
    const dir = page.order === 'asc' ? 1 : -1
    const matching = [...this.rows.values()]
      .filter((e) => matches(e, filter))
      .sort((a, b) => {
        // Grouped by organization, newest first, like the SQL adapter (index order).
        const byOrganization =
          a.organizationId < b.organizationId ? 1 : a.organizationId > b.organizationId ? -1 : 0
        return (
          byOrganization || (compareBy(a, b, page.sortBy) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)) * dir
        )
      })
    const start = (page.page - 1) * page.perPage
    return { items: matching.slice(start, start + page.perPage), total: matching.length }
  }

  async listChargeable(
    scope: TenantScope,
    buildingIds: readonly string[],
    period: { readonly dateFrom?: string | undefined; readonly dateTo?: string | undefined },
  ): Promise<readonly Expense[]> {
    return [...this.rows.values()]
      .filter(
        (e) =>
          e.organizationId === scope.organizationId &&
          buildingIds.includes(e.buildingId) &&
          e.paymentStatus !== 'Cancelled' &&
          e.status !== 'draft' &&
          (period.dateFrom === undefined || e.expenseDate >= period.dateFrom) &&
          (period.dateTo === undefined || e.expenseDate <= period.dateTo),
      )
      .sort((a, b) =>
        a.expenseDate === b.expenseDate ? (a.id < b.id ? -1 : 1) : a.expenseDate < b.expenseDate ? -1 : 1,
      )
  }

  async organizationOf(id: string): Promise<string | null> {
    return this.rows.get(id)?.organizationId ?? null
  }
}

function matches(e: Expense, f: ExpenseFilter): boolean {
  return (
    (f.buildingId === undefined || e.buildingId === f.buildingId) &&
    (f.category === undefined || e.category === f.category) &&
    (f.status === undefined || e.paymentStatus === f.status) &&
    (f.paid === undefined || (e.paymentStatus === 'Paid') === f.paid) &&
    (f.dateFrom === undefined || e.expenseDate >= f.dateFrom) &&
    (f.dateTo === undefined || e.expenseDate <= f.dateTo) &&
    (f.minAmountCents === undefined || e.amountCents >= f.minAmountCents) &&
    (f.maxAmountCents === undefined || e.amountCents <= f.maxAmountCents) &&
    (f.visibleWindows === undefined || inWindows(e, f.visibleWindows))
  )
}

function compareBy(a: Expense, b: Expense, field: ExpenseSortField): number {
  const key = (e: Expense): string | number => {
    switch (field) {
      case 'expense_date':
        return e.expenseDate
      case 'amount':
        return e.amountCents
      case 'created_at':
        return e.createdAt.getTime()
      case 'category':
        return e.category
      case 'payment_status':
        return e.paymentStatus
    }
  }
  const x = key(a)
  const y = key(b)
  return x < y ? -1 : x > y ? 1 : 0
}
