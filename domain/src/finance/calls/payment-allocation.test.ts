import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { allocatePayment, type OpenLine } from './payment-allocation.ts'

const line = (id: string, dueDate: string, outstandingCents: number, order = 0): OpenLine => ({
  id,
  dueDate,
  order,
  communication: `c-${id}`,
  outstandingCents,
})

describe('allocatePayment', () => {
  const lines = [
    line('q2', '2026-04-01', 30_000),
    line('q1', '2026-01-01', 30_000),
    line('q3', '2026-07-01', 30_000),
  ]

  it('oldest due first, a partial payment leaves the next line partly due', () => {
    expect(allocatePayment(45_000, null, lines)).toEqual({
      allocations: [
        { lineId: 'q1', amountCents: 30_000 },
        { lineId: 'q2', amountCents: 15_000 },
      ],
      creditCents: 0,
    })
  })

  it('a communication naming a line pays that line first', () => {
    expect(allocatePayment(40_000, 'c-q3', lines).allocations).toEqual([
      { lineId: 'q3', amountCents: 30_000 },
      { lineId: 'q1', amountCents: 10_000 },
    ])
  })

  it('an overpayment becomes a credit', () => {
    expect(allocatePayment(100_000, null, lines).creditCents).toBe(10_000)
  })

  it('property: allocations + credit = payment, no line over-paid, older lines filled before newer ones', () => {
    const linesArb = fc.array(
      fc.record({
        day: fc.integer({ min: 1, max: 28 }),
        month: fc.integer({ min: 1, max: 12 }),
        due: fc.integer({ min: 0, max: 500_000 }),
      }),
      { maxLength: 20 },
    )
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 3_000_000 }),
        linesArb,
        fc.option(fc.nat(25)),
        (amount, rows, pick) => {
          const open = rows.map((r, i) =>
            line(
              `l${i}`,
              `2026-${String(r.month).padStart(2, '0')}-${String(r.day).padStart(2, '0')}`,
              r.due,
              i,
            ),
          )
          const communication = pick === null ? null : `c-l${pick}`
          const { allocations, creditCents } = allocatePayment(amount, communication, open)
          expect(allocations.reduce((s, a) => s + a.amountCents, 0) + creditCents).toBe(amount)
          expect(creditCents).toBeGreaterThanOrEqual(0)
          for (const a of allocations) {
            const l = open.find((x) => x.id === a.lineId)
            expect(a.amountCents).toBeGreaterThan(0)
            expect(a.amountCents).toBeLessThanOrEqual(l?.outstandingCents ?? 0)
          }
          const totalDue = open.reduce((s, l) => s + l.outstandingCents, 0)
          expect(creditCents).toBe(Math.max(0, amount - totalDue))
          // Apart from the named line, a line is touched only when every older one is fully paid.
          const paid = new Map(allocations.map((a) => [a.lineId, a.amountCents]))
          const others = open.filter((l) => l.communication !== communication && l.outstandingCents > 0)
          for (const l of others) {
            if (!paid.has(l.id)) continue
            for (const older of others) {
              const isOlder =
                older.dueDate < l.dueDate || (older.dueDate === l.dueDate && older.order < l.order)
              if (isOlder) expect(paid.get(older.id)).toBe(older.outstandingCents)
            }
          }
        },
      ),
    )
  })
})
