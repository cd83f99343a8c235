import type { CalendarDate } from '../property/index.ts'
import { parseCalendarDate } from '../property/index.ts'
import { DomainErrors, type FieldIssue } from '../shared/domain-error.ts'
import { enterpriseNumberIssue, parseEnterpriseNumber } from '../shared/enterprise-number.value-object.ts'
import { ibanIssue, parseIban } from '../shared/iban.value-object.ts'
import type { Cents } from '../shared/money.value-object.ts'
import { err, ok, type Result } from '../shared/result.ts'
import { collectIssues, optionalText, requiredText } from '../shared/text.ts'
import type { ChargeDistribution } from './charge-distribution.service.ts'
import { resolveVat, type VatInput, type VatRate } from './expense-vat.ts'

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

/**
 * The expense lifecycle (ADR 0031): draft (not in the books) → approved (posted: charge by nature /
 * supplier; its distribution frozen) → paid to the supplier (posted: supplier / bank). An approved,
 * unpaid expense may be cancelled or corrected: its entries are reversed, the row stays. A paid
 * one is corrected by a credit note. `paymentStatus` (v1) follows: Pending/Overdue until paid.
 */
export const EXPENSE_STATUSES = ['draft', 'approved', 'paid', 'cancelled'] as const
export type ExpenseStatus = (typeof EXPENSE_STATUSES)[number]

export function isExpenseCategory(value: unknown): value is ExpenseCategory {
  return typeof value === 'string' && (EXPENSE_CATEGORIES as readonly string[]).includes(value)
}

export function isPaymentStatus(value: unknown): value is PaymentStatus {
  return typeof value === 'string' && (PAYMENT_STATUSES as readonly string[]).includes(value)
}

/** An invoice or cost of a building (amount incl. VAT, integer cents; negative: a credit note). */
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
  /** The supplier's name as booked (v1 free text; filled from the supplier record when one is named). */
  readonly supplier: string | null
  readonly invoiceNumber: string | null
  readonly paidDate: CalendarDate | null
  readonly status: ExpenseStatus
  /** The supplier record (finance/suppliers, ADR 0037); null for a free-text (v1) supplier. */
  readonly supplierId: string | null
  /** When its approval was posted; null for a draft and for a row approved before the books existed. */
  readonly postedAt: Date | null
  readonly amountExclVatCents: number | null
  readonly vatRate: VatRate | null
  readonly vatCents: number | null
  /** The supplier's enterprise number, `0123.456.789`. */
  readonly supplierEnterpriseNumber: string | null
  readonly supplierIban: string | null
  /** The expense this one corrects (a correction), and the one that corrected this one. */
  readonly correctsExpenseId: string | null
  readonly correctedByExpenseId: string | null
  readonly cancelReason: string | null
  /** The distribution frozen at approval; null for a draft (or a basis that could not be split). */
  readonly distribution: ChargeDistribution | null
  /** The distribution key (finance/budget); null: the general key, the building's quote-parts. */
  readonly distributionKeyId: string | null
  readonly version: number
  readonly createdAt: Date
  readonly updatedAt: Date
}

/** The lifecycle fields of a new expense before any approval: spread into new rows and fixtures. */
export const NEW_EXPENSE_LIFECYCLE = {
  status: 'draft',
  supplierId: null,
  postedAt: null,
  amountExclVatCents: null,
  vatRate: null,
  vatCents: null,
  supplierEnterpriseNumber: null,
  supplierIban: null,
  correctsExpenseId: null,
  correctedByExpenseId: null,
  cancelReason: null,
  distribution: null,
} as const satisfies Partial<Expense>

export type ExpenseFields = VatInput & {
  readonly category: ExpenseCategory
  readonly description: string
  readonly amountCents: number
  /** 'YYYY-MM-DD' or a full ISO timestamp (the written calendar day is kept). */
  readonly expenseDate: string
  readonly supplier?: string | null | undefined
  readonly invoiceNumber?: string | null | undefined
  readonly supplierEnterpriseNumber?: string | null | undefined
  readonly supplierIban?: string | null | undefined
  /** A credit note: the amounts must be negative. Without it they must be positive (v1). */
  readonly creditNote?: boolean | undefined
}

export type ValidExpenseFields = {
  readonly category: ExpenseCategory
  readonly description: string
  readonly amountCents: Cents
  readonly expenseDate: CalendarDate
  readonly supplier: string | null
  readonly invoiceNumber: string | null
  readonly amountExclVatCents: number | null
  readonly vatRate: VatRate | null
  readonly vatCents: number | null
  readonly supplierEnterpriseNumber: string | null
  readonly supplierIban: string | null
}

export const MAX_DESCRIPTION_LENGTH = 2000

