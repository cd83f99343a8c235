import type { CalendarDate } from '../property/index.ts'
import { parseCalendarDate } from '../property/index.ts'
import { DomainErrors, type FieldIssue } from '../shared/domain-error.ts'
import type { Cents } from '../shared/money.value-object.ts'
import { err, ok, type Result } from '../shared/result.ts'
import { collectIssues, optionalText, requiredText } from '../shared/text.ts'

export const EXPENSE_CATEGORIES = [
  'Maintenance',
  'Repairs',
  'Insurance',
  'Utilities',
  'Cleaning',
  'Administration',
  'Works',
  'Other',
] as const
export type ExpenseCategory = (typeof EXPENSE_CATEGORIES)[number]

export const PAYMENT_STATUSES = ['Pending', 'Paid', 'Overdue', 'Cancelled'] as const
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number]

export function isExpenseCategory(value: unknown): value is ExpenseCategory {
  return typeof value === 'string' && (EXPENSE_CATEGORIES as readonly string[]).includes(value)
}

export function isPaymentStatus(value: unknown): value is PaymentStatus {
  return typeof value === 'string' && (PAYMENT_STATUSES as readonly string[]).includes(value)
}

/** An invoice or cost of a building (amount incl. VAT, integer cents). */
export type Expense = {
  readonly id: string
  readonly organizationId: string
  readonly buildingId: string
  readonly category: ExpenseCategory
  readonly description: string
  readonly amountCents: Cents
  /** The invoice date: it fixes whose ownership shares carry the charge. */
  readonly expenseDate: CalendarDate
  readonly paymentStatus: PaymentStatus
  readonly supplier: string | null
  readonly invoiceNumber: string | null
  readonly paidDate: CalendarDate | null
  /** The distribution key (finance/budget); null: the general key, the building's quote-parts. */
  readonly distributionKeyId: string | null
  readonly version: number
  readonly createdAt: Date
  readonly updatedAt: Date
}

export type ExpenseFields = {
  readonly category: ExpenseCategory
  readonly description: string
  readonly amountCents: number
  /** 'YYYY-MM-DD' or a full ISO timestamp (the written calendar day is kept). */
  readonly expenseDate: string
  readonly supplier?: string | null | undefined
  readonly invoiceNumber?: string | null | undefined
}

export type ValidExpenseFields = {
  readonly category: ExpenseCategory
  readonly description: string
  readonly amountCents: Cents
  readonly expenseDate: CalendarDate
  readonly supplier: string | null
  readonly invoiceNumber: string | null
}

export const MAX_DESCRIPTION_LENGTH = 2000

/** Text lengths of an expense's fields, by wire name: the API's schemas are built from them. */
export const EXPENSE_LIMITS = {
  description: MAX_DESCRIPTION_LENGTH,
  supplier: 255,
  invoice_number: 100,
} as const

/** Validates what a caller types for a new expense; every problem is reported at once. */
export function validateExpense(fields: ExpenseFields): Result<ValidExpenseFields> {
  const date = parseCalendarDate(fields.expenseDate, 'expense_date')
  const supplier = blankToNull(fields.supplier)
  const invoiceNumber = blankToNull(fields.invoiceNumber)
  const issues = collectIssues(
    isExpenseCategory(fields.category)
      ? undefined
      : { path: 'category', message: `must be one of ${EXPENSE_CATEGORIES.join(', ')}` },
    requiredText('description', fields.description, MAX_DESCRIPTION_LENGTH),
    positiveCentsIssue('amount_cents', fields.amountCents),
    ...issuesOf(date),
    optionalText('supplier', supplier, EXPENSE_LIMITS.supplier),
    optionalText('invoice_number', invoiceNumber, EXPENSE_LIMITS.invoice_number),
  )
  if (issues.length > 0 || !date.ok) return err(DomainErrors.validation('Invalid expense', issues))
  return ok({
    category: fields.category,
    description: fields.description.trim(),
    amountCents: fields.amountCents as Cents,
    expenseDate: date.value,
    supplier,
    invoiceNumber,
  })
}

export function positiveCentsIssue(path: string, value: number): FieldIssue | undefined {
  if (!Number.isSafeInteger(value) || value <= 0)
    return { path, message: 'must be an integer number of cents greater than 0' }
  return undefined
}

/**
 * Allowed payment-status moves. Paid and Cancelled are final: a paid invoice is not "unpaid" by
 * editing its status (a refund is a new movement), and a cancelled one stays out of the charges.
 */
const TRANSITIONS: Record<PaymentStatus, readonly PaymentStatus[]> = {
  Pending: ['Paid', 'Overdue', 'Cancelled'],
  Overdue: ['Paid', 'Cancelled'],
  Paid: [],
  Cancelled: [],
}

export function canTransition(from: PaymentStatus, to: PaymentStatus): boolean {
  return TRANSITIONS[from].includes(to)
}

/** The conflict for a refused move, with a code a client can branch on. */
function transitionError(from: PaymentStatus, to: PaymentStatus) {
  if (from === 'Paid') return DomainErrors.conflict('expense_already_paid', 'This expense is already paid')
  if (from === 'Cancelled') return DomainErrors.conflict('expense_cancelled', 'This expense is cancelled')
  return DomainErrors.conflict(
    'invalid_payment_status_transition',
    `An expense cannot go from ${from} to ${to}`,
    { from, to },
  )
}

/**
 * Pending/Overdue → Paid on `paidDate` (the caller passes today when none was given). A payment
 * cannot precede the invoice it settles. The version is bumped: the repository writes
 * conditionally on the previous one.
 */
export function withExpensePaid(expense: Expense, paidDate: CalendarDate, now: Date): Result<Expense> {
  if (!canTransition(expense.paymentStatus, 'Paid'))
    return err(transitionError(expense.paymentStatus, 'Paid'))
  if (paidDate < expense.expenseDate) {
    return err(
      DomainErrors.invalidField('paid_date', `must not be before the expense date ${expense.expenseDate}`),
    )
  }
  return ok(bump({ ...expense, paymentStatus: 'Paid', paidDate }, now))
}

/** Pending → Overdue (a reminder job or the syndic flags an unpaid invoice past its term). */
export function withExpenseOverdue(expense: Expense, now: Date): Result<Expense> {
  if (!canTransition(expense.paymentStatus, 'Overdue'))
    return err(transitionError(expense.paymentStatus, 'Overdue'))
  return ok(bump({ ...expense, paymentStatus: 'Overdue' }, now))
}

/** Pending/Overdue → Cancelled: the expense stays for history but no longer charges anyone. */
export function withExpenseCancelled(expense: Expense, now: Date): Result<Expense> {
  if (!canTransition(expense.paymentStatus, 'Cancelled'))
    return err(transitionError(expense.paymentStatus, 'Cancelled'))
  return ok(bump({ ...expense, paymentStatus: 'Cancelled' }, now))
}

function bump(expense: Expense, now: Date): Expense {
  return { ...expense, version: expense.version + 1, updatedAt: now }
}

function blankToNull(value: string | null | undefined): string | null {
  const v = value?.trim() ?? ''
  return v.length > 0 ? v : null
}

/** The field issues of a failed validation, to merge them into a larger report. */
export function issuesOf(result: Result<unknown>): readonly FieldIssue[] {
  return !result.ok && result.error.kind === 'validation' ? result.error.issues : []
}
