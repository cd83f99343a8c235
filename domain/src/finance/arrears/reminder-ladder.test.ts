import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { DEFAULT_REMINDER_STEPS } from './arrears.entity.ts'
import { addDays } from './calendar-days.ts'
import { dueReminderSteps, type SentStep } from './reminder-ladder.ts'

const line = (outstandingCents: number, dueDate = '2026-01-31') => ({
  lineId: 'l1',
  ownerId: 'o1',
  dueDate,
  outstandingCents,
})

describe('the reminder ladder (issue #16 item 4)', () => {
  it('defaults: friendly at due + 15, firm at + 30, formal notice at + 60', () => {
    const steps = DEFAULT_REMINDER_STEPS
    expect(dueReminderSteps('2026-02-14', steps, [line(100)], [])).toEqual([])
    expect(dueReminderSteps('2026-02-15', steps, [line(100)], [])).toEqual([
      { lineId: 'l1', ownerId: 'o1', step: 0, kind: 'friendly' },
    ])
    const sent: SentStep[] = [{ lineId: 'l1', step: 0, sentOn: '2026-02-15' }]
    expect(dueReminderSteps('2026-03-01', steps, [line(100)], sent)).toEqual([])
    expect(dueReminderSteps('2026-03-02', steps, [line(100)], sent)).toEqual([
      { lineId: 'l1', ownerId: 'o1', step: 1, kind: 'firm' },
    ])
    sent.push({ lineId: 'l1', step: 1, sentOn: '2026-03-02' })
    expect(dueReminderSteps('2026-03-31', steps, [line(100)], sent)).toEqual([])
    expect(dueReminderSteps('2026-04-01', steps, [line(100)], sent)).toEqual([
      { lineId: 'l1', ownerId: 'o1', step: 2, kind: 'formal_notice' },
    ])
    sent.push({ lineId: 'l1', step: 2, sentOn: '2026-04-01' })
    expect(dueReminderSteps('2027-01-01', steps, [line(100)], sent)).toEqual([])
  })

  it('a paid line stops the ladder; a partly paid one stays overdue', () => {
    expect(dueReminderSteps('2026-06-01', DEFAULT_REMINDER_STEPS, [line(0)], [])).toEqual([])
    expect(dueReminderSteps('2026-06-01', DEFAULT_REMINDER_STEPS, [line(1)], [])).toHaveLength(1)
  })

  it('a ladder started late sends the first step only, then keeps the spacing', () => {
    expect(dueReminderSteps('2026-12-01', DEFAULT_REMINDER_STEPS, [line(100)], [])).toEqual([
      { lineId: 'l1', ownerId: 'o1', step: 0, kind: 'friendly' },
    ])
    const sent = [{ lineId: 'l1', step: 0, sentOn: '2026-12-01' }]
    expect(dueReminderSteps('2026-12-15', DEFAULT_REMINDER_STEPS, [line(100)], sent)).toEqual([])
    expect(dueReminderSteps('2026-12-16', DEFAULT_REMINDER_STEPS, [line(100)], sent)).toHaveLength(1)
  })

  it('property: daily runs send each step once, in order, never before its day, and nothing for a paid line', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 400 }),
        fc.integer({ min: 0, max: 3 }),
        fc.integer({ min: 0, max: 200 }),
        (offset, paidAfterStep, horizon) => {
          const due = addDays('2026-01-01', offset)
          const sent: SentStep[] = []
          let outstanding = 500
          for (let d = 0; d <= 70 + horizon; d++) {
            const asOf = addDays(due, d)
            const got = dueReminderSteps(asOf, DEFAULT_REMINDER_STEPS, [line(outstanding, due)], sent)
            for (const g of got) {
              expect(g.step).toBe(sent.length)
              expect(d).toBeGreaterThanOrEqual(DEFAULT_REMINDER_STEPS[g.step]?.daysAfterDue ?? Infinity)
              expect(outstanding).toBeGreaterThan(0)
              sent.push({ lineId: g.lineId, step: g.step, sentOn: asOf })
              if (sent.length === paidAfterStep) outstanding = 0
            }
          }
          expect(new Set(sent.map((s) => s.step)).size).toBe(sent.length)
          expect(sent.length).toBe(paidAfterStep === 0 ? 3 : Math.min(paidAfterStep, 3))
        },
      ),
      { numRuns: 100 },
    )
  })
})