/** Text lengths of an expense's fields, by wire name: the API's schemas are built from them. */
export const EXPENSE_LIMITS = {
  description: MAX_DESCRIPTION_LENGTH,
  supplier: 255,
  invoice_number: 100,
  supplier_enterprise_number: 20,
  supplier_iban: 42,
  reason: 500,
} as const

/** Validates what a caller types for a new expense; every problem is reported at once. */
export function validateExpense(fields: ExpenseFields): Result<ValidExpenseFields> {
  const date = parseCalendarDate(fields.expenseDate, 'expense_date')
  const supplier = blankToNull(fields.supplier)
  const invoiceNumber = blankToNull(fields.invoiceNumber)
  const enterpriseNumber = blankToNull(fields.supplierEnterpriseNumber)
  const iban = blankToNull(fields.supplierIban)
  const vat = resolveVat(fields.amountCents, fields)
  const issues = collectIssues(
    isExpenseCategory(fields.category)
      ? undefined
      : { path: 'category', message: `must be one of ${EXPENSE_CATEGORIES.join(', ')}` },
    requiredText('description', fields.description, MAX_DESCRIPTION_LENGTH),
    fields.creditNote === true
      ? negativeCentsIssue('amount_cents', fields.amountCents)
      : positiveCentsIssue('amount_cents', fields.amountCents),
    ...issuesOf(date),
    optionalText('supplier', supplier, EXPENSE_LIMITS.supplier),
    optionalText('invoice_number', invoiceNumber, EXPENSE_LIMITS.invoice_number),
    enterpriseNumberIssue('supplier_enterprise_number', enterpriseNumber),
    ibanIssue('supplier_iban', iban),
    ...vat.issues,
  )
  if (issues.length > 0 || !date.ok) return err(DomainErrors.validation('Invalid expense', issues))
  const en = enterpriseNumber === null ? null : parseEnterpriseNumber(enterpriseNumber)
  const ib = iban === null ? null : parseIban(iban)
  return ok({
    category: fields.category,
    description: fields.description.trim(),
    amountCents: fields.amountCents as Cents,
    expenseDate: date.value,
    supplier,
    invoiceNumber,
    amountExclVatCents: vat.vat?.amountExclVatCents ?? null,
    vatRate: vat.vat?.vatRate ?? null,
    vatCents: vat.vat?.vatCents ?? null,
    supplierEnterpriseNumber: en?.ok ? en.value : null,
    supplierIban: ib?.ok ? ib.value : null,
  })
}

export function negativeCentsIssue(path: string, value: number): FieldIssue | undefined {
  if (!Number.isSafeInteger(value) || value >= 0)
    return { path, message: 'must be a negative integer number of cents (a credit note)' }
  return undefined
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
  if (expense.status === 'draft')
    return err(DomainErrors.conflict('expense_not_approved', 'Approve this expense before paying it'))
  if (!canTransition(expense.paymentStatus, 'Paid'))
    return err(transitionError(expense.paymentStatus, 'Paid'))
  if (paidDate < expense.expenseDate) {
    return err(
      DomainErrors.invalidField('paid_date', `must not be before the expense date ${expense.expenseDate}`),
    )
  }
  return ok(bump({ ...expense, paymentStatus: 'Paid', status: 'paid', paidDate }, now))
}

/** Pending → Overdue (a reminder job or the syndic flags an unpaid invoice past its term). */
export function withExpenseOverdue(expense: Expense, now: Date): Result<Expense> {
  if (!canTransition(expense.paymentStatus, 'Overdue'))
    return err(transitionError(expense.paymentStatus, 'Overdue'))
  return ok(bump({ ...expense, paymentStatus: 'Overdue' }, now))
}

/**
 * Draft or approved (unpaid) → cancelled: the expense stays for history but no longer charges
 * anyone; an approved one's entries are reversed by the cancellation's event. A paid expense is
 * not cancelled: the supplier was paid, a credit note records the refund.
 */
export function withExpenseCancelled(
  expense: Expense,
  now: Date,
  reason: string | null = null,
): Result<Expense> {
  if (!canTransition(expense.paymentStatus, 'Cancelled'))
    return err(transitionError(expense.paymentStatus, 'Cancelled'))
  return ok(bump({ ...expense, paymentStatus: 'Cancelled', status: 'cancelled', cancelReason: reason }, now))
}

/** Draft → approved, with its distribution frozen and the time its entry is posted. */
export function withExpenseApproved(
  expense: Expense,
  distribution: ChargeDistribution | null,
  now: Date,
): Result<Expense> {
  if (expense.status !== 'draft') {
    if (expense.status === 'cancelled') return err(transitionError('Cancelled', 'Paid'))
    return err(DomainErrors.conflict('expense_already_approved', 'This expense is already approved'))
  }
  return ok(bump({ ...expense, status: 'approved', distribution, postedAt: now }, now))
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
