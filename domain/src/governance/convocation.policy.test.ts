import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { CONVOCATION_MIN_DAYS, convocationDeadline, isConvocationTimely } from './convocation.policy.ts'

describe('convocationDeadline', () => {
  it('is 15 full days before the assembly', () => {
    expect(CONVOCATION_MIN_DAYS).toBe(15)
    expect(convocationDeadline(new Date('2026-04-20T18:00:00Z'))).toEqual(new Date('2026-04-05T18:00:00Z'))
  })

  it('keeps 15 × 24 h across the spring daylight-saving change (never a shorter notice)', () => {
    // Brussels switches to summer time on 2026-03-29: the calendar count would be an hour shorter.
    expect(convocationDeadline(new Date('2026-04-05T17:00:00Z'))).toEqual(new Date('2026-03-21T17:00:00Z'))
  })

  it('accepts a convocation sent on the deadline and refuses one a millisecond later', () => {
    const ag = new Date('2026-06-10T17:30:00Z')
    const deadline = convocationDeadline(ag)
    expect(isConvocationTimely(deadline, ag)).toBe(true)
    expect(isConvocationTimely(new Date(deadline.getTime() + 1), ag)).toBe(false)
    expect(isConvocationTimely(new Date('2026-05-01T00:00:00Z'), ag)).toBe(true)
  })

  it('always leaves at least 15 days between the deadline and the assembly', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }),
        (ag) => {
          const gap = ag.getTime() - convocationDeadline(ag).getTime()
          expect(gap).toBe(15 * 86_400_000)
        },
      ),
    )
  })
})
