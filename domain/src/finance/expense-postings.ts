import type { CalendarDate } from '../property/index.ts'
import type { Expense } from './expense.entity.ts'

/*
 * What an expense's money events carry for the books (ledger/postings/expenses.ts reads these
 * details; they are in the audit row too). Amounts are VAT included, integer cents; negative for
 * a credit note.
 */

export function approvalDetails(expense: Expense): Record<string, unknown> {
  return {
    buildingId: expense.buildingId,
    date: expense.expenseDate,
    category: expense.category,
    description: expense.description,
    amountCents: expense.amountCents,
    supplier: expense.supplier,
    // The 440 line names the supplier record (null for a free-text v1 supplier).
    supplierId: expense.supplierId,
  }
}

export function paymentDetails(expense: Expense, paidDate: CalendarDate): Record<string, unknown> {
  return {
    buildingId: expense.buildingId,
    paidDate,
    amountCents: expense.amountCents,
    supplier: expense.supplier,
    // The 440 line names the supplier record (null for a free-text v1 supplier).
    supplierId: expense.supplierId,
  }
}
