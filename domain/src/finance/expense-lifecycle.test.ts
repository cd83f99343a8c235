import { beforeEach, describe, expect, it } from 'vitest'
import { trialBalanceOfLines } from '../ledger/trial-balance.ts'
import type { DomainError } from '../shared/domain-error.ts'
import type { Result } from '../shared/result.ts'
import { type CreateExpenseInput, createExpense } from './create-expense.use-case.ts'
import { approveExpense, cancelExpense, correctExpense } from './expense-lifecycle.use-cases.ts'
import { getExpenseDistribution } from './get-expense-distribution.use-case.ts'
import { markExpensePaid } from './mark-expense-paid.use-case.ts'
import { actorOf, FinanceWorld } from './testing/finance-test-context.ts'

/* Issue #15 item 2: draft → approved (posted) → paid; VAT; supplier; credit notes; reversal. */

const value = <T>(r: Result<T>): T => {
  if (!r.ok) throw new Error(`expected ok, got ${r.error.kind}: ${r.error.message}`)
  return r.value
}
const failure = <T>(r: Result<T>): DomainError => {
  if (r.ok) throw new Error('expected an error')
  return r.error
}
const syndic = actorOf('syndic', 'org-1')

let world: FinanceWorld
let buildingId: string
let units: { a1: string; a2: string }

beforeEach(() => {
  world = new FinanceWorld()
  const b = world.addBuilding('org-1', 1000)
  const a1 = world.addUnit(b, 'A1', 600)
  const a2 = world.addUnit(b, 'A2', 400)
  world.addOwnership(a1, world.addOwner('org-1'), 1_000_000)
  world.addOwnership(a2, world.addOwner('org-1'), 1_000_000)
  buildingId = b.id
  units = { a1: a1.id, a2: a2.id }
})

const ctx = () => world.context(syndic)
const create = async (over: Partial<CreateExpenseInput> = {}) =>
  value(
    await createExpense({
      ctx: ctx(),
      input: {
        buildingId,
        category: 'Maintenance',
        description: 'Lift maintenance',
        amountCents: 121_00,
        expenseDate: '2026-02-10',
        ...over,
      },
    }),
  )
const postings = () =>
  world.ledger.entries.map((e) => [
    e.journal,
    e.lines.map((l) => `${l.account}:${l.debitCents}/${l.creditCents}`).join(' '),
  ])
const balanced = () => trialBalanceOfLines(world.ledger.entries.flatMap((e) => e.lines)).balanceCents === 0

describe('draft → approved → paid, each posted in the same unit of work', () => {
  it('a draft is not in the books; approving posts charge / supplier; paying posts supplier / bank', async () => {
    const draft = await create({ draft: true })
    expect(draft).toMatchObject({
      status: 'draft',
      paymentStatus: 'Pending',
      postedAt: null,
      distribution: null,
    })
    expect(world.ledger.entries).toEqual([])
    expect(
      failure(
        await markExpensePaid({
          ctx: ctx(),
          input: { id: draft.id, fields: {}, expectedVersion: undefined },
        }),
      ),
    ).toMatchObject({
      code: 'expense_not_approved',
    })

    const approved = value(await approveExpense({ ctx: ctx(), input: { id: draft.id } }))
    expect(approved.status).toBe('approved')
    expect(postings()).toEqual([['purchases', '610:12100/0 440:0/12100']])
    expect(failure(await approveExpense({ ctx: ctx(), input: { id: draft.id } }))).toMatchObject({
      code: 'expense_already_approved',
    })

    const paid = value(
      await markExpensePaid({
        ctx: ctx(),
        input: { id: draft.id, fields: { paidDate: '2026-03-01' }, expectedVersion: undefined },
      }),
    )
    expect(paid).toMatchObject({ status: 'paid', paymentStatus: 'Paid' })
    expect(postings()[1]).toEqual(['financial', '440:12100/0 550:0/12100'])
    expect(world.audit.map((a) => a.action)).toEqual([
      'expense.create',
      'expense.approve',
      'expense.mark_paid',
    ])
    expect(balanced()).toBe(true)
  })

  it('a failed posting rolls the use case back: nothing is approved without its entry', async () => {
    const draft = await create({ draft: true })
    world.ledger.insert = async () => {
      throw new Error('disk full')
    }
    await expect(approveExpense({ ctx: ctx(), input: { id: draft.id } })).rejects.toThrow('disk full')
  })
})

