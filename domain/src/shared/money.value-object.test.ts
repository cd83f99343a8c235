import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { centsFromEuros, centsToEuros } from './money.value-object.ts'

describe('centsFromEuros', () => {
  it('reads numbers and strings with up to two decimals exactly', () => {
    expect(centsFromEuros(12.34)).toEqual({ ok: true, value: 1234 })
    expect(centsFromEuros('12,5')).toEqual({ ok: true, value: 1250 })
    expect(centsFromEuros(0)).toEqual({ ok: true, value: 0 })
    expect(centsFromEuros(-3.1)).toEqual({ ok: true, value: -310 })
    expect(centsFromEuros(1234567.89)).toEqual({ ok: true, value: 123456789 })
  })

  it('refuses float noise and more than two decimals instead of rounding', () => {
    expect(centsFromEuros(0.1 + 0.2).ok).toBe(false)
    expect(centsFromEuros(1.005).ok).toBe(false)
    expect(centsFromEuros('1.234').ok).toBe(false)
    expect(centsFromEuros(Number.NaN).ok).toBe(false)
    expect(centsFromEuros(Number.POSITIVE_INFINITY).ok).toBe(false)
    expect(centsFromEuros(1e21).ok).toBe(false)
    expect(centsFromEuros('abc').ok).toBe(false)
  })

  it('round-trips every cents amount through euros', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e13, max: 1e13 }), (n) => {
        const back = centsFromEuros(centsToEuros(n))
        expect(back).toEqual({ ok: true, value: n })
      }),
    )
  })
})
