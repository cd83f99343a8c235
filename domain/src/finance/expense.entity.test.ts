import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Cents } from '../shared/money.value-object.ts'
import {
  canTransition,
  type Expense,
  NEW_EXPENSE_LIFECYCLE,
  PAYMENT_STATUSES,
  validateExpense,
  withExpenseCancelled,
  withExpenseOverdue,
  withExpensePaid,
} from './expense.entity.ts'
import { resolveExpenseAmount } from './expense-amount.value-object.ts'

const now = new Date('2026-03-15T10:00:00Z')
const expense = (over: Partial<Expense> = {}): Expense => ({
  id: 'e1',
  organizationId: 'org-1',
  buildingId: 'b1',
  category: 'Repairs',
  description: 'Roof',
  amountCents: 12_345 as Cents,
  expenseDate: '2026-03-01',
  paymentStatus: 'Pending',
  supplier: null,
  invoiceNumber: null,
  paidDate: null,
  ...NEW_EXPENSE_LIFECYCLE,
  status: 'approved',
  distributionKeyId: null,
  version: 3,
  createdAt: now,
  updatedAt: now,
  ...over,
})

const errorCode = (r: { ok: boolean; error?: unknown }) =>
  !r.ok && typeof r.error === 'object' && r.error !== null && 'code' in r.error ? r.error.code : undefined

describe('validateExpense', () => {
  it('normalizes a valid expense', () => {
    const r = validateExpense({
      category: 'Insurance',
      description: '  Fire policy 2026 ',
      amountCents: 150_000,
      expenseDate: '2026-02-28T09:00:00+01:00',
      supplier: '  ',
      invoiceNumber: 'F-2026-001',
    })
    expect(r).toEqual({
      ok: true,
      value: {
        category: 'Insurance',
        description: 'Fire policy 2026',
        amountCents: 150_000,
        expenseDate: '2026-02-28',
        supplier: null,
        invoiceNumber: 'F-2026-001',
        amountExclVatCents: null,
        vatRate: null,
        vatCents: null,
        supplierEnterpriseNumber: null,
        supplierIban: null,
        periodStart: null,
        periodEnd: null,
      },
    })
  })

  it('reports every invalid field with its snake_case path', () => {
    const r = validateExpense({
      category: 'Food' as never,
      description: ' ',
      amountCents: 0,
      expenseDate: '2026-02-30',
      invoiceNumber: 'x'.repeat(101),
    })
    expect(r.ok).toBe(false)
    if (r.ok || r.error.kind !== 'validation') return
    expect(r.error.issues.map((i) => i.path)).toEqual([
      'category',
      'description',
      'amount_cents',
      'expense_date',
      'invoice_number',
    ])
    const long = validateExpense({
      category: 'Other',
      description: 'x'.repeat(2001),
      amountCents: 1,
      expenseDate: '2026-01-01',
    })
    expect(long.ok).toBe(false)
  })
})

describe('payment status machine', () => {
  it('allows exactly Pending → Paid|Overdue|Cancelled and Overdue → Paid|Cancelled', () => {
    const allowed = PAYMENT_STATUSES.flatMap((from) =>
      PAYMENT_STATUSES.filter((to) => canTransition(from, to)).map((to) => `${from}→${to}`),
    )
    expect(allowed).toEqual([
      'Pending→Paid',
      'Pending→Overdue',
      'Pending→Cancelled',
      'Overdue→Paid',
      'Overdue→Cancelled',
    ])
  })

  it('marks paid from Pending or Overdue, bumping the version', () => {
    for (const status of ['Pending', 'Overdue'] as const) {
      const r = withExpensePaid(expense({ paymentStatus: status }), '2026-03-10', now)
      expect(r).toMatchObject({
        ok: true,
        value: { paymentStatus: 'Paid', paidDate: '2026-03-10', version: 4 },
      })
    }
  })

  it('refuses to pay twice, to pay a cancelled expense, or before the expense date', () => {
    expect(errorCode(withExpensePaid(expense({ paymentStatus: 'Paid' }), '2026-03-10', now))).toBe(
      'expense_already_paid',
    )
    expect(errorCode(withExpensePaid(expense({ paymentStatus: 'Cancelled' }), '2026-03-10', now))).toBe(
      'expense_cancelled',
    )
    const early = withExpensePaid(expense(), '2026-02-28', now)
    expect(early.ok).toBe(false)
    if (!early.ok && early.error.kind === 'validation') expect(early.error.issues[0]?.path).toBe('paid_date')
    expect(withExpensePaid(expense(), '2026-03-01', now).ok).toBe(true)
  })

  it('overdue and cancel follow the same table', () => {
    expect(withExpenseOverdue(expense(), now)).toMatchObject({
      ok: true,
      value: { paymentStatus: 'Overdue' },
    })
    expect(errorCode(withExpenseOverdue(expense({ paymentStatus: 'Overdue' }), now))).toBe(
      'invalid_payment_status_transition',
    )
    expect(withExpenseCancelled(expense({ paymentStatus: 'Overdue' }), now).ok).toBe(true)
    expect(errorCode(withExpenseCancelled(expense({ paymentStatus: 'Paid' }), now))).toBe(
      'expense_already_paid',
    )
    expect(errorCode(withExpenseCancelled(expense({ paymentStatus: 'Cancelled' }), now))).toBe(
      'expense_cancelled',
    )
  })
})

describe('resolveExpenseAmount', () => {
  it('reads euros (number or string) or cents', () => {
    expect(resolveExpenseAmount({ amount: 1234.5 })).toEqual({ ok: true, value: 123_450 })
    expect(resolveExpenseAmount({ amount: '99,99' })).toEqual({ ok: true, value: 9999 })
    expect(resolveExpenseAmount({ amountCents: 42 })).toEqual({ ok: true, value: 42 })
    expect(resolveExpenseAmount({ amount: '0.10', amountCents: 10 })).toEqual({ ok: true, value: 10 })
  })

  it('refuses missing, non-positive, over-precise or disagreeing amounts', () => {
    const paths = (input: Parameters<typeof resolveExpenseAmount>[0]) => {
      const r = resolveExpenseAmount(input)
      return !r.ok && r.error.kind === 'validation' ? r.error.issues.map((i) => i.path) : []
    }
    expect(paths({})).toEqual(['amount'])
    expect(paths({ amount: null, amountCents: null })).toEqual(['amount'])
    expect(paths({ amount: 0 })).toEqual(['amount'])
    expect(paths({ amount: -5 })).toEqual(['amount'])
    expect(paths({ amount: 1.005 })).toEqual(['amount'])
    expect(paths({ amountCents: 1.5 })).toEqual(['amount_cents'])
    expect(paths({ amountCents: 0 })).toEqual(['amount_cents'])
    expect(paths({ amount: 10, amountCents: 1001 })).toEqual(['amount', 'amount_cents'])
  })

  it('agrees with itself: any cents value given both ways is accepted', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e13 }), (n) => {
        const euros = `${Math.floor(n / 100)}.${String(n % 100).padStart(2, '0')}`
        expect(resolveExpenseAmount({ amount: euros, amountCents: n })).toEqual({ ok: true, value: n })
        expect(resolveExpenseAmount({ amount: euros, amountCents: n + 1 }).ok).toBe(false)
      }),
      { numRuns: 500 },
    )
  })
})