describe('VAT, supplier and credit notes', () => {
  it('keeps the VAT breakdown (no longer dropped) and derives the missing parts', async () => {
    const e = await create({ amountCents: undefined, amountExclVatCents: 100_00, vatRate: 21 })
    expect(e).toMatchObject({ amountCents: 121_00, amountExclVatCents: 100_00, vatRate: 21, vatCents: 21_00 })
    const six = await create({ amountCents: 10_60, amountExclVatCents: 10_00, vatRate: 6, vatCents: 60 })
    expect(six.vatCents).toBe(60)
  })

  it('refuses amounts that do not agree, a rate that is not Belgian, and a bad IBAN or enterprise number', async () => {
    const bad = async (over: Partial<CreateExpenseInput>) => {
      const r = await createExpense({
        ctx: ctx(),
        input: {
          buildingId,
          category: 'Repairs',
          description: 'x',
          amountCents: 121_00,
          expenseDate: '2026-02-10',
          ...over,
        },
      })
      const error = failure(r)
      return error.kind === 'validation' ? error.issues.map((i) => i.path) : []
    }
    expect(await bad({ amountExclVatCents: 100_00, vatRate: 21, vatCents: 20_00 })).toContain('vat_cents')
    expect(await bad({ amountExclVatCents: 100_01, vatRate: 21 })).toContain('amount_cents')
    expect(await bad({ amountExclVatCents: 100_00, vatRate: 19 })).toContain('vat_rate')
    expect(await bad({ vatCents: 21_00 })).toContain('vat_rate')
    expect(await bad({ supplierIban: 'BE68 5390 0754 7035' })).toContain('supplier_iban')
    expect(await bad({ supplierEnterpriseNumber: '0123.456.789' })).toContain('supplier_enterprise_number')
    expect(await bad({ amountCents: -5_00 })).toContain('amount_cents')
    expect(world.ledger.entries).toEqual([])
  })

  it('normalizes the supplier identifiers', async () => {
    const e = await create({
      supplier: 'Ascenseurs SA',
      supplierEnterpriseNumber: 'BE0123456749',
      supplierIban: 'be68 5390 0754 7034',
    })
    expect(e).toMatchObject({ supplierEnterpriseNumber: '0123.456.749', supplierIban: 'BE68539007547034' })
  })

  it('a credit note (negative, explicit) posts the sides swapped and splits negative parts', async () => {
    const note = await create({
      creditNote: true,
      amountCents: -60_50,
      amountExclVatCents: -50_00,
      vatRate: 21,
    })
    expect(note.amountCents).toBe(-60_50)
    expect(postings()).toEqual([['purchases', '440:6050/0 610:0/6050']])
    expect(note.distribution?.units.map((u) => u.amountCents)).toEqual([-36_30, -24_20])
    value(
      await markExpensePaid({
        ctx: ctx(),
        input: { id: note.id, fields: { paidDate: '2026-03-01' }, expectedVersion: undefined },
      }),
    )
    expect(postings()[1]).toEqual(['financial', '550:6050/0 440:0/6050'])
    expect(balanced()).toBe(true)
  })
})

describe('correction and cancellation by reversal', () => {
  it('cancelling an approved expense reverses its entry; the row and the original entry stay', async () => {
    const e = await create()
    const cancelled = value(await cancelExpense({ ctx: ctx(), input: { id: e.id, reason: 'duplicate' } }))
    expect(cancelled).toMatchObject({
      status: 'cancelled',
      paymentStatus: 'Cancelled',
      cancelReason: 'duplicate',
    })
    expect(postings()).toEqual([
      ['purchases', '610:12100/0 440:0/12100'],
      ['miscellaneous', '610:0/12100 440:12100/0'],
    ])
    expect(world.ledger.entries[1]?.reversesEntryId).toBe(world.ledger.entries[0]?.id)
    expect(
      trialBalanceOfLines(world.ledger.entries.flatMap((x) => x.lines)).rows.every(
        (r) => r.balanceCents === 0,
      ),
    ).toBe(true)
  })

  it('cancelling a draft posts nothing; a paid expense is not cancelled (a credit note is)', async () => {
    const draft = await create({ draft: true })
    value(await cancelExpense({ ctx: ctx(), input: { id: draft.id } }))
    expect(world.ledger.entries).toEqual([])
    const paid = await create()
    value(
      await markExpensePaid({
        ctx: ctx(),
        input: { id: paid.id, fields: { paidDate: '2026-03-01' }, expectedVersion: undefined },
      }),
    )
    expect(failure(await cancelExpense({ ctx: ctx(), input: { id: paid.id } }))).toMatchObject({
      code: 'expense_already_paid',
    })
  })

  it('a correction reverses the original and posts the corrected expense; both rows stay, linked', async () => {
    const e = await create()
    const fixed = value(
      await correctExpense({
        ctx: ctx(),
        input: {
          id: e.id,
          reason: 'wrong amount',
          fields: {
            category: 'Repairs',
            description: 'Lift repair',
            amountCents: 242_00,
            expenseDate: '2026-02-10',
          },
        },
      }),
    )
    expect(fixed).toMatchObject({ status: 'approved', correctsExpenseId: e.id, amountCents: 242_00 })
    const original = world.expenses.rows.get(e.id)
    expect(original).toMatchObject({ status: 'cancelled', correctedByExpenseId: fixed.id })
    expect(postings()).toEqual([
      ['purchases', '610:12100/0 440:0/12100'],
      ['purchases', '611:24200/0 440:0/24200'],
      ['miscellaneous', '610:0/12100 440:12100/0'],
    ])
    expect(balanced()).toBe(true)
  })
})

describe('the distribution is frozen at approval', () => {
  it('a later quota change does not rewrite an approved expense; a draft follows the register until approved', async () => {
    const approved = await create({ amountCents: 1000_00 })
    const draft = await create({ amountCents: 1000_00, draft: true })
    // The register changes after the invoice: A1 600 → 500, A2 400 → 500.
    world.units.splice(
      0,
      2,
      { ...world.units[0], quota: 500 } as never,
      { ...world.units[1], quota: 500 } as never,
    )
    const frozen = value(await getExpenseDistribution({ ctx: ctx(), input: { id: approved.id } }))
    expect(frozen.units.map((u) => [u.unitId, u.quota, u.amountCents])).toEqual([
      [units.a1, 600, 600_00],
      [units.a2, 400, 400_00],
    ])
    const live = value(await getExpenseDistribution({ ctx: ctx(), input: { id: draft.id } }))
    expect(live.units.map((u) => u.amountCents)).toEqual([500_00, 500_00])
  })
})

describe('rows approved before the books existed (v1 data)', () => {
  it('are posted at their next money event, so paying one leaves the supplier account at zero', async () => {
    const e = await create()
    // As migration 0011 leaves a v1 row: approved, never posted, no frozen distribution.
    world.expenses.rows.set(e.id, { ...e, postedAt: null, distribution: null })
    world.ledger.entries.length = 0
    value(
      await markExpensePaid({
        ctx: ctx(),
        input: { id: e.id, fields: { paidDate: '2026-03-01' }, expectedVersion: undefined },
      }),
    )
    expect(postings()).toEqual([
      ['purchases', '610:12100/0 440:0/12100'],
      ['financial', '440:12100/0 550:0/12100'],
    ])
    expect(world.expenses.rows.get(e.id)?.distribution?.amountCents).toBe(121_00)
  })
})
